package pdfxtest

import (
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// Plates renders pdf with Ghostscript's tiffsep device and returns the names of its
// separations, sorted and separated by spaces, such as "1(Black).tif 1(Cyan).tif": the
// page number, then the plate. A process plate (cyan, magenta, yellow, black) without any
// ink fails the test; without Ghostscript the test is skipped as testkit.Tool says.
func Plates(t testing.TB, pdf []byte) string {
	t.Helper()
	gs := testkit.Tool(t, "gs")
	dir := t.TempDir()
	name := filepath.Join(dir, "plates.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r20",
		"-sOutputFile="+filepath.Join(dir, "p%d.tif"), name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gs: %v\n%s", err, out)
	}
	seps, err := filepath.Glob(filepath.Join(dir, "p*(*).tif"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range seps {
		plate := strings.TrimPrefix(filepath.Base(s), "p")
		names = append(names, plate)
		if isProcess(plate) && inked(t, s) == 0 {
			t.Errorf("plate %s carries no ink", plate)
		}
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// isProcess reports whether the separation file name is one of the four process plates.
func isProcess(plate string) bool {
	for _, c := range []string{"(Cyan)", "(Magenta)", "(Yellow)", "(Black)"} {
		if strings.Contains(plate, c) {
			return true
		}
	}
	return false
}

// inked counts the pixels of a separation that carry ink.
func inked(t testing.TB, name string) int {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := tiff.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if g := color.GrayModel.Convert(img.At(x, y)).(color.Gray); g.Y < 0xfe {
				n++
			}
		}
	}
	return n
}
