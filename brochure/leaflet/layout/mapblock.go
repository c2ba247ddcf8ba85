package layout

import (
	"strconv"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/internal/geomap"
)

// Map sizes in mm and points.
const (
	// mapMarkerRadius is smaller than the member list's markers so that the Ruhr cities' markers
	// stand apart and leave room for their numbers.
	mapMarkerRadius = 0.75
	mapLabelSize    = 6.5
	mapMinHeight    = 50.0
	mapIntroSize    = 9.5
	legendSize      = 7.0
)

// mapBlock lays out the map of the members within avail mm of height: an introductory line,
// the outline of the state with the Rhine, a numbered marker per member (the member list is
// the key), the legend and the credit line.
func (b *builder) mapBlock(p *Panel, i int, avail float64) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	w := p.Content.W
	var items []Item
	y := 0.0
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		text := b.expand(blk.Heading, path, p.Name, blk.ID)
		items = append(items, &Bookmark{Title: text, Y: 0})
		st := style{font: "semibold", size: mapIntroSize, leading: 13, colour: Accent, balance: true}
		lines, bottom := b.set(text, st, w, y, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		y = bottom + 3
	}
	// The legend and the credit go under the map: set them first to know what is left.
	var foot []Item
	fy := 0.0
	if blk.Legend != nil {
		for k, entry := range []struct {
			text    string
			current bool
			key     string
		}{{blk.Legend.Current, true, "current"}, {blk.Legend.Former, false, "former"}} {
			path := brochure.Path("leaflet", "blocks", i, "legend", entry.key)
			text := b.expand(entry.text, path, p.Name, blk.ID)
			st := style{font: "regular", size: legendSize, leading: 9, colour: Text}
			lines, bottom := b.set(text, st, w-5, fy, path, p.Name, blk.ID)
			foot = append(foot, &Marker{At: Point{mapMarkerRadius, fy + b.capHeight(legendSize)/2}, Radius: mapMarkerRadius,
				Current: entry.current, Colour: markerColour(entry.current)})
			foot = append(foot, shift(asItems(lines), 5, 0)...)
			fy = bottom
			if k == 0 {
				fy += 1.2
			}
		}
	}
	if blk.Caption != "" {
		path := brochure.Path("leaflet", "blocks", i, "caption")
		text := b.expand(blk.Caption, path, p.Name, blk.ID)
		lines, bottom := b.set(text, small, w, fy+2.5, path, p.Name, blk.ID)
		foot = append(foot, asItems(lines)...)
		fy = bottom
	}
	mapAvail := avail - y - fy - 3
	if mapAvail < mapMinHeight {
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID,
			i18n.T("layout.map.height", mapMinHeight, mm(max(0, mapAvail))), i18n.T("layout.map.height.hint"))
		return nil, avail
	}
	m, ms, err := b.buildMap(w, mapAvail)
	if err != nil {
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID, i18n.T("layout.map", err))
		return nil, avail
	}
	dx := (w - m.Width) / 2
	items = append(items, shift(mapItems(m, ms), dx, y)...)
	y += m.Height + 3
	items = append(items, shift(foot, 0, y)...)
	return items, y + fy
}

// buildMap fits the map into w × h mm: as wide as w when the height allows, narrower when not.
// It returns the members in the order of the map's markers.
func (b *builder) buildMap(w, h float64) (*geomap.Map, []numbered, error) {
	ms := numberedMembers(b.n)
	pts := make([]geomap.Point, len(ms))
	for k, m := range ms {
		pts[k] = geomap.Point{ID: m.City, Label: strconv.Itoa(m.Number), Lat: m.Location.Lat, Lon: m.Location.Lon, Current: m.Current()}
	}
	f := b.fonts["regular"]
	opt := geomap.Options{Width: w, Height: 10 * h, Margin: 1.5, MarkerRadius: mapMarkerRadius,
		LabelSize: func(label string) (float64, float64) {
			return f.Width(label, mapLabelSize), f.CapHeight(mapLabelSize)
		}}
	m, err := geomap.Build(b.geo.Outline, b.geo.River, pts, opt)
	if err != nil {
		return nil, nil, err
	}
	if m.Height <= h {
		return m, ms, nil
	}
	opt.Width = (w-2*opt.Margin)*(h-2*opt.Margin)/(m.Height-2*opt.Margin) + 2*opt.Margin
	opt.Height = h
	m, err = geomap.Build(b.geo.Outline, b.geo.River, pts, opt)
	return m, ms, err
}

// mapItems turns a laid-out map of the members ms (one marker each, in their order) into plan
// items at the map box's origin.
func mapItems(m *geomap.Map, ms []numbered) []Item {
	conv := func(rings [][]geomap.XY) [][]Point {
		out := make([][]Point, len(rings))
		for i, r := range rings {
			out[i] = make([]Point, len(r))
			for j, p := range r {
				out[i][j] = Point{p.X, p.Y}
			}
		}
		return out
	}
	items := []Item{
		&Shape{Name: "land", Rings: conv(m.Outline), Closed: true, Fill: Tint, Stroke: Accent, Width: 0.25},
		&Shape{Name: "rhine", Rings: conv(m.River), Fill: "", Stroke: Water, Width: 0.6},
	}
	for k, mk := range m.Markers {
		var leader []Point
		for _, p := range mk.Leader {
			leader = append(leader, Point{p.X, p.Y})
		}
		items = append(items, &Marker{At: Point{mk.At.X, mk.At.Y}, Radius: m.MarkerRadius, Current: mk.Current,
			Colour: markerColour(mk.Current), Label: mk.Label, LabelAt: Point{mk.LabelBox.Min.X, mk.LabelBox.Max.Y},
			Font: "regular", Size: mapLabelSize, Leader: leader, Path: brochure.Path("members", ms[k].Index)})
	}
	return items
}
