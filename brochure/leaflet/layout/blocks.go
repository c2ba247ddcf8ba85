package layout

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Sizes of the cover and the QR code, in mm and points.
const (
	coverTitleTop = 58.0 // y of the title's capitals from the top trim
	// coverTitleLines is the most lines the cover title may take at a size chosen for it.
	coverTitleLines = 4
	coverFootSize   = 8.5 // the website at the cover's foot, in pt
	coverSubSize    = 11.0
	qrSide          = 26.0
)

// office lays out the office's address block: a heading and ragged paragraphs whose web and
// e-mail addresses become links.
func (b *builder) office(p *Panel, i int) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	var items []Item
	y := 0.0
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		text := b.expand(blk.Heading, path, p.Name, blk.ID)
		items = append(items, &Bookmark{Title: strings.ReplaceAll(text, "\n", " "), Y: y})
		lines, bottom := b.set(text, heading, p.Content.W, y, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		y = bottom + headGap + 1
		items = append(items, &Rule{From: Point{0, y}, To: Point{p.Content.W, y}, Colour: Accent, Width: 0.3})
		y += headGap + 1
	}
	for j, para := range blk.Paragraphs {
		path := brochure.Path("leaflet", "blocks", i, "paragraphs", j)
		text := b.expand(para, path, p.Name, blk.ID)
		lines, bottom := b.set(text, office, p.Content.W, y, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		items = append(items, b.links(lines)...)
		y = bottom + paraGap*1.6
	}
	return items, max(0, y-paraGap*1.6)
}

// qr lays out a QR code of the block's URL (default: the network's website) with its caption
// under it.
func (b *builder) qr(p *Panel, i int) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	url := blk.URL
	if url == "" {
		url = b.n.Network.Website
	}
	url = brochure.LinkURL(url)
	mods, err := qrModules(url, 0, 0, qrSide)
	if err != nil {
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID, i18n.T("layout.qr", url, err))
		return nil, 0
	}
	items := []Item{mods, &Link{Rect: Rect{W: qrSide, H: qrSide}, URL: url}}
	y := qrSide
	if blk.Caption != "" {
		path := brochure.Path("leaflet", "blocks", i, "caption")
		text := b.expand(blk.Caption, path, p.Name, blk.ID)
		st := small
		st.size, st.leading = 7, 9
		lines, bottom := b.set(text, st, p.Content.W, y+2.5, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		items = append(items, b.links(lines)...)
		y = bottom
	}
	return items, y
}

// cover lays out the front: a dark background that runs into the bleed wherever the panel
// touches the trim, the title in large type and the subtitle under it.
func (b *builder) cover(p *Panel, side string, panel, i int) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	bleed := b.plan.BleedMM
	bg := &Fill{Rect: Rect{X: p.X, Y: -bleed, W: p.W, H: trimH + 2*bleed}, Colour: Dark, Bleeds: true}
	if p.X < 0.01 {
		bg.X -= bleed
		bg.W += bleed
	}
	if p.X+p.W > trimW-0.01 {
		bg.W += bleed
	}
	items := []Item{bg}
	x := p.Content.X + 3
	w := p.Content.W - 6
	y := coverTitleTop
	items = append(items, &Rule{From: Point{x, y - 9}, To: Point{x + 16, y - 9}, Colour: Accent, Width: 1.4})
	title := blk.Heading
	if title == "" {
		title = b.n.Network.Name
	}
	path := brochure.Path("leaflet", "blocks", i, "heading")
	text := b.expand(title, path, p.Name, blk.ID)
	items = append(items, &Bookmark{Title: strings.ReplaceAll(text, "\n", " "), Y: 0})
	st := b.coverTitle(text, w, blk.HeadingPt)
	lines, bottom := b.set(text, st, w, y, path, p.Name, blk.ID)
	items = append(items, shift(asItems(lines), x, 0)...)
	y = bottom
	if blk.Subtitle != "" {
		path := brochure.Path("leaflet", "blocks", i, "subtitle")
		text := b.expand(blk.Subtitle, path, p.Name, blk.ID)
		st := style{font: "regular", size: coverSubSize, leading: 15, colour: Tint}
		lines, bottom := b.set(text, st, w, y+5, path, p.Name, blk.ID)
		items = append(items, shift(asItems(lines), x, 0)...)
		y = bottom
	}
	foot := b.coverFoot(p, i)
	footTop := p.Content.Y + p.Content.H
	if len(foot) > 0 {
		footTop -= b.capHeight(coverFootSize) + 4 // the website, and white space above it
	}
	if y > footTop {
		b.errorf(path, p.Name, blk.ID, i18n.T("layout.title.long", mm(y-footTop)), i18n.T("layout.title.long.hint"))
	}
	items = append(items, b.coverMotif(x, w, y+coverMotifGap, footTop-coverMotifGap+4)...)
	items = append(items, foot...)
	return items, p.Content.H
}

// coverTitleSizes are the sizes the cover title may take, in points, largest first.
var coverTitleSizes = []float64{25, 22, 20, brochure.CoverTitleMinPt}

// coverTitle returns the style of the cover's title: at the size the data gives, or else at
// the largest of coverTitleSizes at which the title breaks into at most coverTitleLines lines
// between words (at the data's "\n" and spaces, never inside a word, not even at its hyphen);
// at the smallest when none does. The lines are balanced.
func (b *builder) coverTitle(text string, w float64, given *float64) style {
	st := style{font: "semibold", colour: Paper, balance: true}
	sizes := coverTitleSizes
	if given != nil {
		sizes = []float64{*given}
	}
	for _, size := range sizes {
		st.size, st.leading = size, size*1.16
		para, err := b.breakText(text, st, w)
		if err != nil {
			break // set reports it
		}
		whole := len(para.Lines) <= coverTitleLines
		for _, l := range para.Lines {
			whole = whole && !l.Hyphenated
		}
		if whole {
			break
		}
	}
	return st
}

// coverFoot sets the network's website at the foot of the cover.
func (b *builder) coverFoot(p *Panel, i int) []Item {
	blk := &b.n.Leaflet.Blocks[i]
	site := brochure.DisplayURL(b.n.Network.Website)
	if site == "" {
		return nil
	}
	st := style{font: "semibold", size: coverFootSize, leading: 11, colour: Tint}
	lines, _ := b.set(site, st, p.Content.W-6, 0, brochure.Path("network", "website"), p.Name, blk.ID)
	items := shift(asItems(lines), p.Content.X+3, p.Content.Y+p.Content.H-b.capHeight(st.size))
	return append(items, b.links(lines)...)
}

func asItems(lines []*Line) []Item {
	return appendLines(nil, lines)
}
