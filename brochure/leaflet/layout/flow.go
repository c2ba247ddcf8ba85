package layout

import (
	"math"
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// maxStretch is how many grid steps the space between blocks may grow where a flow leaves
// room, so that what is left over is spread between the blocks instead of gathering under
// the last line.
const maxStretch = 2

// flow lays out the blocks ids over the panels ps, one column each, and returns every
// panel's items. The blocks continue from one panel to the next wherever the columns
// balance best (see balance); a single panel is a column that cannot break. The balance is
// found with every column as narrow as the narrowest panel; then each panel's texts are set
// at its own width (see reflow), or, where that would not keep the balance's panels, all
// columns keep the narrowest width, centred in their panels. Blocks that do not fit are an
// error at the block where the overflow begins.
func (b *builder) flow(ps []*Panel, ids []string) [][]Item {
	w := math.Inf(1)
	for _, p := range ps {
		w = min(w, p.Content.W)
	}
	narrow := func() {
		for _, p := range ps {
			// The panel's content area is its column.
			p.Content.X += (p.Content.W - w) / 2
			p.Content.W = w
		}
	}
	var es []entry
	errs := len(b.errs) // the problems found in setting the flow start here
	for _, id := range ids {
		i, ok := b.blocks[id]
		if !ok {
			continue
		}
		es = append(es, b.entries(i, w, b.listedOn[id])...)
	}
	cols := make([][]Item, len(ps))
	if len(es) == 0 {
		return cols
	}
	if len(ps) == 1 {
		// A text without heading at a panel's top starts where the neighbouring panels'
		// text starts under their headings.
		if blk := b.n.Leaflet.Blocks[es[0].block]; blk.Kind == brochure.KindText && blk.Heading == "" {
			f := b.fonts[heading.font]
			es[0].space, es[0].keep, es[0].between = headGap, true, nextParagraph
			es = append([]entry{{block: es[0].block, above: f.CapHeight(heading.size), below: f.Descent(heading.size)}}, es...)
		}
	}
	// The panels end as level as they can; among the ways that do (within a grid step of
	// the most level), the one with the most space between the blocks.
	limit := ps[0].Content.H
	var sp split
	var extra float64
	ok := false
	least := math.Inf(1)
	var splits []split
	for k := 0; k <= maxStretch; k++ {
		s, fits := b.balance(es, len(ps), float64(k)*gridStep, limit)
		if !fits {
			break
		}
		splits = append(splits, s)
		_, spread := s.score()
		least = min(least, spread)
	}
	for k, s := range splits {
		if _, spread := s.score(); spread <= least+gridStep+0.01 {
			sp, extra, ok = s, float64(k)*gridStep, true
		}
	}
	if !ok {
		narrow()
		b.overflow(ps, es, limit)
		return cols
	}
	if !slices.ContainsFunc(ps, func(p *Panel) bool { return p.Content.W > w+0.01 }) {
		narrow()
	} else if es2, ends, problems, ok := b.reflow(ps, ids, es, sp, extra, limit); ok {
		// The texts as set for their panels, with the problems found in setting them
		// (a wider image has fewer dots per inch).
		es, sp.ends = es2, ends
		b.errs = append(b.errs[:errs], problems...)
	} else {
		narrow()
	}
	start := 0
	for c, p := range ps {
		end := sp.ends[c]
		ys, _ := b.place(es[start:end], p.Content.Y, extra)
		x := p.Content.X
		var blocks []string
		for k, e := range es[start:end] {
			b.record(p, e.block, e.items)
			cols[c] = append(cols[c], shift(e.items, x, ys[k])...)
			if id := b.n.Leaflet.Blocks[e.block].ID; !slices.Contains(blocks, id) {
				blocks = append(blocks, id)
			}
		}
		p.Blocks = blocks
		start = end
	}
	return cols
}

// overflow reports the entries that do not fit the panels ps at the block where they begin.
func (b *builder) overflow(ps []*Panel, es []entry, limit float64) {
	k := b.fill(es, len(ps), limit)
	if k == len(es) { // cannot happen: balance found no split, so filling leaves some
		k = len(es) - 1
	}
	_, over := b.place(es[k:], 0, 0)
	if k == 0 {
		over -= limit
	}
	lines := int(math.Ceil(over / units.PtToMM(bodyLeading)))
	blk := b.n.Leaflet.Blocks[es[k].block]
	path := brochure.Path("leaflet", "blocks", es[k].block)
	if len(ps) == 1 {
		b.errorf(path, ps[0].Name, blk.ID, i18n.T("layout.overflow", mm(over), lines), i18n.T("layout.overflow.hint", lines))
		return
	}
	b.errorf(path, b.listedOn[blk.ID], blk.ID, i18n.T("layout.flow.overflow", panelLabel(ps[0].Name), panelLabel(ps[len(ps)-1].Name), mm(over), lines),
		i18n.T("layout.flow.overflow.hint", lines))
}

// entries sets flowable block i at width w as column entries; panel names where the data
// lists it.
func (b *builder) entries(i int, w float64, panel string) []entry {
	switch b.n.Leaflet.Blocks[i].Kind {
	case brochure.KindText:
		return b.textEntries(i, w, panel)
	case brochure.KindFigures:
		return b.figuresEntries(i, w, panel)
	case brochure.KindQuote:
		return b.quoteEntries(i, w, panel)
	case brochure.KindImage:
		return b.imageEntries(i, w, panel)
	}
	return nil
}

// whole makes a block laid out with its top at y = 0 into one column entry that stands
// whole, with space above it as between blocks.
func (b *builder) whole(i int, items []Item, height float64) entry {
	cap := b.capHeight(bodySize)
	return entry{block: i, items: shift(items, 0, -cap), above: cap, below: height - cap,
		space: blockSpace, between: nextBlock}
}
