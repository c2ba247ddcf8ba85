//go:build !windows

package fileset

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// canReplace reports whether the file at path can be replaced by a rename: on Unix-like
// systems a rename replaces a file whoever holds it open, so it always can.
func canReplace(string) error { return nil }

// rename renames oldpath to newpath, replacing it.
func rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// syncDir makes the renames durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return fmt.Errorf("sync output directory: %w", err)
	}
	return nil
}
