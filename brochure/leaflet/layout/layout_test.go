package layout_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

func TestPlans(t *testing.T) {
	pictures, _ := testnet.Pictures(t)
	for _, c := range []struct {
		name string
		n    *brochure.Network
	}{{"default", testnet.Default(t)}, {"network-45", testnet.Network45(t)}, {"pictures", pictures}} {
		plan, err := layout.Build(c.n, testnet.Geography)
		if err != nil {
			t.Fatalf("%s: build: %v", c.name, err)
		}
		testkit.Golden(t, "testdata/"+c.name+".plan", plan.Dump())
	}
}

// block returns the index of the block with the id.
func block(t *testing.T, n *brochure.Network, id string) int {
	for i, b := range n.Leaflet.Blocks {
		if b.ID == id {
			return i
		}
	}
	t.Fatalf("no block %q", id)
	return -1
}

func TestPanelsOfEachFold(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		fold           string
		inset          *float64
		outside, folds string
	}{
		{"wickelfalz", f(97), "97 100 100", "97 197|100 200"},
		{"wickelfalz", f(96), "96 100.5 100.5", "96 196.5|100.5 201"},
		{"zickzack", f(97), "99 99 99", "99 198|99 198"},
	} {
		n := testnet.Default(t)
		n.Leaflet.Fold = tc.fold
		n.Leaflet.InsetMM = tc.inset
		plan, err := layout.Build(n, testnet.Geography)
		if err != nil {
			t.Fatalf("%s: %v", tc.fold, err)
		}
		var ws []string
		for _, p := range plan.Pages[0].Panels {
			ws = append(ws, fmt.Sprint(p.W))
		}
		folds := fmt.Sprintf("%v %v|%v %v", plan.Pages[0].Folds[0], plan.Pages[0].Folds[1], plan.Pages[1].Folds[0], plan.Pages[1].Folds[1])
		if got := strings.Join(ws, " "); got != tc.outside || folds != tc.folds {
			t.Errorf("%s inset %v: panels %s, folds %s; want %s, %s", tc.fold, tc.inset, got, folds, tc.outside, tc.folds)
		}
		in := plan.Pages[1].Panels
		out := plan.Pages[0].Panels
		if in[0].W != out[2].W || in[2].W != out[0].W {
			t.Errorf("%s: the inside does not mirror the outside", tc.fold)
		}
	}
}

// TestTextStaysInItsPanel checks every text line of the default plan: inside its panel's
// content area (the safety zone), justified lines flush with both edges.
func TestTextStaysInItsPanel(t *testing.T) {
	plan, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	if lines := checkLines(t, plan); lines < 100 {
		t.Errorf("only %d lines in the plan", lines)
	}
}

// checkLines reports every text line of the plan that leaves its panel's content area, or
// is justified but not flush with both edges, and returns the number of lines. Justified
// lines that end in a letter or digit share one right edge, a little inside the content
// area; those that end in punctuation or a hyphen may hang beyond it (margin kerning), up to
// the content area's edge.
func checkLines(t testing.TB, plan *layout.Plan) int {
	t.Helper()
	lines := 0
	for _, pg := range plan.Pages {
		edges := map[string]float64{} // panel → the straight right edge of its justified text
		for _, it := range pg.Items {
			l, ok := it.(*layout.Line)
			if !ok || len(l.Words) == 0 {
				continue
			}
			lines++
			first, last := l.Words[0], l.Words[len(l.Words)-1]
			var in *layout.Panel
			for i, p := range pg.Panels {
				if first.X >= p.X && first.X < p.X+p.W {
					in = &pg.Panels[i]
				}
			}
			if in == nil {
				t.Errorf("%s: line %q at x %.2f stands on no panel", pg.Name, first.Text, first.X)
				continue
			}
			c := in.Content
			end := last.X + last.W
			if first.X < c.X-0.01 || end > c.X+c.W+0.01 || l.Baseline > c.Y+c.H+0.01 || l.Baseline < c.Y {
				t.Errorf("%s: line %q at %.2f,%.2f leaves the content area of %s", pg.Name, first.Text, first.X, l.Baseline, in.Name)
			}
			if !l.Justified || len(l.Words) < 2 {
				continue
			}
			if math.Abs(first.X-c.X) > 0.01 {
				t.Errorf("%s: justified line %q starts at %.2f, not at the column's edge %.2f", pg.Name, first.Text, first.X, c.X)
			}
			r := []rune(last.Text)
			if !unicode.IsLetter(r[len(r)-1]) && !unicode.IsDigit(r[len(r)-1]) {
				if end < c.X+c.W-1 {
					t.Errorf("%s: justified line %q ends at %.2f, far from the column's edge %.2f", pg.Name, first.Text, end, c.X+c.W)
				}
				continue
			}
			edge, seen := edges[in.Name]
			switch {
			case !seen:
				edges[in.Name] = end
				if end < c.X+c.W-1 {
					t.Errorf("%s: justified line %q ends at %.2f, far from the column's edge %.2f", pg.Name, first.Text, end, c.X+c.W)
				}
			case math.Abs(end-edge) > 0.01:
				t.Errorf("%s: justified line %q ends at %.2f, not at the right edge %.2f of the others", pg.Name, first.Text, end, edge)
			}
		}
	}
	return lines
}

func TestCoverBleeds(t *testing.T) {
	plan, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range plan.Pages[0].Items {
		if f, ok := it.(*layout.Fill); ok && f.Colour == layout.Dark {
			if f.X != 197 || f.X+f.W != 300 || f.Y != -3 || f.Y+f.H != 213 {
				t.Errorf("cover background %+v; want x 197 to 300, y -3 to 213 (into the bleed)", f.Rect)
			}
			return
		}
	}
	t.Error("no cover background")
}

// yamlLine is the line of the first line of the default data that contains s.
func yamlLine(t *testing.T, s string) int {
	for i, l := range strings.Split(string(testkit.Network), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("default data lacks %q", s)
	return 0
}

// buildErrors builds n and returns its layout errors.
func buildErrors(t *testing.T, n *brochure.Network) brochure.Diagnostics {
	t.Helper()
	plan, err := layout.Build(n, testnet.Geography)
	if err == nil {
		t.Fatal("build succeeds, want errors")
	}
	if plan != nil {
		t.Error("build returns a plan with its errors")
	}
	var es brochure.Diagnostics
	if !errors.As(err, &es) {
		t.Fatalf("error is %T, not brochure.Diagnostics: %v", err, err)
	}
	return es
}

// TestStandardPlan loads the frozen network without its panel plan: the standard plan puts
// every block where the frozen data puts it, so the leaflet comes out the same.
func TestStandardPlan(t *testing.T) {
	src := string(testkit.Network)
	start := strings.Index(src, "  outside:\n")
	end := strings.Index(src, "  blocks:\n")
	if start < 0 || end < start {
		t.Fatal("the frozen data has no panel plan to take out")
	}
	n, err := brochure.Load(testkit.NetworkName, []byte(src[:start]+src[end:]))
	if err != nil {
		t.Fatal(err)
	}
	got, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	want, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	// The notes name the same lines, at places in the file that moved with the plan.
	gotNotes, wantNotes := got.Notes, want.Notes
	got.Notes, want.Notes = nil, nil
	if got.Dump() != want.Dump() {
		t.Error("the standard plan lays the frozen network out otherwise than its own plan")
	}
	if len(gotNotes) != len(wantNotes) || len(wantNotes) == 0 {
		t.Fatalf("%d notes, want %d (and some)", len(gotNotes), len(wantNotes))
	}
	for i, d := range gotNotes {
		if w := wantNotes[i]; d.Path != w.Path || d.Msg.String() != w.Msg.String() {
			t.Errorf("note %d: %s at %s, want %s at %s", i, d.Msg, d.Path, w.Msg, w.Path)
		}
	}
}

func TestOverflowNamesPanelBlockAndLine(t *testing.T) {
	n := testnet.Default(t)
	n.Leaflet.Flow = []string{} // every block keeps its panel
	i := block(t, n, "knowledge")
	b := &n.Leaflet.Blocks[i]
	b.Paragraphs = append(b.Paragraphs, strings.Repeat(b.Paragraphs[0]+" ", 3))
	es := buildErrors(t, n)
	if len(es) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(es), es)
	}
	e := es[0]
	msg := e.String()
	if !strings.Contains(msg, ": block \"knowledge\" (no. 8), panel inside 2: ") || e.Pos.Line != yamlLine(t, "- id: knowledge") {
		t.Errorf("error names not panel inside 2, block knowledge, line %d: %s", e.Pos.Line, msg)
	}
	if !strings.Contains(msg, "mm (about ") || !strings.Contains(msg, "lines) too long") || !strings.HasPrefix(msg, testkit.NetworkName+":") {
		t.Errorf("message does not say file and overflow: %s", msg)
	}
}

func TestFlowOverflowNamesTheBlockWhereItBegins(t *testing.T) {
	// Text that does not fit the three panels of the flow together is an error at the block
	// where the text that fits nowhere begins, with the overflow.
	n := testnet.Default(t)
	i := block(t, n, "knowledge")
	b := &n.Leaflet.Blocks[i]
	for range 4 {
		b.Paragraphs = append(b.Paragraphs, b.Paragraphs[0])
	}
	es := buildErrors(t, n)
	if len(es) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(es), es)
	}
	msg := es[0].String()
	m := block(t, n, "membership")
	if es[0].Pos != n.Positions.At(brochure.Path("leaflet", "blocks", m)) ||
		!strings.Contains(msg, "block \"membership\" (no. 9), panel inside 3: the text flowing from panel inside 1 to panel inside 3 does not fit: ") ||
		!strings.Contains(msg, "lines) too long") {
		t.Errorf("error %s, want one at the membership block saying how much the flow overflows", msg)
	}
}

func TestMissingCharacterNamesItsPlace(t *testing.T) {
	n := testnet.Default(t)
	i := block(t, n, "about")
	n.Leaflet.Blocks[i].Paragraphs[1] += " \u0915"
	j := block(t, n, "cover")
	n.Leaflet.Blocks[j].Heading = "Städtenetz \u2603"
	es := buildErrors(t, n)
	if len(es) != 2 {
		t.Fatalf("got %d errors, want 2: %v", len(es), es)
	}
	cover, about := es[0], es[1]
	if about.Pos != n.Positions.At(brochure.Path("leaflet", "blocks", i, "paragraphs", 1)) || !strings.Contains(about.String(), "U+0915") {
		t.Errorf("error %v, want one at the about block's second paragraph naming U+0915", about)
	}
	if cover.Pos != n.Positions.At(brochure.Path("leaflet", "blocks", j, "heading")) || !strings.Contains(cover.String(), "U+2603") {
		t.Errorf("error %v, want one at the cover's heading naming U+2603", cover)
	}
}

func TestTooManyMembers(t *testing.T) {
	n := testnet.Default(t)
	base := n.Members
	for k := 0; len(n.Members) < 80; k++ {
		m := base[k%len(base)]
		m.City = fmt.Sprintf("%s %d", m.City, k)
		m.Location.Lat += 0.01 * float64(k%7)
		n.Members = append(n.Members, m)
	}
	es := buildErrors(t, n)
	found := false
	for _, e := range es {
		if strings.Contains(e.String(), "80 members do not fit the member list; at 7 pt the panel holds ") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error says how many members fit: %v", es)
	}
}

func TestHeadingAloneIsAnError(t *testing.T) {
	n := testnet.Default(t)
	i := block(t, n, "membership")
	n.Leaflet.Blocks[i].Paragraphs = nil
	es := buildErrors(t, n)
	if len(es) != 1 || !strings.Contains(es[0].String(), "block \"membership\" (no. 9), heading, panel inside 3: the heading has no text") {
		t.Errorf("errors %v, want one about the lone heading", es)
	}
}

func BenchmarkBuild(b *testing.B) {
	n := testnet.Default(b)
	for b.Loop() {
		if _, err := layout.Build(n, testnet.Geography); err != nil {
			b.Fatal(err)
		}
	}
}

func TestUmlautAddressLinksInASCII(t *testing.T) {
	n := testnet.Default(t)
	n.Network.Website = "www.köln.de"
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	links, printed := map[string]bool{}, false
	for _, pg := range plan.Pages {
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *layout.Link:
				links[v.URL] = true
			case *layout.Line:
				for _, w := range v.Words {
					printed = printed || w.Text == "www.köln.de"
				}
			}
		}
	}
	if !links["https://www.xn--kln-sna.de"] || links["https://www.köln.de"] {
		t.Errorf("links %v, want the QR code's link in punycode", links)
	}
	if !printed {
		t.Error("the website is not printed in its Unicode form")
	}
}

// coverTitle returns the lines of the cover's title (paper-coloured, over 12 pt) and their size.
func coverTitle(t *testing.T, plan *layout.Plan) ([]string, float64) {
	t.Helper()
	var lines []string
	size := 0.0
	for _, it := range plan.Pages[0].Items {
		if l, ok := it.(*layout.Line); ok && l.Colour == layout.Paper && l.Size > 12 {
			var ws []string
			for _, w := range l.Words {
				ws = append(ws, w.Text)
			}
			lines = append(lines, strings.Join(ws, " "))
			size = l.Size
		}
	}
	return lines, size
}

// TestCoverTitle checks that the cover title breaks between words, at the largest size at
// which it does so in at most four lines, or at the size the data gives.
func TestCoverTitle(t *testing.T) {
	pt := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name, title string
		size        *float64
		want        string
		wantSize    float64
	}{
		{"default", "Städtenetz\nSoziale Stadt NRW", nil, "Städtenetz|Soziale Stadt NRW", 25},
		{"another network", "Netzwerk Lebendige Ortsmitten Nordrhein-Westfalen", nil, "Netzwerk Lebendige|Ortsmitten|Nordrhein-Westfalen", 22},
		{"balanced", "Städtenetz Soziale Stadt NRW", nil, "Städtenetz|Soziale Stadt NRW", 25},
		{"given size", "Netzwerk Lebendige Ortsmitten Nordrhein-Westfalen", pt(30), "Netzwerk|Lebendige|Ortsmitten|Nordrhein-|Westfalen", 30},
		{"long", "Arbeitsgemeinschaft der Quartiersmanagerinnen und Quartiersmanager in den Städten und Gemeinden Westfalen-Lippes", nil,
			"Arbeitsgemeinschaft der|Quartiersmanagerinnen|und Quartiersmanager|in den Städten|und Gemeinden|Westfalen-Lippes", 18},
	} {
		n := testnet.Default(t)
		i := block(t, n, "cover")
		n.Leaflet.Blocks[i].Heading = tc.title
		n.Leaflet.Blocks[i].HeadingPt = tc.size
		plan, err := layout.Build(n, testnet.Geography)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		lines, size := coverTitle(t, plan)
		if got := strings.Join(lines, "|"); got != tc.want || size != tc.wantSize {
			t.Errorf("%s: title %q at %v pt; want %q at %v pt", tc.name, got, size, tc.want, tc.wantSize)
		}
	}
}

func TestBadHyphenationIsAnError(t *testing.T) {
	src := strings.Replace(string(testkit.Network), "  palette:  ", "  hyphenation:\n    Nordrhein-Westfalen: Nord-rhein-Westfalen\n    Stadtteil: Stadt-teil\n    Quartier: Quar-tiere\n  palette:  ", 1)
	n, err := brochure.Load(testkit.NetworkName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	es := buildErrors(t, n)
	if len(es) != 2 {
		t.Fatalf("got %d errors, want 2: %v", len(es), es)
	}
	for k, want := range []struct {
		path, msg string
	}{
		{"leaflet.hyphenation.Nordrhein-Westfalen", "letters only"},
		{"leaflet.hyphenation.Quartier", "not the same word"},
	} {
		e := es[k]
		if e.Path != want.path || !strings.Contains(e.Msg.String(), want.msg) || e.Pos != n.Positions.At(want.path) || e.Pos.Line < 490 || e.Hint.IsZero() {
			t.Errorf("error %d: %v; want one at %s saying %q with a hint", k, e, want.path, want.msg)
		}
	}
}

// TestItemsNameTheirData checks that every text line and every member's marker of the
// default plan names the place in the data it comes from, a place the loader knows the line
// of, and that the text is that place's: a member's name comes from its city.

// TestStandardLeafletOverflow checks that a network too large for the standard leaflet (no
// blocks in its data) hears where the overflow is, at the data the block is made from, and
// that the leaflet is the standard one, which its own blocks would replace.
func TestStandardLeafletOverflow(t *testing.T) {
	n := testnet.Network45(t)
	if !n.Leaflet.Standard {
		t.Fatal("the 45-member network has blocks of its own")
	}
	for k := 0; k < 3; k++ {
		n.Members = append(n.Members, n.Members[:45]...)
	}
	es := buildErrors(t, n)
	members := n.Positions.At("members")
	for _, d := range es {
		if d.Pos == members && strings.Contains(d.String(), "standard leaflet") && strings.Contains(d.String(), `"members"`) {
			return
		}
	}
	t.Errorf("no error at the members (line %d) names the standard leaflet: %v", members.Line, es)
}

// TestFlowPanelsKeepTheirWidths checks a flow over panels of different widths (wickelfalz:
// the inside's third panel is the narrow one that folds in): every justified line of body
// text ends at the right edge of the panel it stands in, less at most what hangs into the
// margin, so a paragraph that continues from a wide panel into the narrow one is set at both
// widths. Some inset makes such a paragraph.
func TestFlowPanelsKeepTheirWidths(t *testing.T) {
	twoWidths := 0
	for inset := 90.0; inset <= 97; inset++ {
		n := testnet.Default(t)
		n.Leaflet.InsetMM = &inset
		plan, err := layout.Build(n, testnet.Geography)
		if err != nil {
			t.Fatalf("inset %v: %v", inset, err)
		}
		pg := plan.Pages[1]
		widths := map[string]map[float64]bool{}
		for _, it := range pg.Items {
			l, ok := it.(*layout.Line)
			if !ok || !l.Justified || len(l.Words) == 0 {
				continue
			}
			var p *layout.Panel
			for k := range pg.Panels {
				if c := pg.Panels[k].Content; l.Words[0].X >= c.X-1 && l.Words[0].X < c.X+c.W {
					p = &pg.Panels[k]
				}
			}
			if p == nil {
				t.Fatalf("inset %v: line %q outside every panel", inset, l.Words[0].Text)
			}
			last := l.Words[len(l.Words)-1]
			right, edge := last.X+last.W, p.Content.X+p.Content.W
			if right > edge+1e-6 || right < edge-2.5 {
				t.Errorf("inset %v: %s: line ending %q ends at %.2f, the column at %.2f", inset, p.Name, last.Text, right, edge)
			}
			if widths[l.Path] == nil {
				widths[l.Path] = map[float64]bool{}
			}
			widths[l.Path][p.Content.W] = true
		}
		for _, ws := range widths {
			if len(ws) > 1 {
				twoWidths++
			}
		}
		if w1, w3 := pg.Panels[0].Content.W, pg.Panels[2].Content.W; w1 <= w3 {
			t.Errorf("inset %v: the wide panel's column is %.2f mm, the narrow one's %.2f", inset, w1, w3)
		}
	}
	if twoWidths == 0 {
		t.Error("no inset makes a paragraph continue into a panel of another width")
	}
}

// TestImageResolutionInAWidePanel checks that an image of a flow is checked at the width it is
// printed: 1000 pixels have 306 dpi at the narrowest panel's 83 mm but only 295 dpi at the
// 86 mm of the wide panel where the image stands, and that is an error.
func TestImageResolutionInAWidePanel(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 1000, 100))
	for x := range 1000 {
		for y := range 100 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 0, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	n := testnet.Default(t)
	n.Leaflet.Blocks = append(n.Leaflet.Blocks, brochure.Block{ID: "pic", Kind: brochure.KindImage, File: "pic.png", Image: buf.Bytes(), Alt: "Bild"})
	n.Leaflet.Inside[0] = append([]string{"about", "pic"}, n.Leaflet.Inside[0][1:]...)
	for _, d := range buildErrors(t, n) {
		if s := d.String(); strings.Contains(s, `"pic"`) && strings.Contains(s, "295 dpi") {
			return
		}
	}
	t.Error("no error says that the image has 295 dpi")
}

// TestStandardLeafletPrintsDataAsItStands checks that the standard leaflet prints its data as
// it stands: an institution whose role reads "{{foo}}" has that on the page.
func TestStandardLeafletPrintsDataAsItStands(t *testing.T) {
	n := testnet.Network45(t)
	n.Institutions = slices.Clone(n.Institutions)
	n.Institutions[0].Role = "{{foo}}"
	n.Leaflet.Blocks, _ = brochure.StandardBlocks(n)
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range plan.Pages[1].Items {
		if l, ok := it.(*layout.Line); ok && l.Block == "institutions" && strings.Contains(fmt.Sprint(l.Words), "{{foo}}") {
			return
		}
	}
	t.Error(`no line of the institutions reads "{{foo}}"`)
}

// TestStandardLeafletListsAreRagged checks that the standard leaflet sets its lists (members
// with their programme areas, partners, sources) ragged right and without added hyphens, as
// lists are set: justified, the 45-member fixture's "Deutsches Institut für Urbanistik
// (Difu): ständiger" stood with word spaces 2.4 times the page's median.
func TestStandardLeafletListsAreRagged(t *testing.T) {
	plan, err := layout.Build(testnet.Network45(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, it := range plan.Pages[1].Items {
		l, ok := it.(*layout.Line)
		if !ok || !slices.Contains([]string{"areas", "institutions", "sources"}, l.Block) || strings.Contains(l.Path, "heading") {
			continue
		}
		seen[l.Block]++
		if l.Justified || l.HyphenAdded {
			t.Errorf("%s line %q: justified %v, hyphen added %v", l.Block, fmt.Sprint(l.Words), l.Justified, l.HyphenAdded)
		}
	}
	if seen["areas"] < 5 || seen["institutions"] < 2 || seen["sources"] < 3 {
		t.Errorf("lines of the lists: %v", seen)
	}
}

// TestLooseLinesAreNoted checks the notes on loose lines: the frozen network's two (its
// "Mitglieder" on the narrow panel, see TestEvenWordSpaces) at their paragraphs, with the
// panel, the line's number and text, the first with the hint; none for a page without loose
// lines.
func TestLooseLinesAreNoted(t *testing.T) {
	n := testnet.Default(t)
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := layout.MeasureEvenness(plan.Pages[1])
	if len(plan.Notes) != 2 || len(e.Loose) != 2 {
		t.Fatalf("%d notes, %d loose lines; want 2 of each:\n%v", len(plan.Notes), len(e.Loose), plan.Notes)
	}
	membership := -1
	for i, b := range n.Leaflet.Blocks {
		if b.ID == "membership" {
			membership = i
		}
	}
	for i, want := range []struct {
		para, line int
		text       string
	}{{0, 1, "Seit Anfang 1999 haben 31 Städte aus Nordrhein-"}, {5, 2, "chern nach außen vertreten. Ein Beirat regelt die"}} {
		d := plan.Notes[i]
		msg := d.Format(i18n.English)
		if d.Path != brochure.Path("leaflet", "blocks", membership, "paragraphs", want.para) || d.Pos.Line == 0 ||
			!strings.Contains(msg, fmt.Sprintf("panel inside 3: line %d of the paragraph, %q, is set loose", want.line, want.text)) || d.Hint.IsZero() != (i > 0) {
			t.Errorf("note %d: %s at %s", i, msg, d.Path)
		}
		if e.Loose[i].Line.Path != d.Path || e.Loose[i].Ratio <= layout.LooseRatio {
			t.Errorf("note %d does not match the loose line %+v", i, e.Loose[i])
		}
	}
	calm, err := layout.Build(loadFixture(t, "ortsmitten.yaml"), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	if len(calm.Notes) != 0 {
		t.Errorf("ortsmitten, without loose lines: %v", calm.Notes)
	}
}
