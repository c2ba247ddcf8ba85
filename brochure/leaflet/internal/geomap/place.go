package geomap

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Placement tuning, in millimetres.
const (
	ringStep    = 1.0  // distance between candidate rings beyond the marker
	firstRing   = 1.5  // shortest leader, so that a leader is never a mere stub
	arcStep     = 0.6  // spacing of candidate directions along a ring
	maxRings    = 80   // bounds the search in very large boxes
	maxDirs     = 128  // bounds the search on large rings
	crowdRange  = 12.0 // markers this close pull a label's preferred direction outward
	rounds      = 3    // improvement passes after the greedy placement
	maxRestarts = 12   // greedy runs with failed labels moved ahead, before giving up
	inward      = 1.5  // cost of a leader pointing into the crowd instead of away from it, per unit of 1-cos
)

// compass holds the 8 positions right next to a marker in order of preference, as angles in
// degrees (0 = east, 90 = south, since y grows downward): a number reads best level with its
// marker, then above or below it, and last at a corner.
var compass = [8]struct {
	name  string
	angle float64
}{{"E", 0}, {"W", 180}, {"N", -90}, {"S", 90}, {"NE", -45}, {"SE", 45}, {"NW", -135}, {"SW", 135}}

// slot is a label position: its box, the leader's ends (if any) and its cost.
type slot struct {
	box    Rect
	led    bool    // the label sits away from the marker, on a leader
	leader [2]XY   // from the marker's edge to the label box
	lbox   Rect    // bounding box of the leader
	cost   float64 // smaller is better: the compass rank next to the marker, else 8 + leader length + inward penalty
	name   string  // compass position, or "" for a label on a leader
}

// placer lays out the labels of markers inside area, keeping clear by gap of markers of radius
// rs and of the river's segments (drawn riverHalf either side of them), and associating each
// label unambiguously with its marker (see unambiguous).
type placer struct {
	area      Rect
	rs        []float64
	gap       float64
	clear     float64
	river     [][2]XY
	riverHalf float64
	// blocks are areas labels and leaders keep out of (a cluster's frame, an inset).
	blocks []Rect
	// skip marks the markers that carry no label here.
	skip      []bool
	at        []XY
	size      [][2]float64
	ids       []string
	out       []XY // preferred direction of a leader, away from nearby markers
	slots     []*slot
	cands     []candidates // per label: its slots clear of the area's edge and of markers
	maxLeader float64
	// longer holds the labels that may take leaders up to longLeader instead of maxLeader.
	longer     []bool
	longLeader float64
}

func newPlacer(area Rect, rs []float64, gap, clear, maxLeader float64, at []XY, size [][2]float64, ids []string, river [][2]XY, riverHalf float64) *placer {
	p := &placer{area: area, rs: rs, gap: gap, clear: clear, river: river, riverHalf: riverHalf, at: at, size: size, ids: ids,
		out: make([]XY, len(at)), slots: make([]*slot, len(at)), maxLeader: maxLeader,
		cands: make([]candidates, len(at)), skip: make([]bool, len(at)), longer: make([]bool, len(at))}
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

// place puts every label in a free slot, or returns the index of one that fits nowhere and an
// error naming it.
func (p *placer) place() (int, error) {
	n := len(p.at)
	for i := range n { // a label that fits nowhere even on an empty map fails at once
		p.slots = make([]*slot, n)
		if !p.skip[i] && p.best(i, math.Inf(1)) == nil {
			return i, fmt.Errorf("label of point %q cannot be placed without overlap even with no other label in the map box", p.ids[i])
		}
	}
	rank := p.initialOrder()
	var first []int // labels that failed before, placed ahead of the rest
	failed := -1
	for range min(n, maxRestarts) + 1 {
		var order []int
		if order, failed = p.greedy(first, rank); failed < 0 {
			p.improve(order)
			return -1, nil
		}
		if len(first) > 0 && first[0] == failed {
			break
		}
		first = bump(first, failed)
	}
	return failed, fmt.Errorf("label of point %q cannot be placed without overlapping another label, a marker or a leader", p.ids[failed])
}

// greedy places the labels of first in that order, then, one at a time, the label with the fewest
// free slots next to its marker (ties by rank). It returns the order used and the first label that
// found no slot, or -1.
func (p *placer) greedy(first, rank []int) ([]int, int) {
	n := 0
	for _, s := range p.skip {
		if !s {
			n++
		}
	}
	p.slots = make([]*slot, len(p.at))
	order := make([]int, 0, n)
	put := func(i int) bool {
		order = append(order, i)
		p.slots[i] = p.best(i, math.Inf(1))
		return p.slots[i] != nil
	}
	for _, i := range first {
		if !put(i) {
			return order, i
		}
	}
	for len(order) < n {
		pick, fewest := -1, 0
		for _, i := range rank {
			if p.skip[i] || p.slots[i] != nil || slices.Contains(first, i) {
				continue
			}
			free := 0
			for k := range p.cands[i].adjacent {
				if p.clearOfLabels(i, &p.cands[i].adjacent[k]) {
					free++
				}
			}
			if pick < 0 || free < fewest {
				pick, fewest = i, free
			}
		}
		if !put(pick) {
			return order, pick
		}
	}
	return order, -1
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

// bump returns order with i moved (or added) to the front.
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
			if !p.slots[i].led {
				continue
			}
			for _, j := range order {
				if j != i && p.slots[i].led && p.near(i, j) {
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

// leaderLimit is the longest leader label i may take.
func (p *placer) leaderLimit(i int) float64 {
	if p.longer[i] {
		return max(p.maxLeader, p.longLeader)
	}
	return p.maxLeader
}
