package typeset

import (
	"math"
)

// node is a feasible breakpoint: the end of a line in some breaking.
type node struct {
	pos      int // index of the break item; -1 for the start of the paragraph
	start    int // index of the first item of the next line
	fitness  int
	flagged  bool    // the line ending here ends inside a word
	demerits float64 // total from the start of the paragraph
	prev     *node
}

// breaker finds the breaking of a list of items with the fewest demerits.
type breaker struct {
	items   []item
	column  float64
	justify bool
	p       params
	space   item // glue of a word space
	// Prefix sums over items[:i]: width, stretch and shrink of boxes and
	// glue, number of fil glues and of word spaces.
	w, y, z []float64
	fil     []int
	gaps    []int
}

func newBreaker(items []item, column float64, justify bool, p params, space item) *breaker {
	n := len(items)
	br := &breaker{items: items, column: column, justify: justify, p: p, space: space,
		w: make([]float64, n+1), y: make([]float64, n+1), z: make([]float64, n+1),
		fil: make([]int, n+1), gaps: make([]int, n+1)}
	for i, it := range items {
		br.w[i+1], br.y[i+1], br.z[i+1] = br.w[i], br.y[i], br.z[i]
		br.fil[i+1], br.gaps[i+1] = br.fil[i], br.gaps[i]
		if it.kind == penalty {
			continue
		}
		br.w[i+1] += it.width
		br.y[i+1] += it.stretch
		br.z[i+1] += it.shrink
		if it.fil {
			br.fil[i+1]++
		} else if it.kind == glue {
			br.gaps[i+1]++
		}
	}
	return br
}

// legal reports whether the paragraph may break at item i.
func (br *breaker) legal(i int) bool {
	it := &br.items[i]
	switch it.kind {
	case penalty:
		return !math.IsInf(it.cost, 1)
	case glue:
		return !it.noBreak && i > 0 && br.items[i-1].kind == box
	}
	return false
}

// lineFrom returns the index of the first item of a line after a break at i:
// glue and penalties after a break vanish, up to the next box or forced break.
func (br *breaker) lineFrom(i int) int {
	j := i + 1
	for j < len(br.items) {
		it := &br.items[j]
		if it.kind == box || it.forced() {
			break
		}
		j++
	}
	return j
}

// measure returns the natural width of the line from item start to a break
// at item end, and its adjustment ratio: 0 when it fits as it is, positive
// when it must stretch, negative when it must shrink (below -1: overfull;
// ±Inf when it has no stretch or shrink).
func (br *breaker) measure(start, end int) (natural, ratio float64) {
	natural = br.w[end] - br.w[start]
	if it := &br.items[end]; it.kind == penalty {
		natural += it.width
	}
	slack := br.column - natural
	const eps = 1e-9
	switch {
	case slack > eps:
		if br.fil[end]-br.fil[start] > 0 {
			return natural, 0
		}
		stretch := br.p.ragged
		if br.justify {
			stretch = br.y[end] - br.y[start]
		}
		if stretch <= 0 {
			return natural, math.Inf(1)
		}
		return natural, slack / stretch
	case slack < -eps:
		shrink := 0.0
		if br.justify {
			shrink = br.z[end] - br.z[start]
		}
		if shrink <= 0 {
			return natural, math.Inf(-1)
		}
		return natural, slack / shrink
	}
	return natural, 0
}

func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return maxBadness
	}
	return min(100*math.Abs(r*r*r), maxBadness)
}

func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0 // tight
	case r <= 0.5:
		return 1 // decent
	case r <= 1:
		return 2 // loose
	}
	return 3 // very loose
}

// run does one pass with the given tolerance and returns the break at the
// end of the paragraph with the fewest demerits, or nil when no breaking
// stays within the tolerance. The final pass never fails: where every line
// would be overfull it breaks anyway.
func (br *breaker) run(tol float64, final bool) *node {
	active := []*node{{pos: -1, start: 0, fitness: 1}}
	var best [4]*node
	for i := range br.items {
		if !br.legal(i) {
			continue
		}
		it := &br.items[i]
		best = [4]*node{}
		var dropped *node
		kept := active[:0]
		for _, a := range active {
			_, r := br.measure(a.start, i)
			if r >= -1 && r <= tol {
				d := br.demerits(a, i, r)
				f := fitness(r)
				if best[f] == nil || d < best[f].demerits {
					best[f] = &node{pos: i, fitness: f, flagged: it.flagged, demerits: d, prev: a}
				}
			}
			if r < -1 || it.forced() {
				if dropped == nil || a.demerits < dropped.demerits {
					dropped = a
				}
				continue
			}
			kept = append(kept, a)
		}
		active = kept
		found := false
		for _, n := range best {
			if n != nil {
				n.start = br.lineFrom(i)
				active = append(active, n)
				found = true
			}
		}
		if !found && len(active) == 0 {
			if !final || dropped == nil {
				return nil
			}
			// Emergency: an overfull line from the best node just dropped.
			active = append(active, &node{pos: i, start: br.lineFrom(i), fitness: 1, flagged: it.flagged,
				demerits: br.demerits(dropped, i, -1), prev: dropped})
		}
	}
	var end *node
	for _, a := range active {
		if a.pos == len(br.items)-1 && (end == nil || a.demerits < end.demerits) {
			end = a
		}
	}
	return end
}

// demerits returns the total demerits of a breaking that ends with a line
// from node a to a break at item i with adjustment ratio r.
func (br *breaker) demerits(a *node, i int, r float64) float64 {
	it := &br.items[i]
	d := linePenalty + badness(r)
	d *= d
	if it.kind == penalty {
		switch {
		case it.cost >= 0:
			d += it.cost * it.cost
		case !math.IsInf(it.cost, -1):
			d -= it.cost * it.cost
		}
		if it.flagged && a.flagged {
			d += br.p.doubleHyphen
		}
		if it.end {
			if a.flagged {
				d += br.p.finalHyph
			}
			if br.gaps[i]-br.gaps[a.start] == 0 {
				d += br.p.lastWord
			}
		}
	}
	if f := fitness(r); f-a.fitness > 1 || a.fitness-f > 1 {
		d += adjDemerits
	}
	return a.demerits + d
}

// lastLineAlone reports whether the breaking that ends at end leaves a single word on the
// last line, which a looser pass may avoid.
func (br *breaker) lastLineAlone(end *node) bool {
	return end.prev != nil && br.gaps[end.pos]-br.gaps[end.prev.start] == 0
}
