package geomap

import (
	"math"
	"sort"
)

// candidates caches a label's slots that are clear of the area's edge and of every marker, which
// does not change while labels move: the 8 slots next to the marker in order of preference, and the
// slots on leaders, generated ring by ring as far as needed and sorted by cost.
type candidates struct {
	adjacent []slot
	rings    []slot
	next     float64 // distance of the next ring to generate; 0 before the first call
	done     bool    // all rings up to the longest leader are generated
}

// best returns the cheapest free slot for label i given the labels placed so far, or nil if there
// is none that costs less than bound. A slot on a ring at distance d costs at least 8 + d - r, so
// rings are generated only as far as a cheaper slot might still lie.
func (p *placer) best(i int, bound float64) *slot {
	c := &p.cands[i]
	if c.next == 0 {
		p.initCandidates(i)
	}
	for k := range c.adjacent {
		s := &c.adjacent[k]
		if s.cost >= bound {
			return nil
		}
		if p.clearOfLabels(i, s) {
			cp := *s // the cache is re-sorted as it grows
			return &cp
		}
	}
	for {
		// every slot not generated yet costs at least reach
		reach := math.Inf(1)
		if !c.done {
			reach = 8 + c.next - p.rs[i]
		}
		for k := range c.rings {
			s := &c.rings[k]
			if s.cost >= bound || s.cost >= reach {
				break
			}
			if p.clearOfLabels(i, s) {
				return s
			}
		}
		if c.done || reach >= bound {
			return nil
		}
		p.addRings(i, 3)
	}
}

func (p *placer) initCandidates(i int) {
	c := &p.cands[i]
	w, h := p.size[i][0], p.size[i][1]
	for k, cp := range compass {
		s := p.candidate(i, p.rs[i]+p.gap, cp.angle*math.Pi/180, w, h)
		if p.clearOfMarkers(i, &s) && p.unambiguous(i, &s) {
			s.cost, s.name = float64(k), cp.name
			c.adjacent = append(c.adjacent, s)
		}
	}
	c.next = p.rs[i] + p.gap + firstRing
}

// addRings generates n more rings of slots on leaders for label i.
func (p *placer) addRings(i, n int) {
	c := &p.cands[i]
	w, h := p.size[i][0], p.size[i][1]
	step := math.Max(ringStep, (p.leaderLimit(i)-firstRing)/maxRings)
	for ; n > 0 && !c.done; n-- {
		d := c.next
		nd := int(math.Ceil(2*math.Pi*d/arcStep/8)) * 8
		nd = max(16, min(nd, maxDirs))
		for k := range nd {
			a := 2 * math.Pi * float64(k) / float64(nd)
			s := p.candidate(i, d, a, w, h)
			if p.clearOfMarkers(i, &s) && p.unambiguous(i, &s) {
				u := XY{math.Cos(a), math.Sin(a)}
				s.cost = 8 + d - p.rs[i] + inward*(1-dot(u, p.out[i]))
				c.rings = append(c.rings, s)
			}
		}
		c.next += step
		c.done = c.next > p.leaderLimit(i)+p.rs[i]
	}
	sort.SliceStable(c.rings, func(x, y int) bool { return c.rings[x].cost < c.rings[y].cost })
}

// candidate returns the slot for label i whose near side or corner sits d from the marker in
// direction a; beyond the first ring it carries a leader from the marker's edge towards that
// point, ending a gap short of it.
func (p *placer) candidate(i int, d, a, w, h float64) slot {
	c := p.at[i]
	u := XY{math.Cos(a), math.Sin(a)}
	t := add(c, scale(u, d))
	const side = 0.3826834323650898 // cos 67.5°: beyond it the label hangs off its side, else off its middle
	// hang places a label of length size along one axis: off its side (u beyond ±side)
	// or off its middle.
	hang := func(u, t, size float64) float64 {
		switch {
		case u > side:
			return t
		case u < -side:
			return t - size
		}
		return t - size/2
	}
	var b Rect
	b.Min = XY{hang(u.X, t.X, w), hang(u.Y, t.Y, h)}
	b.Max = XY{b.Min.X + w, b.Min.Y + h}
	s := slot{box: b}
	if d > p.rs[i]+p.gap+1e-9 {
		s.led, s.leader = true, [2]XY{add(c, scale(u, p.rs[i])), add(c, scale(u, d-p.gap))}
		s.lbox = segBox(s.leader[0], s.leader[1])
	}
	return s
}

// clearOfMarkers reports whether slot s for label i stays inside the area and clear of every
// marker and of the river, its leader of every marker but its own and of the river.
func (p *placer) clearOfMarkers(i int, s *slot) bool {
	if !p.area.Contains(s.box) {
		return false
	}
	for j, a := range p.at {
		rg := p.rs[j] + p.gap - 1e-9
		pa := Rect{a, a}
		if s.box.Inset(-rg).Overlaps(pa) && s.box.Dist(a) < rg {
			return false
		}
		if s.led && j != i && s.lbox.Inset(-rg).Overlaps(pa) && segPointDist(s.leader[0], s.leader[1], a) < rg {
			return false
		}
	}
	for _, r := range p.blocks {
		if s.box.Inset(-p.gap).Overlaps(r) || s.led && segRectDist(s.leader[0], s.leader[1], r) < p.gap {
			return false
		}
	}
	return p.clearOfRiver(i, s)
}

// clearOfRiver reports whether slot s for label i keeps the gap from the drawn river and its
// leader does not touch it. A leader may start on the river where its marker stands on it.
func (p *placer) clearOfRiver(i int, s *slot) bool {
	if len(p.river) == 0 {
		return true
	}
	rg := p.riverHalf + p.gap - 1e-9
	near := s.box.Inset(-rg)
	var a, b XY
	led := false
	if s.led {
		a, b = s.leader[0], s.leader[1]
		skip := p.riverHalf + p.gap
		if l := dist(a, b); l > skip {
			a = add(a, scale(sub(b, a), skip/l))
			led = true
		}
	}
	lnear := segBox(a, b).Inset(-p.riverHalf)
	for _, seg := range p.river {
		sb := segBox(seg[0], seg[1])
		if near.Overlaps(sb) && segRectDist(seg[0], seg[1], s.box) < rg {
			return false
		}
		if led && lnear.Overlaps(sb) && segSegDist(a, b, seg[0], seg[1]) < p.riverHalf {
			return false
		}
	}
	return true
}

// unambiguous reports whether a reader can tell which marker slot s labels. A label right next to
// its marker must be nearer to it, edge to edge, by the clearance than to any other marker. A
// label on a leader must keep twice the clearance from every other marker, lest it be read as
// that marker's label before the leader is seen, and its leader must pass every other marker at
// half the clearance, lest it seem to start there.
func (p *placer) unambiguous(i int, s *slot) bool {
	own := p.clear
	if !s.led {
		own = s.box.Dist(p.at[i]) - p.rs[i]
	}
	for j, a := range p.at {
		if j == i {
			continue
		}
		need := p.rs[j] + own + p.clear
		near := s.box.Inset(-need)
		pass := p.rs[j] + p.clear/2 // how near a leader may pass another marker
		lnear := s.lbox.Inset(-pass)
		pa := Rect{a, a}
		if near.Overlaps(pa) && s.box.Dist(a) < need {
			return false
		}
		if s.led && lnear.Overlaps(pa) && segPointDist(s.leader[0], s.leader[1], a) < pass {
			return false
		}
	}
	return true
}

// clearOfLabels reports whether slot s for label i keeps clear of the other placed labels and
// their leaders, and whether its leader does too; a leader's end keeps the clearance beyond the
// gap from every label but its own. Bounding boxes rule out most pairs first.
func (p *placer) clearOfLabels(i int, s *slot) bool {
	g := p.gap - 1e-9
	grown := s.box.Inset(-g)
	lnear := s.lbox.Inset(-g)
	reach := p.gap + p.clear - 1e-9
	far := s.box.Inset(-reach)
	ends := Rect{s.leader[1], s.leader[1]}.Inset(-reach)
	for j, o := range p.slots {
		if o == nil || j == i {
			continue
		}
		if grown.Overlaps(o.box) {
			return false
		}
		if o.led && grown.Overlaps(o.lbox) && segRectDist(o.leader[0], o.leader[1], s.box) < g {
			return false
		}
		if s.led && lnear.Overlaps(o.box) && segRectDist(s.leader[0], s.leader[1], o.box) < g {
			return false
		}
		// a leader must not end as near to another label as to its own
		if s.led && ends.Overlaps(o.box) && o.box.Dist(s.leader[1]) < reach {
			return false
		}
		if o.led && far.Overlaps(Rect{o.leader[1], o.leader[1]}) && s.box.Dist(o.leader[1]) < reach {
			return false
		}
		if s.led && o.led && lnear.Overlaps(o.lbox) &&
			segSegDist(s.leader[0], s.leader[1], o.leader[0], o.leader[1]) < g/2 {
			return false
		}
	}
	return true
}
