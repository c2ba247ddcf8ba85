package roster

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/typeset"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// listFile is the name of the member list, for messages.
const listFile = "roster.pdf"

// Gaps of the member list's flow, in millimetres.
const (
	listSectionGap = 7.0 // above a section's heading
	listHeadingGap = 1.5 // under a section's heading
	listCreditGap  = 1.2 // between two credit lines
)

// listFonts parses the faces of package fonts once.
var listFonts = sync.OnceValues(func() (map[string]*typeset.Font, error) {
	parsed := map[string]*typeset.Font{}
	for _, face := range fonts.Faces {
		f, err := typeset.ParseFont(face.Data)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", face.Name, err)
		}
		parsed[face.Name] = f
	}
	return parsed, nil
})

// listBuilder lays out the member list page by page.
type listBuilder struct {
	n     *brochure.Network
	fonts map[string]*typeset.Font
	hyph  *hyphen.Hyphenator
	diags brochure.Diagnostics
	plan  *listPlan
	page  *listPage
	top   float64 // where the body begins on every page
	y     float64 // where the next thing goes on the page
}

// layoutList lays out the member list of n. Text it cannot set is reported as
// brochure.Diagnostics, all at once.
func layoutList(n *brochure.Network) (*listPlan, error) {
	fs, err := listFonts()
	if err != nil {
		return nil, err
	}
	b := &listBuilder{n: n, fonts: fs, hyph: hyphen.Default(), plan: &listPlan{}}
	b.runningHead()
	b.newPage()
	b.titleBlock()
	b.table(memberTable(n, true))
	b.table(memberTable(n, false))
	b.table(institutionTable(n))
	b.officeBlock()
	b.creditsBlock()
	if len(b.diags) > 0 {
		return nil, b.diags.Sorted()
	}
	return b.plan, nil
}

// errorf records a problem with the value at path.
func (b *listBuilder) errorf(path string, msg i18n.Text, hint ...i18n.Text) {
	var h i18n.Text
	if len(hint) > 0 {
		h = hint[0]
	}
	b.diags = append(b.diags, b.n.Diagnostic(path, msg, h))
}

// newPage starts a page; the body begins under the running head.
func (b *listBuilder) newPage() {
	b.page = &listPage{}
	b.plan.pages = append(b.plan.pages, b.page)
	b.y = b.top
}

// room reports whether h millimetres fit on the page below y.
func (b *listBuilder) room(h float64) bool { return b.y+h <= listBottom }

// runningHead sets the head that every page repeats: the network's name on the left, the
// list's name and Stand on the right, a rule under them.
func (b *listBuilder) runningHead() {
	right := "Mitgliederverzeichnis · Stand: " + b.n.Edition.Stand.German()
	rw := b.font(lsSmall).Width(right, lsSmall.size)
	left := b.set([]piece{{text: b.n.Network.Name, style: lsSmall, path: "network.name"}}, max(listContentW-rw-6, 20))
	y := listHeadTop
	b.plan.head = append(b.plan.head, listText{style: lsSmall, x: listPageW - listMarginX - rw,
		baseline: y + b.baselineOffset(lsSmall), words: []typeset.Word{{Text: right, Width: rw}}})
	for _, l := range left {
		b.plan.head = append(b.plan.head, listText{style: l.style, x: listMarginX, baseline: y + b.baselineOffset(l.style), words: l.words})
		y += l.style.leading
	}
	if len(left) == 0 {
		y += lsSmall.leading
	}
	b.plan.headRule = y + 0.8
	b.top = b.plan.headRule + listHeadGap
}

// place puts the lines at x from y on and advances y.
func (b *listBuilder) place(lines []setLine, x float64) {
	for _, l := range lines {
		b.page.texts = append(b.page.texts, listText{style: l.style, x: x, baseline: b.y + b.baselineOffset(l.style),
			words: l.words, link: l.link})
		b.y += l.style.leading
	}
}

// flow puts the lines at x, one after another, starting a page where a line does not fit.
func (b *listBuilder) flow(lines []setLine, x float64) {
	for _, l := range lines {
		if !b.room(l.style.leading) {
			b.newPage()
		}
		b.place([]setLine{l}, x)
	}
}

// heading sets a section's heading, on a new page when it would not fit together with
// keep millimetres of what follows it, and marks it in the outline.
func (b *listBuilder) heading(title string, keep float64) {
	lines := b.set([]piece{{text: title, style: lsSection}}, listContentW)
	h := height(lines) + listHeadingGap
	if b.y > b.top {
		h += listSectionGap
	}
	if !b.room(h + keep) {
		b.newPage()
	} else if b.y > b.top {
		b.y += listSectionGap
	}
	b.page.marks = append(b.page.marks, listMark{title: title, y: b.y})
	b.place(lines, listMarginX)
	b.y += listHeadingGap
}

// titleBlock sets the first page's title: the network, the list's name, the Stand and the
// counts.
func (b *listBuilder) titleBlock() {
	n := b.n
	c := n.Count()
	counts := strings.Join([]string{
		plural(c.Current, "aktuelles Mitglied", "aktuelle Mitglieder"),
		plural(c.Former, "ehemaliges Mitglied", "ehemalige Mitglieder"),
		plural(c.Areas, "Programmgebiet", "Programmgebiete"),
	}, ", ")
	var regions []string
	for _, r := range c.ByRegierungsbezirk {
		regions = append(regions, r.Name+" "+strconv.Itoa(r.Current))
	}
	lines := b.set([]piece{
		{text: n.Network.Name, style: lsTitle, path: "network.name"},
		{text: "Mitgliederverzeichnis", style: lsSubtitle},
		{text: "Stand: " + n.Edition.Stand.German(), style: lsSubtitle, path: "edition.stand"},
	}, listContentW)
	b.page.marks = append(b.page.marks, listMark{title: n.Network.Name, y: b.y})
	b.place(lines, listMarginX)
	b.y += 3
	b.flow(b.set([]piece{
		{text: counts, style: lsBody},
		{text: "Aktuelle Mitglieder nach Regierungsbezirk: " + strings.Join(regions, ", "), style: lsBody},
	}, listContentW), listMarginX)
}

// plural writes a count with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// officeBlock sets the office's address, numbers, addresses and people.
func (b *listBuilder) officeBlock() {
	o := b.n.Office
	ps := []piece{
		{text: o.Host, style: lsStrong, path: "office.host"},
		{text: o.Department, style: lsBody, path: "office.department"},
		{text: o.Address.Street, style: lsBody, path: "office.address.street"},
		{text: strings.TrimSpace(o.Address.Postcode + " " + o.Address.City), style: lsBody, path: "office.address"},
	}
	for i, p := range o.Phones {
		ps = append(ps, piece{text: "Tel.: " + p, style: lsBody, path: brochure.Path("office", "phones", i), code: true})
	}
	if o.Email != "" {
		ps = append(ps, piece{text: o.Email, style: lsBody, path: "office.email", link: "mailto:" + o.Email, code: true})
	}
	for i, w := range o.Websites {
		ps = append(ps, piece{text: brochure.DisplayURL(w), style: lsBody, path: brochure.Path("office", "websites", i),
			link: brochure.LinkURL(w), code: true})
	}
	const width = 110.0
	lines := b.set(ps, width)
	for i, p := range o.People {
		path := brochure.Path("office", "people", i)
		lines = append(lines, setLine{style: lsBody}) // a blank line before each person
		lines = append(lines, b.set(personPieces(p, path, true), width)...)
	}
	// The block stays on one page when a page holds it.
	b.heading("Geschäftsstelle", min(height(lines), listBottom-b.top-2*lsSection.leading))
	b.flow(lines, listMarginX)
}

// creditsBlock sets the credit lines of the data's sources.
func (b *listBuilder) creditsBlock() {
	if len(b.n.Sources) == 0 {
		return
	}
	var lines []setLine
	for i, s := range b.n.Sources {
		if i > 0 {
			lines = append(lines, setLine{style: listStyle{font: lsSmall.font, size: lsSmall.size, leading: listCreditGap}})
		}
		lines = append(lines, b.set([]piece{{text: s.Credit, style: lsSmall, path: brochure.Path("sources", i, "credit")}}, listContentW)...)
	}
	b.heading("Quellen", height(lines[:min(len(lines), 2)]))
	b.flow(lines, listMarginX)
}

// personPieces are the lines of a contact: name (in the semibold face when strong), role,
// e-mail address (a link) and phone number.
func personPieces(p brochure.Person, path string, strong bool) []piece {
	name := lsBody
	if strong {
		name = lsStrong
	}
	ps := []piece{
		{text: p.Name, style: name, path: path + ".name"},
		{text: p.Role, style: lsBody, path: path + ".role"},
	}
	if p.Email != "" {
		ps = append(ps, piece{text: p.Email, style: lsBody, path: path + ".email", link: "mailto:" + p.Email, code: true})
	}
	if p.Phone != "" {
		ps = append(ps, piece{text: p.Phone, style: lsBody, path: path + ".phone", code: true})
	}
	return ps
}
