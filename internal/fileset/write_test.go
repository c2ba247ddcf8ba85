package fileset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
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
	dir := filepath.Join(testkit.TempDir(t), "out", "sub")
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
		want := os.FileMode(0o644)
		if runtime.GOOS == "windows" { // no modes there: writable is 0666
			want = 0o666
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", n, st.Mode().Perm(), want)
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
	dir := testkit.TempDir(t)
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
	base := testkit.TempDir(t)
	file := filepath.Join(base, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := (&Writer{Dir: file}).WriteAll(set("1", 1)); err == nil {
		t.Error("writing into a file as directory: no error")
	}
	if err := (&Writer{Dir: filepath.Join(file, "sub")}).WriteAll(set("1", 1)); err == nil {
		t.Error("writing below a file: no error")
	}
	if os.Geteuid() > 0 && runtime.GOOS != "windows" { // root may write anywhere, and Windows ignores the mode
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
	dir := testkit.TempDir(t)
	target := filepath.Join(testkit.TempDir(t), "precious.txt")
	os.WriteFile(target, []byte("precious"), 0o644)
	if err := os.Symlink(target, filepath.Join(dir, "leaflet.pdf")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
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
	dir := testkit.TempDir(t)
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
	path := filepath.Join(testkit.TempDir(t), "network.yaml")
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

// writerFunc adapts a function to io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestDirectoryAtOutputNameChangesNothing(t *testing.T) {
	dir := testkit.TempDir(t)
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "roster.xlsx"))
	os.MkdirAll(filepath.Join(dir, "roster.xlsx", "x"), 0o755)
	err := (&Writer{Dir: dir}).WriteAll(set("new", 10))
	if err == nil || !strings.Contains(err.Error(), "roster.xlsx is a folder") {
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

// TestOutputInUseChangesNothing holds roster.xlsx as another program would (here through the
// writer's stand-in for the operating system's answer; under Windows the test in
// inuse_windows_test.go holds it for real): the write stops before anything is replaced,
// names the file, and leaves no temporary file or journal.
func TestOutputInUseChangesNothing(t *testing.T) {
	dir := testkit.TempDir(t)
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	held := errors.New("the process cannot access the file because it is being used by another process")
	w := &Writer{Dir: dir, replaceable: func(path string) error {
		if filepath.Base(path) == "roster.xlsx" {
			return held
		}
		return nil
	}}
	checkInUse(t, w, dir, held)
}

// checkInUse writes a new set with w, which must refuse because roster.xlsx cannot be
// replaced, and checks that the previous set is intact and nothing is left behind.
func checkInUse(t *testing.T, w *Writer, dir string, cause error) {
	t.Helper()
	err := w.WriteAll(set("new", 10))
	var inUse *InUseError
	if !errors.As(err, &inUse) || len(inUse.Files) != 1 || inUse.Files[0].Path != filepath.Join(dir, "roster.xlsx") {
		t.Fatalf("error %v, want an InUseError naming roster.xlsx", err)
	}
	if cause != nil && !errors.Is(err, cause) {
		t.Errorf("error %v does not wrap the operating system's %v", err, cause)
	}
	if !strings.Contains(err.Error(), "roster.xlsx is open in another program") {
		t.Errorf("message %q", err)
	}
	checkSet(t, dir, 10, "old")
	if got := strings.Join(names(t, dir), " "); got != ".brochure.lock leaflet.pdf roster.csv roster.xlsx" {
		t.Errorf("left behind: %s", got)
	}
}
