package brochure

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// StandardTexts are the words of the standard leaflet (see StandardBlocks) that are not
// data: its headings, the map's legend and credit, and the labels of its key figures, each
// in the singular and the plural where a number stands before it.
var StandardTexts = struct {
	MapHeading, LegendCurrent, LegendFormer, MapCaption string
	FiguresHeading                                      string
	Members, Areas, Years, Institutions                 [2]string
	AreasHeading, InstitutionsHeading, SourcesHeading   string
}{
	MapHeading:          "Unsere Mitglieder",
	LegendCurrent:       "Mitglieder",
	LegendFormer:        "ehemalige Mitglieder",
	MapCaption:          "Kartengrundlage: Natural Earth",
	FiguresHeading:      "In Zahlen",
	Members:             [2]string{"Mitglied", "Mitglieder"},
	Areas:               [2]string{"Programmgebiet", "Programmgebiete"},
	Years:               [2]string{"Jahr seit der Gründung", "Jahre seit der Gründung"},
	Institutions:        [2]string{"Partner", "Partner"},
	AreasHeading:        "Mitglieder und ihre Programmgebiete",
	InstitutionsHeading: "Partner",
	SourcesHeading:      "Quellen",
}

// Origin names the data a standard block is made from (see StandardBlocks): its path, and
// where its paragraphs are made from entries of a list, the path of each one's entry.
type Origin struct {
	Path       string
	Paragraphs []string
}

// StandardBlocks returns the blocks of a leaflet whose data names none, all made from the
// network's data (see StandardTexts for the words that are not): the cover with the
// network's name; the map and the member list when there are members; the office block
// composed from the office's data, headed by the network's short name; the QR code of the
// website; and for the inside the key figures (members, programme areas, years since the
// founding, partners, as far as the data has them), the current members with their
// programme areas in one paragraph, the institutions with their roles and the sources'
// credit lines. The blocks that print data are literal (see Block.Literal). With the
// standard plan (see StandardPlan) a new network needs no leaflet section at all.
//
// from gives, for each block, the data it is made from, where a diagnostic of the block
// points.
func StandardBlocks(n *Network) (blocks []Block, from []Origin) {
	t := StandardTexts
	add := func(path string, b Block, paragraphs ...string) {
		blocks = append(blocks, b)
		from = append(from, Origin{Path: path, Paragraphs: paragraphs})
	}
	add("network.name", Block{ID: "cover", Kind: KindCover, Heading: n.Network.Name, Literal: true})
	c := n.Count()
	if len(n.Members) > 0 {
		add("members", Block{ID: "map", Kind: KindMap, Heading: t.MapHeading,
			Legend: &Legend{Current: t.LegendCurrent, Former: t.LegendFormer}, Caption: t.MapCaption})
		add("members", Block{ID: "members", Kind: KindMembers})
	}
	heading := n.Network.ShortName
	if heading == "" {
		heading = n.Network.Name
	}
	add("office", Block{ID: "office", Kind: KindOffice, Heading: heading, Literal: true})
	add("network.website", Block{ID: "qr", Kind: KindQR, Caption: "{{network.website}}"})

	var figs []Figure
	count := func(value string, k int, label [2]string) {
		if k > 0 {
			figs = append(figs, Figure{Value: value, Label: label[min(k-1, 1)]})
		}
	}
	count("{{members.current}}", c.Current, t.Members)
	count("{{areas.current}}", c.AreasCurrent, t.Areas)
	if n.Network.Founded > 0 {
		count("{{network.years}}", n.Edition.Stand.Year-n.Network.Founded, t.Years)
	}
	count("{{institutions.count}}", len(n.Institutions), t.Institutions)
	if len(figs) > 0 {
		add("members", Block{ID: "figures", Kind: KindFigures, Heading: t.FiguresHeading, Figures: figs})
	}
	var areas []string // one run-in paragraph: "Aachen (Aachen-Nord, Aachen-Ost), Ahlen (…)"
	for _, m := range n.Members {
		if !m.Current() || len(m.Areas) == 0 {
			continue
		}
		names := make([]string, len(m.Areas))
		for i, a := range m.Areas {
			names[i] = a.Name
		}
		areas = append(areas, m.City+" ("+strings.Join(names, ", ")+")")
	}
	if len(areas) > 0 {
		add("members", Block{ID: "areas", Kind: KindText, Heading: t.AreasHeading, Paragraphs: []string{strings.Join(areas, ", ")}, Literal: true, Ragged: true})
	}
	var insts, instFrom []string
	for j, in := range n.Institutions {
		if strings.TrimSpace(in.Name) == "" {
			continue // the data's own rule reports it
		}
		instFrom = append(instFrom, Path("institutions", j))
		s := in.Name
		if in.Short != "" {
			s += " (" + in.Short + ")"
		}
		if in.Role != "" {
			s += ": " + in.Role
		}
		insts = append(insts, s)
	}
	if len(insts) > 0 {
		add("institutions", Block{ID: "institutions", Kind: KindText, Heading: t.InstitutionsHeading, Paragraphs: insts, Literal: true, Ragged: true}, instFrom...)
	}
	var credits, creditFrom []string
	for j, s := range n.Sources {
		if strings.TrimSpace(s.Credit) != "" { // a blank one is reported as the data's
			credits, creditFrom = append(credits, s.Credit), append(creditFrom, Path("sources", j, "credit"))
		}
	}
	if len(credits) > 0 {
		add("sources", Block{ID: "sources", Kind: KindText, Heading: t.SourcesHeading, Paragraphs: credits, Literal: true, Ragged: true}, creditFrom...)
	}
	return blocks, from
}

// standardLeaflet gives a leaflet whose data names no blocks the standard blocks, each
// positioned where the data it is made from stands, so that a diagnostic of a block points
// there. A leaflet that names its panels or gives the key blocks has no standard blocks: the
// rules then find the blocks its panels name missing, or blocks empty. Without the network's
// name or website (required, so already a diagnostic) there are no standard blocks either,
// whose cover and QR code could only add to that problem.
func standardLeaflet(c *collector, n *Network) {
	l := &n.Leaflet
	if _, given := c.pos[Path("leaflet", "blocks")]; given {
		if l.Blocks == nil && !c.has(Path("leaflet", "blocks")) { // "blocks:" without a value; [] is an empty leaflet
			c.add(Path("leaflet", "blocks"), i18n.T("valid.blocks.empty"), i18n.T("valid.blocks.empty.hint"))
		}
		return
	}
	if len(l.Blocks) > 0 || l.Outside != nil || l.Inside != nil || n.Network.Name == "" || n.Network.Website == "" {
		return
	}
	blocks, from := StandardBlocks(n)
	l.Blocks, l.Standard = blocks, true
	for i, o := range from {
		c.pos[Path("leaflet", "blocks", i)] = c.pos.At(o.Path)
		for j, path := range o.Paragraphs {
			c.pos[Path("leaflet", "blocks", i, "paragraphs", j)] = c.pos.At(path)
		}
	}
}

// LeafletSettings returns the leaflet as the file gives it: for a standard leaflet without the
// blocks and panels Load made from the data, and without the flow where the file names none.
// The roster import and the change list compare standard leaflets so: what is made from the
// data changes with the data, which they compare on its own.
func (n *Network) LeafletSettings() Leaflet {
	l := n.Leaflet
	if l.Standard {
		l.Blocks, l.Outside, l.Inside = nil, nil, nil
		if _, given := n.Positions[Path("leaflet", "flow")]; !given {
			l.Flow = nil
		}
	}
	return l
}
