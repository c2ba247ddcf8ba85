package svg_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/svg"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// oneOfEach holds one item of every kind the painter knows, each with what it must paint.
var oneOfEach = []struct {
	item layout.Item
	want string // a piece of the SVG it paints
}{
	{&layout.Fill{Rect: layout.Rect{X: -3, Y: -3, W: 100, H: 216}, Colour: layout.Dark, Bleeds: true}, `<rect x="-3" y="-3" width="100" height="216" fill="#0e3c45"/>`},
	{&layout.Line{Font: "semibold", Size: 9, Colour: layout.Accent, Baseline: 20, Words: []layout.Word{{Text: "Städte", X: 5, W: 11}, {Text: "&<NRW>", X: 17, W: 9}}, Path: "leaflet.blocks[0].heading"},
		`<g class="line" data-path="leaflet.blocks[0].heading" data-line="7" font-family="brochure-semibold, sans-serif" font-size="3.175" fill="#00707a"><text x="5" y="20">Städte</text><text x="17" y="20">&amp;&lt;NRW&gt;</text></g>`},
	{&layout.Line{Font: "regular", Size: 9, Scale: 0.98, Colour: layout.Text, Baseline: 30, Words: []layout.Word{{Text: "eng", X: 5, W: 5.5}}, Path: "leaflet.blocks[1].paragraphs[0]"},
		`<text x="5" y="30" textLength="5.5" lengthAdjust="spacingAndGlyphs">eng</text>`},
	{&layout.Shape{Name: "land", Rings: [][]layout.Point{{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 10, Y: 10}}}, Closed: true, Fill: layout.Tint, Stroke: layout.Accent, Width: 0.25},
		`d="M0 0 L10 0 L10 10 Z" fill="#eaf5f3" fill-rule="evenodd" stroke="#00707a" stroke-width="0.25"`},
	{&layout.Marker{At: layout.Point{X: 10, Y: 20}, Radius: 1, Colour: layout.Muted, Label: "7", LabelAt: layout.Point{X: 12, Y: 21}, Font: "regular", Size: 6.5, Leader: []layout.Point{{X: 1, Y: 2}, {X: 3, Y: 4}}, Path: "members[6]"},
		`<g class="marker" data-path="members[6]" data-line="7"><polyline points="1,2 3,4" fill="none" stroke="#1d1d1b" stroke-width="0.13" stroke-linecap="round" stroke-linejoin="round"/><circle cx="10" cy="20" r="0.78" fill="#ffffff" stroke="#6f6f6e" stroke-width="0.45"/><text x="12" y="21" font-family="brochure-regular, sans-serif" font-size="2.293" fill="#1d1d1b">7</text></g>`},
	{&layout.Rule{From: layout.Point{X: 1, Y: 2}, To: layout.Point{X: 3, Y: 2}, Colour: layout.Accent, Width: 0.3}, `<line x1="1" y1="2" x2="3" y2="2" stroke="#00707a" stroke-width="0.3" stroke-linecap="butt"/>`},
	{&layout.Modules{Text: "https://example.org", Colour: layout.Text, Rects: []layout.Rect{{X: 1, Y: 1, W: 2, H: 1}}}, `<path class="qr" data-text="https://example.org" d="M1 1h2v1h-2z" fill="#1d1d1b" shape-rendering="crispEdges"/>`},
	{&layout.Link{Rect: layout.Rect{X: 1, Y: 2, W: 3, H: 4}, URL: "mailto:a@b.de"}, `<rect class="link" x="1" y="2" width="3" height="4" fill="none" data-url="mailto:a@b.de"/>`},
	{&layout.Bookmark{Title: "Aktionsfelder", Y: 14}, ""},
	{&layout.Image{Frame: layout.Rect{X: 5, Y: 10, W: 40, H: 30}, At: layout.Rect{X: 2, Y: 10, W: 46, H: 30}, Name: "foto", Format: "PNG", Data: []byte("png"), Alt: "Stadtteilfest"},
		`<svg class="image" x="5" y="10" width="40" height="30" viewBox="5 10 40 30" overflow="hidden"><image href="data:image/png;base64,cG5n" x="2" y="10" width="46" height="30" preserveAspectRatio="none"><title>Stadtteilfest</title></image></svg>`},
}

// TestEveryItemKind paints one item of every kind that package layout declares (every type
// with the item method, found in its source) and fails when the layout has a kind this test,
// and so perhaps the painter, does not know yet.
func TestEveryItemKind(t *testing.T) {
	declared := itemKinds(t, "../layout")
	var tested []string
	for _, c := range oneOfEach {
		tested = append(tested, reflect.TypeOf(c.item).Elem().Name())
	}
	sort.Strings(tested)
	for _, k := range declared {
		if !slices.Contains(tested, k) {
			t.Errorf("layout declares the item kind %s, which the SVG painter is not tested with: paint it in package svg and add it to oneOfEach", k)
		}
	}
	if len(declared) < 8 {
		t.Fatalf("found only the item kinds %v in package layout", declared)
	}
	plan := plan(t)
	for _, c := range oneOfEach {
		plan.Pages[0].Items = []layout.Item{c.item}
		out, err := svg.Page(plan, 0, svg.Options{Source: func(string) int { return 7 }})
		if err != nil {
			t.Errorf("%T: %v", c.item, err)
			continue
		}
		wellFormed(t, out)
		if !strings.Contains(string(out), c.want) {
			t.Errorf("%T paints\n%s\nwant it to hold\n%s", c.item, out, c.want)
		}
	}
}

// itemKinds lists the types of the package in dir that have the method item.
func itemKinds(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var kinds []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "item" || fd.Recv == nil || len(fd.Recv.List) != 1 {
				continue
			}
			typ := fd.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				kinds = append(kinds, id.Name)
			}
		}
	}
	sort.Strings(kinds)
	return kinds
}

// plan lays out the frozen test data.
func plan(t *testing.T) *layout.Plan {
	t.Helper()
	p, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// wellFormed fails the test when doc is not well-formed XML.
func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, doc)
		}
	}
}

// TestDefaultPages paints both sides of the frozen data and reads them back as XML: every
// word of the plan stands at its place in its order, with the line's place in the data;
// every colour is one of the palette's screen colours; the view is the trimmed sheet.
func TestDefaultPages(t *testing.T) {
	plan := plan(t)
	rgb := map[string]bool{"#ffffff": true, "none": true}
	for _, c := range plan.Palette {
		rgb[fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)] = true
	}
	for i, pg := range plan.Pages {
		out, err := svg.Page(plan, i, svg.Options{Guides: true})
		if err != nil {
			t.Fatal(err)
		}
		wellFormed(t, out)
		var want, got []string
		for _, it := range pg.Items {
			if l, ok := it.(*layout.Line); ok {
				for _, w := range l.Words {
					want = append(want, fmt.Sprintf("%s@%.3f,%.3f %s", w.Text, w.X, l.Baseline, l.Path))
				}
			}
		}
		var doc struct {
			ViewBox string `xml:"viewBox,attr"`
			Groups  []struct {
				Class string `xml:"class,attr"`
				Path  string `xml:"data-path,attr"`
				Texts []struct {
					X    float64 `xml:"x,attr"`
					Y    float64 `xml:"y,attr"`
					Text string  `xml:",chardata"`
				} `xml:"text"`
			} `xml:"g"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		for _, g := range doc.Groups {
			if g.Class != "line" {
				continue
			}
			for _, tx := range g.Texts {
				got = append(got, fmt.Sprintf("%s@%.3f,%.3f %s", tx.Text, tx.X, tx.Y, g.Path))
			}
		}
		if len(want) < 100 || !slices.Equal(got, want) {
			t.Errorf("page %s: %d words in the SVG, %d in the plan; first difference: %s", pg.Name, len(got), len(want), firstDiff(want, got))
		}
		if doc.ViewBox != "0 0 297 210" {
			t.Errorf("page %s: view box %q", pg.Name, doc.ViewBox)
		}
		for _, attr := range []string{"fill", "stroke"} {
			for _, m := range attrValues(out, attr) {
				if !rgb[m] && m != "#9a9a9a" {
					t.Errorf("page %s: %s=%q is no colour of the palette", pg.Name, attr, m)
				}
			}
		}
	}
}

// attrValues lists the values of every attribute name in doc.
func attrValues(doc []byte, name string) []string {
	var vs []string
	for _, part := range strings.Split(string(doc), " "+name+`="`)[1:] {
		v, _, _ := strings.Cut(part, `"`)
		vs = append(vs, v)
	}
	return vs
}

func firstDiff(want, got []string) string {
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("word %d: want %q, got %q", i, w, g)
		}
	}
	return "none"
}

// TestUnknownNames checks that a colour or font the plan does not define is an error, not a
// black default.
func TestUnknownNames(t *testing.T) {
	for _, it := range []layout.Item{
		&layout.Fill{Colour: "pink"},
		&layout.Line{Font: "italic", Size: 9, Colour: layout.Text, Words: []layout.Word{{Text: "x"}}},
		&layout.Marker{Colour: layout.Accent, Label: "1", Font: "bold", Size: 6},
		nil,
	} {
		plan := plan(t)
		plan.Pages[1].Items = append(plan.Pages[1].Items, it)
		if _, err := svg.Page(plan, 1, svg.Options{}); err == nil {
			t.Errorf("%T: no error", it)
		}
	}
}
