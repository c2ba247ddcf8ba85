package geomap

import (
	"encoding/csv"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

var pngDir = flag.String("png", "", "also draw the test maps as PNG files into this directory")

// labelSize stands in for a font: 1.6 mm per character, 2.4 mm high, larger than the leaflet's.
func labelSize(s string) (float64, float64) { return 1.6 * float64(len([]rune(s))), 2.4 }

// leafletLabelSize measures digits as the leaflet sets them: 6.5 pt, about 1.26 mm a digit and
// 1.64 mm high (the cap height).
func leafletLabelSize(s string) (float64, float64) { return 1.26 * float64(len([]rune(s))), 1.64 }

// leafletOptions is the map box of the leaflet's flap panel.
func leafletOptions() Options {
	return Options{Width: 87, Height: 110, Margin: 1.5, MarkerRadius: 0.75, LabelSize: leafletLabelSize}
}

// largeLabelOptions is the flap panel with larger markers and labels than the leaflet's.
func largeLabelOptions() Options {
	return Options{Width: 87, Height: 110, Margin: 1, MarkerRadius: 0.9, LabelSize: labelSize}
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readCSV(t testing.TB, name string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(string(readFile(t, name)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

func toPoint(t testing.TB, row []string, label string) Point {
	t.Helper()
	lat, err1 := strconv.ParseFloat(row[1], 64)
	lon, err2 := strconv.ParseFloat(row[2], 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("bad coordinates in %v", row)
	}
	return Point{ID: row[0], Label: label, Lat: lat, Lon: lon}
}

// members returns the 31 member cities of evidence class A or B, numbered alphabetically; for the
// test, class A stands for current members and class B for former ones.
func members(t testing.TB) []Point {
	var pts []Point
	for i, row := range readCSV(t, "members.csv") {
		p := toPoint(t, row, strconv.Itoa(i+1))
		p.Current = row[3] == "A"
		pts = append(pts, p)
	}
	return pts
}

// randomMunicipalities returns n municipalities drawn with a fixed seed, numbered 1..n.
func randomMunicipalities(t testing.TB, n int, seed uint64) []Point {
	rows := readCSV(t, "gemeinden.csv")
	r := rand.New(rand.NewPCG(seed, 1))
	r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	var pts []Point
	for i, row := range rows[:n] {
		p := toPoint(t, row, strconv.Itoa(i+1))
		p.Current = i%3 != 0
		pts = append(pts, p)
	}
	return pts
}

func build(t testing.TB, pts []Point, opt Options) *Map {
	t.Helper()
	m, err := Build(readFile(t, "nrw.geojson"), readFile(t, "rhein.geojson"), pts, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMembersGolden(t *testing.T) {
	m := build(t, members(t), leafletOptions())
	checkLayout(t, m, leafletOptions())
	drawPNG(t, m, "members.png")
	got := m.Dump()
	testkit.Golden(t, "testdata/members.golden", got)
	if again := build(t, members(t), leafletOptions()).Dump(); again != got {
		t.Error("two builds of the same map differ")
	}
}

func TestMembersNumbersOnly(t *testing.T) {
	// Leaders stay short, and a marker with no other within 5 mm has its number level with it,
	// east or west, where a number reads best.
	m := build(t, members(t), leafletOptions())
	leaders := 0
	for _, mk := range m.Markers {
		if mk.Leader != nil {
			leaders++
			if l := dist(mk.At, mk.LabelBox.Center()); l > 15 {
				t.Errorf("%s: leader of %.1f mm is too long", mk.ID, l)
			}
		}
		alone := true
		for _, o := range m.Markers {
			if o.ID != mk.ID && dist(o.At, mk.At) < 5 {
				alone = false
			}
		}
		if alone && mk.Position != "E" && mk.Position != "W" {
			t.Errorf("%s stands alone but its number is set %s of it", mk.ID, mk.Position)
		}
	}
	if leaders == 0 || leaders > 8 {
		t.Errorf("%d labels on leaders; the Ruhr needs a few, not none nor most", leaders)
	}
}

func TestRandomMunicipalities(t *testing.T) {
	// 200 markers do not fit the flap panel (some end up walled in by their neighbours' markers),
	// so they get a page; 100 get the flap panel.
	page := leafletOptions()
	page.Width, page.Height = 180, 250
	for _, c := range []struct {
		n   int
		opt Options
	}{{200, page}, {100, leafletOptions()}} {
		for _, seed := range []uint64{1, 2, 3} {
			m := build(t, randomMunicipalities(t, c.n, seed), c.opt)
			checkLayout(t, m, c.opt)
			if seed == 1 {
				drawPNG(t, m, "random"+strconv.Itoa(c.n)+".png")
			}
		}
	}
}

func TestNamesAsLabels(t *testing.T) {
	pts := members(t)
	for i := range pts {
		pts[i].Label = pts[i].ID
	}
	opt := leafletOptions()
	opt.LabelSize = func(s string) (float64, float64) { return 1.1 * float64(len([]rune(s))), 2.2 }
	opt.Width, opt.Height = 130, 130 // names need more room than the flap panel gives
	m := build(t, pts, opt)
	checkLayout(t, m, opt)
	drawPNG(t, m, "names.png")
}

// checkLayout fails on any overlap a reader would see, checked by sampling rather than by the
// package's own geometry, and on any label a reader could take for another marker's.
func checkLayout(t testing.TB, m *Map, opt Options) {
	t.Helper()
	checkUnambiguous(t, m, opt)
	area := Rect{XY{opt.Margin, opt.Margin}, XY{m.Width - opt.Margin, m.Height - opt.Margin}}
	if m.Height > opt.Height {
		t.Errorf("map is %.2f mm high, the box %.2f mm", m.Height, opt.Height)
	}
	r := opt.MarkerRadius
	gap := opt.Gap
	if gap == 0 {
		gap = DefaultGap
	}
	inRect := func(p XY, b Rect) bool { // strictly inside, with a hair of tolerance
		const e = 1e-6
		return p.X > b.Min.X+e && p.X < b.Max.X-e && p.Y > b.Min.Y+e && p.Y < b.Max.Y-e
	}
	samples := func(a, b XY) []XY {
		n := int(dist(a, b)/0.02) + 2
		var s []XY
		for k := 0; k <= n; k++ {
			f := float64(k) / float64(n)
			s = append(s, XY{a.X + (b.X-a.X)*f, a.Y + (b.Y-a.Y)*f})
		}
		return s
	}
	rad := func(mk Marker) float64 {
		if mk.Radius > 0 {
			return mk.Radius
		}
		return r
	}
	for i, a := range m.Markers {
		b := a.LabelBox
		if a.InInset {
			// No label here: the inset shows it (checkInset).
			if a.Label != "" || a.Leader != nil || a.Number == 0 {
				t.Errorf("marker %s in the inset has a label %q, a leader or no number", a.ID, a.Label)
			}
			continue
		}
		if a.At.X-r < area.Min.X || a.At.X+r > area.Max.X || a.At.Y-r < area.Min.Y || a.At.Y+r > area.Max.Y {
			t.Errorf("marker %s leaves the box", a.ID)
		}
		if b.Min.X < area.Min.X || b.Max.X > area.Max.X || b.Min.Y < area.Min.Y || b.Max.Y > area.Max.Y {
			t.Errorf("label %s %v leaves the box", a.ID, b)
		}
		if w, h := opt.LabelSize(a.Label); math.Abs(b.W()-w) > 1e-9 || math.Abs(b.H()-h) > 1e-9 {
			t.Errorf("label %s box %v is not its measured size", a.ID, b)
		}
		for j, c := range m.Markers {
			// a disk and a box overlap when the box's nearest point to the centre is within the radius
			nx := math.Max(b.Min.X, math.Min(c.At.X, b.Max.X))
			ny := math.Max(b.Min.Y, math.Min(c.At.Y, b.Max.Y))
			if math.Hypot(nx-c.At.X, ny-c.At.Y) < rad(c)-1e-9 {
				t.Errorf("label %s overlaps marker %s", a.ID, c.ID)
			}
			if j == i || c.InInset {
				continue
			}
			o := c.LabelBox
			if b.Min.X < o.Max.X && o.Min.X < b.Max.X && b.Min.Y < o.Max.Y && o.Min.Y < b.Max.Y {
				t.Errorf("labels %s and %s overlap", a.ID, c.ID)
			}
		}
		if a.Leader == nil {
			if d := b.Dist(a.At); d > rad(a)+1 {
				t.Errorf("label %s sits %.2f mm from its marker without a leader", a.ID, d)
			}
			continue
		}
		if len(a.Leader) != 2 || math.Abs(dist(a.Leader[0], a.At)-rad(a)) > 1e-6 {
			t.Errorf("leader of %s does not start at its marker's edge: %v", a.ID, a.Leader)
			continue
		}
		if d := b.Dist(a.Leader[1]); d < gap/2 || d > gap+1e-6 {
			t.Errorf("leader of %s ends %.2f mm from its label, want a gap of %.2f mm", a.ID, d, gap)
		}
		for _, p := range samples(a.Leader[0], a.Leader[1]) {
			for j, c := range m.Markers {
				if j == i {
					continue
				}
				if !c.InInset && inRect(p, c.LabelBox) {
					t.Errorf("leader of %s crosses label %s", a.ID, c.ID)
				}
				if dist(p, c.At) < rad(c) {
					t.Errorf("leader of %s crosses marker %s", a.ID, c.ID)
				}
			}
		}
		for j := i + 1; j < len(m.Markers); j++ {
			c := m.Markers[j]
			if c.Leader != nil && properCross(a.Leader[0], a.Leader[1], c.Leader[0], c.Leader[1]) {
				t.Errorf("leaders of %s and %s cross", a.ID, c.ID)
			}
		}
	}
}

// checkUnambiguous fails when a reader could take a label for another marker's: a label next to
// its marker must be nearer to it, edge to edge, than to any other marker by the clearance; a
// label on a leader must have its leader start at its own marker and pass every other marker at
// half the clearance, be nearer to the leader's end by the clearance than any other label, and
// keep twice the clearance from every other marker.
func checkUnambiguous(t testing.TB, m *Map, opt Options) {
	t.Helper()
	clear := opt.Clearance
	if clear == 0 {
		clear = DefaultClearance
	}
	r := opt.MarkerRadius
	// boxDist returns how far point c lies from box b.
	boxDist := func(b Rect, c XY) float64 {
		nx := math.Max(b.Min.X, math.Min(c.X, b.Max.X))
		ny := math.Max(b.Min.Y, math.Min(c.Y, b.Max.Y))
		return math.Hypot(nx-c.X, ny-c.Y)
	}
	// rad is a marker's radius.
	rad := func(mk Marker) float64 {
		if mk.Radius > 0 {
			return mk.Radius
		}
		return r
	}
	// edge returns how far the edge of marker c lies from box b (negative if they overlap).
	edge := func(b Rect, c Marker) float64 { return boxDist(b, c.At) - rad(c) }
	for i, a := range m.Markers {
		if a.InInset {
			continue
		}
		own := clear
		if a.Leader == nil {
			own = edge(a.LabelBox, a)
		} else {
			start, end := a.Leader[0], a.Leader[len(a.Leader)-1]
			for j, c := range m.Markers {
				if j != i && dist(start, c.At) <= dist(start, a.At)+1e-9 {
					t.Errorf("leader of %s starts as near to marker %s as to its own", a.ID, c.ID)
				}
				if j != i && segPointDist(start, end, c.At) < rad(c)+clear/2-1e-9 {
					t.Errorf("leader of %s passes %.2f mm from the edge of marker %s", a.ID, segPointDist(start, end, c.At)-rad(c), c.ID)
				}
				if j != i && !c.InInset && boxDist(c.LabelBox, end) < boxDist(a.LabelBox, end)+clear-1e-9 {
					t.Errorf("leader of %s ends %.2f mm from label %s and %.2f mm from its own, want %.2f mm more",
						a.ID, boxDist(c.LabelBox, end), c.Label, boxDist(a.LabelBox, end), clear)
				}
			}
		}
		for j, c := range m.Markers {
			if j == i {
				continue
			}
			if d := edge(a.LabelBox, c); d < own+clear-1e-9 {
				t.Errorf("label %s (%s) lies %.2f mm from marker %s and %.2f mm from its own, want %.2f mm more",
					a.Label, a.ID, d, c.ID, own, clear)
			}
		}
	}
}

// errorCounter counts the errors a check reports instead of failing the test.
type errorCounter struct {
	testing.TB
	n int
}

func (e *errorCounter) Errorf(string, ...any) { e.n++ }

func TestAmbiguousLabelsAreCaught(t *testing.T) {
	// Two markers 4 mm apart with label "1" of the first set between them, nearer the second.
	opt := leafletOptions()
	ambiguous := &Map{Width: 20, Height: 20, MarkerRadius: opt.MarkerRadius, Markers: []Marker{
		{ID: "a", Label: "1", At: XY{5, 5}, LabelBox: Rect{XY{6.5, 4.2}, XY{7.76, 5.84}}},
		{ID: "b", Label: "2", At: XY{9, 5}, LabelBox: Rect{XY{10, 4.2}, XY{11.26, 5.84}}},
	}}
	e := &errorCounter{TB: t}
	checkUnambiguous(e, ambiguous, opt)
	if e.n == 0 {
		t.Error("a label nearer to another marker than to its own passes")
	}
	ambiguous.Markers[0].LabelBox = Rect{XY{1.5, 4.2}, XY{2.76, 5.84}} // west of its marker: fine
	e.n = 0
	checkUnambiguous(e, ambiguous, opt)
	if e.n != 0 {
		t.Errorf("a label clearly beside its own marker is reported %d times", e.n)
	}
	// A leader from the second marker to the first's label.
	ambiguous.Markers[1].Leader = []XY{{8.25, 5}, {2.9, 5}}
	e.n = 0
	checkUnambiguous(e, ambiguous, opt)
	if e.n == 0 {
		t.Error("a leader ending at another marker's label passes")
	}
}

// leafletNames is the leaflet's map as the layout builds it: names in the leaflet's 6.5 pt,
// numbers where they do not fit, an inset for a cluster too dense for numbers, leaders of at
// most 4 mm, the Rhine kept clear.
func leafletNames() Options {
	opt := leafletOptions()
	opt.Width = 80
	opt.LabelSize = func(s string) (float64, float64) { return 1.15 * float64(len([]rune(s))), 1.64 }
	opt.MaxLeader, opt.RiverWidth, opt.Numbers, opt.Inset = 4, 0.6, true, true
	return opt
}

// named returns pts labelled with their names.
func named(pts []Point) []Point {
	for i := range pts {
		pts[i].Label = pts[i].ID
	}
	return pts
}

func TestMembersNamed(t *testing.T) {
	opt := leafletNames()
	m := build(t, named(members(t)), opt)
	checkNamed(t, m, opt)
	drawPNG(t, m, "members-named.png")
	names, numbers := 0, 0
	for _, mk := range m.Markers {
		if mk.Number == 0 {
			names++
		} else {
			numbers++
		}
	}
	// The cities that stand alone carry their names; the Ruhr's do not.
	for _, id := range []string{"Aachen", "Detmold", "Münster", "Bonn"} {
		if mk := marker(t, m, id); mk.Number != 0 || mk.Label != id {
			t.Errorf("%s stands alone but carries %q", id, mk.Label)
		}
	}
	for _, id := range []string{"Essen", "Gelsenkirchen", "Oberhausen"} {
		if mk := marker(t, m, id); mk.Number == 0 {
			t.Errorf("%s in the Ruhr's cluster carries its name", id)
		}
	}
	if names < len(m.Markers)/2 {
		t.Errorf("%d names and %d numbers: most cities should be named", names, numbers)
	}
	if len(m.Insets) != 1 {
		t.Errorf("%d insets, want one for the Ruhr", len(m.Insets))
	}
}

func marker(t *testing.T, m *Map, id string) Marker {
	t.Helper()
	for _, mk := range m.Markers {
		if mk.ID == id {
			return mk
		}
	}
	t.Fatalf("no marker %s", id)
	return Marker{}
}

func TestRandomNamed(t *testing.T) {
	// Sixty municipalities drawn at random, named where they can be: the rules hold, on the
	// map and in the inset.
	opt := leafletNames()
	opt.Height = 200
	for _, seed := range []uint64{1, 2, 3, 4} {
		pts := named(randomMunicipalities(t, 60, seed))
		m, err := Build(readFile(t, "nrw.geojson"), readFile(t, "rhein.geojson"), pts, opt)
		if err != nil {
			t.Errorf("seed %d: %v", seed, err)
			continue
		}
		checkNamed(t, m, opt)
		if seed == 1 {
			drawPNG(t, m, "random60-named.png")
		}
	}
}

// checkNamed checks a map of names and numbers: the rules of checkLayout on the map and in
// its inset, leaders of at most MaxLeader, labels and leaders clear of the river, numbers
// counted 1, 2, … in the order of the points, and the inset's region holding exactly the
// markers without labels.
func checkNamed(t *testing.T, m *Map, opt Options) {
	t.Helper()
	checkLayout(t, m, opt)
	checkRiver(t, m.Markers, m.River, opt)
	next := 1
	for _, mk := range m.Markers {
		if mk.Number > 0 {
			if mk.Number != next {
				t.Errorf("%s has number %d, want %d", mk.ID, mk.Number, next)
			}
			next++
			if !mk.InInset && mk.Label != strconv.Itoa(mk.Number) {
				t.Errorf("%s has number %d but label %q", mk.ID, mk.Number, mk.Label)
			}
		}
		// A name's leader is short; a number's too, unless its cluster found no room
		// for an inset: then up to a third of the map's width.
		limit := opt.MaxLeader
		if mk.Number > 0 {
			limit = max(limit, m.Width/3)
		}
		if mk.Leader != nil && dist(mk.Leader[0], mk.Leader[1]) > limit+1e-9 {
			t.Errorf("leader of %s is %.2f mm long, more than %g", mk.ID, dist(mk.Leader[0], mk.Leader[1]), limit)
		}
	}
	inRegion := func(mk Marker) int {
		n := 0
		for _, in := range m.Insets {
			if in.Region.Contains(Rect{mk.At, mk.At}) {
				n++
			}
		}
		return n
	}
	for _, mk := range m.Markers {
		if n := inRegion(mk); n > 1 || (n == 1) != mk.InInset {
			t.Errorf("%s: in %d insets' regions, in an inset %v", mk.ID, n, mk.InInset)
		}
		for _, in := range m.Insets {
			if in.Box.Dist(mk.At) < opt.MarkerRadius {
				t.Errorf("an inset covers the marker of %s", mk.ID)
			}
			if !mk.InInset && mk.Label != "" && mk.LabelBox.Overlaps(in.Box) {
				t.Errorf("an inset covers the label of %s", mk.ID)
			}
		}
	}
	for k, in := range m.Insets {
		for _, o := range m.Insets[k+1:] {
			if in.Box.Overlaps(o.Box) || in.Box.Overlaps(o.Region) || o.Box.Overlaps(in.Region) || in.Region.Overlaps(o.Region) {
				t.Errorf("insets %v and %v overlap", in.Box, o.Box)
			}
		}
		checkInset(t, m, in, opt)
	}
}

// checkInset checks one inset: it shows the markers of its region, with their numbers, inside
// its box, by the map's rules.
func checkInset(t *testing.T, m *Map, in *Inset, opt Options) {
	t.Helper()
	var inside []Marker
	for _, mk := range m.Markers {
		if mk.InInset && in.Region.Contains(Rect{mk.At, mk.At}) {
			inside = append(inside, mk)
		}
	}
	if in.Box.Overlaps(in.Region) || in.Scale < minInsetScale-1e-9 {
		t.Errorf("inset %v at scale %.2f for the region %v", in.Box, in.Scale, in.Region)
	}
	if len(in.Markers) != len(inside) {
		t.Fatalf("the inset shows %d markers, the region holds %d", len(in.Markers), len(inside))
	}
	for k, mk := range in.Markers {
		if mk.ID != inside[k].ID || mk.Label != strconv.Itoa(inside[k].Number) {
			t.Errorf("inset marker %s labelled %q, want %s with %d", mk.ID, mk.Label, inside[k].ID, inside[k].Number)
		}
		if !in.Box.Contains(mk.LabelBox) || !in.Box.Contains(Rect{mk.At, mk.At}) {
			t.Errorf("inset marker %s or its label leaves the inset", mk.ID)
		}
	}
	// The inset obeys the map's rules within its box.
	sub := &Map{Width: in.Box.W(), Height: in.Box.H(), MarkerRadius: m.MarkerRadius}
	for _, mk := range in.Markers {
		mv := func(p XY) XY { return sub2(p, in.Box.Min) }
		mk.At, mk.LabelBox = mv(mk.At), Rect{mv(mk.LabelBox.Min), mv(mk.LabelBox.Max)}
		if mk.Leader != nil {
			mk.Leader = []XY{mv(mk.Leader[0]), mv(mk.Leader[1])}
		}
		sub.Markers = append(sub.Markers, mk)
	}
	sopt := opt
	sopt.Margin = 0
	sopt.Height = in.Box.H()
	checkLayout(t, sub, sopt)
	checkRiver(t, in.Markers, in.River, opt)
}

func sub2(a, b XY) XY { return XY{a.X - b.X, a.Y - b.Y} }

// checkRiver fails when a label comes nearer to the drawn river than the gap or a leader
// touches it away from its own marker.
func checkRiver(t testing.TB, ms []Marker, river [][]XY, opt Options) {
	t.Helper()
	half := opt.RiverWidth / 2
	gap := opt.Gap
	if gap == 0 {
		gap = DefaultGap
	}
	for _, mk := range ms {
		if mk.Label == "" {
			continue
		}
		for _, l := range river {
			for k := 0; k+1 < len(l); k++ {
				if d := segRectDist(l[k], l[k+1], mk.LabelBox); d < half+gap-1e-6 {
					t.Errorf("label %q of %s is %.2f mm from the river's centre", mk.Label, mk.ID, d)
				}
				if mk.Leader == nil {
					continue
				}
				a, b := mk.Leader[0], mk.Leader[1]
				if skip := half + gap; dist(a, b) > skip {
					a = add(a, scale(sub(b, a), skip/dist(a, b)))
					if segSegDist(a, b, l[k], l[k+1]) < half-1e-6 {
						t.Errorf("leader of %s crosses the river", mk.ID)
					}
				}
			}
		}
	}
}

func TestOfficeMarkerRadius(t *testing.T) {
	// A marker drawn larger (the office's city, ringed) keeps its labels and leaders off
	// its ring, and its own label outside it.
	opt := leafletNames()
	pts := named(members(t))
	for i := range pts {
		if pts[i].ID == "Detmold" {
			pts[i].Radius = 1.6
		}
	}
	m := build(t, pts, opt)
	checkNamed(t, m, opt)
	d := marker(t, m, "Detmold")
	if d.Radius != 1.6 || d.LabelBox.Dist(d.At) < 1.6 {
		t.Errorf("Detmold's marker has radius %.2f, its label %.2f mm from its centre", d.Radius, d.LabelBox.Dist(d.At))
	}
}

func TestClipRingRect(t *testing.T) {
	tri := []XY{{0, 0}, {10, 0}, {0, 10}}
	got := clipRingRect(tri, Rect{XY{-1, -1}, XY{4, 4}})
	// The square's corner (4, 4) lies inside the triangle, so the clip is the square.
	if fmtXY([][]XY{got}) != "[[{4 -0} {4 4} {-0 4} {-0 -0}]]" && len(got) != 4 {
		t.Errorf("clip = %s", fmtXY([][]XY{got}))
	}
	if c := clipRingRect(tri, Rect{XY{20, 20}, XY{30, 30}}); c != nil {
		t.Errorf("a ring far off the rectangle clips to %v", c)
	}
}

func TestMembersLargeLabels(t *testing.T) {
	// Larger markers and labels than the leaflet's crowd the Ruhr more, and still read unambiguously.
	opt := largeLabelOptions()
	m := build(t, members(t), opt)
	checkLayout(t, m, opt)
	drawPNG(t, m, "members-large.png")
}

// properCross is the textbook orientation test for two segments meeting (touching counts).
func properCross(a, b, c, d XY) bool {
	o := func(p, q, r XY) float64 { return (q.X-p.X)*(r.Y-p.Y) - (q.Y-p.Y)*(r.X-p.X) }
	on := func(p, q, r XY) bool { // r, collinear with pq, lies between p and q
		return math.Min(p.X, q.X) <= r.X && r.X <= math.Max(p.X, q.X) && math.Min(p.Y, q.Y) <= r.Y && r.Y <= math.Max(p.Y, q.Y)
	}
	o1, o2, o3, o4 := o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)
	if o1*o2 < 0 && o3*o4 < 0 {
		return true
	}
	return o1 == 0 && on(a, b, c) || o2 == 0 && on(a, b, d) || o3 == 0 && on(c, d, a) || o4 == 0 && on(c, d, b)
}

func TestOutlineAndRiver(t *testing.T) {
	m := build(t, nil, leafletOptions())
	if len(m.Outline) != 1 {
		t.Fatalf("outline has %d rings, want 1", len(m.Outline))
	}
	ring := m.Outline[0]
	if len(ring) > m.srcVertices[0]/2 || len(ring) < 100 {
		t.Errorf("outline simplified from %d to %d vertices", m.srcVertices[0], len(ring))
	}
	// Every source vertex stays within the tolerance of the simplified outline.
	rings, err := parseGeoJSON(readFile(t, "nrw.geojson"), "polygon")
	if err != nil {
		t.Fatal(err)
	}
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, ll := range rings[0] {
		p := m.Project(ll.Lat, ll.Lon)
		best := math.Inf(1)
		for k := range ring {
			best = math.Min(best, segPointDist(ring[k], ring[(k+1)%len(ring)], p))
		}
		if best > DefaultTolerance+1e-9 {
			t.Fatalf("source vertex %v is %.3f mm off the simplified outline", ll, best)
		}
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	opt := leafletOptions()
	if math.Abs(minX-opt.Margin) > 1e-9 || math.Abs(maxX-(opt.Width-opt.Margin)) > 1e-9 ||
		math.Abs(minY-opt.Margin) > 1e-9 || math.Abs(maxY-(m.Height-opt.Margin)) > 1e-9 {
		t.Errorf("outline spans x %.3f–%.3f, y %.3f–%.3f in a %.2f x %.2f map", minX, maxX, minY, maxY, m.Width, m.Height)
	}
	// Shapes are kept: 1 km east–west and north–south measure the same at 51.5° N.
	o := m.Project(51.5, 7)
	ew := dist(o, m.Project(51.5, 7+1/(kmPerDegree*math.Cos(RefLat*math.Pi/180))))
	ns := dist(o, m.Project(51.5+1/kmPerDegree, 7))
	if math.Abs(ew-m.Scale) > 1e-9 || math.Abs(ns-m.Scale) > 1e-9 {
		t.Errorf("1 km measures %.5f mm east-west and %.5f mm north-south, scale says %.5f", ew, ns, m.Scale)
	}
	// The Rhine enters and leaves NRW once: one polyline whose ends lie on the outline.
	if len(m.River) != 1 {
		t.Fatalf("river has %d polylines, want 1", len(m.River))
	}
	riv := m.River[0]
	for _, end := range []XY{riv[0], riv[len(riv)-1]} {
		best := math.Inf(1)
		for k := range ring {
			best = math.Min(best, segPointDist(ring[k], ring[(k+1)%len(ring)], end))
		}
		if best > 1e-9 {
			t.Errorf("river end %v is %.3g mm off the border", end, best)
		}
	}
	for _, p := range riv[1 : len(riv)-1] {
		if !insideRings(p, m.Outline) {
			t.Errorf("river vertex %v lies outside the outline", p)
		}
	}
}

func TestClipLine(t *testing.T) {
	square := [][]XY{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}
	got := clipLine([]XY{{-5, 5}, {5, 5}, {5, 15}, {8, 5}, {15, 5}}, square)
	want := "[[{0 5} {5 5} {5 10}] [{6.5 10} {8 5} {10 5}]]"
	if s := fmtXY(got); s != want {
		t.Errorf("clip = %s, want %s", s, want)
	}
}

func fmtXY(ls [][]XY) string {
	var parts []string
	for _, l := range ls {
		var ps []string
		for _, p := range l {
			ps = append(ps, "{"+strconv.FormatFloat(p.X, 'g', -1, 64)+" "+strconv.FormatFloat(p.Y, 'g', -1, 64)+"}")
		}
		parts = append(parts, "["+strings.Join(ps, " ")+"]")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestErrors(t *testing.T) {
	nrw, rhein := readFile(t, "nrw.geojson"), readFile(t, "rhein.geojson")
	essen := Point{ID: "Essen", Label: "1", Lat: 51.455843, Lon: 7.012583}
	swapped := Point{ID: "Köln", Label: "2", Lat: 6.957068, Lon: 50.938107}
	low := leafletOptions()
	low.Height = 60
	huge := leafletOptions()
	huge.LabelSize = func(string) (float64, float64) { return 90, 2.4 }
	var stack []Point // 40 markers in one spot leave no way out for the labels
	for i := range 40 {
		stack = append(stack, Point{ID: "p" + strconv.Itoa(i), Label: strconv.Itoa(i), Lat: 51.45 + float64(i%7)*0.002, Lon: 7 + float64(i/7)*0.003})
	}
	for _, c := range []struct {
		name string
		pts  []Point
		opt  Options
		want string
	}{
		{"swapped", []Point{essen, swapped}, leafletOptions(), `"Köln"`},
		{"too high", []Point{essen}, low, "needs 85.3 mm of height"},
		{"label too wide", []Point{essen}, huge, `"Essen"`},
		{"crowd", stack, leafletOptions(), "cannot be placed"},
		{"duplicate", []Point{essen, essen}, leafletOptions(), `"Essen" appears twice`},
		{"no label size", []Point{essen}, Options{Width: 87, Height: 110}, "LabelSize"},
	} {
		_, err := Build(nrw, rhein, c.pts, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %s", c.name, err, c.want)
		}
	}
	if _, err := Build([]byte(`{"type":"LineString","coordinates":[[7,51],[8,52]]}`), rhein, nil, leafletOptions()); err == nil {
		t.Error("a line string is accepted as outline")
	}
}

func BenchmarkBuild(b *testing.B) {
	nrw, rhein, pts := readFile(b, "nrw.geojson"), readFile(b, "rhein.geojson"), members(b)
	for b.Loop() {
		if _, err := Build(nrw, rhein, pts, leafletOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuildNamed(b *testing.B) {
	nrw, rhein, pts := readFile(b, "nrw.geojson"), readFile(b, "rhein.geojson"), named(members(b))
	for b.Loop() {
		if _, err := Build(nrw, rhein, pts, leafletNames()); err != nil {
			b.Fatal(err)
		}
	}
}
