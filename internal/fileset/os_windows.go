package fileset

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// canReplace reports whether the file at path can be replaced by a rename: that needs DELETE
// access to it, which Windows refuses while another program holds the file open without
// sharing deletion (Excel and most PDF viewers do), or when the file is read-only.
func canReplace(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Mode().Perm()&0o200 == 0 {
		return errReadOnly
	}
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	const deleteAccess = 0x00010000 // DELETE
	h, err := syscall.CreateFile(p, deleteAccess,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE|syscall.FILE_SHARE_DELETE,
		nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return err
	}
	return syscall.CloseHandle(h)
}

// rename renames oldpath to newpath, replacing it. A virus scanner or an indexer may hold
// a fresh file for a moment, so a refusal is tried again for up to half a second.
func rename(oldpath, newpath string) error {
	var err error
	for wait := 10 * time.Millisecond; ; wait *= 2 {
		err = os.Rename(oldpath, newpath)
		if err == nil || !transient(err) || wait > 300*time.Millisecond {
			return err
		}
		time.Sleep(wait)
	}
}

// transient reports whether err is a refusal that may pass once another program lets go.
func transient(err error) bool {
	const errorSharingViolation = syscall.Errno(32)
	return errors.Is(err, syscall.ERROR_ACCESS_DENIED) || errors.Is(err, errorSharingViolation)
}

// syncDir does nothing: Windows cannot sync a directory handle, and NTFS makes renames
// durable through its own journal.
func syncDir(string) error { return nil }
