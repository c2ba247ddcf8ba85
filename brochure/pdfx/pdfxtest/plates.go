package pdfxtest

import (
	"fmt"
	"image"
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
	var names []string
	for plate, img := range Separations(t, pdf, 20) {
		names = append(names, plate+".tif")
		if isProcess(plate) && inked(img) == 0 {
			t.Errorf("plate %s carries no ink", plate)
		}
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// Separations renders pdf at dpi with Ghostscript's tiffsep device (which shows overprint
// as a press prints it) and returns its separations by name, such as "1(Cyan)": the page
// number, then the plate. A pixel's gray value is 255 without ink and 0 at 100 %.
func Separations(t testing.TB, pdf []byte, dpi int) map[string]*image.Gray {
	t.Helper()
	gs := testkit.Tool(t, "gs")
	dir := t.TempDir()
	name := filepath.Join(dir, "plates.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", fmt.Sprintf("-r%d", dpi),
		"-sOutputFile="+filepath.Join(dir, "p%d.tif"), name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gs: %v\n%s", err, out)
	}
	seps, err := filepath.Glob(filepath.Join(dir, "p*(*).tif"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*image.Gray{}
	for _, s := range seps {
		plate := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(s), "p"), ".tif")
		out[plate] = gray(t, s)
	}
	return out
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

// gray reads a separation file.
func gray(t testing.TB, name string) *image.Gray {
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
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g.Set(x, y, color.GrayModel.Convert(img.At(x, y)))
		}
	}
	return g
}

// inked counts the pixels of a separation that carry ink.
func inked(img *image.Gray) int {
	n := 0
	for _, v := range img.Pix {
		if v < 0xfe {
			n++
		}
	}
	return n
}
