package pdfx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// TestMarksStayOutsideTheBleed checks that with a bleed wider than the usual mark offset
// every crop mark starts beyond the bleed, and that the slug grows to hold the marks.
func TestMarksStayOutsideTheBleed(t *testing.T) {
	trim := Rect{X: 12, Y: 12, W: 297, H: 210}
	const pageTop = (210 + 24) * units.PtPerMM
	for _, bleed := range []float64{3, 5} {
		content := marksContent(trim, bleed, nil, pageTop)
		for _, line := range strings.Split(content, "\n") {
			f := strings.Fields(line)
			if len(f) != 7 || f[6] != "S" {
				continue
			}
			for _, i := range []int{0, 3} { // x of both ends of a horizontal or vertical mark
				x1, _ := strconv.ParseFloat(f[i], 64)
				y1, _ := strconv.ParseFloat(f[i+1], 64)
				xmm, ymm := x1/units.PtPerMM, (pageTop-y1)/units.PtPerMM
				inX := xmm > trim.X-bleed+0.01 && xmm < trim.X+trim.W+bleed-0.01
				inY := ymm > trim.Y-bleed+0.01 && ymm < trim.Y+trim.H+bleed-0.01
				if inX && inY {
					t.Errorf("bleed %g: the mark %q reaches into the bleed at (%.2f, %.2f) mm", bleed, line, xmm, ymm)
				}
			}
		}
		if s := minSlug(bleed); s < bleed+MarkLength+2 {
			t.Errorf("bleed %g: slug %g mm cannot hold the marks", bleed, s)
		}
	}
}
