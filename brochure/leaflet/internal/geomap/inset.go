package geomap

import (
	"errors"
	"math"
	"slices"
	"sort"
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
	insetRoom      = 2.5 // mm more in the inset around the enlarged region, room for labels
)

// group is a cluster of points that go into one inset: those of core near each other, and
// every point whose marker stands in their region.
type group struct {
	region  Rect
	members []bool
	// reach is how near the regions of its core's points came to be joined (see clusters).
	reach float64
}

// groupRange is how near, edge to edge, the padded regions of two points of core may come
// before they share an inset.
const groupRange = 6.0

// clusters groups the points of core whose padded regions come within reach of each other,
// gives each group the region around them, and adds to it every marker that stands in it,
// growing the region to hold it whole; groups whose regions come within reach are merged.
// The largest group comes first.
func clusters(at []XY, rs []float64, core []bool, gap, reach float64) []group {
	var gs []group
	for i := range at {
		if !core[i] {
			continue
		}
		one := make([]bool, len(at))
		one[i] = true
		r, _ := region(at, rs, one)
		gs = append(gs, group{region: r, members: one, reach: reach})
	}
	for merged := true; merged; {
		merged = false
		for a := 0; a < len(gs) && !merged; a++ {
			for b := a + 1; b < len(gs) && !merged; b++ {
				if gs[a].region.Inset(-reach / 2).Overlaps(gs[b].region.Inset(-reach / 2)) {
					gs[a] = mergeGroups(gs[a], gs[b])
					gs = append(gs[:b], gs[b+1:]...)
					merged = true
				}
			}
		}
		// Every marker in a region joins it, and the region grows to hold it whole.
		for k := range gs {
			g := &gs[k]
			for grown := true; grown; {
				grown = false
				for i, a := range at {
					if !g.members[i] && g.region.Contains(Rect{a, a}) {
						g.members[i], grown, merged = true, true, true
						d := rs[i] + gap
						g.region.Min = XY{math.Min(g.region.Min.X, a.X-d), math.Min(g.region.Min.Y, a.Y-d)}
						g.region.Max = XY{math.Max(g.region.Max.X, a.X+d), math.Max(g.region.Max.Y, a.Y+d)}
					}
				}
			}
		}
	}
	sort.SliceStable(gs, func(a, b int) bool {
		return gs[a].region.W()*gs[a].region.H() > gs[b].region.W()*gs[b].region.H()
	})
	return gs
}

// mergeGroups joins two groups.
func mergeGroups(a, b group) group {
	for i, in := range b.members {
		a.members[i] = a.members[i] || in
	}
	a.region = Rect{XY{math.Min(a.region.Min.X, b.region.Min.X), math.Min(a.region.Min.Y, b.region.Min.Y)},
		XY{math.Max(a.region.Max.X, b.region.Max.X), math.Max(a.region.Max.Y, b.region.Max.Y)}}
	return a
}

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

// insetBoxes lists the boxes that show region enlarged at least minInsetScale times along
// the edge of area, clear by gap of every marker, the region and the river, and covering
// little land (sampled over area; an atlas's inset covers land without markers where the
// sea is not at hand): at each scale from the largest down, the one that covers the least
// land, first those that cover at most a share of insetLand[0], then of the next, the last
// (any share) where no other place is left.
func insetBoxes(area, region Rect, land *raster, river [][2]XY, at []XY, rs []float64, gap float64, taken []Rect) (boxes []Rect, scales []float64) {
	const step = 1.0 // mm between the places tried along an edge
	type place struct {
		box  Rect
		land float64
	}
	// At each scale, the place on the edge that covers the least land and is clear.
	var best []place
	var at2 []float64
	for s := maxInsetScale; s >= minInsetScale-1e-9; s -= insetScaleStep {
		w, h := region.W()*s+2*insetRoom, region.H()*s+2*insetRoom
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
		places := make([]place, len(try))
		for k, c := range try {
			box := Rect{c, XY{c.X + w, c.Y + h}}
			places[k] = place{box, land.share(box)}
		}
		slices.SortStableFunc(places, func(a, b place) int {
			switch {
			case a.land < b.land-1e-9:
				return -1
			case b.land < a.land-1e-9:
				return 1
			}
			return 0
		})
		for _, pl := range places {
			if pl.land > insetLand[len(insetLand)-1] {
				break
			}
			if clearBox(pl.box, region, river, at, rs, gap) && !overlapsAny(pl.box.Inset(-gap), taken) {
				best, at2 = append(best, pl), append(at2, s)
				break
			}
		}
	}
	// Those over little land first, the largest first among them.
	for pass, most := range insetLand {
		for k, pl := range best {
			if pl.land <= most && (pass == 0 || pl.land > insetLand[pass-1]) {
				boxes, scales = append(boxes, pl.box), append(scales, at2[k])
			}
		}
	}
	return boxes, scales
}

// insetLand are the largest shares of an inset's box that may cover land, the first
// preferred.
var insetLand = [...]float64{0.3, 0.6, 1}

// overlapsAny reports whether r overlaps any of rs.
func overlapsAny(r Rect, rs []Rect) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}

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

// rasterCell is the side of a land raster's cells in mm.
const rasterCell = 0.5

// raster tells land from the rest in cells over an area, with sums that give the share of
// land in any box at once.
type raster struct {
	origin XY
	nx, ny int
	sum    []int // sum[j*(nx+1)+i]: land cells left of column i and above row j
}

// newRaster samples the outline's land at the centres of the cells over area, row by row:
// where a row's line crosses the outline, it enters or leaves the land (even-odd rule).
func newRaster(area Rect, outline [][]XY) *raster {
	r := &raster{origin: area.Min, nx: int(math.Ceil(area.W() / rasterCell)), ny: int(math.Ceil(area.H() / rasterCell))}
	r.sum = make([]int, (r.nx+1)*(r.ny+1))
	var xs []float64
	for j := 1; j <= r.ny; j++ {
		y := r.origin.Y + (float64(j)-0.5)*rasterCell
		xs = xs[:0]
		for _, ring := range outline {
			for k := range ring {
				a, b := ring[k], ring[(k+1)%len(ring)]
				if (a.Y > y) != (b.Y > y) {
					xs = append(xs, a.X+(y-a.Y)*(b.X-a.X)/(b.Y-a.Y))
				}
			}
		}
		sort.Float64s(xs)
		row, next := 0, 0
		for i := 1; i <= r.nx; i++ {
			x := r.origin.X + (float64(i)-0.5)*rasterCell
			for next < len(xs) && xs[next] < x {
				next++
			}
			if next%2 == 1 {
				row++
			}
			r.sum[j*(r.nx+1)+i] = r.sum[(j-1)*(r.nx+1)+i] + row
		}
	}
	return r
}

// share returns the share of land in box, counted in whole cells.
func (r *raster) share(box Rect) float64 {
	cell := func(v, o float64, n int) int { return max(0, min(n, int(math.Round((v-o)/rasterCell)))) }
	i0, i1 := cell(box.Min.X, r.origin.X, r.nx), cell(box.Max.X, r.origin.X, r.nx)
	j0, j1 := cell(box.Min.Y, r.origin.Y, r.ny), cell(box.Max.Y, r.origin.Y, r.ny)
	if i1 <= i0 || j1 <= j0 {
		return 0
	}
	at := func(i, j int) int { return r.sum[j*(r.nx+1)+i] }
	n := at(i1, j1) - at(i0, j1) - at(i1, j0) + at(i0, j0)
	return float64(n) / float64((i1-i0)*(j1-j0))
}

// buildInset lays out the inset of the points in set: their region enlarged into box, with
// the land, the river and a numbered marker for each of them.
func (m *Map) buildInset(reg, box Rect, s float64, pts []Point, labels []string, set []bool, rs []float64, at []XY, opt Options) (*Inset, error) {
	in := &Inset{Region: reg, Box: box, Scale: s}
	// The inset shows the region and, around it, what lies within its margin.
	view := reg.Inset(-insetRoom / s)
	tr := func(p XY) XY { return XY{box.Min.X + (p.X-view.Min.X)*s, box.Min.Y + (p.Y-view.Min.Y)*s} }
	for _, r := range m.Outline {
		c := clipRingRect(r, view)
		if len(c) < 3 {
			continue
		}
		for k := range c {
			c[k] = tr(c[k])
		}
		in.Outline = append(in.Outline, c)
	}
	frame := []XY{view.Min, {view.Max.X, view.Min.Y}, view.Max, {view.Min.X, view.Max.Y}}
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
	// The inset has room around its cluster: its leaders may be twice as long.
	p := newPlacer(box.Inset(opt.Gap), irs, opt.Gap, opt.Clearance, 2*opt.MaxLeader, iat, size, ids, river, half)
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
