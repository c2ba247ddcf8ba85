package preflight

import "math"

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// xScale and yScale are the lengths that unit vectors along x and y get.
func (m matrix) xScale() float64 { return math.Hypot(m[0], m[1]) }
func (m matrix) yScale() float64 { return math.Hypot(m[2], m[3]) }

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// box is an axis-parallel rectangle in device space (points).
type box struct {
	x0, y0, x1, y1 float64
	set            bool
}

func (b *box) add(x, y float64) {
	if !b.set {
		*b = box{x, y, x, y, true}
		return
	}
	b.x0, b.y0 = math.Min(b.x0, x), math.Min(b.y0, y)
	b.x1, b.y1 = math.Max(b.x1, x), math.Max(b.y1, y)
}

// rect is a page box in default user space (points).
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) width() float64  { return r.x1 - r.x0 }
func (r rect) height() float64 { return r.y1 - r.y0 }
