package typeset

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// FuzzBreak checks that Break never panics or hangs and either fails or
// returns lines that fit the column or are reported overfull.
func FuzzBreak(f *testing.F) {
	f.Add("Im Städtenetz Soziale Stadt NRW sind Kommunen aus Nordrhein-Westfalen vertreten.", 90.0, true)
	f.Add("Bürgerbeteiligung und -aktivierung, Kolleg/-innen", 20.0, false)
	f.Add("z.\u00a0B. 1\u202f500\nGäste\n\nWohn\u00adumfeld", 15.0, true)
	f.Add("ab\u00a0ab\u00a0ab\u00a0ab", 3.0, true)
	st := style(f)
	f.Fuzz(func(t *testing.T, text string, width float64, justify bool) {
		if len(text) > 2000 {
			text = text[:2000]
		}
		opt := Options{Hyphenator: hyphen.Default(), Justify: justify}
		p, err := Break(text, width, st, opt)
		if err != nil {
			return
		}
		if !(width > 0) {
			t.Fatalf("width %v accepted", width)
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 %q accepted", text)
		}
		for i, l := range p.Lines {
			if l.Width > width+l.HangRight+1e-6*math.Max(1, width) && l.Overfull <= 0 {
				t.Fatalf("line %d is %v mm wide in a %v mm column, not reported overfull", i+1, l.Width, width)
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
