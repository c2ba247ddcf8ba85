package layout

import (
	"slices"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Geography is the map data a leaflet is drawn on, as GeoJSON: the outline of the region
// and a river through it (which the map clips to the outline).
type Geography struct {
	Outline, River []byte
}

// Build lays out the leaflet of a network that brochure.Load has loaded (and so checked and
// completed with defaults) on the maps of geo. Problems that only the layout finds (text
// that does not fit, a character the font lacks, too many members) come back as brochure.Diagnostics, all
// at once; then there is no plan.
func Build(n *brochure.Network, geo Geography) (*Plan, error) {
	b, err := newBuilder(n)
	if err != nil {
		return nil, err
	}
	b.geo = geo
	l := n.Leaflet
	f := readFormat(l)
	plan := &Plan{
		Title:    n.Network.Name,
		Author:   n.Network.Author,
		Subject:  subject(n),
		Keywords: n.Network.ShortName,
		Lang:     n.Edition.Language,
		Year:     n.Edition.Stand.Year, Month: n.Edition.Stand.Month, Day: n.Edition.Stand.Day,
		OutputCondition: l.OutputCondition,
		Fold:            f.fold,
		TrimW:           trimW, TrimH: trimH, BleedMM: f.bleed, SafetyMM: f.safety,
		Palette: palette(l.Palette),
		Duplex:  l.Duplex,
	}
	if plan.Author == "" {
		plan.Author = n.Network.Name
	}
	b.plan = plan
	for i, blk := range l.Blocks {
		b.blocks[blk.ID] = i
	}
	flow := l.FlowPanels()
	for _, side := range []struct {
		name   string
		ids    [][]string
		widths [3]float64
	}{{"outside", l.Outside, f.outside}, {"inside", l.Inside, f.inside}} {
		ps, folds := panels(side.name, side.widths, f.fold, f.safety)
		page := Page{Name: side.name, Folds: folds, Panels: ps}
		items := make([][]Item, len(ps))
		var flowed []int
		var flowIDs []string
		for i := range page.Panels {
			var ids []string
			if i < len(side.ids) {
				ids = side.ids[i]
			}
			p := &page.Panels[i]
			p.Blocks = ids
			b.keys[p] = panelKey{side.name, i}
			for _, id := range ids {
				b.listedOn[id] = p.Name
			}
			if slices.Contains(flow, brochure.PanelRef{Side: side.name, Panel: i + 1}) {
				flowed, flowIDs = append(flowed, i), append(flowIDs, ids...)
				continue
			}
			items[i] = b.panel(p, side.name, i, ids)
		}
		if len(flowed) > 0 {
			var fps []*Panel
			for _, i := range flowed {
				fps = append(fps, &page.Panels[i])
			}
			for k, its := range b.flow(fps, flowIDs) {
				items[flowed[k]] = its
			}
		}
		for _, its := range items {
			page.Items = append(page.Items, its...)
		}
		plan.Pages = append(plan.Pages, page)
	}
	if len(b.errs) > 0 {
		return nil, b.errs.Sorted()
	}
	plan.Structure = b.structure()
	plan.Notes = b.looseNotes(plan)
	return plan, nil
}

// subject is the documents' subject line.
func subject(n *brochure.Network) string {
	s := "Faltblatt " + n.Network.Name
	if st := n.Edition.Stand.German(); st != "" {
		s += ", Stand " + st
	}
	return s
}

// placed is a block, or the part of it, that a panel holds, laid out where it stands.
type placed struct {
	index int // in leaflet.blocks
	kind  string
	items []Item
}

// record notes that panel p holds the items of block i, for the structure; the items of one
// block on one panel in a row make one placed block.
func (b *builder) record(p *Panel, i int, items []Item) {
	k, ok := b.keys[p]
	if !ok || len(items) == 0 {
		return
	}
	ps := b.placed[k]
	if n := len(ps); n > 0 && ps[n-1].index == i {
		ps[n-1].items = append(ps[n-1].items, items...)
		return
	}
	b.placed[k] = append(ps, &placed{index: i, kind: b.n.Leaflet.Blocks[i].Kind, items: items})
}

// errorf records a problem with the datum at path, found on panel in block (either may be
// empty), as a diagnostic of the data file that names the panel and the block.
func (b *builder) errorf(path, panel, block string, msg i18n.Text, hint ...i18n.Text) {
	var h i18n.Text
	if len(hint) > 0 {
		h = hint[0]
	}
	d := b.n.Diagnostic(path, msg, h)
	if panel != "" {
		d.Where = append(d.Where, panelLabel(panel))
	}
	if i, ok := b.blocks[block]; ok && block != "" && !strings.HasPrefix(path, brochure.Path("leaflet", "blocks", i)) {
		d.Where = append(d.Where, i18n.T("layout.block", block))
	}
	b.errs = append(b.errs, d)
}

// panelLabel names a panel (see panelName) in the catalogue's words.
func panelLabel(name string) i18n.Text {
	switch name {
	case "outside 1 (flap)":
		return i18n.T("layout.panel.flap")
	case "outside 2 (back)":
		return i18n.T("layout.panel.back")
	case "outside 3 (front)":
		return i18n.T("layout.panel.front")
	}
	side, num, _ := strings.Cut(name, " ")
	k, _ := strconv.Atoi(num)
	if side == "outside" {
		return i18n.T("layout.panel.outside", k)
	}
	return i18n.T("layout.panel.inside", k)
}

// shift moves items laid out at the origin to (dx, dy).
func shift(items []Item, dx, dy float64) []Item {
	mv := func(p Point) Point { return Point{p.X + dx, p.Y + dy} }
	for _, it := range items {
		switch v := it.(type) {
		case *Fill:
			v.X, v.Y = v.X+dx, v.Y+dy
		case *Line:
			v.Baseline += dy
			for i := range v.Words {
				v.Words[i].X += dx
			}
		case *Shape:
			for _, r := range v.Rings {
				for i := range r {
					r[i] = mv(r[i])
				}
			}
		case *Marker:
			v.At, v.LabelAt = mv(v.At), mv(v.LabelAt)
			for i := range v.Leader {
				v.Leader[i] = mv(v.Leader[i])
			}
		case *Rule:
			v.From, v.To = mv(v.From), mv(v.To)
		case *Modules:
			for i := range v.Rects {
				v.Rects[i].X += dx
				v.Rects[i].Y += dy
			}
		case *Image:
			v.Frame.X, v.Frame.Y = v.Frame.X+dx, v.Frame.Y+dy
			v.At.X, v.At.Y = v.At.X+dx, v.At.Y+dy
		case *Link:
			v.X, v.Y = v.X+dx, v.Y+dy
		case *Bookmark:
			v.Y += dy
		}
	}
	return items
}
