package paint

import (
	"github.com/staedtenetz-nrw/brochure/brochure/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
)

// marks paints crop marks at the four corners and dashed fold marks in the slug, all in the
// registration colour, with the geometry of package pdfx.
func (p *painter) marks(page layout.Page) {
	pdf := p.pdf
	trim := pdfx.Rect{X: p.off, Y: p.off, W: p.plan.TrimW, H: p.plan.TrimH}
	pdf.SetLineWidth(pdfx.MarkLineWidthPt * 25.4 / 72)
	pdf.SetLineCapStyle("butt")
	pdfx.SetStroke(pdf, pdfx.Registration)
	for _, s := range pdfx.CropMarks(trim, pdfx.MarkOffset, pdfx.MarkLength) {
		pdf.Line(s.X1, s.Y1, s.X2, s.Y2)
	}
	pdf.SetDashPattern([]float64{1, 1}, 0)
	for _, s := range pdfx.FoldMarks(trim, page.Folds, pdfx.MarkOffset, pdfx.MarkLength) {
		pdf.Line(s.X1, s.Y1, s.X2, s.Y2)
	}
	pdf.SetDashPattern(nil, 0)
}
