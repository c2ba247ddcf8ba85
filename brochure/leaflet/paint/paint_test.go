package paint_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// files paints every variant of the default leaflet into a temporary directory.
func files(t *testing.T) (*layout.Plan, map[paint.Variant]string) {
	t.Helper()
	plan, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatalf("layout: %v", err)
	}
	dir := t.TempDir()
	out := map[paint.Variant]string{}
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks, paint.Screen} {
		b, err := paint.Paint(plan, v)
		if err != nil {
			t.Fatalf("paint %s: %v", v, err)
		}
		name := filepath.Join(dir, strings.ReplaceAll(v.String(), " ", "-")+".pdf")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out[v] = name
	}
	return plan, out
}

// leaflet lays out and paints the leaflet of n as variant v.
func leaflet(n *brochure.Network, v paint.Variant) ([]byte, error) {
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		return nil, err
	}
	return paint.Paint(plan, v)
}

func TestSameBytes(t *testing.T) {
	n := testnet.Default(t)
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks, paint.Screen} {
		a, err := leaflet(n, v)
		if err != nil {
			t.Fatal(err)
		}
		b, err := leaflet(testnet.Default(t), v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds of the same data differ", v)
		}
	}
}

func TestQPDFCheck(t *testing.T) {
	_, fs := files(t)
	for v, f := range fs {
		out := testkit.Run(t, "qpdf", "--check", f)
		if !strings.Contains(out, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(out), "warning") {
			t.Errorf("%s: qpdf --check:\n%s", v, out)
		}
	}
}

func TestFontsEmbedded(t *testing.T) {
	_, fs := files(t)
	for v, f := range fs {
		out := testkit.Run(t, "pdffonts", f)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: pdffonts lists no fonts:\n%s", v, out)
		}
		for _, l := range lines[2:] {
			fields := strings.Fields(l)
			// name type [type] encoding emb sub uni object ID
			if len(fields) < 7 || fields[len(fields)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", v, l)
			}
			if len(fields) < 7 || fields[len(fields)-3] != "yes" {
				t.Errorf("%s: font without a ToUnicode map (its glyphs do not read as text): %s", v, l)
			}
			if !strings.Contains(strings.ToLower(l), "opensans") {
				t.Errorf("%s: font other than Open Sans: %s", v, l)
			}
		}
	}
}

// boxes reads pdfinfo -box's page boxes in mm, e.g. "MediaBox" → [x0 y0 x1 y1].
func boxes(t *testing.T, file string) map[string][4]float64 {
	out := testkit.Run(t, "pdfinfo", "-box", "-f", "1", "-l", "2", file)
	re := regexp.MustCompile(`Page\s+(\d+)\s+(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)`)
	got := map[string][4]float64{}
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		var v [4]float64
		for i := range v {
			f, _ := strconv.ParseFloat(m[3+i], 64)
			v[i] = f * 25.4 / 72
		}
		got["page "+m[1]+" "+m[2]] = v
	}
	return got
}

func TestPageBoxes(t *testing.T) {
	_, fs := files(t)
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.1 }
	for _, tc := range []struct {
		v            paint.Variant
		media, bleed [2]float64
		trimAt       float64
	}{
		{paint.Print, [2]float64{303, 216}, [2]float64{303, 216}, 3},
		{paint.PrintMarks, [2]float64{317, 230}, [2]float64{303, 216}, 10},
		{paint.Screen, [2]float64{297, 210}, [2]float64{297, 210}, 0},
	} {
		got := boxes(t, fs[tc.v])
		for _, page := range []string{"1", "2"} {
			m, b, tr := got["page "+page+" MediaBox"], got["page "+page+" BleedBox"], got["page "+page+" TrimBox"]
			if !near(m[2]-m[0], tc.media[0]) || !near(m[3]-m[1], tc.media[1]) {
				t.Errorf("%s page %s: MediaBox %.1f x %.1f mm, want %v", tc.v, page, m[2]-m[0], m[3]-m[1], tc.media)
			}
			if !near(b[2]-b[0], tc.bleed[0]) || !near(b[3]-b[1], tc.bleed[1]) {
				t.Errorf("%s page %s: BleedBox %.1f x %.1f mm, want %v", tc.v, page, b[2]-b[0], b[3]-b[1], tc.bleed)
			}
			if !near(tr[2]-tr[0], 297) || !near(tr[3]-tr[1], 210) || !near(tr[0], tc.trimAt) || !near(tr[1], tc.trimAt) {
				t.Errorf("%s page %s: TrimBox %v, want 297 x 210 mm at %g mm", tc.v, page, tr, tc.trimAt)
			}
		}
	}
}

// squeeze drops all white space and hyphens, so that text broken and hyphenated into lines
// compares with the text of the data.
var squeeze = strings.NewReplacer(" ", "", "\n", "", "\u00a0", "", "\u202f", "", "-", "", "\u00ad", "", "\f", "")

func TestTextOfTheData(t *testing.T) {
	n := testnet.Default(t)
	_, fs := files(t)
	for _, v := range []paint.Variant{paint.Print, paint.Screen} {
		text := squeeze.Replace(testkit.Run(t, "pdftotext", "-raw", fs[v], "-"))
		var want []string
		for _, b := range n.Leaflet.Blocks {
			for _, s := range append([]string{b.Heading, b.Subtitle, b.Caption}, b.Paragraphs...) {
				if b.Legend != nil {
					want = append(want, b.Legend.Current, b.Legend.Former)
				}
				e, err := n.Expand(s)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, strings.Split(e, "\n")...)
			}
		}
		for _, m := range n.Members {
			want = append(want, m.City)
		}
		want = append(want, "Stand: "+n.Edition.Stand.German())
		for _, w := range want {
			if !strings.Contains(text, squeeze.Replace(w)) {
				t.Errorf("%s: pdftotext does not find %q", v, w)
			}
		}
	}
}

func TestScreenLinksAndMetadata(t *testing.T) {
	n := testnet.Default(t)
	_, fs := files(t)
	qdf := filepath.Join(t.TempDir(), "screen.qdf")
	testkit.Run(t, "qpdf", "--qdf", "--object-streams=disable", fs[paint.Screen], qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/URI (mailto:" + n.Office.Email + ")", "/URI (" + brochure.LinkURL(n.Network.Website), "/Outlines", "/Lang (de"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("screen file lacks %s", want)
		}
	}
	info := testkit.Run(t, "pdfinfo", fs[paint.Screen])
	for _, want := range []string{`Title:\s+` + n.Network.Name + "\n", `Author:\s+` + n.Network.Author + "\n", `Subject:\s+\S`} {
		if !regexp.MustCompile(want).MatchString(info) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	printRaw := filepath.Join(t.TempDir(), "print.qdf")
	testkit.Run(t, "qpdf", "--qdf", "--object-streams=disable", fs[paint.Print], printRaw)
	raw, _ = os.ReadFile(printRaw)
	if bytes.Contains(raw, []byte("/Annots")) {
		t.Error("print file has annotations")
	}
	if regexp.MustCompile(`(?m)\b(rg|RG)$|\brg\b|\bRG\b`).Match(raw) {
		t.Error("print file has an RGB colour operator")
	}
	if bytes.Contains(raw, []byte("/SMask")) || bytes.Contains(raw, []byte("/CA ")) || bytes.Contains(raw, []byte("/ca ")) {
		t.Error("print file has transparency")
	}
}

// TestWordsWhereThePlanSaysThey checks the painted words against the plan: pdftotext -bbox
// reads every word's box, and each word of the plan must start where the plan put it.
func TestWordsWhereThePlanSays(t *testing.T) {
	plan, fs := files(t)
	out := testkit.Run(t, "pdftotext", "-bbox", fs[paint.Screen], "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	pages := strings.Split(out, "<page ")[1:]
	if len(pages) != 2 {
		t.Fatalf("pdftotext finds %d pages, want 2", len(pages))
	}
	for pi, page := range plan.Pages {
		type at struct{ x, y float64 }
		found := map[string][]at{}
		for _, m := range re.FindAllStringSubmatch(pages[pi], -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			w := strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&lt;", "<", "&gt;", ">").Replace(m[3])
			found[w] = append(found[w], at{x * 25.4 / 72, y * 25.4 / 72})
		}
		checked := 0
		for _, it := range page.Items {
			l, ok := it.(*layout.Line)
			if !ok {
				continue
			}
			for k, w := range l.Words {
				if strings.ContainsAny(w.Text, " \u00a0\u202f") {
					continue // pdftotext splits it
				}
				text := w.Text
				if l.HyphenAdded && k == len(l.Words)-1 {
					// The screen file paints the added hyphen as a soft hyphen.
					text = strings.TrimSuffix(text, "-") + "\u00ad"
				}
				ok := false
				for _, a := range found[text] {
					// yMax is the bottom of the font's descenders.
					if math.Abs(a.x-w.X) < 0.3 && math.Abs(a.y-l.Baseline) < l.Size*0.15 {
						ok = true
					}
				}
				if !ok {
					t.Errorf("page %s: word %q of the plan at x %.2f, baseline %.2f is not painted there (found at %v)", page.Name, w.Text, w.X, l.Baseline, found[w.Text])
				}
				checked++
			}
		}
		if checked < 50 {
			t.Errorf("page %s: only %d words checked", page.Name, checked)
		}
	}
}

func BenchmarkAllOutputs(b *testing.B) {
	n := testnet.Default(b)
	for b.Loop() {
		plan, err := layout.Build(n, testnet.Geography)
		if err != nil {
			b.Fatal(err)
		}
		for _, v := range []paint.Variant{paint.Print, paint.Screen} {
			if _, err := paint.Paint(plan, v); err != nil {
				b.Fatal(err)
			}
		}
	}
}
