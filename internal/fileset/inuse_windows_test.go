package fileset

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

func TestOutputHeldOpenOnWindows(t *testing.T) {
	dir := testkit.TempDir(t)
	if err := (&Writer{Dir: dir}).WriteAll(set("old", 10)); err != nil {
		t.Fatal(err)
	}
	release, err := testkit.HoldOpen(filepath.Join(dir, "roster.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	checkInUse(t, &Writer{Dir: dir}, dir, nil)
	release()
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
