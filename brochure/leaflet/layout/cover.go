package layout

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/internal/geomap"
)

// coverMotifGap is the white space kept between the cover's motif and the title above it
// and the website below it.
const coverMotifGap = 16.0

// coverMotif draws the outline of North Rhine-Westphalia in the accent colour with a dot in
// paper white (a knockout, for contrast and against misregistration) for every current
// member, centred in the band from top to bottom (mm from the top trim) and as wide
// as w at the most; nothing when the band is too small for it to read.
func (b *builder) coverMotif(x, w, top, bottom float64) []Item {
	h := bottom - top
	if h < 30 || w < 30 {
		return nil
	}
	opt := geomap.Options{Width: w, Height: 10 * h, MarkerRadius: 0.9,
		LabelSize: func(string) (float64, float64) { return 0, 0 }}
	m, err := geomap.Build(b.geo.Outline, nil, nil, opt)
	if err != nil {
		return nil // the map block reports problems with the map data
	}
	if m.Height > h {
		opt.Width, opt.Height = w*h/m.Height, h
		if m, err = geomap.Build(b.geo.Outline, nil, nil, opt); err != nil {
			return nil
		}
	}
	var rings [][]Point
	for _, r := range m.Outline {
		ring := make([]Point, len(r))
		for i, p := range r {
			ring[i] = Point{p.X, p.Y}
		}
		rings = append(rings, ring)
	}
	items := []Item{&Shape{Name: "cover outline", Rings: rings, Closed: true, Stroke: Accent, Width: 0.35}}
	for k, mem := range b.n.Members {
		// Decoration only: the current members; the map on the flap shows the former ones.
		if !mem.Current() {
			continue
		}
		at := m.Project(mem.Location.Lat, mem.Location.Lon)
		items = append(items, &Marker{At: Point{at.X, at.Y}, Radius: m.MarkerRadius, Current: true, Colour: Paper,
			Path: brochure.Path("members", k)})
	}
	dx := x + (w-m.Width)/2
	dy := top + (h-m.Height)/2
	return shift(items, dx, dy)
}
