package geomap

import (
	"fmt"
	"math"
	"sort"
)

// Placement tuning, in millimetres.
const (
	ringStep   = 1.0  // distance between candidate rings beyond the marker
	firstRing  = 1.5  // shortest leader, so that a leader is never a mere stub
	arcStep    = 0.6  // spacing of candidate directions along a ring
	maxRings   = 80   // bounds the search in very large boxes
	maxDirs    = 512  // bounds the search on very large rings
	crowdRange = 12.0 // markers this close pull a label's preferred direction outward
	rounds     = 3    // improvement passes after the greedy placement
	inward     = 1.5  // cost of a leader pointing into the crowd instead of away from it, per unit of 1-cos
)

// compass holds the 8 positions right next to a marker in order of preference, as angles in
// degrees (0 = east, 90 = south, since y grows downward).
var compass = [8]struct {
	name  string
	angle float64
}{{"E", 0}, {"NE", -45}, {"SE", 45}, {"W", 180}, {"NW", -135}, {"SW", 135}, {"N", -90}, {"S", 90}}

// slot is a label position: its box, the leader's ends (if any) and its cost.
type slot struct {
	box    Rect
	leader []XY
	cost   float64 // smaller is better: the compass rank next to the marker, else 8 + leader length + inward penalty
	name   string  // compass position, or "" for a label on a leader
}

// placer lays out the labels of markers inside area, keeping clear by gap of markers of radius r.
type placer struct {
	area      Rect
	r, gap    float64
	at        []XY
	size      [][2]float64
	ids       []string
	out       []XY // preferred direction of a leader, away from nearby markers
	slots     []*slot
	maxLeader float64
}

func newPlacer(area Rect, r, gap, maxLeader float64, at []XY, size [][2]float64, ids []string) *placer {
	p := &placer{area: area, r: r, gap: gap, at: at, size: size, ids: ids,
		out: make([]XY, len(at)), slots: make([]*slot, len(at)), maxLeader: maxLeader}
	for i, a := range at {
		var c XY
		n := 0
		for j, b := range at {
			if j != i && dist(a, b) < crowdRange {
				c, n = add(c, b), n+1
			}
		}
		o := XY{1, 0}
		if n > 0 {
			if v := sub(a, scale(c, 1/float64(n))); math.Hypot(v.X, v.Y) > 1e-9 {
				o = scale(v, 1/math.Hypot(v.X, v.Y))
			}
		}
		p.out[i] = o
	}
	return p
}

// place puts every label in a free slot, or returns an error naming one that fits nowhere.
func (p *placer) place() error {
	n := len(p.at)
	for i := range n { // a label that fits nowhere even on an empty map fails at once
		p.slots = make([]*slot, n)
		if p.best(i, math.Inf(1)) == nil {
			return fmt.Errorf("label of point %q cannot be placed without overlap even with no other label in the map box", p.ids[i])
		}
	}
	order := p.initialOrder()
	var failed int
	for try := 0; try <= n; try++ {
		p.slots = make([]*slot, n)
		failed = -1
		for _, i := range order {
			s := p.best(i, math.Inf(1))
			if s == nil {
				failed = i
				break
			}
			p.slots[i] = s
		}
		if failed < 0 {
			p.improve(order)
			return nil
		}
		order = bump(order, failed) // the failed label goes first next time
	}
	return fmt.Errorf("label of point %q cannot be placed without overlapping another label, a marker or a leader", p.ids[failed])
}

// initialOrder returns the markers by decreasing crowding, ties by position and index.
func (p *placer) initialOrder() []int {
	crowd := make([]int, len(p.at))
	for i, a := range p.at {
		for j, b := range p.at {
			if j != i && dist(a, b) < crowdRange {
				crowd[i]++
			}
		}
	}
	order := make([]int, len(p.at))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		i, j := order[x], order[y]
		if crowd[i] != crowd[j] {
			return crowd[i] > crowd[j]
		}
		return i < j
	})
	return order
}

func bump(order []int, i int) []int {
	out := []int{i}
	for _, j := range order {
		if j != i {
			out = append(out, j)
		}
	}
	return out
}

// improve lowers the total cost of the placement while every label stays free: it re-places each
// label in turn while the others stay, then, for each label on a leader, re-places it together with
// each label near it, the leader's label first. A move is kept only if it is cheaper.
func (p *placer) improve(order []int) {
	for range rounds {
		changed := false
		for _, i := range order {
			changed = p.retry([]int{i}) || changed
		}
		for _, i := range order {
			if p.slots[i].leader == nil {
				continue
			}
			for _, j := range order {
				if j != i && p.slots[i].leader != nil && p.near(i, j) {
					changed = p.retry([]int{i, j}) || changed
				}
			}
		}
		if !changed {
			return
		}
	}
}

// near reports whether label j sits where it may block a shorter leader or none for label i.
func (p *placer) near(i, j int) bool {
	reach := p.slots[i].box.Dist(p.at[i]) + p.size[j][0] + p.size[j][1]
	return p.slots[j].box.Dist(p.at[i]) < reach || dist(p.at[i], p.at[j]) < reach
}

// retry takes the labels of set off the map and places them again in that order; it keeps the new
// slots if all fit and cost less in sum, and reports whether it did.
func (p *placer) retry(set []int) bool {
	old := make([]*slot, len(set))
	before := 0.0
	for k, i := range set {
		old[k], before = p.slots[i], before+p.slots[i].cost
		p.slots[i] = nil
	}
	after := 0.0
	for _, i := range set {
		s := p.best(i, before-after)
		if s == nil {
			after = math.Inf(1)
			break
		}
		p.slots[i], after = s, after+s.cost
	}
	if after < before-1e-9 {
		return true
	}
	for k, i := range set {
		p.slots[i] = old[k]
	}
	return false
}

// best returns the cheapest free slot for label i given the labels placed so far, or nil if there
// is none that costs less than bound.
func (p *placer) best(i int, bound float64) *slot {
	w, h := p.size[i][0], p.size[i][1]
	d0 := p.r + p.gap
	for k, c := range compass {
		s := p.candidate(i, d0, c.angle*math.Pi/180, w, h)
		if float64(k) >= bound {
			return nil
		}
		if p.free(i, s) {
			s.cost, s.name = float64(k), c.name
			return s
		}
	}
	step := math.Max(ringStep, (p.maxLeader-firstRing)/maxRings)
	var found *slot
	limit := math.Min(p.maxLeader+p.r, bound-8+p.r)
	for d := d0 + firstRing; d <= limit; d += step {
		nd := int(math.Ceil(2*math.Pi*d/arcStep/8)) * 8
		nd = max(16, min(nd, maxDirs))
		for k := range nd {
			a := 2 * math.Pi * float64(k) / float64(nd)
			u := XY{math.Cos(a), math.Sin(a)}
			cost := 8 + d - p.r + inward*(1-dot(u, p.out[i]))
			if cost >= bound || found != nil && cost >= found.cost-1e-12 {
				continue
			}
			if s := p.candidate(i, d, a, w, h); p.free(i, s) {
				s.cost, found = cost, s
				limit = math.Min(limit, d+2*inward) // farther rings cannot beat this one
			}
		}
	}
	return found
}

// candidate returns the slot for label i whose near side or corner sits d from the marker in
// direction a; beyond the first ring it carries a leader from the marker's edge to that point.
func (p *placer) candidate(i int, d, a, w, h float64) *slot {
	c := p.at[i]
	u := XY{math.Cos(a), math.Sin(a)}
	t := add(c, scale(u, d))
	const side = 0.3826834323650898 // cos 67.5°: beyond it the label hangs off its side, else off its middle
	var b Rect
	switch {
	case u.X > side:
		b.Min.X = t.X
	case u.X < -side:
		b.Min.X = t.X - w
	default:
		b.Min.X = t.X - w/2
	}
	switch {
	case u.Y > side:
		b.Min.Y = t.Y
	case u.Y < -side:
		b.Min.Y = t.Y - h
	default:
		b.Min.Y = t.Y - h/2
	}
	b.Max = XY{b.Min.X + w, b.Min.Y + h}
	s := &slot{box: b}
	if d > p.r+p.gap+1e-9 {
		s.leader = []XY{add(c, scale(u, p.r)), t}
	}
	return s
}

// free reports whether slot s for label i stays inside the area and clear of every marker, every
// other label and every leader.
func (p *placer) free(i int, s *slot) bool {
	if !p.area.Contains(s.box) {
		return false
	}
	g := p.gap - 1e-9
	for j, a := range p.at {
		if s.box.Dist(a) < p.r+g {
			return false
		}
		if s.leader != nil && j != i && segPointDist(s.leader[0], s.leader[1], a) < p.r+g {
			return false
		}
	}
	grown := s.box.Inset(-g)
	for j, o := range p.slots {
		if o == nil || j == i {
			continue
		}
		if grown.Overlaps(o.box) {
			return false
		}
		if o.leader != nil && segRectDist(o.leader[0], o.leader[1], s.box) < g {
			return false
		}
		if s.leader != nil {
			if segRectDist(s.leader[0], s.leader[1], o.box) < g {
				return false
			}
			if o.leader != nil && segSegDist(s.leader[0], s.leader[1], o.leader[0], o.leader[1]) < g/2 {
				return false
			}
		}
	}
	return true
}
