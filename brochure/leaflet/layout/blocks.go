package layout

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// Sizes of the cover and the QR code, in mm and points.
const (
	coverTitleTop = 58.0 // y of the title's capitals from the top trim
	// coverTitleLines is the most lines the cover title may take at a size chosen for it.
	coverTitleLines = 4
	coverFootSize   = 9.5 // the website at the cover's foot, in pt
	coverSubSize    = 11.0
	qrSide          = 26.0
	qrQuiet         = 4 // the QR code's quiet zone in modules, as ISO/IEC 18004 asks
)

// office lays out the office's address block in two parts, which the panel spreads: its
// heading with a rule under it, and the address in groups, the first line semibold.
// Without paragraphs in the data the address is composed from the office's data (host,
// department, people, address, phones, e-mail, websites) with the block's labels, and the
// date line ("Stand: …" by default) comes as the foot, its baseline at y = 0, with the height it takes above that; the panel
// sets it at its bottom.
func (b *builder) office(p *Panel, i int) (head, body *unit, foot []Item, footH float64) {
	blk := &b.n.Leaflet.Blocks[i]
	w := p.Content.W
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		es := b.headingEntries(i, b.expand(blk.Heading, path, p.Name, blk.ID), path, w, p.Name)
		ys, h := b.place(es, 0, 0)
		head = &unit{index: i, kind: brochure.KindOffice}
		for k, e := range es {
			head.items = append(head.items, shift(e.items, 0, ys[k])...)
		}
		y := h + headGap + 1
		head.items = append(head.items, &Rule{From: Point{0, y}, To: Point{w, y}, Colour: Accent, Width: 0.3})
		head.height = y
	}
	var es []entry
	for g, group := range b.officeGroups(i, p.Name) {
		for k, para := range group {
			st := officeStyle
			if g == 0 && (len(blk.Paragraphs) > 0 && k == 0 || len(blk.Paragraphs) == 0 && k < 2) {
				st.font = "semibold"
			}
			lines, _ := b.set(b.wrapURLs(para.text, st, w), st, w, 0, para.path, p.Name, blk.ID)
			first := entry{space: paraSpace, between: nextParagraph}
			if k > 0 {
				first.space = 0
			}
			es = append(es, b.lineEntries(i, lines, first, units.PtToMM(officeStyle.leading), false)...)
		}
	}
	if len(es) > 0 {
		ys, h := b.place(es, 0, 0)
		body = &unit{index: i, kind: brochure.KindOffice, height: h}
		for k, e := range es {
			body.items = append(body.items, shift(e.items, 0, ys[k])...)
		}
	}
	if len(blk.Paragraphs) == 0 {
		path := brochure.Path("edition", "stand")
		st := officeStyle
		st.colour = Muted
		label := b.label(i, "stand", p.Name, blk.ID)
		lines, _ := b.set(label+" "+b.n.Edition.Stand.German(), st, w, 0, path, p.Name, blk.ID)
		for _, l := range lines {
			l.Baseline -= b.capHeight(st.size)
		}
		foot, footH = asItems(lines), b.ascender(st.size)
	}
	return head, body, foot, footH
}

// officeText is one paragraph of the office block with the place in the data it comes from.
type officeText struct {
	text, path string
}

// officeGroups returns the office block's paragraphs in groups: the data's paragraphs, one
// group each; or, without them, the office's data: who hosts it, the people, the address,
// phones and e-mail, the websites, with the block's labels (Load fills in those the data
// leaves out).
func (b *builder) officeGroups(i int, panel string) [][]officeText {
	blk := &b.n.Leaflet.Blocks[i]
	var groups [][]officeText
	if len(blk.Paragraphs) > 0 {
		for j, para := range blk.Paragraphs {
			path := brochure.Path("leaflet", "blocks", i, "paragraphs", j)
			groups = append(groups, []officeText{{b.expand(para, path, panel, blk.ID), path}})
		}
		return groups
	}
	o := b.n.Office
	add := func(g []officeText, text, path string) []officeText {
		if strings.TrimSpace(text) == "" {
			return g
		}
		return append(g, officeText{text, path})
	}
	var host []officeText
	host = add(host, b.label(i, "lead", panel, blk.ID), "office")
	host = add(host, o.Host, "office.host")
	host = add(host, o.Department, "office.department")
	var people []officeText
	for k, pr := range o.People {
		text := pr.Name
		if pr.Role != "" {
			text += " (" + pr.Role + ")"
		}
		people = add(people, text, brochure.Path("office.people", k))
	}
	var address []officeText
	address = add(address, o.Address.Street, "office.address.street")
	address = add(address, strings.TrimSpace(o.Address.Postcode+" "+o.Address.City), "office.address")
	var contact []officeText
	if len(o.Phones) > 0 {
		contact = add(contact, b.label(i, "phone", panel, blk.ID)+" "+strings.Join(o.Phones, ", "), "office.phones")
	}
	if o.Email != "" {
		contact = add(contact, b.label(i, "email", panel, blk.ID)+" "+o.Email, "office.email")
	}
	var webs []officeText
	for k, web := range o.Websites {
		webs = add(webs, brochure.DisplayURL(web), brochure.Path("office.websites", k))
	}
	for _, g := range [][]officeText{host, people, address, contact, webs} {
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// label returns the label under key (lead, phone, email, stand) of the office block i with
// its placeholders expanded; a network not made by Load may leave the labels out, and
// then it is the default.
func (b *builder) label(i int, key, panel, block string) string {
	l := brochure.DefaultOfficeLabels
	if b.n.Leaflet.Blocks[i].Labels != nil {
		l = *b.n.Leaflet.Blocks[i].Labels
	}
	text := map[string]string{"lead": l.Lead, "phone": l.Phone, "email": l.Email, "stand": l.Stand}[key]
	return b.expand(text, brochure.Path("leaflet", "blocks", i, "labels", key), panel, block)
}

// qr lays out a QR code of the block's URL (default: the network's website) with its caption
// beside it, level with its foot. It returns the code's quiet zone too: four modules, which
// the panel keeps clear around it.
func (b *builder) qr(p *Panel, i int) (items []Item, height, quiet float64) {
	blk := &b.n.Leaflet.Blocks[i]
	url := blk.URL
	if url == "" {
		url = b.n.Network.Website
	}
	url = brochure.LinkURL(url)
	mods, n, err := qrModules(url, 0, 0, qrSide)
	if err != nil {
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID, i18n.T("layout.qr", url, err))
		return nil, 0, 0
	}
	quiet = qrQuiet * qrSide / float64(n)
	items = []Item{mods, &Link{Rect: Rect{W: qrSide, H: qrSide}, URL: url}}
	if blk.Caption != "" {
		path := brochure.Path("leaflet", "blocks", i, "caption")
		text := b.expand(blk.Caption, path, p.Name, blk.ID)
		x := qrSide + quiet
		lines, _ := b.set(text, officeStyle, p.Content.W-x, 0, path, p.Name, blk.ID)
		if len(lines) > 0 {
			dy := qrSide - lines[len(lines)-1].Baseline
			for _, l := range lines {
				l.Baseline += dy
			}
		}
		items = append(items, shift(asItems(lines), x, 0)...)
		items = append(items, b.links(lines)...)
	}
	return items, qrSide, quiet
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
		st := style{font: "regular", size: coverSubSize, leading: 15, colour: Paper}
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
		para, err := b.breakText(text, st, w, nil)
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
	st := style{font: "semibold", size: coverFootSize, leading: 12, colour: Paper}
	lines, _ := b.set(site, st, p.Content.W-6, 0, brochure.Path("network", "website"), p.Name, blk.ID)
	items := shift(asItems(lines), p.Content.X+3, p.Content.Y+p.Content.H-b.capHeight(st.size))
	return append(items, b.links(lines)...)
}

func asItems(lines []*Line) []Item {
	return appendLines(nil, lines)
}
