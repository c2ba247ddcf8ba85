package layout

import (
	"fmt"
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure"
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

// errorf records a problem with the datum at path, found on panel in block (either may be
// empty), as a diagnostic of the data file.
func (b *builder) errorf(path, panel, block, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if block != "" {
		msg = "block " + block + ": " + msg
	}
	if panel != "" {
		msg = "panel " + panel + ": " + msg
	}
	b.errs = append(b.errs, brochure.Diagnostic{File: b.n.File, Pos: b.n.Positions.At(path), Path: path, Msg: msg})
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
