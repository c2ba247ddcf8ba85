package paint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// TestPicturesPrintFile paints the network with images (an RGB photo, an RGB logo with a
// transparent background, a CMYK JPEG): the print files pass the preflight, and
// Ghostscript's separations show only the four process plates.
func TestPicturesPrintFile(t *testing.T) {
	n, _ := testnet.Pictures(t)
	plan, files := printFilesOf(t, n)
	print, marks := files[0], files[1]
	folds := plan.Folds()
	for name, pdf := range map[string][]byte{"print": print, "marks": marks} {
		r, err := preflight.Check(pdf, preflight.Options{PrintFile: true, Folds: folds, SafetyMM: plan.SafetyMM})
		if err != nil {
			t.Fatal(err)
		}
		if !r.OK() {
			t.Errorf("%s: preflight:\n%s", name, r)
		}
	}
	want := "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"
	if got := pdfxtest.Plates(t, print); got != want {
		t.Errorf("separations\n got %s\nwant %s", got, want)
	}
	file := filepath.Join(t.TempDir(), "leaflet.pdf")
	if err := os.WriteFile(file, print, 0o644); err != nil {
		t.Fatal(err)
	}
	// pdfimages lists the three images: two tagged sRGB, one CMYK.
	list := testkit.Run(t, "pdfimages", "-list", file)
	if got := len(regexp.MustCompile(`(?m)^\s+\d+\s+\d+ image\s+\d+\s+\d+\s+icc\s+3\s`).FindAllString(list, -1)); got != 2 {
		t.Errorf("%d images in ICC-based RGB, want the photo and the logo:\n%s", got, list)
	}
	if got := len(regexp.MustCompile(`(?m)^\s+\d+\s+\d+ image\s+\d+\s+\d+\s+cmyk\s+4\s`).FindAllString(list, -1)); got != 1 {
		t.Errorf("%d CMYK images, want one:\n%s", got, list)
	}
	if screen, err := paint.Paint(plan, paint.Screen); err != nil || len(screen) == 0 {
		t.Errorf("screen file: %v", err)
	}
}

// TestTextKeepsSevenMillimetres reads every word's box from the print files of the test
// networks with poppler's pdftotext: each stands 7 mm or more from the trim and the folds.
func TestTextKeepsSevenMillimetres(t *testing.T) {
	pictures, _ := testnet.Pictures(t)
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	for name, n := range map[string]*brochure.Network{"default": testnet.Default(t), "network-45": testnet.Network45(t), "pictures": pictures} {
		plan, err := layout.Build(n, testnet.Geography)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := paint.Paint(plan, paint.Screen) // trimmed: the page is the sheet
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "leaflet.pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		for page := 1; page <= 2; page++ {
			out := testkit.Run(t, "pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), file, "-")
			words := word.FindAllStringSubmatch(out, -1)
			if len(words) < 100 {
				t.Fatalf("%s page %d: only %d words", name, page, len(words))
			}
			edges := append([]float64{0, plan.TrimW}, plan.Pages[page-1].Folds...)
			for _, w := range words {
				var v [4]float64
				for k := range v {
					f, _ := strconv.ParseFloat(w[k+1], 64)
					v[k] = f * units.MMPerPt
				}
				for _, e := range edges {
					d := min(abs(v[0]-e), abs(v[2]-e))
					if d < 7-0.05 || v[0] < e && v[2] > e {
						t.Errorf("%s page %d: %q at x %.2f–%.2f mm is %.2f mm from %s", name, page, w[5], v[0], v[2], d, fmt.Sprint("the edge or fold at ", e))
					}
				}
				if v[1] < 7-0.05 || v[3] > plan.TrimH-7+0.05 {
					t.Errorf("%s page %d: %q at y %.2f–%.2f mm is within 7 mm of the top or bottom trim", name, page, w[5], v[1], v[3])
				}
			}
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
