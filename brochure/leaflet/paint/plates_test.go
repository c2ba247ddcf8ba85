package paint_test

import (
	"os"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
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
