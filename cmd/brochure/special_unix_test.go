//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/preflighttest"
)

// specialFiles are files that are no PDF files to read: a device that never ends, a named
// pipe that blocks its reader, a sparse file larger than the preflight reads.
func specialFiles(t *testing.T, dir string) []preflighttest.Case {
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.pdf")
	f, err := os.Create(big)
	if err == nil {
		err = f.Truncate(300 << 20)
		f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return []preflighttest.Case{
		{Name: "/dev/zero", Path: "/dev/zero", Want: []string{"/dev/zero is not a regular file but a device"}},
		{Name: "named pipe", Path: fifo, Want: []string{"is not a regular file but a named pipe"}},
		{Name: "300 MB", Path: big, Want: []string{"has 300 MB; the preflight reads PDF files of up to 256 MB"}},
	}
}
