package geomap

import (
	"errors"
	"math"
)

// Inset is an enlarged view of a cluster of points that stand too close for their labels on
// the map: Region is the part of the map it enlarges (drawn there as a frame, its markers
// without labels), Box where on the map's box the enlargement stands, on its edge and over
// as little land as it can. Markers and labels keep Options.Clearance from Box, room for a
// margin around it. Its outline, river and markers are laid out in the map's coordinates
// within Box; every marker in it carries a number.
type Inset struct {
	Region, Box Rect
	Scale       float64 // the enlargement
	Outline     [][]XY  // the land within the region, clipped to it: fill only, its cut edges are no border
	River       [][]XY
	Markers     []Marker
}

// Inset sizes: the enlargement tried from the largest down, and the padding around the
// cluster's markers.
const (
	maxInsetScale  = 3.0
	minInsetScale  = 1.6
	insetScaleStep = 0.1
	insetPad       = 1.5 // mm around the cluster's markers, at the map's scale
)

// region returns the rectangle around the markers of the points in set, padded.
func region(at []XY, rs []float64, set []bool) (Rect, bool) {
	r := Rect{XY{math.Inf(1), math.Inf(1)}, XY{math.Inf(-1), math.Inf(-1)}}
	any := false
	for i, a := range at {
		if !set[i] {
			continue
		}
		any = true
		d := rs[i] + insetPad
		r.Min = XY{math.Min(r.Min.X, a.X-d), math.Min(r.Min.Y, a.Y-d)}
		r.Max = XY{math.Max(r.Max.X, a.X+d), math.Max(r.Max.Y, a.Y+d)}
	}
	return r, any
}

// insetBox finds the largest box that shows region enlarged at least minInsetScale times
// along the edge of area, clear by gap of every marker, the region and the river, and
// covering as little of the land as it can: at most maxInsetLand of the box may lie over it
// (an atlas's inset covers land without markers where the sea is not at hand). It returns
// the box and the scale.
func insetBox(area, region Rect, outline [][]XY, river [][2]XY, at []XY, rs []float64, gap float64) (Rect, float64, bool) {
	const step = 1.0 // mm between the places tried along an edge
	for s := maxInsetScale; s >= minInsetScale-1e-9; s -= insetScaleStep {
		w, h := region.W()*s, region.H()*s
		x0, x1, y0, y1 := area.Min.X, area.Max.X-w, area.Min.Y, area.Max.Y-h
		if x1 < x0 || y1 < y0 {
			continue
		}
		try := []XY{{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}}
		for d := step; d < max(x1-x0, y1-y0); d += step {
			for _, c := range []XY{{x0 + d, y0}, {x0 + d, y1}, {x1 - d, y0}, {x1 - d, y1}, {x0, y0 + d}, {x1, y0 + d}, {x0, y1 - d}, {x1, y1 - d}} {
				if c.X >= x0 && c.X <= x1 && c.Y >= y0 && c.Y <= y1 {
					try = append(try, c)
				}
			}
		}
		var best Rect
		least := math.Inf(1)
		for _, c := range try {
			box := Rect{c, XY{c.X + w, c.Y + h}}
			if !clearBox(box, region, river, at, rs, gap) {
				continue
			}
			if l := landShare(box, outline); l < least-1e-9 {
				best, least = box, l
			}
		}
		if least <= maxInsetLand {
			return best, s, true
		}
	}
	return Rect{}, 0, false
}

// maxInsetLand is the largest share of an inset's box that may cover land.
const maxInsetLand = 0.3

// clearBox reports whether box keeps gap from the region, the river and every marker.
func clearBox(box, region Rect, river [][2]XY, at []XY, rs []float64, gap float64) bool {
	grown := box.Inset(-gap)
	if grown.Overlaps(region) {
		return false
	}
	for i, a := range at {
		if box.Dist(a) < rs[i]+gap {
			return false
		}
	}
	for _, seg := range river {
		if grown.Overlaps(segBox(seg[0], seg[1])) && segRectDist(seg[0], seg[1], grown) == 0 {
			return false
		}
	}
	return true
}

// landShare estimates the share of box that lies over land, from a grid of samples.
func landShare(box Rect, outline [][]XY) float64 {
	const n = 12
	in := 0
	for i := range n {
		for j := range n {
			p := XY{box.Min.X + box.W()*(float64(i)+0.5)/n, box.Min.Y + box.H()*(float64(j)+0.5)/n}
			if insideRings(p, outline) {
				in++
			}
		}
	}
	return float64(in) / (n * n)
}

// buildInset lays out the inset of the points in set: their region enlarged into box, with
// the land, the river and a numbered marker for each of them.
func (m *Map) buildInset(reg, box Rect, s float64, pts []Point, labels []string, set []bool, rs []float64, at []XY, opt Options) (*Inset, error) {
	in := &Inset{Region: reg, Box: box, Scale: s}
	tr := func(p XY) XY { return XY{box.Min.X + (p.X-reg.Min.X)*s, box.Min.Y + (p.Y-reg.Min.Y)*s} }
	for _, r := range m.Outline {
		c := clipRingRect(r, reg)
		if len(c) < 3 {
			continue
		}
		for k := range c {
			c[k] = tr(c[k])
		}
		in.Outline = append(in.Outline, c)
	}
	frame := []XY{reg.Min, {reg.Max.X, reg.Min.Y}, reg.Max, {reg.Min.X, reg.Max.Y}}
	var river [][2]XY
	for _, l := range m.River {
		for _, part := range clipLine(l, [][]XY{frame}) {
			for k := range part {
				part[k] = tr(part[k])
			}
			in.River = append(in.River, part)
			for k := 0; k+1 < len(part); k++ {
				river = append(river, [2]XY{part[k], part[k+1]})
			}
		}
	}
	var idx []int
	var iat []XY
	var irs []float64
	var size [][2]float64
	var ids []string
	for i := range pts {
		if set[i] {
			w, h := opt.LabelSize(labels[i])
			idx, iat, irs = append(idx, i), append(iat, tr(at[i])), append(irs, rs[i])
			size, ids = append(size, [2]float64{w, h}), append(ids, pts[i].ID)
		}
	}
	half := 0.0
	if opt.RiverWidth > 0 {
		half = opt.RiverWidth / 2
	} else {
		river = nil
	}
	p := newPlacer(box.Inset(opt.Gap), irs, opt.Gap, opt.Clearance, opt.MaxLeader, iat, size, ids, river, half)
	if _, err := p.place(); err != nil {
		return nil, errors.New("the inset of the cluster: " + err.Error())
	}
	for k, i := range idx {
		sl := p.slots[k]
		mk := Marker{ID: pts[i].ID, Label: labels[i], Current: pts[i].Current, At: iat[k], LabelBox: sl.box,
			Position: sl.name, Radius: rs[i]}
		if sl.led {
			mk.Leader, mk.Position = []XY{sl.leader[0], sl.leader[1]}, "leader"
		}
		in.Markers = append(in.Markers, mk)
	}
	return in, nil
}

// clipRingRect clips a polygon ring to a rectangle (Sutherland–Hodgman).
func clipRingRect(ring []XY, r Rect) []XY {
	out := ring
	edges := []struct {
		inside func(XY) bool
		cut    func(a, b XY) XY
	}{
		{func(p XY) bool { return p.X >= r.Min.X }, func(a, b XY) XY { return lerp(a, b, (r.Min.X-a.X)/(b.X-a.X)) }},
		{func(p XY) bool { return p.X <= r.Max.X }, func(a, b XY) XY { return lerp(a, b, (r.Max.X-a.X)/(b.X-a.X)) }},
		{func(p XY) bool { return p.Y >= r.Min.Y }, func(a, b XY) XY { return lerp(a, b, (r.Min.Y-a.Y)/(b.Y-a.Y)) }},
		{func(p XY) bool { return p.Y <= r.Max.Y }, func(a, b XY) XY { return lerp(a, b, (r.Max.Y-a.Y)/(b.Y-a.Y)) }},
	}
	for _, e := range edges {
		in := out
		out = nil
		for k := range in {
			a, b := in[(k+len(in)-1)%len(in)], in[k]
			switch ai, bi := e.inside(a), e.inside(b); {
			case ai && bi:
				out = append(out, b)
			case ai:
				out = append(out, e.cut(a, b))
			case bi:
				out = append(out, e.cut(a, b), b)
			}
		}
		if len(out) == 0 {
			return nil
		}
	}
	return out
}
