//go:build unix

package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestKilledBuildLeavesCompleteFiles builds the real binary, starts `brochure build` again
// and again and kills it with SIGKILL after growing delays, so that the kills land in every
// phase of a build. After each kill every output under its final name must be complete; a
// last build must leave exactly the outputs and no temporary file.
func TestKilledBuildLeavesCompleteFiles(t *testing.T) {
	dir := t.TempDir()
	bin := binary
	out := filepath.Join(dir, "out")
	data := filepath.Join(dir, "net.yaml")
	if err := os.WriteFile(data, testkit.Network, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(bin, "build", "-data", data, "-out", out).Run(); err != nil {
		t.Fatal(err)
	}
	for _, delay := range []time.Duration{2, 5, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200} {
		cmd := exec.Command(bin, "build", "-data", data, "-out", out)
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkComplete(t, out, delay)
	}
	if err := exec.Command(bin, "build", "-data", data, "-out", out).Run(); err != nil {
		t.Fatal(err)
	}
	checkComplete(t, out, 0)
	var names []string
	es, _ := os.ReadDir(out)
	for _, e := range es {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".brochure.lock "+strings.Join(sortedOutputs(), " "); got != want {
		t.Errorf("after a complete build the directory holds\n%s\nwant\n%s", got, want)
	}
}

// checkComplete asserts that every output in dir is complete.
func checkComplete(t *testing.T, dir string, after time.Duration) {
	t.Helper()
	for _, name := range outputs {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("killed after %v: %s: %v", after*time.Millisecond, name, err)
			continue
		}
		switch filepath.Ext(name) {
		case ".pdf":
			if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Errorf("killed after %v: %s is cut short", after*time.Millisecond, name)
			}
		case ".xlsx":
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("killed after %v: %s is no complete zip: %v", after*time.Millisecond, name, err)
			}
		case ".csv":
			if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || !bytes.HasSuffix(b, []byte("\r\n")) {
				t.Errorf("killed after %v: %s is cut short", after*time.Millisecond, name)
			}
		}
	}
}
