//go:build unix

package fileset

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestKilledBuild runs a writer in a child process that is killed with SIGKILL while
// writing (after part of a temporary file), after all temporary files are complete but
// before any rename, and between two renames. In the first two cases the previous set must
// be intact, no partial file may carry a final name, and the next write must clean up the
// stale temporary files; in the last, every file is complete and the next write completes
// the killed build's set from its journal.
func TestKilledBuild(t *testing.T) {
	if dir := os.Getenv("OUTPUT_TEST_KILL_DIR"); dir != "" {
		w := &Writer{Dir: dir}
		kill := func() { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
		switch os.Getenv("OUTPUT_TEST_KILL_AT") {
		case "between-renames":
			w.AfterRename = func(i int) {
				if i == 0 {
					kill()
				}
			}
		case "write":
			n := 0
			w.Wrap = func(w io.Writer) io.Writer {
				if n++; n == 2 {
					return writerFunc(func(p []byte) (int, error) {
						w.Write(p[:len(p)/2])
						kill()
						select {}
					})
				}
				return w
			}
		default:
			w.BeforeRename = kill
		}
		w.WriteAll(set("new", 50000))
		os.Exit(3) // not reached
	}
	for _, at := range []string{"write", "rename", "between-renames"} {
		t.Run(at, func(t *testing.T) {
			dir := testkit.TempDir(t)
			if err := (&Writer{Dir: dir}).WriteAll(set("old", 50000)); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuild$")
			cmd.Env = append(os.Environ(), "OUTPUT_TEST_KILL_DIR="+dir, "OUTPUT_TEST_KILL_AT="+at)
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("child was not killed: %v", err)
			}
			if at == "between-renames" {
				// Every file under a final name is complete, old or new; the next write
				// into the directory completes the killed build's set.
				for _, f := range set("old", 50000) {
					b, _ := os.ReadFile(filepath.Join(dir, f.Name))
					var v string
					for _, g := range append(set("old", 50000), set("new", 50000)...) {
						if g.Name == f.Name && bytes.Equal(b, g.Data) {
							v = "ok"
						}
					}
					if v == "" {
						t.Errorf("%s is neither the old nor the new file", f.Name)
					}
				}
				if err := (&Writer{Dir: dir}).WriteAll(nil); err != nil {
					t.Fatal(err)
				}
				checkSet(t, dir, 50000, "new")
				return
			}
			checkSet(t, dir, 50000, "old")
			stale := 0
			for _, n := range names(t, dir) {
				if strings.HasPrefix(n, tempPrefix) {
					stale++
				}
			}
			if stale == 0 {
				t.Error("the killed build left no temporary file: the test did not kill it mid-write")
			}
			if err := (&Writer{Dir: dir}).WriteAll(set("next", 10)); err != nil {
				t.Fatal(err)
			}
			checkSet(t, dir, 10, "next")
			if got := len(names(t, dir)); got != 4 {
				t.Errorf("stale files not cleaned up: %v", names(t, dir))
			}
		})
	}
}
