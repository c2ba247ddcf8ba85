package pdfx

// Mark sizes from the leaflet spec, in millimetres (the line width in points).
const (
	MarkLineWidthPt = 0.25
	MarkOffset      = 3.0
	MarkLength      = 5.0
)

// Segment is a straight line from (X1, Y1) to (X2, Y2) in millimetres from the top-left
// corner of the page.
type Segment struct {
	X1, Y1, X2, Y2 float64
}

// CropMarks returns the eight crop marks around trim: at each corner one horizontal and
// one vertical line in the prolongation of the trim edges, starting offset mm outside
// the trim and length mm long. Order: top left, top right, bottom left, bottom right;
// horizontal before vertical.
func CropMarks(trim Rect, offset, length float64) []Segment {
	l, r := trim.X, trim.X+trim.W
	t, b := trim.Y, trim.Y+trim.H
	near, far := offset, offset+length
	return []Segment{
		{l - far, t, l - near, t}, {l, t - far, l, t - near},
		{r + near, t, r + far, t}, {r, t - far, r, t - near},
		{l - far, b, l - near, b}, {l, b + near, l, b + far},
		{r + near, b, r + far, b}, {r, b + near, r, b + far},
	}
}

// FoldMarks returns for each fold (in mm from the left trim) a vertical line above and
// one below trim, starting offset mm outside the trim and length mm long. The painter
// strokes them dashed.
func FoldMarks(trim Rect, folds []float64, offset, length float64) []Segment {
	t, b := trim.Y, trim.Y+trim.H
	var s []Segment
	for _, f := range folds {
		x := trim.X + f
		s = append(s, Segment{x, t - offset - length, x, t - offset}, Segment{x, b + offset, x, b + offset + length})
	}
	return s
}
