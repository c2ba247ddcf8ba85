package geomap

import "math"

// XY is a point on the map in millimetres, x to the right and y down from the top-left corner of the box.
type XY struct{ X, Y float64 }

// Rect is an axis-parallel rectangle in millimetres; Min is its top-left and Max its bottom-right corner.
type Rect struct{ Min, Max XY }

// W returns the width of r.
func (r Rect) W() float64 { return r.Max.X - r.Min.X }

// H returns the height of r.
func (r Rect) H() float64 { return r.Max.Y - r.Min.Y }

// Center returns the centre of r.
func (r Rect) Center() XY { return XY{(r.Min.X + r.Max.X) / 2, (r.Min.Y + r.Max.Y) / 2} }

// Inset returns r shrunk by d on every side (grown when d is negative).
func (r Rect) Inset(d float64) Rect {
	return Rect{XY{r.Min.X + d, r.Min.Y + d}, XY{r.Max.X - d, r.Max.Y - d}}
}

// Overlaps reports whether r and s share interior points.
func (r Rect) Overlaps(s Rect) bool {
	return r.Min.X < s.Max.X && s.Min.X < r.Max.X && r.Min.Y < s.Max.Y && s.Min.Y < r.Max.Y
}

// Contains reports whether s lies inside r (touching the border counts as inside).
func (r Rect) Contains(s Rect) bool {
	return s.Min.X >= r.Min.X && s.Max.X <= r.Max.X && s.Min.Y >= r.Min.Y && s.Max.Y <= r.Max.Y
}

// Dist returns the distance from p to the nearest point of r (0 inside r).
func (r Rect) Dist(p XY) float64 {
	dx := math.Max(0, math.Max(r.Min.X-p.X, p.X-r.Max.X))
	dy := math.Max(0, math.Max(r.Min.Y-p.Y, p.Y-r.Max.Y))
	return math.Sqrt(dx*dx + dy*dy)
}

func sub(a, b XY) XY           { return XY{a.X - b.X, a.Y - b.Y} }
func add(a, b XY) XY           { return XY{a.X + b.X, a.Y + b.Y} }
func scale(a XY, s float64) XY { return XY{a.X * s, a.Y * s} }
func cross(a, b XY) float64    { return a.X*b.Y - a.Y*b.X }
func dot(a, b XY) float64      { return a.X*b.X + a.Y*b.Y }
func dist(a, b XY) float64 {
	dx, dy := a.X-b.X, a.Y-b.Y
	return math.Sqrt(dx*dx + dy*dy)
}

// segBox returns the bounding box of the segment ab.
func segBox(a, b XY) Rect {
	return Rect{XY{math.Min(a.X, b.X), math.Min(a.Y, b.Y)}, XY{math.Max(a.X, b.X), math.Max(a.Y, b.Y)}}
}

// segPointDist returns the distance from p to the segment ab.
func segPointDist(a, b, p XY) float64 {
	ab := sub(b, a)
	l2 := dot(ab, ab)
	if l2 == 0 {
		return dist(a, p)
	}
	t := math.Max(0, math.Min(1, dot(sub(p, a), ab)/l2))
	return dist(add(a, scale(ab, t)), p)
}

// segsCross reports whether the closed segments ab and cd have a point in common.
func segsCross(a, b, c, d XY) bool {
	d1 := cross(sub(b, a), sub(c, a))
	d2 := cross(sub(b, a), sub(d, a))
	d3 := cross(sub(d, c), sub(a, c))
	d4 := cross(sub(d, c), sub(b, c))
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return true
	}
	on := func(p, q, r XY, d float64) bool { // r collinear with pq and within its bounds
		return d == 0 && math.Min(p.X, q.X) <= r.X && r.X <= math.Max(p.X, q.X) &&
			math.Min(p.Y, q.Y) <= r.Y && r.Y <= math.Max(p.Y, q.Y)
	}
	return on(a, b, c, d1) || on(a, b, d, d2) || on(c, d, a, d3) || on(c, d, b, d4)
}

// segSegDist returns the distance between the segments ab and cd.
func segSegDist(a, b, c, d XY) float64 {
	if segsCross(a, b, c, d) {
		return 0
	}
	return math.Min(math.Min(segPointDist(a, b, c), segPointDist(a, b, d)),
		math.Min(segPointDist(c, d, a), segPointDist(c, d, b)))
}

// segRectDist returns the distance between the segment ab and the rectangle r (0 if they meet).
func segRectDist(a, b XY, r Rect) float64 {
	if r.Dist(a) == 0 || r.Dist(b) == 0 {
		return 0
	}
	c := [4]XY{r.Min, {r.Max.X, r.Min.Y}, r.Max, {r.Min.X, r.Max.Y}}
	m := math.Inf(1)
	for i := range c {
		m = math.Min(m, segSegDist(a, b, c[i], c[(i+1)%4]))
	}
	return m
}
