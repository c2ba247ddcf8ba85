// Package geomap lays out the leaflet's map of North Rhine-Westphalia: it projects the outline, the
// Rhine and the member cities into a box measured in millimetres and places every city's label so that
// nothing overlaps and no label can be taken for another marker's: a label sits right next to its
// marker only where it is clearly nearer to it than to any other marker (level with it, east or
// west, preferred; then above or below; corners last), else it moves out, to free space clear of
// other markers, on a straight leader. Leaders do not cross. Labels and leaders may be kept off
// the drawn river (Options.RiverWidth). With Options.Numbers, a label that finds no place (a
// city's name in a cluster) gives way to a number, and with Options.Inset a cluster too dense
// even for numbers is shown enlarged in an inset on the map's edge (Map.Insets). It draws
// nothing; a painter turns the resulting Map into PDF operators.
package geomap

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Defaults for zero Options fields, in millimetres.
const (
	DefaultGap       = 0.3
	DefaultClearance = 1.0
	DefaultTolerance = 0.1
)

// farOff is how many degrees a point may lie outside the outline's bounding box before it counts as
// misplaced (for instance with latitude and longitude swapped).
const farOff = 0.5

// Point is a place to mark on the map.
type Point struct {
	ID       string // unique, named in errors (for instance the city's name)
	Label    string // the text set beside the marker, for instance "12" or the city's name
	Lat, Lon float64
	Current  bool // current member (filled marker) or former one (open ring)
	// Radius is the marker's radius when it differs from Options.MarkerRadius (0), for
	// instance for a marker drawn with a ring around it.
	Radius float64
}

// Options sets the box the map must fit and the sizes of what is drawn in it, all in millimetres.
type Options struct {
	Width, Height float64 // the box available; the outline fills its width, the map's height follows
	Margin        float64 // free band inside the box's edges: nothing but white space lies in it
	MarkerRadius  float64
	// LabelSize returns the width and height of a label's box as set in the caller's font.
	LabelSize func(label string) (w, h float64)
	// Gap is the clearance between a label and its marker, other markers, labels and leaders, and
	// between a leader's end and its label; 0 means DefaultGap.
	Gap float64
	// Clearance is how much farther, edge to edge, every other marker must be from a label than
	// its own marker, so that a reader cannot take the label for the other marker's; for a label
	// on a leader, how far every other marker must keep from it. 0 means DefaultClearance.
	Clearance float64
	// MaxLeader is the longest leader allowed; 0 means a third of Width.
	MaxLeader float64
	// Tolerance is how far the simplified outline may stray from the source's; 0 means
	// DefaultTolerance, a negative value keeps every vertex.
	Tolerance float64
	// RiverWidth is the width the river is drawn with. When it is set, labels keep Gap
	// from the drawn river and leaders do not cross it; when it is 0 the river is no
	// obstacle.
	RiverWidth float64
	// Numbers lets a point whose label cannot be placed (a name in a dense cluster) carry a
	// number instead: such points are numbered 1, 2, … in the order given, and their markers
	// say so (Marker.Number), so that a list can key them.
	Numbers bool
	// Inset, with Numbers, gathers the points that cannot carry even a number beside their
	// markers, and every point near them, in insets (see Map.Insets), one per cluster: on
	// the map their markers stand in a frame without labels, and the inset shows them
	// enlarged, numbered. Where the map's box has no room for the inset of a cluster, its
	// parts that stand apart get insets of their own, and a part without room for one keeps
	// its numbers on the map, with leaders up to a third of Width.
	Inset bool
}

// Map is the layout of the map: everything in millimetres, x to the right and y down from the
// top-left corner of the map's box, which is Width wide and Height high.
type Map struct {
	Width, Height float64
	Scale         float64  // millimetres on the map per kilometre on the ground (at RefLat)
	Outline       [][]XY   // the outline's rings, closed implicitly (last point not repeated); fill even-odd
	River         [][]XY   // the Rhine, clipped to the outline: open polylines ending on the border
	Markers       []Marker // one per Point, in the order given
	MarkerRadius  float64
	// Insets are the enlarged views of dense clusters (see Options.Inset).
	Insets      []*Inset
	proj        projection
	srcVertices [2]int // outline and river vertices before simplification and clipping
}

// Marker is a placed point and its label.
type Marker struct {
	ID, Label string
	Current   bool
	At        XY   // the marker's centre
	LabelBox  Rect // the box the label's text is set in (centred is fine: the box is its measured size)
	// Leader runs from the marker's edge to a point Gap short of the label box when the label
	// sits away from its marker; it is nil when the label sits right next to the marker.
	Leader   []XY
	Position string // compass position next to the marker (E, W, N, S, NE, SE, NW, SW), or "leader"
	// Radius is the marker's radius.
	Radius float64
	// Number is the number the marker carries instead of its point's label (see
	// Options.Numbers), or 0.
	Number int
	// InInset tells that the marker stands in the inset's region: it has no label here, the
	// inset shows it with its number.
	InInset bool
}

// Ratio returns the denominator of the map's scale, for instance 3000000 for 1:3,000,000.
func (m *Map) Ratio() float64 { return 1e6 / m.Scale }

// Project returns where the geographic position lies on the map.
func (m *Map) Project(lat, lon float64) XY { return m.proj.xy(lonLat{lon, lat}) }

// Build projects the outline (GeoJSON polygon), the river (GeoJSON line string) and the points into
// the box of opt and places the points' labels; river may be nil. It fails when the map does not
// fit the box's height, a point lies far outside the outline, or a label cannot be placed without
// overlap or where it could be taken for another marker's.
func Build(outline, river []byte, pts []Point, opt Options) (*Map, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	rings, err := parseGeoJSON(outline, "polygon")
	if err != nil {
		return nil, fmt.Errorf("map outline: %w", err)
	}
	var rivers [][]lonLat
	if river != nil {
		if rivers, err = parseGeoJSON(river, "line"); err != nil {
			return nil, fmt.Errorf("map river: %w", err)
		}
	}
	proj, h := fitProjection(rings, opt.Width-2*opt.Margin, opt.Margin)
	m := &Map{Width: opt.Width, Height: h + 2*opt.Margin, Scale: proj.mm / kmPerDegree,
		MarkerRadius: opt.MarkerRadius, proj: proj}
	if m.Height > opt.Height+1e-9 {
		return nil, fmt.Errorf("map needs %.1f mm of height at %.1f mm width, the box has %.1f mm", m.Height, opt.Width, opt.Height)
	}
	tol := opt.Tolerance
	if tol == 0 {
		tol = DefaultTolerance
	}
	for _, r := range rings {
		xy := projectLine(proj, r)
		if len(xy) > 1 && xy[0] == xy[len(xy)-1] {
			xy = xy[:len(xy)-1]
		}
		m.srcVertices[0] += len(xy)
		if xy = simplifyRing(xy, tol); len(xy) >= 3 {
			m.Outline = append(m.Outline, xy)
		}
	}
	for _, r := range rivers {
		m.srcVertices[1] += len(r)
		m.River = append(m.River, clipLine(projectLine(proj, r), m.Outline)...)
	}
	if err := m.placeMarkers(pts, rings, opt); err != nil {
		return nil, err
	}
	return m, nil
}

func projectLine(p projection, l []lonLat) []XY {
	out := make([]XY, len(l))
	for i, ll := range l {
		out[i] = p.xy(ll)
	}
	return out
}

// check validates o and fills in the defaults of its zero fields.
func (o *Options) check() error {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	switch {
	case !finite(o.Width) || !finite(o.Height) || o.Width <= 0 || o.Height <= 0:
		return fmt.Errorf("map box %g x %g mm is not a size", o.Width, o.Height)
	case !finite(o.Margin) || o.Margin < 0 || 2*o.Margin >= o.Width || 2*o.Margin >= o.Height:
		return fmt.Errorf("map margin %g mm does not fit the box of %g x %g mm", o.Margin, o.Width, o.Height)
	case !finite(o.MarkerRadius) || o.MarkerRadius < 0:
		return fmt.Errorf("map marker radius %g mm is not a size", o.MarkerRadius)
	case !finite(o.Gap) || o.Gap < 0:
		return fmt.Errorf("map label gap %g mm is not a size", o.Gap)
	case !finite(o.Clearance) || o.Clearance < 0:
		return fmt.Errorf("map label clearance %g mm is not a size", o.Clearance)
	case !finite(o.MaxLeader) || o.MaxLeader < 0:
		return fmt.Errorf("map leader length %g mm is not a size", o.MaxLeader)
	case !finite(o.Tolerance):
		return fmt.Errorf("map tolerance %g mm is not a number", o.Tolerance)
	case !finite(o.RiverWidth) || o.RiverWidth < 0:
		return fmt.Errorf("map river width %g mm is not a size", o.RiverWidth)
	case o.LabelSize == nil:
		return errors.New("map options lack LabelSize")
	}
	if o.Gap == 0 {
		o.Gap = DefaultGap
	}
	if o.Clearance == 0 {
		o.Clearance = DefaultClearance
	}
	if o.MaxLeader == 0 {
		o.MaxLeader = o.Width / 3
	}
	return nil
}

// placeMarkers projects pts, checks them and places their labels. With opt.Numbers, a point
// whose label has no place right next to its marker even on an empty map, or whose label
// cannot be placed among the others, gets a number instead, and the labels are placed again.
func (m *Map) placeMarkers(pts []Point, rings [][]lonLat, opt Options) error {
	lo, hi := bounds(rings)
	area := Rect{XY{opt.Margin, opt.Margin}, XY{m.Width - opt.Margin, m.Height - opt.Margin}}
	seen := map[string]bool{}
	at := make([]XY, len(pts))
	radius := make([]float64, len(pts))
	ids := make([]string, len(pts))
	for i, pt := range pts {
		radius[i] = opt.MarkerRadius
		if pt.Radius > 0 {
			radius[i] = pt.Radius
		}
		switch {
		case pt.ID == "":
			return fmt.Errorf("map point %d has no ID", i+1)
		case seen[pt.ID]:
			return fmt.Errorf("map point %q appears twice", pt.ID)
		case pt.Label == "":
			return fmt.Errorf("map point %q has no label", pt.ID)
		case math.IsNaN(pt.Radius) || math.IsInf(pt.Radius, 0) || pt.Radius < 0:
			return fmt.Errorf("map point %q: marker radius %g mm is not a size", pt.ID, pt.Radius)
		case !(pt.Lat >= lo.Lat-farOff && pt.Lat <= hi.Lat+farOff && pt.Lon >= lo.Lon-farOff && pt.Lon <= hi.Lon+farOff):
			return fmt.Errorf("map point %q at lat %g, lon %g lies far outside the outline (%.2f–%.2f N, %.2f–%.2f E); latitude and longitude swapped?",
				pt.ID, pt.Lat, pt.Lon, lo.Lat, hi.Lat, lo.Lon, hi.Lon)
		}
		seen[pt.ID] = true
		at[i] = m.Project(pt.Lat, pt.Lon)
		if !area.Inset(radius[i]).Contains(Rect{at[i], at[i]}) {
			return fmt.Errorf("map point %q at lat %g, lon %g: its marker leaves the map box", pt.ID, pt.Lat, pt.Lon)
		}
		ids[i] = pt.ID
	}
	var river [][2]XY
	if opt.RiverWidth > 0 {
		for _, l := range m.River {
			for k := 0; k+1 < len(l); k++ {
				river = append(river, [2]XY{l[k], l[k+1]})
			}
		}
	}
	labels := make([]string, len(pts))
	numbered := make([]bool, len(pts))
	clustered := make([]bool, len(pts))
	longer := make([]bool, len(pts)) // numbers of clusters without room for an inset
	sizes := func() ([][2]float64, error) {
		size := make([][2]float64, len(pts))
		k := 0
		for i, pt := range pts {
			labels[i] = pt.Label
			if numbered[i] || clustered[i] {
				k++
				labels[i] = strconv.Itoa(k)
			}
			w, h := opt.LabelSize(labels[i])
			if math.IsNaN(w) || math.IsNaN(h) || w <= 0 || h <= 0 || w > area.W() || h > area.H() {
				return nil, fmt.Errorf("map point %q: label size %g x %g mm does not fit the map box", pt.ID, w, h)
			}
			size[i] = [2]float64{w, h}
		}
		return size, nil
	}
	var insets []*Inset // the clusters' insets, laid out for the labels so far
	newP := func() (*placer, error) {
		size, err := sizes()
		if err != nil {
			return nil, err
		}
		p := newPlacer(area, radius, opt.Gap, opt.Clearance, opt.MaxLeader, at, size, ids, river, opt.RiverWidth/2)
		copy(p.skip, clustered)
		copy(p.longer, longer)
		p.longLeader = opt.Width / 3
		for _, in := range insets {
			p.blocks = append(p.blocks, in.Box.Inset(-opt.Clearance))
		}
		return p, nil
	}
	// cluster gathers the points of core, which can carry no label, into clusters of those
	// near each other, each with every point whose marker stands in its region, and finds
	// room for an inset of each, the largest cluster first.
	core := make([]bool, len(pts))
	var land *raster
	cluster := func() error {
		insets = nil
		for i := range clustered {
			clustered[i] = false
		}
		if land == nil {
			land = newRaster(area, m.Outline)
		}
		groups := clusters(at, radius, core, opt.Gap, groupRange)
		for _, g := range groups {
			for i, in := range g.members {
				clustered[i] = clustered[i] || in
			}
		}
		if _, err := sizes(); err != nil { // their labels become numbers
			return err
		}
		var taken []Rect // insets placed so far
		for len(groups) > 0 {
			group := groups[0]
			groups = groups[1:]
			b, s, ok := Rect{}, 0.0, false
			// Clear of the insets placed and of every cluster's region.
			avoid := slices.Clone(taken)
			for _, in := range insets {
				avoid = append(avoid, in.Region)
			}
			for _, g := range groups {
				avoid = append(avoid, g.region)
			}
			boxes, scales := insetBoxes(area, group.region, land, river, at, radius, opt.Clearance, avoid)
			for k, box := range boxes {
				if _, err := m.buildInset(group.region, box, scales[k], pts, labels, group.members, radius, at, opt); err == nil {
					b, s, ok = box, scales[k], true
					break
				}
			}
			if ok {
				insets = append(insets, &Inset{Region: group.region, Box: b, Scale: s})
				taken = append(taken, b)
				continue
			}
			// No room for this cluster's inset: smaller clusters of its core may find
			// some, each its own; a core that stands alone and still finds none keeps its
			// number on the map, with a longer leader.
			sub := make([]bool, len(pts))
			for i, in := range group.members {
				if in {
					clustered[i] = false
					sub[i] = core[i]
				}
			}
			if group.reach > 0 {
				parts := clusters(at, radius, sub, opt.Gap, group.reach/2)
				if group.reach/2 < 1 {
					parts = clusters(at, radius, sub, opt.Gap, 0)
				}
				for _, g := range parts {
					for i, in := range g.members {
						clustered[i] = clustered[i] || in
					}
				}
				groups = append(groups, parts...)
				continue
			}
			for i, in := range sub {
				if in {
					core[i], longer[i] = false, true
				}
			}
		}
		_, err := sizes()
		return err
	}
	if opt.Numbers {
		// A name that has no place even on an empty map stands in a cluster: it gets a
		// number at once, and a number that has no place at all goes to the inset.
		p, err := newP()
		if err != nil {
			return err
		}
		for i := range pts {
			numbered[i] = p.best(i, math.Inf(1)) == nil
		}
		if opt.Inset {
			if p, err = newP(); err != nil {
				return err
			}
			for i := range pts {
				core[i] = numbered[i] && p.best(i, math.Inf(1)) == nil
			}
			if err := cluster(); err != nil {
				return err
			}
		}
	}
	var p *placer
	for {
		var err error
		if p, err = newP(); err != nil {
			return err
		}
		failed, err := p.place()
		if err == nil {
			break
		}
		switch {
		case !opt.Numbers || failed < 0:
			return fmt.Errorf("map: %w", err)
		case !numbered[failed]:
			numbered[demote(failed, at, numbered, clustered, pts, opt)] = true
		case opt.Inset && !clustered[failed] && !longer[failed]:
			core[failed] = true
			if err := cluster(); err != nil {
				return err
			}
		default:
			return fmt.Errorf("map: %w", err)
		}
	}
	k := 0
	for i, pt := range pts {
		mk := Marker{ID: pt.ID, Label: labels[i], Current: pt.Current, At: at[i], Radius: radius[i]}
		if numbered[i] || clustered[i] {
			k++
			mk.Number = k
		}
		if clustered[i] {
			mk.Label, mk.InInset = "", true
		} else if s := p.slots[i]; s != nil {
			mk.LabelBox, mk.Position = s.box, s.name
			if s.led {
				mk.Leader, mk.Position = []XY{s.leader[0], s.leader[1]}, "leader"
			}
		}
		m.Markers = append(m.Markers, mk)
	}
	for _, in := range insets {
		members := make([]bool, len(pts))
		for i, a := range at {
			members[i] = clustered[i] && in.Region.Contains(Rect{a, a})
		}
		built, err := m.buildInset(in.Region, in.Box, in.Scale, pts, labels, members, radius, at, opt)
		if err != nil {
			return fmt.Errorf("map: %w", err)
		}
		m.Insets = append(m.Insets, built)
	}
	return nil
}

// demoteRange is how far from a name that found no place another name may be the one that
// gives way to a number.
const demoteRange = 6.0

// demote chooses which name gives way to a number when the name of point failed finds no
// place: the longest name among it and the named points near it, since a long name takes
// the room of several short ones; the failed one when it is as long as any.
func demote(failed int, at []XY, numbered, clustered []bool, pts []Point, opt Options) int {
	pick := failed
	most, _ := opt.LabelSize(pts[failed].Label)
	for j := range pts {
		if numbered[j] || clustered[j] || dist(at[j], at[failed]) > demoteRange {
			continue
		}
		if w, _ := opt.LabelSize(pts[j].Label); w > most+1e-9 {
			pick, most = j, w
		}
	}
	return pick
}
