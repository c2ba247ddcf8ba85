package layout

import (
	"math"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// mapReserve is the least height a map block needs with its heading, legend and credit.
const mapReserve = mapMinHeight + 30

// unit is a block laid out with its top left corner at the origin.
type unit struct {
	index  int // in leaflet.blocks
	kind   string
	items  []Item
	height float64
	// clear is the least white space the unit needs around it (a QR code's quiet zone).
	clear float64
}

// panel lays out the blocks of a panel that is not part of a flow and returns its items.
// A cover fills its panel alone; blocks that all may flow make one column (see flow).
// Otherwise the blocks stand one under the other from the panel's top: the map takes the
// height the others leave, the member list what the map does not need. A QR code that ends
// the panel, and the office's date line, stand at the panel's foot, and the space that is
// left is spread evenly between the blocks (the office's heading and address count as two),
// so that the panel has no hole.
func (b *builder) panel(p *Panel, side string, index int, ids []string) []Item {
	var idx []int
	flowable := true
	for _, id := range ids {
		if i, ok := b.blocks[id]; ok {
			idx = append(idx, i)
			flowable = flowable && brochure.Flowable(b.n.Leaflet.Blocks[i].Kind)
		}
	}
	switch {
	case len(idx) == 0:
		return nil
	case b.n.Leaflet.Blocks[idx[0]].Kind == brochure.KindCover:
		items, _ := b.cover(p, side, index, idx[0])
		b.record(p, idx[0], items)
		return items
	case flowable:
		return b.flow([]*Panel{p}, ids)[0]
	}
	var us []*unit
	var flexible, key *unit
	keySize := 0.0
	var foot []Item // the office's date line
	footH := 0.0
	footOf := -1 // the office block the date line belongs to
	for _, i := range idx {
		blk := &b.n.Leaflet.Blocks[i]
		u := &unit{index: i, kind: blk.Kind}
		if blk.Kind == brochure.KindOffice {
			head, body, f, fh := b.office(p, i)
			for _, part := range []*unit{head, body} {
				if part != nil {
					us = append(us, part)
				}
			}
			if len(f) > 0 && len(foot) == 0 {
				foot, footH, footOf = f, fh, i
			}
			continue
		}
		us = append(us, u)
		switch {
		case blk.Kind == brochure.KindMap && flexible == nil:
			flexible = u
		case blk.Kind == brochure.KindMembers && key == nil:
			key = u
		case blk.Kind == brochure.KindQR:
			u.items, u.height, u.clear = b.qr(p, i)
		case brochure.Flowable(blk.Kind):
			es := b.entries(i, p.Content.W, p.Name)
			ys, h := b.place(es, 0, 0)
			for k, e := range es {
				u.items = append(u.items, shift(e.items, 0, ys[k])...)
			}
			u.height = h
		default:
			b.errorf(brochure.Path("leaflet", "blocks", i, "kind"), p.Name, blk.ID, i18n.T("valid.kind", blk.Kind), i18n.T("valid.kind.hint"))
		}
	}
	// From the foot up: the date line, the QR code that ends the panel, then the room
	// left for the other blocks, which end at bottom.
	bottom := p.Content.Y + p.Content.H
	if len(foot) > 0 {
		// The date line's baseline on the last grid line over the panel's foot.
		base := b.snap(bottom-b.descent(officeSize), p.Content.Y)
		if base > bottom-b.descent(officeSize)+1e-6 {
			base -= gridStep
		}
		foot = shift(foot, p.Content.X, base)
		bottom = base - footH
	}
	if len(us) == 0 {
		if len(foot) > 0 {
			b.record(p, footOf, foot)
		}
		return foot
	}
	var tail *unit
	tailTop := 0.0
	if last := us[len(us)-1]; len(us) > 1 && last.kind == brochure.KindQR {
		tail, us = last, us[:len(us)-1]
		if len(foot) > 0 {
			bottom -= max(tail.clear, gridStep)
		}
		tailTop = bottom - tail.height
		bottom = tailTop - max(blockSpace, tail.clear)
	}
	// Blocks stand whole grid steps apart, so that the text in them keeps to the grid; the
	// member list stands closer under the map it keys.
	gap := onGrid(blockSpace)
	gapBefore := func(k int) float64 {
		if us[k].kind == brochure.KindMembers && us[k-1].kind == brochure.KindMap {
			return 2 * gridStep
		}
		return gap
	}
	used := 0.0
	for k, u := range us {
		if k > 0 {
			used += gapBefore(k)
		}
		used += onGrid(u.height)
	}
	avail := bottom - p.Content.Y
	if key != nil {
		a := avail - used
		if flexible != nil {
			a -= mapReserve
		}
		keySize, key.height = b.keyFit(p, key.index, a)
		used += onGrid(key.height)
	}
	if flexible != nil {
		// Less a grid step: the blocks under the map stand on the grid.
		flexible.items, flexible.height = b.mapBlock(p, flexible.index, avail-used-gridStep)
		used += flexible.height
	}
	if key != nil {
		// After the map, which numbers the members whose names do not fit on it.
		key.items = b.keyItems(p, key.index, keySize)
	}
	// Spread what is left between the blocks, on whole grid steps.
	spread := 0.0
	if gaps := len(us) - 1; tail != nil || len(foot) > 0 {
		if tail != nil {
			gaps++
		}
		if gaps > 0 && flexible == nil {
			spread = math.Floor(max(0, avail-used)/float64(gaps)/gridStep) * gridStep
		}
	}
	var items []Item
	y := p.Content.Y
	for k, u := range us {
		if k > 0 {
			y += gapBefore(k) + spread
		}
		items = append(items, shift(u.items, p.Content.X, y)...)
		b.record(p, u.index, u.items)
		if over := y + u.height - bottom; over > 0.05 {
			blk := b.n.Leaflet.Blocks[u.index]
			lines := int(math.Ceil(over / units.PtToMM(bodyLeading)))
			b.errorf(brochure.Path("leaflet", "blocks", u.index), p.Name, blk.ID,
				i18n.T("layout.overflow", mm(over), lines), i18n.T("layout.overflow.hint", lines))
			break
		}
		y = p.Content.Y + onGrid(y+u.height-p.Content.Y)
	}
	if tail != nil {
		items = append(items, shift(tail.items, p.Content.X, tailTop)...)
		b.record(p, tail.index, tail.items)
	}
	if len(foot) > 0 {
		b.record(p, footOf, foot)
	}
	return append(items, foot...)
}

// onGrid rounds a height up to whole grid steps.
func onGrid(h float64) float64 { return math.Ceil(h/gridStep-1e-6) * gridStep }
