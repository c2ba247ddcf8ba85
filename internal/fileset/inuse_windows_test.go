package fileset

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// holdOpen opens path as Excel does: reading and writing shared, deletion (and so renaming
// over it) not. The handle is closed when the test ends.
func holdOpen(t *testing.T, path string) syscall.Handle {
	t.Helper()
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
		syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.CloseHandle(h) })
	return h
}

func TestOutputHeldOpenOnWindows(t *testing.T) {
	dir := testkit.TempDir(t)
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	h := holdOpen(t, filepath.Join(dir, "roster.xlsx"))
	checkInUse(t, &Writer{Dir: dir}, dir, nil)
	syscall.CloseHandle(h)
	if err := (&Writer{Dir: dir}).WriteAll(set("new", 10)); err != nil {
		t.Fatalf("after the file was closed: %v", err)
	}
	checkSet(t, dir, 10, "new")
}

func TestOutputReadOnlyOnWindows(t *testing.T) {
	dir := testkit.TempDir(t)
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "leaflet.pdf")
	os.Chmod(path, 0o444)
	defer os.Chmod(path, 0o644)
	err := (&Writer{Dir: dir}).WriteAll(set("new", 10))
	e, ok := err.(*InUseError)
	if !ok || len(e.Files) != 1 || !e.Files[0].ReadOnly {
		t.Fatalf("error %v, want leaflet.pdf reported as write-protected", err)
	}
	checkSet(t, dir, 10, "old")
}
