package layout_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// measure computes the evenness of a page's body text.
func measure(t *testing.T, pg layout.Page) layout.Evenness {
	t.Helper()
	e, ok := layout.MeasureEvenness(pg)
	if !ok {
		t.Fatalf("page %s: no justified body text", pg.Name)
	}
	return e
}

// evenness renders the figures as wordgaps.py prints them, with the narrowest space.
func evenness(e layout.Evenness) string {
	return fmt.Sprintf("lines=%d p95=%.2f max=%.2f loose=%.0f%% hyphen-ended=%.0f%% hyphen-run=%d last-min-mm=%.1f min-space=%.2f",
		e.Lines, e.P95, e.Max, 100*e.LooseShare, 100*e.HyphenEnded, e.HyphenRun, e.LastMin, e.MinSpace)
}

// loadFixture loads a data file of testdata.
func loadFixture(t *testing.T, name string) *brochure.Network {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	n, err := brochure.Load(name, src)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return n
}

// TestEvenWordSpaces checks the inside page of the default leaflet and of two other networks'
// leaflets (with texts of their own and a zickzack fold) against the typesetting goal: p95 of
// the word gaps at most 1.35 times the median, max 1.8, at most 3 % of the lines looser than
// 1.5 times; never more than two hyphens in a row, no paragraph's last line under 15 mm, no
// word space under 0.8 of its natural width.
//
// "default" is the frozen fixture with the flow of data/network.yaml (over the two wide inside
// panels, 86 mm); "default, three panels" the same text flowed over all three inside panels,
// as a network without a flow gets it: 86, 86 and 83 mm (before each panel got its own width,
// all three were 83 mm, and the page measured p95 1.66, max 1.89, 8 % loose). The limits are
// what the typesetting reaches, measured, so that the test catches a change for the worse:
// ortsmitten meets the whole goal (p95 1.27, max 1.44, no loose line); the others meet max,
// come close in p95 (1.42, 1.36) and in loose lines (3.3 %: 2 of 60, 1 of 30). Where it falls short the text leaves no choice: a
// short paragraph whose words hold a hyphen break only there ("Seit Anfang 1999 haben 39
// Städte aus Nordrhein-" before "Westfalen"), and one whose next hyphen would be the third in
// a row ("chern nach außen vertreten. Ein Beirat regelt die" before "grundsätzlichen").
// Before letter spacing joined font expansion the same pages measured p95 1.60, max 1.74,
// 8 % loose (default), 2.81, 3.72, 15 % (ortsmitten) and 1.44, 1.77, 7 % (quartiere).
func TestEvenWordSpaces(t *testing.T) {
	shipped := testnet.Default(t)
	shipped.Leaflet.Flow = []string{"inside 1", "inside 2"}
	for _, tc := range []struct {
		name           string
		n              *brochure.Network
		p95, max       float64
		loose          float64
		hyphenatedMost float64
		hyphenRun      int
	}{
		{"default", shipped, 1.43, 1.62, 0.034, 0.35, 2},
		{"default, three panels", testnet.Default(t), 1.43, 1.62, 0.034, 0.35, 2},
		{"ortsmitten.yaml", loadFixture(t, "ortsmitten.yaml"), 1.28, 1.45, 0.0, 0.40, 2},
		{"quartiere.yaml", loadFixture(t, "quartiere.yaml"), 1.37, 1.64, 0.034, 0.30, 2},
	} {
		plan, err := layout.Build(tc.n, testnet.Geography)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		e := measure(t, plan.Pages[1])
		t.Logf("%s: %s", tc.name, evenness(e))
		if e.P95 > tc.p95 || e.Max > tc.max || e.LooseShare > tc.loose {
			t.Errorf("%s: word gaps p95 %.2f, max %.2f, loose %.0f%%; want at most %.2f, %.2f, %.0f%%", tc.name, e.P95, e.Max, 100*e.LooseShare, tc.p95, tc.max, 100*tc.loose)
		}
		if e.HyphenEnded > tc.hyphenatedMost || e.HyphenRun > tc.hyphenRun {
			t.Errorf("%s: %.0f%% of the lines end in a hyphen, up to %d in a row; want at most %.0f%%, %d", tc.name, 100*e.HyphenEnded, e.HyphenRun, 100*tc.hyphenatedMost, tc.hyphenRun)
		}
		if e.LastMin < 15 {
			t.Errorf("%s: a paragraph's last line is %.1f mm short", tc.name, e.LastMin)
		}
		if e.MinSpace < 0.8-1e-6 {
			t.Errorf("%s: a word space is %.2f of its natural width", tc.name, e.MinSpace)
		}
		checkNoTitleBroken(t, tc.name, plan)
		checkLines(t, plan)
	}
}

// checkNoTitleBroken reports every line other than justified body text that ends inside a
// word: titles, headings, legends, captions and the office block keep their words whole
// (none of the fixtures has a word wider than its column).
func checkNoTitleBroken(t *testing.T, name string, plan *layout.Plan) {
	t.Helper()
	for _, pg := range plan.Pages {
		for _, it := range pg.Items {
			if l, ok := it.(*layout.Line); ok && l.Hyphenated && !l.Justified {
				t.Errorf("%s: %s: %s line %q ends inside a word", name, pg.Name, l.Block, l.Words[len(l.Words)-1].Text)
			}
		}
	}
}
