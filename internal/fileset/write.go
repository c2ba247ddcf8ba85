package fileset

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"

	"github.com/rogpeppe/go-internal/lockedfile"
)

// File is one output: a name inside the directory and its complete content.
type File struct {
	Name string
	Data []byte
}

// tempPrefix starts the name of every temporary file, so that stale ones can be found.
const tempPrefix = ".brochure-tmp-"

// journalName is the file that lists the renames of a set being put in place.
const journalName = ".brochure.journal"

// lockName is the lock file that serializes writers of one directory.
const lockName = ".brochure.lock"

// Perm is the mode of every file written: readable by all, writable by the owner, never
// executable.
const Perm = 0o644

// Writer writes file sets into a directory.
type Writer struct {
	// Dir is the directory; it is created when missing.
	Dir string
	// Wrap, when set, wraps the writer of each temporary file (tests use it to simulate a
	// full disk).
	Wrap func(io.Writer) io.Writer
	// BeforeRename, when set, is called after every temporary file is complete and before
	// the first rename (tests use it to stop a build half-way).
	BeforeRename func()
	// AfterRename, when set, is called after the i-th file is renamed into place (tests use
	// it to stop a build between two renames).
	AfterRename func(i int)

	// replaceable, when set, stands in for the operating system's answer whether an
	// existing output can be replaced (tests use it to hold a file as Windows does).
	replaceable func(path string) error
}

// WriteAll writes every file or, failing that, leaves the directory's previous files as they
// were. It first checks that every existing output can be replaced (on Windows a file open
// in another program cannot); then temporary files are written, and only when all of them
// are complete are they renamed into place. Before the renames a journal lists them; a build
// killed between two renames is completed by the next WriteAll into the directory, so the
// directory always comes back to one complete set.
func (w *Writer) WriteAll(files []File) (err error) {
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || strings.HasPrefix(f.Name, ".") {
			return fmt.Errorf("output name %q is not a plain file name", f.Name)
		}
	}
	if err := os.MkdirAll(w.Dir, 0o755); err != nil {
		return i18n.Wrap(err, "fileset.mkdir", w.Dir, err)
	}
	unlock, err := lockedfile.MutexAt(filepath.Join(w.Dir, lockName)).Lock()
	if err != nil {
		return i18n.Wrap(err, "fileset.lock", w.Dir, err)
	}
	defer unlock()
	if err := w.checkTargets(files); err != nil {
		return err
	}
	if err := rollForward(w.Dir); err != nil {
		return err
	}
	removeStale(w.Dir)

	temps := make([]string, 0, len(files))
	renaming := false
	defer func() {
		// Before the renames a failure removes the temporary files; once they have begun,
		// the files and the journal stay, so that the next build completes the set.
		if err != nil && !renaming {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		t, err := w.writeTemp(f)
		if t != "" {
			temps = append(temps, t)
		}
		if err != nil {
			return i18n.Wrap(err, "fileset.write", filepath.Join(w.Dir, f.Name), err)
		}
	}
	if err := writeJournal(w.Dir, temps, files); err != nil {
		return err
	}
	if w.BeforeRename != nil {
		w.BeforeRename()
	}
	renaming = true
	for i, f := range files {
		if err := rename(temps[i], filepath.Join(w.Dir, f.Name)); err != nil {
			return &PartialError{Path: filepath.Join(w.Dir, f.Name), Done: i, Err: err}
		}
		if w.AfterRename != nil {
			w.AfterRename(i)
		}
	}
	temps = nil
	if err := syncDir(w.Dir); err != nil {
		return err
	}
	return os.Remove(filepath.Join(w.Dir, journalName))
}

// checkTargets finds, before anything is written, every output that is a directory or that
// the operating system will not let us replace, and reports them all at once.
func (w *Writer) checkTargets(files []File) error {
	replaceable := w.replaceable
	if replaceable == nil {
		replaceable = canReplace
	}
	var inUse InUseError
	for _, f := range files {
		path := filepath.Join(w.Dir, f.Name)
		st, err := os.Lstat(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err == nil && st.IsDir() {
			// A rename cannot replace a directory.
			return i18n.T("fileset.isdir", path)
		}
		if err == nil && st.Mode().IsRegular() {
			err = replaceable(path)
		}
		if err != nil {
			inUse.Files = append(inUse.Files, Blocked{Path: path, ReadOnly: errors.Is(err, errReadOnly), Err: err})
		}
	}
	if len(inUse.Files) > 0 {
		return &inUse
	}
	return nil
}

// writeTemp writes f to a new temporary file in the directory and returns its name.
func (w *Writer) writeTemp(f File) (string, error) {
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", err
	}
	name := filepath.Join(w.Dir, tempPrefix+hex.EncodeToString(rnd[:])+"-"+f.Name)
	fh, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, Perm)
	if err != nil {
		return "", err
	}
	if err := fh.Chmod(Perm); err != nil { // whatever the umask says
		fh.Close()
		return name, err
	}
	var dst io.Writer = fh
	if w.Wrap != nil {
		dst = w.Wrap(fh)
	}
	_, err = dst.Write(f.Data)
	if err == nil {
		err = fh.Sync()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	return name, err
}

// writeJournal records which temporary file becomes which output, durably, before the
// first rename.
func writeJournal(dir string, temps []string, files []File) error {
	var b strings.Builder
	for i, f := range files {
		fmt.Fprintf(&b, "%s\t%s\n", filepath.Base(temps[i]), f.Name)
	}
	w := &Writer{Dir: dir}
	t, err := w.writeTemp(File{Name: "journal", Data: []byte(b.String())})
	if err == nil {
		err = rename(t, filepath.Join(dir, journalName))
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		os.Remove(t)
		return i18n.Wrap(err, "fileset.journal.write", err)
	}
	return nil
}

// rollForward completes the renames of a build that was stopped while putting its files in
// place: its temporary files are all complete, as the journal is written only then.
func rollForward(dir string) error {
	path := filepath.Join(dir, journalName)
	j, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return i18n.Wrap(err, "fileset.journal.read", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(j)), "\n") {
		temp, final, ok := strings.Cut(line, "\t")
		if !ok || temp != filepath.Base(temp) || final != filepath.Base(final) || !strings.HasPrefix(temp, tempPrefix) {
			return i18n.T("fileset.journal.damaged", path)
		}
		err := rename(filepath.Join(dir, temp), filepath.Join(dir, final))
		if err != nil && !errors.Is(err, os.ErrNotExist) { // renamed before the stop
			return &PartialError{Path: filepath.Join(dir, final), Err: err, Resumed: true}
		}
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return os.Remove(path)
}

// removeStale deletes temporary files that an interrupted build left. The caller holds the
// lock, so no other build is writing them.
func removeStale(dir string) {
	stale, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, s := range stale {
		os.Remove(s)
	}
}
