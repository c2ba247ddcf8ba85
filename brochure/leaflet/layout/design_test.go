package layout_test

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// networks are the test networks a designer would look at: the frozen one, one of 45 members
// with long names, and one with images, key figures and a composed office block.
func networks(t *testing.T) map[string]*brochure.Network {
	pictures, _ := testnet.Pictures(t)
	return map[string]*brochure.Network{"default": testnet.Default(t), "network-45": testnet.Network45(t), "pictures": pictures}
}

func build(t *testing.T, n *brochure.Network) *layout.Plan {
	t.Helper()
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// lines returns the text lines of a page on each of its panels.
func lines(pg layout.Page) [][]*layout.Line {
	out := make([][]*layout.Line, len(pg.Panels))
	for _, it := range pg.Items {
		l, ok := it.(*layout.Line)
		if !ok || len(l.Words) == 0 {
			continue
		}
		for i, p := range pg.Panels {
			if l.Words[0].X >= p.X && l.Words[0].X < p.X+p.W {
				out[i] = append(out[i], l)
			}
		}
	}
	return out
}

// TestTextKeepsTheSafetyDistance checks every text line of every page: at least 7 mm from
// the trim and from every fold, measured from the words' boxes.
func TestTextKeepsTheSafetyDistance(t *testing.T) {
	for name, n := range networks(t) {
		plan := build(t, n)
		if plan.SafetyMM != 7 {
			t.Errorf("%s: safety distance %g mm, want the default 7", name, plan.SafetyMM)
		}
		for _, pg := range plan.Pages {
			edges := append([]float64{0, plan.TrimW}, pg.Folds...)
			for _, it := range pg.Items {
				l, ok := it.(*layout.Line)
				if !ok {
					continue
				}
				for _, w := range l.Words {
					for _, e := range edges {
						if d := math.Min(math.Abs(w.X-e), math.Abs(w.X+w.W-e)); d < 7-0.01 || w.X < e && w.X+w.W > e {
							t.Errorf("%s: %s: %q at x %.2f is %.2f mm from the edge or fold at %g", name, pg.Name, w.Text, w.X, d, e)
						}
					}
				}
				top := l.Baseline - units.PtToMM(l.Size)*0.75
				if top < 7 || l.Baseline > plan.TrimH-7 {
					t.Errorf("%s: %s: line %q at y %.2f is within 7 mm of the top or bottom trim", name, pg.Name, l.Words[0].Text, l.Baseline)
				}
			}
		}
	}
}

// TestFlowBalances checks the inside of every test network: its three panels flow, end
// within 15 mm of each other, a panel never ends with a heading, and a paragraph cut by a
// panel's end leaves at least two lines on either side.
func TestFlowBalances(t *testing.T) {
	for name, n := range networks(t) {
		plan := build(t, n)
		inside := plan.Pages[1]
		cols := lines(inside)
		lo, hi := math.Inf(1), math.Inf(-1)
		for i, col := range cols {
			if len(col) == 0 {
				t.Errorf("%s: %s is empty", name, inside.Panels[i].Name)
				continue
			}
			end := bottom(inside, i)
			lo, hi = math.Min(lo, end), math.Max(hi, end)
			last := col[len(col)-1]
			if last.Size == 13 && last.Font == "semibold" {
				t.Errorf("%s: %s ends with the heading %q", name, inside.Panels[i].Name, last.Words[0].Text)
			}
			if i+1 == len(cols) || !last.Justified {
				continue
			}
			// The paragraph goes on in the next panel: two lines of it here, two there.
			lead := units.PtToMM(12.5)
			if len(col) < 2 || math.Abs(col[len(col)-2].Baseline+lead-last.Baseline) > 0.01 || !col[len(col)-2].Justified {
				t.Errorf("%s: %s ends with a paragraph's single first line (an orphan)", name, inside.Panels[i].Name)
			}
			if next := cols[i+1]; len(next) == 0 || !next[0].Justified {
				t.Errorf("%s: %s begins with the single last line of a paragraph cut at the panel before (a widow)", name, inside.Panels[i+1].Name)
			}
		}
		if hi-lo > 15 {
			t.Errorf("%s: the inside's panels end between %.1f and %.1f mm, more than 15 mm apart", name, lo, hi)
		}
	}
}

// bottom is how far down the items of panel i of a page reach: text lines to their
// descenders, images and rules to their foot.
func bottom(pg layout.Page, i int) float64 {
	p := pg.Panels[i]
	in := func(x float64) bool { return x >= p.X && x < p.X+p.W }
	end := 0.0
	for _, it := range pg.Items {
		switch v := it.(type) {
		case *layout.Line:
			if len(v.Words) > 0 && in(v.Words[0].X) {
				end = math.Max(end, v.Baseline+units.PtToMM(v.Size)*0.25)
			}
		case *layout.Image:
			if in(v.Frame.X) {
				end = math.Max(end, v.Frame.Y+v.Frame.H)
			}
		case *layout.Rule:
			if in(v.From.X) {
				end = math.Max(end, math.Max(v.From.Y, v.To.Y))
			}
		}
	}
	return end
}

// TestHeadingsAgree checks that the headings that open the panels have one size and stand
// on one baseline, on each side of the sheet.
func TestHeadingsAgree(t *testing.T) {
	for name, n := range networks(t) {
		plan := build(t, n)
		for _, pg := range plan.Pages {
			var firsts []*layout.Line
			for i, col := range lines(pg) {
				if len(col) > 0 && col[0].Font == "semibold" && col[0].Colour == layout.Accent && col[0].Baseline < 30 {
					firsts = append(firsts, col[0])
				} else if len(col) > 0 && pg.Name == "outside" && i < 2 {
					t.Errorf("%s: %s panel %d does not open with a heading", name, pg.Name, i+1)
				}
			}
			for _, h := range firsts {
				if h.Size != firsts[0].Size || math.Abs(h.Baseline-firsts[0].Baseline) > 0.01 {
					t.Errorf("%s: %s: heading %q is %gpt on %.2f, heading %q %gpt on %.2f", name, pg.Name,
						h.Words[0].Text, h.Size, h.Baseline, firsts[0].Words[0].Text, firsts[0].Size, firsts[0].Baseline)
				}
			}
			if pg.Name == "outside" && len(firsts) < 2 {
				t.Errorf("%s: %d panels of the outside open with a heading, want the flap and the back", name, len(firsts))
			}
		}
	}
}

// TestQRCodeQuietZone checks that nothing comes within four modules of the QR code.
func TestQRCodeQuietZone(t *testing.T) {
	for name, n := range networks(t) {
		plan := build(t, n)
		var code *layout.Modules
		for _, it := range plan.Pages[0].Items {
			if m, ok := it.(*layout.Modules); ok {
				code = m
			}
		}
		if code == nil {
			t.Fatalf("%s: no QR code", name)
		}
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		module := math.Inf(1)
		for _, r := range code.Rects {
			x0, y0, x1, y1 = math.Min(x0, r.X), math.Min(y0, r.Y), math.Max(x1, r.X+r.W), math.Max(y1, r.Y+r.H)
			module = math.Min(module, math.Min(r.W, r.H))
		}
		q := 4 * module
		for _, it := range plan.Pages[0].Items {
			var bx0, by0, bx1, by1 float64
			switch v := it.(type) {
			case *layout.Line:
				h := units.PtToMM(v.Size)
				bx0, bx1 = v.Words[0].X, v.Words[len(v.Words)-1].X+v.Words[len(v.Words)-1].W
				by0, by1 = v.Baseline-0.75*h, v.Baseline+0.25*h
			case *layout.Image:
				bx0, by0, bx1, by1 = v.Frame.X, v.Frame.Y, v.Frame.X+v.Frame.W, v.Frame.Y+v.Frame.H
			default:
				continue
			}
			if bx0 < x1+q-0.01 && bx1 > x0-q+0.01 && by0 < y1+q-0.01 && by1 > y0-q+0.01 {
				t.Errorf("%s: %v comes within 4 modules (%.2f mm) of the QR code", name, it, q)
			}
		}
	}
}

// TestOfficeBlock checks the back panel: the office block set at 8.5 pt at least, composed
// from the office's data when the data has no paragraphs, with the date line at the
// panel's foot.
func TestOfficeBlock(t *testing.T) {
	n, _ := testnet.Pictures(t)
	plan := build(t, n)
	var back []*layout.Line
	for _, l := range lines(plan.Pages[0])[1] {
		if l.Block == "office" {
			back = append(back, l)
		}
	}
	var text []string
	for _, l := range back {
		var ws []string
		for _, w := range l.Words {
			ws = append(ws, w.Text)
		}
		text = append(text, strings.Join(ws, " "))
		if l.Size < 8.5 {
			t.Errorf("%q is %gpt, below the body's 8.5 pt", ws, l.Size)
		}
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Geschäftsstelle", "Stadt Essen", "Rathenaustr. 2", "45127 Essen", "Tel.: 0201/88-68300, 0201/88-68344", "E-Mail: staedtenetz@amt68.essen.de", "Stand: Juni 2015"} {
		if !strings.Contains(all, want) {
			t.Errorf("the back panel lacks %q:\n%s", want, all)
		}
	}
	lead := back[len(back)-1]
	if lead.Words[0].Text != "Stand:" || lead.Baseline < plan.TrimH-14-units.PtToMM(12.5) {
		t.Errorf("the last line of the back panel is %q at %.1f mm, want the date line at its foot", lead.Words[0].Text, lead.Baseline)
	}
	for _, l := range back {
		if l.Words[0].Text == "Geschäftsstelle" && l.Font != "semibold" {
			t.Error("the office's lead line is not semibold")
		}
	}
}

// TestOfficeLabels checks that the composed office block prints the labels of the data,
// and the default of each label the data leaves out.
func TestOfficeLabels(t *testing.T) {
	_, name := testnet.Pictures(t)
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const office = "      kind: office\n      heading: SOZIALE STADT NRW\n"
	if !strings.Contains(string(src), office) {
		t.Fatalf("%s has no composed office block", name)
	}
	src = []byte(strings.Replace(string(src), office, office+"      labels: {lead: Büro, phone: \"Telefon:\", stand: \"Gedruckt im\"}\n", 1))
	n, err := brochure.Load(name, src)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, l := range lines(build(t, n).Pages[0])[1] {
		if l.Block != "office" {
			continue
		}
		var ws []string
		for _, w := range l.Words {
			ws = append(ws, w.Text)
		}
		text = append(text, strings.Join(ws, " "))
	}
	all := "\n" + strings.Join(text, "\n") + "\n"
	for _, want := range []string{"\nBüro\n", "\nTelefon: 0201/88-68300, 0201/88-68344\n", "\nE-Mail: staedtenetz@amt68.essen.de\n", "\nGedruckt im Juni 2015\n"} {
		if !strings.Contains(all, want) {
			t.Errorf("the back panel lacks the line %q:%s", strings.Trim(want, "\n"), all)
		}
	}
	for _, gone := range []string{"Geschäftsstelle", "Tel.:", "Stand:"} {
		if strings.Contains(all, gone) {
			t.Errorf("the back panel still prints %q:%s", gone, all)
		}
	}
	if text[len(text)-1] != "Gedruckt im Juni 2015" {
		t.Errorf("the back panel ends with %q, want the date line", text[len(text)-1])
	}
}

// TestBackPanelHasNoHole checks that the back panel of every test network has no white
// band of more than 60 mm between the things on it.
func TestBackPanelHasNoHole(t *testing.T) {
	for name, n := range networks(t) {
		plan := build(t, n)
		pg := plan.Pages[0]
		p := pg.Panels[1]
		on := func(x float64) bool { return x >= p.X && x < p.X+p.W }
		type span struct{ y0, y1 float64 }
		spans := []span{{p.Content.Y, p.Content.Y}, {p.Content.Y + p.Content.H, p.Content.Y + p.Content.H}}
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *layout.Line:
				if on(v.Words[0].X) {
					h := units.PtToMM(v.Size)
					spans = append(spans, span{v.Baseline - 0.75*h, v.Baseline + 0.25*h})
				}
			case *layout.Modules:
				for _, r := range v.Rects {
					spans = append(spans, span{r.Y, r.Y + r.H})
				}
			case *layout.Image:
				if on(v.Frame.X) {
					spans = append(spans, span{v.Frame.Y, v.Frame.Y + v.Frame.H})
				}
			}
		}
		sort.Slice(spans, func(a, b int) bool { return spans[a].y0 < spans[b].y0 })
		reach := spans[0].y1
		for _, s := range spans[1:] {
			if s.y0-reach > 60 {
				t.Errorf("%s: nothing stands on the back panel from %.1f to %.1f mm", name, reach, s.y0)
			}
			reach = math.Max(reach, s.y1)
		}
	}
}

// TestMapNamesItsCities checks the map of the frozen network: the cities that stand apart
// are named beside their markers, the member list keys only the numbered ones, and the
// office's city is ringed.
func TestMapNamesItsCities(t *testing.T) {
	n := testnet.Default(t)
	n.Leaflet.Blocks[block(t, n, "map")].Legend.Office = "Sitz der Geschäftsstelle"
	plan := build(t, n)
	labels := map[string]bool{}
	numbers := 0
	for _, it := range plan.Pages[0].Items {
		if m, ok := it.(*layout.Marker); ok && m.Label != "" {
			labels[m.Label] = true
			if m.Label[0] >= '0' && m.Label[0] <= '9' {
				numbers++
			}
		}
	}
	for _, city := range []string{"Aachen", "Bonn", "Detmold", "Münster", "Hamm"} {
		if !labels[city] {
			t.Errorf("%s stands apart but is not named on the map", city)
		}
	}
	if numbers == 0 || numbers > len(n.Members)/2 {
		t.Errorf("%d numbers on the map of %d members: the Ruhr needs some, most cities their names", numbers, len(n.Members))
	}
	rings, insets := 0, 0
	for _, it := range plan.Pages[0].Items {
		if s, ok := it.(*layout.Shape); ok {
			switch s.Name {
			case "office ring":
				rings++
			case "inset":
				insets++
			}
		}
	}
	if rings < 2 || insets != 1 {
		t.Errorf("%d office rings (map and legend at least) and %d insets, want the office's city ringed and one inset", rings, insets)
	}
}

// TestImageResolution writes a data file with an image that prints at less than 300 dpi:
// an error at its line that says its resolution.
func TestImageResolution(t *testing.T) {
	_, name := testnet.Pictures(t)
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// The logo, 800 px wide, over the back panel's full width of 86 mm is 236 dpi.
	bad := strings.Replace(string(src), "      height_mm: 16\n", "", 1)
	file := filepath.Join(filepath.Dir(name), "low.yaml")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := brochure.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var dpi []brochure.Diagnostic
	for _, e := range buildErrors(t, n) {
		if strings.Contains(e.Msg.String(), "dpi") {
			dpi = append(dpi, e)
		}
	}
	if len(dpi) != 1 || dpi[0].Path != "leaflet.blocks[4].file" ||
		!strings.Contains(dpi[0].Msg.String(), "the image (800 × 300 pixels) prints at 236 dpi at 86 × 32.25 mm, below the 300 dpi print needs") {
		t.Fatalf("errors %v, want one at the logo's file saying it prints at 236 dpi", dpi)
	}
	if dpi[0].Pos.Line != strings.Count(bad[:strings.Index(bad, "file: logo.png")], "\n")+1 {
		t.Errorf("the error stands at line %d, not at the logo's file", dpi[0].Pos.Line)
	}
}

// TestCover checks the front: the website at 9 pt at least in paper white (a knockout of
// the dark background, which misregistration cannot blur), and the motif's dots for the
// current members only, at a contrast of 3:1 at least to the background.
func TestCover(t *testing.T) {
	n, _ := testnet.Pictures(t)
	plan := build(t, n)
	front := plan.Pages[0].Panels[2]
	on := func(x float64) bool { return x >= front.X && x < front.X+front.W }
	site, dots := false, 0
	for _, it := range plan.Pages[0].Items {
		switch v := it.(type) {
		case *layout.Line:
			if !on(v.Words[0].X) {
				continue
			}
			if v.Colour != layout.Paper {
				t.Errorf("%q on the cover is in %s, not knocked out in paper white", v.Words[0].Text, v.Colour)
			}
			if strings.Contains(v.Words[0].Text, "soziale-stadt.nrw.de") {
				site = true
				if v.Size < 9 {
					t.Errorf("the website on the cover is %gpt, want 9 at least", v.Size)
				}
			}
		case *layout.Marker:
			if on(v.At.X) {
				dots++
				if !v.Current {
					t.Error("the cover's motif shows a former member")
				}
				if c := contrast(plan.Palette[v.Colour], plan.Palette[layout.Dark]); c < 3 {
					t.Errorf("the motif's dots stand at a contrast of %.1f:1 to the background, want 3:1", c)
				}
			}
		}
	}
	if !site {
		t.Error("the cover lacks the website")
	}
	if want := n.Count().Current; dots != want {
		t.Errorf("the motif has %d dots, want one for each of the %d current members", dots, want)
	}
}

// contrast is the WCAG contrast ratio of two colours as the screen shows them.
func contrast(a, b layout.Colour) float64 {
	lum := func(c layout.Colour) float64 {
		ch := func(v uint8) float64 {
			s := float64(v) / 255
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestOfficeWithHostOnly builds a network whose office names nothing but its host and
// whose office block has no paragraphs: the block shows the host, not an empty panel.
func TestOfficeWithHostOnly(t *testing.T) {
	n, _ := testnet.Pictures(t)
	n.Office = brochure.Office{Host: "Stadt Beispiel"}
	plan := build(t, n)
	var got []string
	for _, l := range lines(plan.Pages[0])[1] {
		if l.Block == "office" {
			got = append(got, l.Words[0].Text+" "+l.Words[len(l.Words)-1].Text)
		}
	}
	if strings.Join(got, "|") != "SOZIALE NRW|Geschäftsstelle Geschäftsstelle|Stadt Beispiel|Stand: 2015" {
		t.Errorf("office block %q, want its heading, the host and the date line", got)
	}
}
