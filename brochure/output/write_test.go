package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// names lists the directory's entries, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range es {
		ns = append(ns, e.Name())
	}
	sort.Strings(ns)
	return ns
}

// set makes a file set whose every file says which version it belongs to.
func set(version string, size int) []File {
	return []File{
		{"leaflet.pdf", bytes.Repeat([]byte("pdf "+version+"\n"), size)},
		{"roster.xlsx", bytes.Repeat([]byte("xlsx "+version+"\n"), size)},
		{"roster.csv", []byte("csv " + version + "\n")},
	}
}

// checkSet asserts that the directory holds exactly one complete version of set.
func checkSet(t *testing.T, dir string, size int, versions ...string) string {
	t.Helper()
	var found string
	for _, v := range versions {
		ok := true
		for _, f := range set(v, size) {
			b, err := os.ReadFile(filepath.Join(dir, f.Name))
			if err != nil || !bytes.Equal(b, f.Data) {
				ok = false
			}
		}
		if ok {
			found = v
		}
	}
	if found == "" {
		t.Fatalf("%s holds no complete set of %v: %v", dir, versions, names(t, dir))
	}
	return found
}

func TestWriteAllReplacesSet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "sub")
	w := &Writer{Dir: dir}
	if err := w.WriteAll(set("1", 10)); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteAll(set("2", 10)); err != nil {
		t.Fatal(err)
	}
	checkSet(t, dir, 10, "2")
	if got := strings.Join(names(t, dir), " "); got != ".brochure.lock leaflet.pdf roster.csv roster.xlsx" {
		t.Errorf("directory holds %s", got)
	}
	for _, n := range []string{"leaflet.pdf", "roster.csv"} {
		st, _ := os.Stat(filepath.Join(dir, n))
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s has mode %v, want 0644", n, st.Mode().Perm())
		}
	}
}

// failAfter is a writer that fails like a full disk after n bytes.
type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, syscall.ENOSPC
	}
	f.n -= len(p)
	return f.w.Write(p)
}

func TestDiskFullKeepsPreviousSet(t *testing.T) {
	dir := t.TempDir()
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 100)); err != nil {
		t.Fatal(err)
	}
	calls := 0
	w := &Writer{Dir: dir, Wrap: func(w io.Writer) io.Writer {
		calls++
		if calls == 2 { // the second file fails half-way
			return &failAfter{w: w, n: 300}
		}
		return w
	}}
	err := w.WriteAll(set("new", 100))
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "roster.xlsx") {
		t.Fatalf("error %v, want ENOSPC naming roster.xlsx", err)
	}
	checkSet(t, dir, 100, "old")
	if got := strings.Join(names(t, dir), " "); got != ".brochure.lock leaflet.pdf roster.csv roster.xlsx" {
		t.Errorf("temporary files left behind: %s", got)
	}
}

func TestUnwritableAndFileAsDirectory(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := (&Writer{Dir: file}).WriteAll(set("1", 1)); err == nil {
		t.Error("writing into a file as directory: no error")
	}
	if err := (&Writer{Dir: filepath.Join(file, "sub")}).WriteAll(set("1", 1)); err == nil {
		t.Error("writing below a file: no error")
	}
	if os.Geteuid() != 0 { // root may write anywhere
		ro := filepath.Join(base, "ro")
		os.Mkdir(ro, 0o555)
		if err := (&Writer{Dir: ro}).WriteAll(set("1", 1)); err == nil {
			t.Error("writing into a read-only directory: no error")
		}
	}
	for _, bad := range []string{"../evil.pdf", "/etc/passwd", "sub/x.pdf", ".hidden", ""} {
		if err := (&Writer{Dir: base}).WriteAll([]File{{bad, []byte("x")}}); err == nil {
			t.Errorf("output name %q accepted", bad)
		}
	}
}

func TestSymlinkAtOutputNameIsReplaced(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "precious.txt")
	os.WriteFile(target, []byte("precious"), 0o644)
	if err := os.Symlink(target, filepath.Join(dir, "leaflet.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := (&Writer{Dir: dir}).WriteAll(set("1", 1)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Error("the write followed the symlink")
	}
	if st, _ := os.Lstat(filepath.Join(dir, "leaflet.pdf")); st.Mode()&os.ModeSymlink != 0 {
		t.Error("leaflet.pdf is still a symlink")
	}
}

func TestConcurrentBuildsLeaveOneCompleteSet(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- (&Writer{Dir: dir}).WriteAll(set(fmt.Sprint(i), 2000))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	checkSet(t, dir, 2000, "0", "1", "2", "3", "4", "5", "6", "7")
	if got := len(names(t, dir)); got != 4 {
		t.Errorf("directory holds %v", names(t, dir))
	}
}

func TestWriteFileRefusesToOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "network.yaml")
	if err := WriteFile(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), false); !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v, want ErrExists", err)
	}
	if err := WriteFile(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "three" {
		t.Errorf("content %q", b)
	}
	if got := names(t, filepath.Dir(path)); len(got) != 1 {
		t.Errorf("directory holds %v", got)
	}
}

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
			dir := t.TempDir()
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

// writerFunc adapts a function to io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestDirectoryAtOutputNameChangesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "roster.xlsx"))
	os.MkdirAll(filepath.Join(dir, "roster.xlsx", "x"), 0o755)
	err := (&Writer{Dir: dir}).WriteAll(set("new", 10))
	if err == nil || !strings.Contains(err.Error(), "roster.xlsx is a directory") {
		t.Fatalf("error %v, want one naming the directory", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "leaflet.pdf")); !bytes.Equal(b, set("old", 10)[0].Data) {
		t.Error("leaflet.pdf was replaced although the set could not be completed")
	}
	for _, n := range names(t, dir) {
		if strings.HasPrefix(n, tempPrefix) || n == journalName {
			t.Errorf("%s left behind", n)
		}
	}
}
