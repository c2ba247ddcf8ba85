package typeset

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// FuzzBreak checks that Break never panics or hangs and either fails or
// returns lines that fit their column or are reported overfull; with first
// set, the first two lines have that width (a paragraph that begins in
// another column).
func FuzzBreak(f *testing.F) {
	f.Add("Im Städtenetz Soziale Stadt NRW sind Kommunen aus Nordrhein-Westfalen vertreten.", 90.0, true, 0.0)
	f.Add("Bürgerbeteiligung und -aktivierung, Kolleg/-innen", 20.0, false, 0.0)
	f.Add("z.\u00a0B. 1\u202f500\nGäste\n\nWohn\u00adumfeld", 15.0, true, 0.0)
	f.Add("ab\u00a0ab\u00a0ab\u00a0ab", 3.0, true, 0.0)
	f.Add("Kooperationspartner sind der Städte- und Gemeindebund Nordrhein-Westfalen, die Industrie- und Handelskammern", 86.0, true, 83.0)
	st := style(f)
	f.Fuzz(func(t *testing.T, text string, width float64, justify bool, first float64) {
		if len(text) > 2000 {
			text = text[:2000]
		}
		opt := Options{Hyphenator: hyphen.Default(), Justify: justify}
		if first != 0 {
			opt.FirstWidths = []float64{first, first}
		}
		p, err := Break(text, width, st, opt)
		if err != nil {
			return
		}
		if !(width > 0) || first != 0 && !(first > 0 && !math.IsInf(first, 0)) {
			t.Fatalf("width %v, first lines %v accepted", width, first)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 %q accepted", text)
		}
		for i, l := range p.Lines {
			col := width
			if i < len(opt.FirstWidths) {
				col = opt.FirstWidths[i]
			}
			if l.Width > col+l.HangRight+1e-6*math.Max(1, col) && l.Overfull <= 0 {
				t.Fatalf("line %d is %v mm wide in a %v mm column, not reported overfull", i+1, l.Width, col)
			}
			for _, w := range l.Words {
				if strings.ContainsAny(w.Text, " \n\u00ad") {
					t.Fatalf("line %d: word %q", i+1, w.Text)
				}
			}
		}
		if strings.TrimSpace(text) != "" && len(p.Lines) == 0 && strings.Trim(text, " \t\n\u00ad\u00a0\u202f") != "" {
			t.Fatalf("no lines for %q", text)
		}
	})
}
