package brochure

import (
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Flowable reports whether blocks of kind may flow from panel to panel: texts, key figures,
// pull quotes and images. The others (cover, map, members, office, QR code) keep their panel.
func Flowable(kind string) bool {
	switch kind {
	case KindText, KindFigures, KindQuote, KindImage:
		return true
	}
	return false
}

// Sides of the sheet, as the data names panels: "outside 1" … "inside 3".
const (
	SideOutside = "outside"
	SideInside  = "inside"
)

// PanelRef is a panel as the data names it: a side and the panel's number on it, 1 to 3 from
// the left.
type PanelRef struct {
	Side  string
	Panel int
}

// String writes the panel as the data names it, e.g. "inside 2".
func (p PanelRef) String() string { return p.Side + " " + strconv.Itoa(p.Panel) }

// ParsePanelRef reads a panel's name such as "inside 2".
func ParsePanelRef(s string) (PanelRef, error) {
	side, num, ok := strings.Cut(strings.TrimSpace(s), " ")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil || n < 1 || n > 3 || (side != SideOutside && side != SideInside) {
		return PanelRef{}, i18n.T("valid.flow.panel", s)
	}
	return PanelRef{side, n}, nil
}

// FlowPanels returns the panels of the leaflet's flow in order; none when it has no flow. Load
// has checked the names.
func (l *Leaflet) FlowPanels() []PanelRef {
	var ps []PanelRef
	for _, s := range l.Flow {
		if p, err := ParsePanelRef(s); err == nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// defaultFlow is the flow of a leaflet whose data names none: the inside's three panels when
// every block on them may flow, else none.
func defaultFlow(l *Leaflet) []string {
	if len(l.Inside) != 3 {
		return []string{}
	}
	kinds := map[string]string{}
	for _, b := range l.Blocks {
		kinds[b.ID] = b.Kind
	}
	n := 0
	for _, panel := range l.Inside {
		for _, id := range panel {
			if !Flowable(kinds[id]) {
				return []string{}
			}
			n++
		}
	}
	if n == 0 {
		return []string{}
	}
	return []string{"inside 1", "inside 2", "inside 3"}
}

// validateFlow checks the panels a flow names: known, on one side, consecutive, at least
// two, and carrying only blocks that may flow.
func validateFlow(c *collector, l *Leaflet, blocks map[string]int) {
	if len(l.Flow) == 0 {
		return
	}
	var refs []PanelRef
	bad := false
	for i, s := range l.Flow {
		ref, err := ParsePanelRef(s)
		if err != nil {
			c.add(Path("leaflet.flow", i), i18n.T("valid.flow.panel", s), i18n.T("valid.flow.panel.hint"))
			bad = true
		}
		refs = append(refs, ref)
	}
	if bad {
		return
	}
	for i := 1; i < len(refs); i++ {
		if last := refs[i-1]; refs[i].Side != last.Side || refs[i].Panel != last.Panel+1 {
			c.add(Path("leaflet.flow", i), i18n.T("valid.flow.order", refs[i].String(), last.String()), i18n.T("valid.flow.order.hint"))
			return
		}
	}
	if len(refs) < 2 {
		c.add("leaflet.flow", i18n.T("valid.flow.one"), i18n.T("valid.flow.one.hint"))
		return
	}
	for _, ref := range refs {
		side := l.Inside
		if ref.Side == SideOutside {
			side = l.Outside
		}
		if ref.Panel > len(side) {
			continue
		}
		for j, id := range side[ref.Panel-1] {
			if k, ok := blocks[id]; ok && !Flowable(l.Blocks[k].Kind) {
				c.add(Path("leaflet", ref.Side, ref.Panel-1, j), i18n.T("valid.flow.kind", id, l.Blocks[k].Kind, ref.String()), i18n.T("valid.flow.kind.hint"))
			}
		}
	}
}

// StandardPlan is the panel plan of a leaflet whose data names its blocks but not their
// panels: the map with the member list on the flap, the office's blocks and the QR code on
// the back, the cover on the front, and everything that flows (texts, figures, quotes,
// images) on the inside, in the order of the data, flowing over its three panels.
func StandardPlan(blocks []Block) (outside, inside [][]string) {
	outside = [][]string{{}, {}, {}}
	inside = [][]string{{}, {}, {}}
	for _, kind := range []string{KindMap, KindMembers, KindOffice, KindQR, KindCover} {
		panel := map[string]int{KindMap: 0, KindMembers: 0, KindOffice: 1, KindQR: 1, KindCover: 2}[kind]
		for _, b := range blocks {
			if b.Kind == kind {
				outside[panel] = append(outside[panel], b.ID)
			}
		}
	}
	for _, b := range blocks {
		if Flowable(b.Kind) {
			inside[0] = append(inside[0], b.ID)
		}
	}
	return outside, inside
}
