package pdfx

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"fmt"
	"strconv"
	"strings"
)

// marksOffset is how far the marks stay off the trim: MarkOffset, or the bleed where that is
// larger, so that no mark stands in the bleed.
func marksOffset(bleed float64) float64 { return max(MarkOffset, bleed) }

// minSlug is the least margin around the trim that holds marks for a bleed, with 2 mm to
// spare at the sheet's edge.
func minSlug(bleed float64) float64 { return marksOffset(bleed) + MarkLength + 2 }

// marksContent ends the content that the shift stream moved (Q) and strokes the crop marks
// around trim and the dashed fold marks at folds, in the registration colour (/Separation
// /All, which Finish defines), outside the bleed, on a page whose top edge is at pageTop points.
func marksContent(trim Rect, bleed float64, folds []float64, pageTop float64) string {
	offset := marksOffset(bleed)
	var b strings.Builder
	b.WriteString("Q\nq\n")
	fmt.Fprintf(&b, "%s w 0 J [] 0 d /%s CS 1 SCN\n", num(MarkLineWidthPt), registration)
	line := func(s Segment) {
		fmt.Fprintf(&b, "%s %s m %s %s l S\n", num(s.X1*units.PtPerMM), num(pageTop-s.Y1*units.PtPerMM), num(s.X2*units.PtPerMM), num(pageTop-s.Y2*units.PtPerMM))
	}
	for _, s := range CropMarks(trim, offset, MarkLength) {
		line(s)
	}
	if len(folds) > 0 {
		fmt.Fprintf(&b, "[%s %s] 0 d\n", num(1*units.PtPerMM), num(1*units.PtPerMM))
		for _, s := range FoldMarks(trim, folds, offset, MarkLength) {
			line(s)
		}
	}
	b.WriteString("Q")
	return b.String()
}

// num writes a coordinate with at most three decimals.
func num(v float64) string {
	return strconv.FormatFloat(round3(v), 'f', -1, 64)
}

// round3 rounds to three decimals, without a negative zero.
func round3(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 3, 64), 64)
	return f + 0
}
