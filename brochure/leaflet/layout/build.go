package layout

import (
	"math"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// blockGap is the white space between two blocks on a panel.
const blockGap = 8.0

// mapReserve is the least height a map block needs with its heading, legend and credit.
const mapReserve = mapMinHeight + 30

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
		TrimW:           trimW, TrimH: trimH, BleedMM: f.bleed,
		Palette: palette(l.Palette),
	}
	if plan.Author == "" {
		plan.Author = n.Network.Name
	}
	b.plan = plan
	for i, blk := range l.Blocks {
		b.blocks[blk.ID] = i
	}
	for _, side := range []struct {
		name   string
		ids    [][]string
		widths [3]float64
	}{{"outside", l.Outside, f.outside}, {"inside", l.Inside, f.inside}} {
		ps, folds := panels(side.name, side.widths, f.fold)
		page := Page{Name: side.name, Folds: folds, Panels: ps}
		for i := range page.Panels {
			var ids []string
			if i < len(side.ids) {
				ids = side.ids[i]
			}
			page.Panels[i].Blocks = ids
			page.Items = append(page.Items, b.panel(&page.Panels[i], side.name, i, ids)...)
		}
		plan.Pages = append(plan.Pages, page)
	}
	if len(b.errs) > 0 {
		return nil, b.errs.Sorted()
	}
	plan.Structure = b.structure()
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

// placed is a block laid out at the top left of its panel's content area.
type placed struct {
	id     string
	index  int // in leaflet.blocks
	kind   string
	items  []Item
	height float64
}

// panel lays out the blocks of one panel and returns its items. Blocks stand top to bottom
// with a gap between them; a QR code that closes a panel stands at its foot; the map takes
// the height the other blocks leave.
func (b *builder) panel(p *Panel, side string, index int, ids []string) []Item {
	var ps []*placed
	var flexible, key *placed
	for _, id := range ids {
		i, ok := b.blocks[id]
		if !ok {
			continue
		}
		blk := &b.n.Leaflet.Blocks[i]
		pl := &placed{id: id, index: i, kind: blk.Kind}
		ps = append(ps, pl)
		switch {
		case blk.Kind == brochure.KindMap && flexible == nil:
			flexible = pl
		case blk.Kind == brochure.KindMembers && key == nil:
			key = pl
		default:
			pl.items, pl.height = b.block(p, side, index, i)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	// The member key gets what the fixed blocks leave, less room for the map, which then
	// takes the rest.
	used := blockGap * float64(len(ps)-1)
	for _, pl := range ps {
		used += pl.height
	}
	lead := 0.0 // room above a text that continues from the panel before
	if ps[0].kind == brochure.KindText && b.n.Leaflet.Blocks[ps[0].index].Heading == "" {
		lead = b.headingSpace()
	}
	used += lead
	if key != nil {
		avail := p.Content.H - used
		if flexible != nil {
			avail -= mapReserve
		}
		key.items, key.height = b.members(p, key.index, avail)
		used += key.height
	}
	if flexible != nil {
		flexible.items, flexible.height = b.mapBlock(p, flexible.index, p.Content.H-used)
		used += flexible.height
	}
	b.placed[panelKey{side, index}] = ps
	var items []Item
	if ps[0].kind == brochure.KindCover {
		// A cover paints the whole panel itself.
		for _, pl := range ps {
			items = append(items, pl.items...)
		}
		return items
	}
	y := p.Content.Y
	bottom := p.Content.Y + p.Content.H
	for k, pl := range ps {
		if k == len(ps)-1 && k > 0 && pl.kind == brochure.KindQR {
			y = max(y, bottom-pl.height)
		}
		if k == 0 {
			// Text that continues from the panel before starts on the line where the
			// neighbouring panels' text starts under their headings.
			y += lead
		}
		items = append(items, shift(pl.items, p.Content.X, y)...)
		if over := y + pl.height - bottom; over > 0.05 {
			blk := b.n.Leaflet.Blocks[pl.index]
			lines := int(math.Ceil(over / units.PtToMM(bodyLeading)))
			b.errorf(brochure.Path("leaflet", "blocks", pl.index), p.Name, blk.ID,
				i18n.T("layout.overflow", mm(over), lines), i18n.T("layout.overflow.hint", lines))
			break
		}
		y += pl.height + blockGap
	}
	return items
}

// block lays out one block (other than a map) at the top left of the panel's content area
// and returns its items and height.
func (b *builder) block(p *Panel, side string, panel, i int) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	switch blk.Kind {
	case brochure.KindText:
		return b.textBlock(p, i)
	case brochure.KindCover:
		return b.cover(p, side, panel, i)
	case brochure.KindOffice:
		return b.office(p, i)
	case brochure.KindQR:
		return b.qr(p, i)
	}
	b.errorf(brochure.Path("leaflet", "blocks", i, "kind"), p.Name, blk.ID, i18n.T("valid.kind", blk.Kind), i18n.T("valid.kind.hint"))
	return nil, 0
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
		case *Link:
			v.X, v.Y = v.X+dx, v.Y+dy
		case *Bookmark:
			v.Y += dy
		}
	}
	return items
}
