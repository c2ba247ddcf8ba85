//go:build !unix

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/preflighttest"
)

// specialFiles are files that are no PDF files to read: a sparse file larger than the
// preflight reads (Windows has no named pipes or devices in the file system).
func specialFiles(t *testing.T, dir string) []preflighttest.Case {
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
		{Name: "300 MB", Path: big, Want: []string{"has 300 MB; the preflight reads PDF files of up to 256 MB"}},
	}
}
