package layout

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Sizes of key figures and pull quotes, in points and mm.
const (
	figureSize    = 24.0
	figureLabel   = 8.5
	figureLeading = 11.0
	figureColumns = 2
	figureColGap  = 5.0
	figureRowGap  = 5.0
	quoteSize     = 12.0
	quoteLeading  = 16.0
	quoteIndent   = 5.0
)

// figuresEntries lays out a figures block: its heading, then the figures in two columns,
// each a large number in the accent colour over its label. The figures stand whole.
func (b *builder) figuresEntries(i int, w float64, panel string) []entry {
	blk := &b.n.Leaflet.Blocks[i]
	var es []entry
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		es = b.headingEntries(i, b.expand(blk.Heading, path, panel, blk.ID), path, w, panel)
	}
	colW := (w - figureColGap*float64(figureColumns-1)) / figureColumns
	num := style{font: "semibold", size: figureSize, leading: figureSize * 1.2, colour: Accent}
	label := style{font: "regular", size: figureLabel, leading: figureLeading, colour: Text}
	var items []Item
	y := 0.0
	for row := 0; row*figureColumns < len(blk.Figures); row++ {
		bottom := y
		for col := 0; col < figureColumns; col++ {
			k := row*figureColumns + col
			if k >= len(blk.Figures) {
				break
			}
			f := blk.Figures[k]
			x := float64(col) * (colW + figureColGap)
			vp := brochure.Path("leaflet", "blocks", i, "figures", k, "value")
			lines, vb := b.set(b.expand(f.Value, vp, panel, blk.ID), num, colW, y, vp, panel, blk.ID)
			items = append(items, shift(asItems(lines), x, 0)...)
			lp := brochure.Path("leaflet", "blocks", i, "figures", k, "label")
			lines, lb := b.set(b.expand(f.Label, lp, panel, blk.ID), label, colW, vb+1.5, lp, panel, blk.ID)
			items = append(items, shift(asItems(lines), x, 0)...)
			bottom = max(bottom, lb)
		}
		y = bottom + figureRowGap
	}
	e := b.whole(i, items, max(0, y-figureRowGap))
	if len(es) > 0 {
		e.space, e.between, e.keep = headGap, nextParagraph, true
	}
	return append(es, e)
}

// quoteEntries lays out a pull quote: its text in large type in the accent colour beside a
// rule, and its source under it. The quote stands whole.
func (b *builder) quoteEntries(i int, w float64, panel string) []entry {
	blk := &b.n.Leaflet.Blocks[i]
	st := style{font: "semibold", size: quoteSize, leading: quoteLeading, colour: Accent}
	var items []Item
	y := 0.0
	for j, para := range blk.Paragraphs {
		path := brochure.Path("leaflet", "blocks", i, "paragraphs", j)
		lines, bottom := b.set(b.expand(para, path, panel, blk.ID), st, w-quoteIndent, y, path, panel, blk.ID)
		items = append(items, shift(asItems(lines), quoteIndent, 0)...)
		y = bottom + paraGap
	}
	y -= paraGap
	if blk.Caption != "" {
		path := brochure.Path("leaflet", "blocks", i, "caption")
		cs := style{font: "regular", size: figureLabel, leading: figureLeading, colour: Muted}
		lines, bottom := b.set(b.expand(blk.Caption, path, panel, blk.ID), cs, w-quoteIndent, y+2.5, path, panel, blk.ID)
		items = append(items, shift(asItems(lines), quoteIndent, 0)...)
		y = bottom
	}
	items = append([]Item{&Rule{From: Point{0.7, 0}, To: Point{0.7, y}, Colour: Accent, Width: 1.4}}, items...)
	return []entry{b.whole(i, items, y)}
}
