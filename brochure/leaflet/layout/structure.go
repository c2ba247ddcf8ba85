package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Elem is an element of the leaflet's logical structure: what a screen reader reads, in the
// order it reads it. The screen file carries it as its tags (PDF/UA); whatever is painted and
// named by no element is decoration (an artifact). An element either has a Role and kids, or
// it is a piece of painted content: an Item, and of a Line only the words From to To-1.
type Elem struct {
	// Role is a standard structure type of PDF: Document, Sect, H1, H2, P, L, LI, Lbl,
	// LBody, Figure or Link; empty for a piece of content.
	Role string
	// Alt is a Figure's alternative text, and a Link's description, built from the data.
	Alt  string
	Kids []*Elem
	// Link is a Link element's live link.
	Link *Link

	Item     Item
	From, To int
}

// panelKey names a panel: its side and its index from the left.
type panelKey struct {
	side  string
	index int
}

// readingOrder is the order in which a reader unfolds the leaflet: the front cover, the
// inside from left to right, the flap and the back.
var readingOrder = []panelKey{{"outside", 2}, {"inside", 0}, {"inside", 1}, {"inside", 2}, {"outside", 0}, {"outside", 1}}

// structure builds the leaflet's structure from the blocks laid out on each panel: a
// document of one section per panel that has content, in reading order. The first heading
// is H1 (the cover's title), every other H2.
func (b *builder) structure() *Elem {
	doc := &Elem{Role: "Document"}
	// A block that a flow continues from one panel to the next is one block of one section,
	// so that a paragraph broken between the panels stays one paragraph.
	var sects [][]*placed
	for _, k := range readingOrder {
		ps := b.placed[k]
		if len(ps) == 0 {
			continue
		}
		if n := len(sects); n > 0 {
			last := sects[n-1][len(sects[n-1])-1]
			if last.index == ps[0].index {
				last.items = append(slices.Clip(last.items), ps[0].items...)
				sects[n-1] = append(sects[n-1], ps[1:]...)
				continue
			}
		}
		sects = append(sects, slices.Clone(ps))
	}
	for _, ps := range sects {
		sect := &Elem{Role: "Sect"}
		for _, pl := range ps {
			sect.Kids = append(sect.Kids, b.blockStructure(pl)...)
		}
		if len(sect.Kids) > 0 {
			doc.Kids = append(doc.Kids, sect)
		}
	}
	first := true
	walk(doc, func(e *Elem) {
		if e.Role == "H" {
			e.Role = "H2"
			if first {
				e.Role = "H1"
			}
			first = false
		}
	})
	return doc
}

// walk calls f for e and every element under it, in reading order.
func walk(e *Elem, f func(*Elem)) {
	f(e)
	for _, k := range e.Kids {
		walk(k, f)
	}
}

// blockStructure is the structure of one block: its lines grouped by the text of the data
// they set into headings (H, numbered later) and paragraphs with their links; the member
// list as a list; the map, the QR code and images as figures (an image with the data's
// alternative text). Backgrounds, rules, the cover's motif, the frames of the map's inset
// and the legend's symbols are decoration.
func (b *builder) blockStructure(pl *placed) []*Elem {
	if pl.kind == brochure.KindMembers {
		return []*Elem{b.memberList(pl.items)}
	}
	links := map[*Line][]*Link{}
	var qrLink *Link
	for _, it := range pl.items {
		if l, ok := it.(*Link); ok {
			if l.Line != nil {
				links[l.Line] = append(links[l.Line], l)
			} else {
				qrLink = l
			}
		}
	}
	var out []*Elem
	var figure *Elem // the map, gathered from its shapes and numbered markers
	var text *Elem   // the heading or paragraph being set
	textPath := ""
	for _, it := range pl.items {
		switch v := it.(type) {
		case *Line:
			if text == nil || v.Path != textPath {
				text = &Elem{Role: textRole(v.Path)}
				textPath = v.Path
				out = append(out, text)
			}
			text.Kids = append(text.Kids, lineContent(v, links[v])...)
			continue
		case *Link, *Bookmark:
			continue // not painted
		case *Image:
			out = append(out, &Elem{Role: "Figure", Alt: v.Alt, Kids: []*Elem{{Item: v}}})
		case *Shape:
			if pl.kind == brochure.KindMap && !insetFrames[v.Name] {
				if figure == nil {
					figure = &Elem{Role: "Figure", Alt: b.mapAlt()}
					out = append(out, figure)
				}
				figure.Kids = append(figure.Kids, &Elem{Item: v})
			}
		case *Marker:
			if pl.kind == brochure.KindMap && v.Label != "" && figure != nil {
				figure.Kids = append(figure.Kids, &Elem{Item: v})
			}
		case *Modules:
			fig := &Elem{Role: "Figure", Alt: "QR-Code: " + brochure.DisplayURL(v.Text), Kids: []*Elem{{Item: v}}}
			if qrLink != nil {
				fig = &Elem{Role: "Link", Link: qrLink, Alt: linkAlt(qrLink.URL), Kids: []*Elem{fig}}
			}
			out = append(out, fig)
		}
		text = nil
	}
	return out
}

// insetFrames names the shapes that frame a map's inset: decoration, unlike the land, the
// river and the markers they frame.
var insetFrames = map[string]bool{"inset region": true, "inset margin": true, "inset": true}

// textRole is the role of the text at path: H for a heading (its level is set later), P for
// everything else (paragraphs, subtitles, legends, captions, the cover's web address).
func textRole(path string) string {
	if strings.HasSuffix(path, ".heading") {
		return "H"
	}
	return "P"
}

// lineContent is the content of one line: its words, with each word that carries a link in
// a Link element of its own.
func lineContent(l *Line, links []*Link) []*Elem {
	var out []*Elem
	from := 0
	flush := func(to int) {
		if to > from {
			out = append(out, &Elem{Item: l, From: from, To: to})
		}
	}
	for _, lk := range links {
		flush(lk.Word)
		out = append(out, &Elem{Role: "Link", Link: lk, Alt: linkAlt(lk.URL), Kids: []*Elem{{Item: l, From: lk.Word, To: lk.Word + 1}}})
		from = lk.Word + 1
	}
	flush(len(l.Words))
	return out
}

// linkAlt describes a link by where it leads: the web address as people read it, or the
// e-mail address.
func linkAlt(url string) string {
	return strings.TrimPrefix(brochure.DisplayURL(url), "mailto:")
}

// memberList is the structure of the member list: a list item per member with its marker
// and, where the map numbers the member, the number as the label and its name as the body.
// The marker says whether the member is current or former; its alternative text is the map
// legend's word for that, when there is a legend (else it is decoration, and the map's
// alternative text tells).
func (b *builder) memberList(items []Item) *Elem {
	list := &Elem{Role: "L"}
	var lbl *Elem
	for _, it := range items {
		switch v := it.(type) {
		case *Marker:
			lbl = &Elem{Role: "Lbl"}
			if alt := b.legendWord(v); alt != "" {
				lbl.Kids = append(lbl.Kids, &Elem{Role: "Figure", Alt: alt, Kids: []*Elem{{Item: v}}})
			}
		case *Line:
			if lbl == nil {
				continue
			}
			if v.Font == "semibold" { // the number the map gives the member
				lbl.Kids = append(lbl.Kids, &Elem{Item: v, To: len(v.Words)})
				continue
			}
			li := &Elem{Role: "LI"}
			if len(lbl.Kids) > 0 {
				li.Kids = append(li.Kids, lbl)
			}
			li.Kids = append(li.Kids, &Elem{Role: "LBody", Kids: []*Elem{{Item: v, To: len(v.Words)}}})
			list.Kids = append(list.Kids, li)
			lbl = nil
		}
	}
	return list
}

// legendWord is the map legend's text for the kind of member m marks, or "" when there is
// no map with a legend or no marker.
func (b *builder) legendWord(m *Marker) string {
	if m == nil {
		return ""
	}
	for _, blk := range b.n.Leaflet.Blocks {
		if blk.Kind != brochure.KindMap || blk.Legend == nil {
			continue
		}
		text := blk.Legend.Former
		if m.Current {
			text = blk.Legend.Current
		}
		s, err := b.n.Expand(text)
		if err != nil {
			return ""
		}
		return s
	}
	return ""
}

// mapAlt describes the map for readers who cannot see it: what it shows, and which cities
// are current and which former members, with their numbers where the map numbers them.
func (b *builder) mapAlt() string {
	var cur, former []string
	for _, m := range alphabetical(b.n) {
		s := m.City
		if num := b.numbers[m.City]; num > 0 {
			s = fmt.Sprintf("%s (%d)", m.City, num)
		}
		if m.Current() {
			cur = append(cur, s)
		} else {
			former = append(former, s)
		}
	}
	alt := "Karte von Nordrhein-Westfalen"
	if len(cur)+len(former) == 0 {
		return alt
	}
	alt += fmt.Sprintf(" mit %d aktuellen und %d ehemaligen Mitgliedsstädten", len(cur), len(former))
	var parts []string
	if len(cur) > 0 {
		parts = append(parts, "Aktuelle: "+strings.Join(cur, ", "))
	}
	if len(former) > 0 {
		if len(parts) == 0 {
			parts = append(parts, "Ehemalige: "+strings.Join(former, ", "))
		} else {
			parts = append(parts, "ehemalige: "+strings.Join(former, ", "))
		}
	}
	return alt + ". " + strings.Join(parts, "; ") + "."
}
