package layout

import (
	"math"
)

// entry is a piece of a column that is never cut: one line of a heading or paragraph, or a
// block that stands whole (key figures, a quote, an image). Its items are laid out with the
// entry's reference line at y = 0: a text line's baseline; for a whole block a body line's
// cap height under its top, so that its top lines up with the capitals of the text in the
// neighbouring panel.
type entry struct {
	block int // index in leaflet.blocks
	items []Item
	// above and below are how far the entry reaches above and below its reference line.
	above, below float64
	// lead, when set, is the fixed distance from the previous entry's reference line, as
	// between the lines of a paragraph. Otherwise the entry keeps space from the bottom of
	// the previous one and its reference line snaps to the grid.
	lead  float64
	space float64
	// between says what separates the entry from the one before: the designed space
	// between blocks grows when a flow leaves room.
	between separation
	// keep forbids a column break before the entry: it would leave a heading alone at a
	// panel's foot, or fewer than two lines of a paragraph on either side.
	keep bool
}

// separation is what lies between an entry and the one before.
type separation int

// Separations: the next line of the same paragraph (or heading), the first line of the next
// paragraph, the first entry of the next block.
const (
	sameParagraph separation = iota
	nextParagraph
	nextBlock
)

// blockSpace is the white space between two blocks, from the descenders of one to the
// capitals of the next; paraSpace between paragraphs.
const (
	blockSpace = 8.0
	paraSpace  = paraGap
)

// next returns the reference line of entry e set under entry prev, whose reference line
// stands at y, in a column whose content starts at top, with extra mm added to the space
// between blocks.
func (b *builder) next(prev, e *entry, y, top, extra float64) float64 {
	if e.lead > 0 {
		return y + e.lead
	}
	gap := e.space
	if e.between == nextBlock {
		gap += extra
	}
	return b.snap(y+prev.below+gap+e.above, top)
}

// place returns the reference lines of es set one under the other in a column whose content
// starts at top, with extra mm added to every space between blocks, and the height the
// entries take from top to the last one's bottom.
func (b *builder) place(es []entry, top, extra float64) (ys []float64, height float64) {
	ys = make([]float64, len(es))
	for k := range es {
		if k == 0 {
			ys[k] = b.firstBaseline(es[k].above, top)
		} else {
			ys[k] = b.next(&es[k-1], &es[k], ys[k-1], top, extra)
		}
	}
	if len(es) == 0 {
		return ys, 0
	}
	return ys, ys[len(es)-1] + es[len(es)-1].below - top
}

// heights measures, for every entry i that may open a column, the height of the columns
// es[i:j] for every j that may end one (j == len(es) or es[j] may open a column), as long
// as they are at most limit mm high; heights[i][j-i-1] is NaN where j may not end a column.
func (b *builder) heights(es []entry, extra, limit float64) [][]float64 {
	hs := make([][]float64, len(es))
	for i := range es {
		if i > 0 && es[i].keep {
			continue
		}
		var row []float64
		y := b.firstBaseline(es[i].above, 0)
		for j := i; j < len(es); j++ {
			if j > i {
				y = b.next(&es[j-1], &es[j], y, 0, extra)
			}
			h := y + es[j].below
			if h > limit+0.01 {
				break
			}
			if j+1 == len(es) || !es[j+1].keep {
				row = append(row, h)
			} else {
				row = append(row, math.NaN())
			}
		}
		hs[i] = row
	}
	return hs
}

// split is how a flow's entries are shared among its columns: ends[c] is the index of the
// first entry after column c.
type split struct {
	ends    []int
	heights []float64
}

// score is what balancing minimises: the tallest column's height, then the difference
// between the tallest and the shortest.
func (s split) score() (tallest, spread float64) {
	tallest, short := 0.0, math.Inf(1)
	for _, h := range s.heights {
		tallest, short = max(tallest, h), min(short, h)
	}
	return tallest, tallest - short
}

// balance shares es among n columns of height limit so that they end as level as they can:
// it minimises the tallest column, then the difference between tallest and shortest, then
// the paragraphs cut, and fills every column when there are entries enough. It reports
// false when the entries do not fit.
func (b *builder) balance(es []entry, n int, extra, limit float64) (split, bool) {
	hs := b.heights(es, extra, limit)
	var best split
	found := false
	bestCuts := 0
	ends := make([]int, n)
	heights := make([]float64, n)
	var walk func(c, start int)
	walk = func(c, start int) {
		if start == len(es) {
			// The remaining columns stay empty; the tallest column decides whether
			// that is best.
			for k := c; k < n; k++ {
				ends[k], heights[k] = len(es), 0
			}
			s := split{ends: append([]int(nil), ends...), heights: append([]float64(nil), heights...)}
			cuts := 0
			for _, e := range s.ends[:n-1] {
				if e > 0 && e < len(es) && es[e].between == sameParagraph {
					cuts++
				}
			}
			t, sp := s.score()
			if found {
				bt, bsp := best.score()
				switch {
				case t > bt+0.01:
					return
				case math.Abs(t-bt) <= 0.01 && sp > bsp+0.01:
					return
				case math.Abs(t-bt) <= 0.01 && math.Abs(sp-bsp) <= 0.01 && cuts >= bestCuts:
					return
				}
			}
			best, bestCuts, found = s, cuts, true
			return
		}
		if c == n || hs[start] == nil {
			return
		}
		row := hs[start]
		for k := len(row) - 1; k >= 0; k-- {
			if math.IsNaN(row[k]) {
				continue
			}
			end := start + k + 1
			if c == n-1 && end != len(es) {
				continue
			}
			ends[c], heights[c] = end, row[k]
			walk(c+1, end)
		}
	}
	walk(0, 0)
	return best, found
}

// fill shares es among n columns of height limit by filling each as far as it goes, and
// returns the index of the first entry that fits nowhere (len(es) when all fit).
func (b *builder) fill(es []entry, n int, limit float64) int {
	hs := b.heights(es, 0, limit)
	start := 0
	for c := 0; c < n && start < len(es); c++ {
		row := hs[start]
		end := start
		for k := len(row) - 1; k >= 0; k-- {
			if !math.IsNaN(row[k]) {
				end = start + k + 1
				break
			}
		}
		if end == start {
			break
		}
		start = end
	}
	return start
}
