package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// lineWidths are the widths of a text's lines: first for its first lines, one each, and
// rest for the others.
type lineWidths struct {
	first []float64
	rest  float64
}

// reflow sets a flow again for panels of different widths. The flow was balanced with every
// column as narrow as its narrowest panel (es, split sp); now each text is set at the width
// of the panel it stands in, a paragraph that continues in the next panel at the widths of
// both (its lines in the first panel at that panel's width), so that the wider panels get
// wider columns. Every text keeps the panel where the balance put it, and a paragraph keeps
// as many lines in its first panel, or one less where its wider lines would leave a single
// line to continue it. It returns the new entries and where each panel ends, or false when
// the new entries do not keep to that (a panel that would overflow or open with what must
// stay with the entry before): then the narrow flow stands. The problems found in setting the
// texts again are returned, not recorded: they replace those of the narrow flow where the
// caller takes the new entries.
func (b *builder) reflow(ps []*Panel, ids []string, es []entry, sp split, extra, limit float64) (_ []entry, ends []int, problems brochure.Diagnostics, ok bool) {
	widths := make([]float64, len(ps))
	for c, p := range ps {
		widths[c] = p.Content.W
	}
	panelOf := func(k int) int {
		c := 0
		for c < len(sp.ends)-1 && k >= sp.ends[c] {
			c++
		}
		return c
	}
	// The panels of each text's lines and of the other entries, in order.
	keys := entryKeys(es)
	panels := map[string][]int{}
	blockPanel := map[int]int{} // each block's first panel
	paragraphs := map[string]bool{}
	for k, key := range keys {
		c := panelOf(k)
		panels[key] = append(panels[key], c)
		if _, ok := blockPanel[es[k].block]; !ok {
			blockPanel[es[k].block] = c
		}
		if b.n.Leaflet.Blocks[es[k].block].Kind == brochure.KindText && strings.Contains(key, ".paragraphs[") {
			paragraphs[key] = true
		}
	}
	// The paragraphs of texts are set at their panels' widths; headings, figures, quotes and
	// images at the width of their block's first panel, which they do not leave.
	b.widths = map[string]lineWidths{}
	defer func() { b.widths = nil }()
	for key := range paragraphs {
		cs := panels[key]
		last := cs[len(cs)-1]
		lw := lineWidths{rest: widths[last]}
		for _, c := range cs {
			if c == last {
				break
			}
			lw.first = append(lw.first, widths[c])
		}
		b.widths[key] = lw
	}
	var es2 []entry
	var keys2 []string
	seen := map[string]int{}
	settled := false
	for range 8 {
		errs := len(b.errs)
		es2 = es2[:0]
		for _, id := range ids {
			if i, ok := b.blocks[id]; ok {
				es2 = append(es2, b.entries(i, widths[blockPanel[i]], b.listedOn[id])...)
			}
		}
		problems = append(problems[:0], b.errs[errs:]...)
		b.errs = b.errs[:errs]
		keys2 = entryKeys(es2)
		clear(seen)
		for _, key := range keys2 {
			seen[key]++
		}
		// Wider lines may leave a single line to continue a paragraph in the next panel:
		// then its first panel keeps a line less, and the texts are set again.
		again := false
		for key, lw := range b.widths {
			if n := len(lw.first); n > 0 && seen[key] > n && seen[key] < n+2 {
				if n <= 2 {
					return nil, nil, nil, false
				}
				lw.first = lw.first[:n-1]
				b.widths[key], again = lw, true
			}
		}
		if !again {
			settled = true
			break
		}
	}
	if !settled {
		return nil, nil, nil, false
	}

	// Each new entry goes to the panel its text's line (or its block's entry) had.
	ends = make([]int, len(ps))
	clear(seen)
	c := 0
	for k, key := range keys2 {
		cs := panels[key]
		if len(cs) == 0 {
			return nil, nil, nil, false
		}
		n := seen[key]
		seen[key]++
		want := cs[len(cs)-1]
		if lw, ok := b.widths[key]; ok {
			if n < len(lw.first) {
				want = cs[n]
			}
		} else if n < len(cs) {
			want = cs[n]
		}
		if want < c {
			return nil, nil, nil, false
		}
		for ; c < want; c++ {
			ends[c] = k
		}
	}
	for ; c < len(ps); c++ {
		ends[c] = len(es2)
	}
	// Check what the balance made sure of: no panel too full, none opening with an entry
	// that must stay with the one before.
	start := 0
	for c, end := range ends {
		if end > start {
			if c > 0 && start > 0 && es2[start].keep {
				return nil, nil, nil, false
			}
			if _, h := b.place(es2[start:end], 0, extra); h > limit+0.01 {
				return nil, nil, nil, false
			}
		}
		start = end
	}
	for key, lw := range b.widths {
		if n := len(lw.first); n > 0 && seen[key] > n && seen[key] < n+2 {
			return nil, nil, nil, false // the continuation keeps fewer than two lines
		}
	}
	return es2, ends, problems, true
}

// entryKeys names what each entry sets: the path of a text's line ("leaflet.blocks[3].
// paragraphs[0]"), or for an entry without lines (a figure, an image) its block and its
// number among them.
func entryKeys(es []entry) []string {
	keys := make([]string, len(es))
	other := map[int]int{}
	for k, e := range es {
		i := slices.IndexFunc(e.items, func(it Item) bool { _, ok := it.(*Line); return ok })
		if i >= 0 {
			keys[k] = e.items[i].(*Line).Path
			continue
		}
		keys[k] = fmt.Sprintf("block %d entry %d", e.block, other[e.block])
		other[e.block]++
	}
	return keys
}
