package fileset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// ErrExists reports that WriteFile was asked not to replace a file that exists.
var ErrExists = errors.New("file exists")

// WriteFile writes one file at path through a temporary file beside it. Unless overwrite is
// set, an existing file at path is left alone and ErrExists returned.
func WriteFile(path string, data []byte, overwrite bool) error {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	w := &Writer{Dir: dir}
	t, err := w.writeTemp(File{Name: name, Data: data})
	if err != nil {
		if t != "" {
			os.Remove(t)
		}
		return i18n.Wrap(err, "fileset.write", path, err)
	}
	defer os.Remove(t)
	if overwrite {
		err = os.Rename(t, path)
	} else {
		err = os.Link(t, path) // fails when path exists, even if created meanwhile
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	if err != nil {
		return i18n.Wrap(err, "fileset.write", path, err)
	}
	return nil
}
