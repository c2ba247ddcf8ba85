package paint

import (
	"github.com/staedtenetz-nrw/brochure/brochure/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
)

// Mark sizes in millimetres: crop marks start this far outside the trim and are this long.
const (
	markGap  = 3.0
	markLen  = 5.0
	markLine = 0.25 * 25.4 / 72 // 0.25 pt
)

// marks paints crop marks at the four corners and dashed fold marks in the slug, all in the
// registration colour.
func (p *painter) marks(page layout.Page) {
	pdf, o := p.pdf, p.off
	w, h := p.plan.TrimW, p.plan.TrimH
	pdf.SetLineWidth(markLine)
	pdf.SetLineCapStyle("butt")
	pdfx.SetStroke(pdf, pdfx.Registration)
	for _, c := range [][2]float64{{0, 0}, {w, 0}, {0, h}, {w, h}} {
		x, y := c[0]+o, c[1]+o
		dx, dy := -1.0, -1.0
		if c[0] > 0 {
			dx = 1
		}
		if c[1] > 0 {
			dy = 1
		}
		pdf.Line(x+dx*markGap, y, x+dx*(markGap+markLen), y)
		pdf.Line(x, y+dy*markGap, x, y+dy*(markGap+markLen))
	}
	pdf.SetDashPattern([]float64{1, 1}, 0)
	for _, f := range page.Folds {
		x := f + o
		pdf.Line(x, o-markGap, x, o-markGap-markLen)
		pdf.Line(x, o+h+markGap, x, o+h+markGap+markLen)
	}
	pdf.SetDashPattern(nil, 0)
}
