package paint_test

import (
	"image"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
)

// registrationPlan is a small print job: a cyan tint over the whole sheet, a word in 100 % K
// on it and the same word in white.
func registrationPlan() *layout.Plan {
	word := func(colour string, y float64) *layout.Line {
		return &layout.Line{Font: "semibold", Size: 60, Colour: colour, Baseline: y, Words: []layout.Word{{Text: "HHH", X: 10, W: 60}}}
	}
	return &layout.Plan{
		Title: "Passer", Author: "brochure", Lang: "de", Year: 2015, Month: 6,
		OutputCondition: "FOGRA39", TrimW: 100, TrimH: 80, BleedMM: 3,
		Palette: layout.Palette{
			layout.Text:  {K: 100},
			layout.Tint:  {C: 40},
			layout.Paper: {R: 255, G: 255, B: 255},
		},
		Pages: []layout.Page{{Name: "outside", Items: []layout.Item{
			&layout.Fill{Rect: layout.Rect{X: -3, Y: -3, W: 106, H: 86}, Colour: layout.Tint, Bleeds: true},
			word(layout.Text, 32),
			word(layout.Paper, 70),
		}}},
	}
}

// TestBlackTextOverprints separates the registration job with Ghostscript: where the black
// word stands, the cyan plate keeps its tint (the black overprints), and where the white
// word stands, the cyan plate has no ink (white knocks out, as it must: white that
// overprinted would vanish).
func TestBlackTextOverprints(t *testing.T) {
	pdf, err := paint.Paint(registrationPlan(), paint.Print)
	if err != nil {
		t.Fatal(err)
	}
	const dpi = 72
	plates := pdfxtest.Separations(t, pdf, dpi)
	cyan, black := plates["1(Cyan)"], plates["1(Black)"]
	if cyan == nil || black == nil {
		t.Fatalf("no cyan or black plate among %d", len(plates))
	}
	px := func(mm float64) int { return int((mm + 3) / 25.4 * dpi) }
	band := func(top, bottom float64) image.Rectangle {
		return image.Rect(px(10), px(top), px(72), px(bottom))
	}
	// The black word: under every pixel with full black, cyan keeps the tint.
	glyph, kept := 0, 0
	r := band(10, 32)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if black.GrayAt(x, y).Y > 40 {
				continue
			}
			glyph++
			if c := cyan.GrayAt(x, y).Y; c < 200 && c > 100 {
				kept++
			}
		}
	}
	if glyph < 100 {
		t.Fatalf("only %d pixels of black text found: the test shows nothing", glyph)
	}
	if kept != glyph {
		t.Errorf("cyan is knocked out under %d of %d pixels of 100 %% K text: black does not overprint", glyph-kept, glyph)
	}
	// The white word: cyan is knocked out.
	white := 0
	r = band(48, 70)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if cyan.GrayAt(x, y).Y > 250 {
				white++
			}
		}
	}
	if white < 100 {
		t.Errorf("only %d pixels without cyan where the white text stands: white does not knock out", white)
	}
}
