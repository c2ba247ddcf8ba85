package paint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestProcessPlatesOnly renders both print files into separations with Ghostscript: there
// must be exactly the four process plates, each carrying ink, and no spot colour plate.
func TestProcessPlatesOnly(t *testing.T) {
	_, out := files(t)
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks} {
		t.Run(v.String(), func(t *testing.T) {
			pdf, err := os.ReadFile(out[v])
			if err != nil {
				t.Fatal(err)
			}
			want := "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"
			if got := pdfxtest.Plates(t, pdf); got != want {
				t.Errorf("separations\n got %s\nwant %s", got, want)
			}
		})
	}
}

// TestInkCoverage compares the ink on each plate of both print files, as Ghostscript
// separates them, with a golden file: compression, overprint and the registration colour must
// not change what prints. (Overprinting black adds the colour under black text on a tint;
// the marks' registration colour prints on all four plates in the slug.)
func TestInkCoverage(t *testing.T) {
	_, out := files(t)
	var b strings.Builder
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks} {
		pdf, err := os.ReadFile(out[v])
		if err != nil {
			t.Fatal(err)
		}
		plates := pdfxtest.Separations(t, pdf, 30)
		var names []string
		for name := range plates {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			img := plates[name]
			ink := 0.0
			for _, px := range img.Pix {
				ink += float64(255-px) / 255
			}
			fmt.Fprintf(&b, "%s page %s: %.2f %%\n", v, name, 100*ink/float64(len(img.Pix)))
		}
	}
	testkit.Golden(t, filepath.Join("testdata", "ink-coverage.txt"), b.String())
}
