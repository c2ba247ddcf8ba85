package layout_test

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// evenness holds the figures that ../shared/tools/wordgaps.py measures from a PDF, computed
// here from the plan of one page: the justified lines of body text (the page's most common
// size) with three words or more, each by the mean gap between its words.
type evenness struct {
	lines int
	// p95 and max of the lines' gaps relative to the median line's gap; loose is the share
	// of lines above 1.5 times the median.
	p95, max, loose float64
	// hyphenEnded is the share of the lines that end in a hyphen; hyphenRun the most such
	// lines in a row.
	hyphenEnded float64
	hyphenRun   int
	// lastMin is the shortest last line of a paragraph of several lines, in mm.
	lastMin float64
	// minSpace is the narrowest gap relative to the natural word space.
	minSpace float64
}

func (e evenness) String() string {
	return fmt.Sprintf("lines=%d p95=%.2f max=%.2f loose=%.0f%% hyphen-ended=%.0f%% hyphen-run=%d last-min-mm=%.1f min-space=%.2f",
		e.lines, e.p95, e.max, 100*e.loose, 100*e.hyphenEnded, e.hyphenRun, e.lastMin, e.minSpace)
}

// measure computes the evenness of a page's body text.
func measure(t *testing.T, pg layout.Page) evenness {
	t.Helper()
	var lines []*layout.Line
	sizes := map[float64]int{}
	for _, it := range pg.Items {
		if l, ok := it.(*layout.Line); ok && len(l.Words) > 0 {
			lines = append(lines, l)
			sizes[l.Size]++
		}
	}
	body := 0.0
	for s, n := range sizes {
		if n > sizes[body] {
			body = s
		}
	}
	e := evenness{lastMin: math.Inf(1), minSpace: math.Inf(1)}
	var gaps []float64
	natural := 0.0
	hyphens, run, inPara := 0, 0, false
	for _, l := range lines {
		if l.Size != body {
			continue
		}
		if !l.Justified {
			// A paragraph's last line, at natural spacing.
			natural = l.Space
			if inPara {
				last := l.Words[len(l.Words)-1]
				e.lastMin = min(e.lastMin, last.X+last.W-l.Words[0].X)
			}
			run, inPara = 0, false
			continue
		}
		inPara = true
		if len(l.Words) < 3 {
			continue
		}
		sum := 0.0
		for i := 1; i < len(l.Words); i++ {
			sum += l.Words[i].X - l.Words[i-1].X - l.Words[i-1].W
		}
		gaps = append(gaps, sum/float64(len(l.Words)-1))
		if strings.HasSuffix(l.Words[len(l.Words)-1].Text, "-") {
			hyphens++
			run++
			e.hyphenRun = max(e.hyphenRun, run)
		} else {
			run = 0
		}
	}
	if len(gaps) == 0 || natural == 0 {
		t.Fatalf("page %s: no justified body text", pg.Name)
	}
	e.lines = len(gaps)
	e.hyphenEnded = float64(hyphens) / float64(len(gaps))
	e.minSpace = slices.Min(gaps) / natural
	slices.Sort(gaps)
	med := gaps[len(gaps)/2]
	if len(gaps)%2 == 0 {
		med = (gaps[len(gaps)/2-1] + med) / 2
	}
	loose := 0
	for _, g := range gaps {
		if g/med > 1.5 {
			loose++
		}
	}
	e.p95 = gaps[int(0.95*float64(len(gaps)-1))] / med
	e.max = gaps[len(gaps)-1] / med
	e.loose = float64(loose) / float64(len(gaps))
	return e
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
		t.Logf("%s: %v", tc.name, e)
		if e.p95 > tc.p95 || e.max > tc.max || e.loose > tc.loose {
			t.Errorf("%s: word gaps p95 %.2f, max %.2f, loose %.0f%%; want at most %.2f, %.2f, %.0f%%", tc.name, e.p95, e.max, 100*e.loose, tc.p95, tc.max, 100*tc.loose)
		}
		if e.hyphenEnded > tc.hyphenatedMost || e.hyphenRun > tc.hyphenRun {
			t.Errorf("%s: %.0f%% of the lines end in a hyphen, up to %d in a row; want at most %.0f%%, %d", tc.name, 100*e.hyphenEnded, e.hyphenRun, 100*tc.hyphenatedMost, tc.hyphenRun)
		}
		if e.lastMin < 15 {
			t.Errorf("%s: a paragraph's last line is %.1f mm short", tc.name, e.lastMin)
		}
		if e.minSpace < 0.8-1e-6 {
			t.Errorf("%s: a word space is %.2f of its natural width", tc.name, e.minSpace)
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
