package pdfx

import (
	"fmt"
	"strings"
	"testing"
)

func dump(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		fmt.Fprintf(&b, "(%g,%g)-(%g,%g)\n", s.X1, s.Y1, s.X2, s.Y2)
	}
	return b.String()
}

func TestCropMarks(t *testing.T) {
	// A4 landscape trim on a page with a 10 mm slug.
	got := dump(CropMarks(Rect{X: 13, Y: 13, W: 297, H: 210}, MarkOffset, MarkLength))
	want := `(5,13)-(10,13)
(13,5)-(13,10)
(313,13)-(318,13)
(310,5)-(310,10)
(5,223)-(10,223)
(13,226)-(13,231)
(313,223)-(318,223)
(310,226)-(310,231)
`
	if got != want {
		t.Errorf("crop marks:\n%s\nwant:\n%s", got, want)
	}
}

func TestFoldMarks(t *testing.T) {
	got := dump(FoldMarks(Rect{X: 13, Y: 13, W: 297, H: 210}, []float64{97, 197}, MarkOffset, MarkLength))
	want := `(110,5)-(110,10)
(110,226)-(110,231)
(210,5)-(210,10)
(210,226)-(210,231)
`
	if got != want {
		t.Errorf("fold marks:\n%s\nwant:\n%s", got, want)
	}
}
