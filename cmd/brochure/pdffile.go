package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
)

// pdfFileSize checks that name is a regular file the preflight may read and returns its
// size: pipes and devices would block or never end, and a file larger than
// preflight.MaxFileSize is refused before it is read. Its errors are messages of the
// catalogue.
func pdfFileSize(name string) (int64, error) {
	st, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, i18n.Wrap(err, "cli.nofile", name)
	case err != nil:
		return 0, err
	case st.IsDir():
		return 0, i18n.T("cli.preflight.folder", name)
	case !st.Mode().IsRegular():
		return 0, i18n.T("cli.preflight.special", name, fileKind(st.Mode()))
	case st.Size() > preflight.MaxFileSize:
		return 0, i18n.T("cli.preflight.large", name, int(st.Size()>>20), int(preflight.MaxFileSize>>20))
	}
	return st.Size(), nil
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) i18n.Text {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return i18n.T("cli.preflight.pipe")
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return i18n.T("cli.preflight.device")
	case m&fs.ModeSocket != 0:
		return i18n.T("cli.preflight.socket")
	}
	return i18n.T("cli.preflight.otherfile")
}

// readPDFFile reads a PDF file after the checks of pdfFileSize, and never more than
// preflight.MaxFileSize bytes of it, whatever the file turns into meanwhile.
func readPDFFile(name string) ([]byte, error) {
	size, err := pdfFileSize(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, i18n.T("cli.preflight.changed", name)
	}
	b := make([]byte, 0, size)
	b, err = readAtMost(f, b, preflight.MaxFileSize)
	if err != nil {
		return nil, i18n.Wrap(err, "cli.preflight.read", name, err)
	}
	return b, nil
}

// readAtMost appends what r holds to b, failing beyond max bytes.
func readAtMost(r io.Reader, b []byte, max int64) ([]byte, error) {
	for {
		if int64(len(b)) > max {
			return nil, i18n.T("cli.preflight.over", int(max>>20))
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
