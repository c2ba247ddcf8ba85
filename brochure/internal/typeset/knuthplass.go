package typeset

import (
	"math"
)

// node is a feasible breakpoint: the end of a line in some breaking.
type node struct {
	pos     int // index of the break item; -1 for the start of the paragraph
	start   int // index of the first item of the next line
	line    int // number of lines up to this break
	fitness int
	// run is the number of lines in a row, up to this one, that end in a
	// hyphen: 0 when the line ending here does not.
	run      int
	demerits float64 // total from the start of the paragraph
	prev     *node
}

// breaker finds the breaking of a list of items with the fewest demerits.
type breaker struct {
	items  []item
	column float64
	// widths are the widths of the first lines where they differ from column.
	widths  []float64
	justify bool
	expand  float64 // how much glyphs may widen or narrow, as a share
	track   float64 // how much letter spacing may grow or shrink, mm per join
	p       params
	space   item // glue of a word space
	// Prefix sums over items[:i]: width of boxes and glue, stretch and
	// shrink of glue, width of boxes alone, number of fil glues and of word
	// spaces.
	w, y, z, bw []float64
	fil         []int
	gaps        []int
	// joins[i] counts the places over items[:i] where two glyphs of a word
	// meet, which letter spacing widens; cont[i] tells that box i continues
	// the word of the box before it (after a hyphenation point).
	joins []int
	cont  []bool
	// hangR[i] is how far the line's last character may hang into the right
	// margin when the line breaks at item i.
	hangR []float64
}

func newBreaker(items []item, column float64, justify bool, p params, space item) *breaker {
	n := len(items)
	br := &breaker{items: items, column: column, justify: justify, p: p, space: space,
		w: make([]float64, n+1), y: make([]float64, n+1), z: make([]float64, n+1), bw: make([]float64, n+1),
		fil: make([]int, n+1), gaps: make([]int, n+1), hangR: make([]float64, n),
		joins: make([]int, n+1), cont: make([]bool, n)}
	if justify {
		br.expand, br.track = p.expand, p.track
	}
	last := 0.0     // hangR of the last box so far
	inWord := false // the last item but penalties was a box
	for i, it := range items {
		br.w[i+1], br.y[i+1], br.z[i+1], br.bw[i+1] = br.w[i], br.y[i], br.z[i], br.bw[i]
		br.fil[i+1], br.gaps[i+1], br.joins[i+1] = br.fil[i], br.gaps[i], br.joins[i]
		br.hangR[i] = last
		switch {
		case it.kind == penalty:
			if it.hyphen {
				br.hangR[i] = it.hangR
			}
			continue
		case it.kind == box:
			last = it.hangR
			br.bw[i+1] += it.width
			br.joins[i+1] += it.runes - 1
			if inWord {
				br.joins[i+1]++
				br.cont[i] = true
			}
		}
		inWord = it.kind == box
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

// hang returns how far the line from item start to a break at item end may
// hang into the left and the right margin.
func (br *breaker) hang(start, end int) (left, right float64) {
	if start < len(br.items) && br.items[start].kind == box {
		left = br.items[start].hangL
	}
	return left, br.hangR[end]
}

// lineFit is what fit finds out about a line.
type lineFit struct {
	natural float64 // width with spaces and glyphs at their natural width
	slack   float64 // room left to fill: negative when the line must shrink
	boxes   float64 // natural width of the glyphs, which expansion scales
	joins   int     // places where two glyphs of a word meet, which letter spacing widens
	// room is how far the glyphs may widen or narrow the line at most: by font
	// expansion and letter spacing together (0 in ragged text).
	room float64
	// stretch and shrink of the glue at adjustment ratio ±1
	stretch, shrink float64
	fil             bool // ends with infinitely stretchable glue
}

// colAt returns the width of line k (from 0).
func (br *breaker) colAt(k int) float64 {
	if k < len(br.widths) {
		return br.widths[k]
	}
	return br.column
}

// fit measures line number line (from 0), from item start to a break at item
// end. A justified line may be as wide as its column and what its ends may
// hang into the margins.
func (br *breaker) fit(start, end, line int) lineFit {
	f := lineFit{natural: br.w[end] - br.w[start], boxes: br.bw[end] - br.bw[start],
		fil: br.fil[end]-br.fil[start] > 0}
	if start < end {
		f.joins = br.joins[end] - br.joins[start]
		if br.cont[start] {
			f.joins-- // the join to the part before the line's break
		}
	}
	if it := &br.items[end]; it.kind == penalty {
		f.natural += it.width
		f.boxes += it.width
		if it.hyphen {
			f.joins++
		}
	}
	hl, hr := br.hang(start, end)
	f.slack = br.colAt(line) + hl + hr - f.natural
	f.stretch, f.shrink = br.p.ragged, 0.0
	if br.justify {
		f.stretch, f.shrink = br.y[end]-br.y[start], br.z[end]-br.z[start]
		f.room = f.boxes*br.expand + float64(max(f.joins, 0))*br.track
	}
	return f
}

// ratio returns the adjustment ratio of the line's spaces: 0 when it fits as
// it is, positive when they must stretch, negative when they must shrink
// (below -1: overfull; ±Inf when the line has no spaces that may). In
// justified text glyphs help where the spaces reach the end of their range:
// a line that would need its spaces wider than at ratio 1 or narrower than at
// -1 widens or narrows its glyphs and the spacing of its letters first, up to
// room (see glyphs); the spaces take the rest.
func (f lineFit) ratio() float64 {
	const eps = 1e-9
	switch {
	case f.slack > eps:
		if f.fil {
			return 0
		}
		if f.stretch <= 0 {
			return math.Inf(1)
		}
		return (f.slack - f.glyphs()) / f.stretch
	case f.slack < -eps:
		if f.shrink <= 0 {
			return math.Inf(-1)
		}
		return (f.slack - f.glyphs()) / f.shrink
	}
	return 0
}

// glyphs returns the share of the slack, in mm, that the glyphs of a line
// without fil glue take: what the spaces cannot take within ratio ±1, up to
// room; negative when the line shrinks.
func (f lineFit) glyphs() float64 {
	e := f.room
	switch {
	case f.fil || f.slack > 0 && f.stretch <= 0 || f.slack < 0 && f.shrink <= 0:
		return 0
	case f.slack > f.stretch:
		return min(f.slack-f.stretch, e)
	case f.slack < -f.shrink:
		return max(f.slack+f.shrink, -e)
	}
	return 0
}

// glyphCost returns how much font expansion and letter spacing add to the
// ratio that the badness of a line counts: glyphs scaled and spaced to the
// limit count as glyphWeight more stretching (or shrinking) of the spaces, so
// that of two breakings with the same spaces the one that touches its glyphs
// less wins.
func (f lineFit) glyphCost() float64 {
	if f.room > 0 {
		return glyphWeight * f.glyphs() / f.room
	}
	return 0
}

// badness is TeX's measure of how far a line's spaces are from their
// natural width, 100|r|³, but not capped at 10000: in the last pass, where
// lines may stretch without limit, a line twice as loose as another still
// counts as worse. A line without stretch or shrink has maxBadness.
func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return maxBadness
	}
	return 100 * math.Abs(r*r*r)
}

// lineDemerits returns the fewest demerits a line of adjustment ratio r
// costs.
func lineDemerits(r float64) float64 {
	d := linePenalty + badness(r)
	return d * d
}

// ratioFor returns the adjustment ratio at which a line alone costs d
// demerits (see lineDemerits).
func ratioFor(d float64) float64 {
	b := max(math.Sqrt(d)-linePenalty, 0)
	return math.Cbrt(b / 100)
}

// fitnessClasses are the classes of lines by the adjustment ratio of their
// spaces, the upper bounds of all but the last: tight (spaces below 0.9 of
// their width), two decent ones, and loose ones in steps of a quarter of the
// natural width. Lines of neighbouring classes may stand together; the
// further apart two neighbours' classes are, the more demerits (see
// adjDemerits).
var fitnessClasses = [...]float64{-0.5, 0, 0.5, 1, 1.5, 2}

// decent is the class of a line at natural spacing.
const decent = 2

// fitness returns the class of a line with adjustment ratio r.
func fitness(r float64) int {
	for c, upper := range fitnessClasses {
		if r < upper {
			return c
		}
	}
	return len(fitnessClasses)
}

// run does one pass with the given tolerance and returns the break at the
// end of the paragraph with the fewest demerits, or nil when no breaking
// stays within the tolerance and the rules. The final pass never fails: where
// every line would be overfull it breaks anyway, and it breaks the rules
// (at most maxHyphenRun hyphens in a row, a last line of at least minLast
// that is more than a word's end) at a high price rather than fail.
func (br *breaker) run(tol float64, final bool) *node {
	active := []*node{{pos: -1, start: 0, fitness: decent}}
	// best holds the best node ending here of each fitness class and hyphen
	// run, and, while the lines' widths differ, of each line number.
	type classes [len(fitnessClasses) + 1][maxHyphenRun + 2]*node
	best := make([]classes, len(br.widths)+1)
	for i := range br.items {
		if !br.legal(i) {
			continue
		}
		it := &br.items[i]
		clear(best)
		var dropped *node
		kept := active[:0]
		for _, a := range active {
			lf := br.fit(a.start, i, a.line)
			r := lf.ratio()
			if r >= -1 && r <= tol {
				if d, ok := br.demerits(a, i, lf, final); ok {
					f, run := fitness(r), 0
					if it.flagged {
						run = min(a.run+1, maxHyphenRun+1)
					}
					cls := &best[min(a.line+1, len(br.widths))]
					if b := cls[f][run]; b == nil || d < b.demerits {
						cls[f][run] = &node{pos: i, line: a.line + 1, fitness: f, run: run, demerits: d, prev: a}
					}
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
		for c := range best {
			for f := range best[c] {
				for _, n := range best[c][f] {
					if n != nil {
						n.start = br.lineFrom(i)
						active = append(active, n)
						found = true
					}
				}
			}
		}
		if !found && len(active) == 0 {
			if !final || dropped == nil {
				return nil
			}
			// Emergency: an overfull line from the best node just dropped.
			d, _ := br.demerits(dropped, i, br.fit(dropped.start, i, dropped.line), true)
			run := 0
			if it.flagged {
				run = min(dropped.run+1, maxHyphenRun+1)
			}
			active = append(active, &node{pos: i, start: br.lineFrom(i), line: dropped.line + 1, fitness: decent, run: run, demerits: d, prev: dropped})
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

// demerits returns the total demerits of a breaking that ends with the line
// lf from node a to a break at item i, and whether the line keeps the rules.
// In the final pass every line is allowed and a broken rule costs the
// demerits broken.
func (br *breaker) demerits(a *node, i int, lf lineFit, final bool) (float64, bool) {
	it := &br.items[i]
	r := lf.ratio()
	d := lineDemerits(r + lf.glyphCost())
	var rules float64 // rules broken
	if it.kind == penalty {
		switch {
		case it.cost >= 0:
			d += it.cost * it.cost
		case !math.IsInf(it.cost, -1):
			d -= it.cost * it.cost
		}
		if it.flagged && a.run > 0 {
			d += br.p.doubleHyphen
			if a.run >= maxHyphenRun {
				rules++
			}
		}
		if it.end {
			alone := br.gaps[i]-br.gaps[a.start] == 0
			if a.run > 0 {
				d += br.p.finalHyph
				if alone {
					rules++ // a word's end alone on the last line
				}
			}
			if alone {
				d += br.p.lastWord
			}
			if a.pos >= 0 && !br.items[a.pos].forced() && lf.natural < br.p.minLast {
				rules++
			}
		}
	}
	if rules > 0 {
		if !final {
			return 0, false
		}
		d += rules * broken
	}
	if gap := abs(fitness(r)-a.fitness) - 1; gap > 0 {
		d += adjDemerits * float64(gap*gap)
	}
	return a.demerits + d, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
