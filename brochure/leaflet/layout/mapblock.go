package layout

import (
	"math"
	"strings"

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
	legendSize      = 7.0
	// mapMaxLeader is the longest leader from a marker to its label: a short line that
	// does not reach across a cluster.
	mapMaxLeader = 4.0
	// riverWidth is the width the Rhine is drawn with; labels and leaders keep clear of it.
	riverWidth = 0.6
	// officeRing is the radius of the ring around the marker of the office's city.
	officeRing = 1.6
	// insetFrame is the width of the frames of a cluster's inset and its region on the map;
	// insetHalo the white margin around the inset.
	insetFrame = 0.3
	insetHalo  = 0.8
)

// mapBlock lays out the map of the members within avail mm of height: an introductory line,
// the outline of the state with the Rhine, a marker per member with the city's name beside
// it, or a number where the cities stand too close for names (the member list is the key to
// the numbers), the office's city ringed, the legend and the credit line.
func (b *builder) mapBlock(p *Panel, i int, avail float64) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	w := p.Content.W
	var items []Item
	y := 0.0
	if blk.Heading != "" {
		// The heading stands on the grid like the other panels' headings.
		path := brochure.Path("leaflet", "blocks", i, "heading")
		es := b.headingEntries(i, b.expand(blk.Heading, path, p.Name, blk.ID), path, w, p.Name)
		ys, h := b.place(es, 0, 0)
		for k, e := range es {
			items = append(items, shift(e.items, 0, ys[k])...)
		}
		y = h + headGap
	}
	// The legend and the credit go under the map: set them first to know what is left.
	var foot []Item
	fy := 0.0
	if blk.Legend != nil {
		type legendEntry struct {
			text          string
			current, ring bool
			key           string
		}
		entries := []legendEntry{{blk.Legend.Current, true, false, "current"}, {blk.Legend.Former, false, false, "former"}}
		if blk.Legend.Office != "" && b.officeMember() >= 0 {
			entries = append(entries, legendEntry{blk.Legend.Office, true, true, "office"})
		}
		for k, entry := range entries {
			path := brochure.Path("leaflet", "blocks", i, "legend", entry.key)
			text := b.expand(entry.text, path, p.Name, blk.ID)
			st := style{font: "regular", size: legendSize, leading: 9, colour: Text}
			lines, bottom := b.set(text, st, w-5, fy, path, p.Name, blk.ID)
			at := Point{officeRing, fy + b.capHeight(legendSize)/2}
			foot = append(foot, &Marker{At: at, Radius: mapMarkerRadius, Current: entry.current, Colour: markerColour(entry.current)})
			if entry.ring {
				foot = append(foot, ring(at))
			}
			foot = append(foot, shift(asItems(lines), 5, 0)...)
			fy = bottom
			if k < len(entries)-1 {
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
	office := -1 // the member whose marker is ringed, when the legend explains the ring
	if blk.Legend != nil && blk.Legend.Office != "" {
		office = b.officeMember()
	}
	m, err := b.buildMap(w, mapAvail, office)
	if err != nil {
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID, i18n.T("layout.map", err))
		return nil, avail
	}
	dx := (w - m.Width) / 2
	items = append(items, shift(mapItems(m, b.memberPaths()), dx, y)...)
	y += m.Height + 3
	items = append(items, shift(foot, 0, y)...)
	return items, y + fy
}

// buildMap fits the map into w × h mm: as wide as w when the height allows, narrower when not,
// with the marker of member office (an index in the data, or -1) ringed. It records the
// numbers the map gives members whose names do not fit beside their markers.
func (b *builder) buildMap(w, h float64, office int) (*geomap.Map, error) {
	ms := alphabetical(b.n)
	pts := make([]geomap.Point, len(ms))
	for k, m := range ms {
		pts[k] = geomap.Point{ID: m.City, Label: m.City, Lat: m.Location.Lat, Lon: m.Location.Lon, Current: m.Current()}
		if m.Index == office {
			pts[k].Radius = officeRing
		}
	}
	f := b.fonts["regular"]
	opt := geomap.Options{Width: w, Height: 10 * h, Margin: 1.5, MarkerRadius: mapMarkerRadius,
		LabelSize: func(label string) (float64, float64) {
			return f.Width(label, mapLabelSize), f.CapHeight(mapLabelSize)
		},
		MaxLeader: mapMaxLeader, RiverWidth: riverWidth, Numbers: true, Inset: true}
	// The outline alone tells how high the map is at the full width; the labels are placed
	// once, at the width that fits.
	bare, err := geomap.Build(b.geo.Outline, b.geo.River, nil, opt)
	if err != nil {
		return nil, err
	}
	if bare.Height > h {
		opt.Width = (w-2*opt.Margin)*(h-2*opt.Margin)/(bare.Height-2*opt.Margin) + 2*opt.Margin
		opt.Height = h
	}
	m, err := geomap.Build(b.geo.Outline, b.geo.River, pts, opt)
	if err != nil {
		return nil, err
	}
	for _, mk := range m.Markers {
		if mk.Number > 0 {
			b.numbers[mk.ID] = mk.Number
		}
	}
	return m, nil
}

// officeMember returns the index of the member in whose city the office is, or -1.
func (b *builder) officeMember() int {
	city := strings.TrimSpace(b.n.Office.Address.City)
	for i, m := range b.n.Members {
		if city != "" && m.City == city {
			return i
		}
	}
	return -1
}

// ring is the circle drawn around the marker of the office's city, centred at c.
func ring(c Point) *Shape {
	const n = 48
	pts := make([]Point, n)
	for k := range pts {
		a := 2 * math.Pi * float64(k) / n
		pts[k] = Point{c.X + (officeRing-0.2)*math.Cos(a), c.Y + (officeRing-0.2)*math.Sin(a)}
	}
	return &Shape{Name: "office ring", Rings: [][]Point{pts}, Closed: true, Stroke: Accent, Width: 0.3}
}

// memberPaths maps each member's city, the ID of its marker on the map, to its path in the
// data, so that a marker says which member it stands for.
func (b *builder) memberPaths() map[string]string {
	paths := make(map[string]string, len(b.n.Members))
	for i, m := range b.n.Members {
		paths[m.City] = brochure.Path("members", i)
	}
	return paths
}

// mapItems turns a laid-out map into plan items at the map box's origin; paths maps a
// marker's ID (the city) to the member's path in the data.
func mapItems(m *geomap.Map, paths map[string]string) []Item {
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
		&Shape{Name: "rhine", Rings: conv(m.River), Fill: "", Stroke: Water, Width: riverWidth},
	}
	items = append(items, markerItems(m.Markers, m.MarkerRadius, paths)...)
	for _, in := range m.Insets {
		// The inset stands on a white margin over the map, framed like the region it
		// enlarges, so that it does not read as part of the land around it.
		halo := in.Box.Inset(-insetHalo)
		items = append(items,
			&Shape{Name: "inset region", Rings: [][]Point{rectRing(in.Region)}, Closed: true, Stroke: Accent, Width: insetFrame},
			&Shape{Name: "inset margin", Rings: [][]Point{rectRing(halo)}, Closed: true, Fill: Paper},
			&Shape{Name: "inset land", Rings: conv(in.Outline), Closed: true, Fill: Tint},
			&Shape{Name: "inset rhine", Rings: conv(in.River), Stroke: Water, Width: riverWidth},
			&Shape{Name: "inset", Rings: [][]Point{rectRing(in.Box)}, Closed: true, Stroke: Accent, Width: insetFrame})
		items = append(items, markerItems(in.Markers, m.MarkerRadius, paths)...)
	}
	return items
}

// markerItems draws markers of radius r with their labels and leaders; a larger marker
// (the office's city) gets a ring around it.
func markerItems(ms []geomap.Marker, r float64, paths map[string]string) []Item {
	var items []Item
	for _, mk := range ms {
		var leader []Point
		for _, p := range mk.Leader {
			leader = append(leader, Point{p.X, p.Y})
		}
		at := Point{mk.At.X, mk.At.Y}
		if mk.Radius > r {
			items = append(items, ring(at))
		}
		items = append(items, &Marker{At: at, Radius: r, Current: mk.Current,
			Colour: markerColour(mk.Current), Label: mk.Label, LabelAt: Point{mk.LabelBox.Min.X, mk.LabelBox.Max.Y},
			Font: "regular", Size: mapLabelSize, Leader: leader, Path: paths[mk.ID]})
	}
	return items
}

// rectRing is the outline of a rectangle of the map.
func rectRing(r geomap.Rect) []Point {
	return []Point{{r.Min.X, r.Min.Y}, {r.Max.X, r.Min.Y}, {r.Max.X, r.Max.Y}, {r.Min.X, r.Max.Y}}
}
