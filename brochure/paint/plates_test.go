package paint_test

import (
	"image/color"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/paint"
	"golang.org/x/image/tiff"
)

// TestProcessPlatesOnly renders both print files into separations with Ghostscript: there
// must be exactly the four process plates, each carrying ink, and no spot colour plate.
func TestProcessPlatesOnly(t *testing.T) {
	_, out := files(t)
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks} {
		dir := t.TempDir()
		run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r20",
			"-sOutputFile="+filepath.Join(dir, "p%d.tif"), out[v])
		seps, _ := filepath.Glob(filepath.Join(dir, "p*(*).tif"))
		var names []string
		for _, s := range seps {
			name := strings.TrimPrefix(filepath.Base(s), "p")
			names = append(names, name)
			if inked(t, s) == 0 {
				t.Errorf("%s: plate %s carries no ink", v, name)
			}
		}
		sort.Strings(names)
		want := "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"
		if got := strings.Join(names, " "); got != want {
			t.Errorf("%s: separations\n got %s\nwant %s", v, got, want)
		}
	}
}

// inked counts the pixels of a separation that carry ink.
func inked(t *testing.T, name string) int {
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
