package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
)

// pdfFileSize checks that name is a regular file the preflight may read and returns its
// size: pipes and devices would block or never end, and a file larger than
// preflight.MaxFileSize is refused before it is read.
func pdfFileSize(name string) (int64, error) {
	st, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, fmt.Errorf("%s: no such file", name)
	case err != nil:
		return 0, err
	case st.IsDir():
		return 0, fmt.Errorf("%s is a folder, not a PDF file", name)
	case !st.Mode().IsRegular():
		return 0, fmt.Errorf("%s is not a regular file but %s; the preflight reads PDF files", name, fileKind(st.Mode()))
	case st.Size() > preflight.MaxFileSize:
		return 0, fmt.Errorf("%s has %d MB; the preflight reads PDF files of up to %d MB", name, st.Size()>>20, preflight.MaxFileSize>>20)
	}
	return st.Size(), nil
}

// fileKind names the kind of a file that is not regular.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
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
		return nil, fmt.Errorf("%s changed while it was read", name)
	}
	b := make([]byte, 0, size)
	b, err = readAtMost(f, b, preflight.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return b, nil
}

// readAtMost appends what r holds to b, failing beyond max bytes.
func readAtMost(r io.Reader, b []byte, max int64) ([]byte, error) {
	for {
		if int64(len(b)) > max {
			return nil, fmt.Errorf("more than %d MB", max>>20)
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
