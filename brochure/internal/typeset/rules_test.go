package typeset

import (
	"math"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// TestCompoundsBreakOnlyAtTheirHyphen sets words that hold a hyphen at many widths: a line
// may end after their own hyphen, never with a second hyphen inside a part
// ("Nord-/rhein-Westfalen", "Bund-Länder-Pro-/gramm").
func TestCompoundsBreakOnlyAtTheirHyphen(t *testing.T) {
	st := style(t)
	text := "Im Städtenetz Soziale Stadt NRW sind Kommunen aus Nordrhein-Westfalen vertreten, die sich im Bund-Länder-Programm „Soziale Stadt“ engagieren, und Kolleg/-innen aus Nordrhein-Westfalen."
	words := map[string]bool{}
	for _, w := range strings.Fields(text) {
		words[w] = true
	}
	broken := 0
	for width := 40.0; width <= 100; width += 0.5 {
		p, err := Break(text, width, st, Options{Hyphenator: hyphen.Default(), Justify: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range p.Lines[:len(p.Lines)-1] {
			if !l.Hyphenated {
				continue
			}
			last, next := l.Words[len(l.Words)-1].Text, p.Lines[i+1].Words[0].Text
			if words[last+next] {
				broken++
				continue // after the word's own hyphen
			}
			if strings.Contains(strings.TrimSuffix(last, "-"), "-") || strings.Contains(next, "-") || strings.Contains(last, "/") {
				t.Errorf("width %v: %q / %q: a second hyphen in a word that holds one", width, last, next)
			}
		}
	}
	if broken == 0 {
		t.Error("no line ever ends after a compound's own hyphen")
	}
}

// TestNamesStayWhole checks that CamelCase names and words the data protects are never
// broken, even when that costs a loose line: the first line of this paragraph cannot take
// "QuartiersWerkstatt" and has nothing else to break.
func TestNamesStayWhole(t *testing.T) {
	st := style(t)
	text := "Zweimal im Jahr lädt die Arbeitsgemeinschaft zur QuartiersWerkstatt ein, einem Tag mit Fachvorträgen, Beispielen aus der Praxis und viel Zeit für Gespräche über das Reparaturcafé."
	h, err := hyphen.Default().WithExceptions(map[string]string{"Reparaturcafé": "Reparaturcafé", "Fachvorträgen": "Fach-vorträgen"})
	if err != nil {
		t.Fatal(err)
	}
	for width := 40.0; width <= 100; width += 0.5 {
		p, err := Break(text, width, st, Options{Hyphenator: h, Justify: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range p.Lines {
			last := l.Words[len(l.Words)-1].Text
			if l.Hyphenated && (strings.HasPrefix(last, "Quartiers") || strings.HasPrefix(last, "Reparatur") || strings.HasPrefix(last, "Fach") && last != "Fach-") {
				t.Errorf("width %v: %q broken", width, last)
			}
		}
	}
	p, err := Break(text, 88.4, st, Options{Hyphenator: h, Justify: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := lineText(p.Lines[0]); got != "Zweimal im Jahr lädt die Arbeitsgemeinschaft zur" || p.Lines[0].Space < 2*st.Font.SpaceWidth(size) {
		t.Errorf("first line %q with spaces of %.2f mm; want the loose line before the name", got, p.Lines[0].Space)
	}
}

// TestLastLine checks the paragraph that once ended with "ten." alone: its last line is at
// least 15 mm long and not the end of a hyphenated word.
func TestLastLine(t *testing.T) {
	text := "Das Städtenetz Soziale Stadt NRW macht das Thema „Integrierte Stadtteilentwicklung / Soziale Stadt“ öffentlich – nicht zuletzt, um eine aktive Unterstützung aus der Politik zu erhalten."
	for _, width := range []float64{60, 70, 80, 87, 89.41, 90} {
		p, err := Break(text, width, style(t), Options{Hyphenator: hyphen.Default(), Justify: true})
		if err != nil {
			t.Fatal(err)
		}
		last := p.Lines[len(p.Lines)-1]
		if last.Width < 15 || p.Lines[len(p.Lines)-2].Hyphenated && len(last.Words) == 1 {
			t.Errorf("width %v: last line %q is %.1f mm\n%s", width, lineText(last), last.Width, p.Dump())
		}
	}
}

// TestMarginKerning checks that a justified line's final hyphen or full stop hangs into the
// margin by its share of the glyph and that the line is that much wider than the column.
func TestMarginKerning(t *testing.T) {
	st := style(t)
	hung := map[string]int{}
	for _, text := range leafletParagraphs(t) {
		p, err := Break(text, column, st, Options{Hyphenator: hyphen.Default(), Justify: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range p.Lines {
			if l.Last {
				continue
			}
			w := l.Words[len(l.Words)-1].Text
			r := []rune(w)[len([]rune(w))-1]
			want := protrudeRight[r] * st.Font.Width(string(r), size) * l.Scale
			if math.Abs(l.HangRight-want) > 0.02 || math.Abs(l.Width-column-l.HangRight) > 1e-6 {
				t.Errorf("line ending %q hangs %.3f mm, want %.3f; %.3f wide", w, l.HangRight, want, l.Width)
			}
			if want > 0 {
				hung[string(r)]++
			}
		}
	}
	if hung["-"] == 0 || hung[","]+hung["."] == 0 {
		t.Errorf("hyphens and punctuation hung: %v", hung)
	}
	if l, r := MaxHang(st); l != 0 || r < 0.5 || r > 0.7 {
		t.Errorf("MaxHang = %v, %v mm; want nothing left and about 0.6 mm right", l, r)
	}
}

// TestExpansionHelpsOnlyAtTheLimits checks that glyph scaling makes spaces more even: with
// it, fewer lines of the leaflet need spaces beyond 1.5 times their width (checkParagraph
// checks that it scales only lines whose spaces stand at the end of their range).
func TestExpansionHelpsOnlyAtTheLimits(t *testing.T) {
	st := style(t)
	loose := func(opt Options) (n, scaled, lines int) {
		opt.Hyphenator, opt.Justify = hyphen.Default(), true
		for _, width := range []float64{60, 75, 90} {
			for _, text := range leafletParagraphs(t) {
				p, err := Break(text, width, st, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range p.Lines {
					if l.Last {
						continue
					}
					lines++
					if l.Space > 1.5*st.Font.SpaceWidth(size)+1e-9 {
						n++
					}
					if l.Scale != 1 {
						scaled++
					}
				}
			}
		}
		return
	}
	with, scaled, lines := loose(Options{})
	without, none, _ := loose(Options{Expansion: -1})
	t.Logf("lines with spaces over 1.5×: %d with expansion, %d without; %d of %d lines scaled", with, without, scaled, lines)
	if with >= without || none != 0 || scaled == 0 {
		t.Errorf("expansion: %d loose lines with it, %d without; %d of %d lines scaled (%d without)", with, without, scaled, lines, none)
	}
}

// TestKeepWordsAndBalance checks titles: words are not broken unless one is wider than the
// column, and the lines come out about as long as each other.
func TestKeepWordsAndBalance(t *testing.T) {
	semi := style(t)
	title := "Netzwerk Lebendige Ortsmitten Nordrhein-Westfalen"
	for _, width := range []float64{70, 84, 100} {
		plain, err := Break(title, width, semi, Options{Hyphenator: hyphen.Default(), KeepWords: true})
		if err != nil {
			t.Fatal(err)
		}
		bal, err := Break(title, width, semi, Options{Hyphenator: hyphen.Default(), KeepWords: true, Balance: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []*Paragraph{plain, bal} {
			for _, l := range p.Lines {
				if l.Hyphenated {
					t.Errorf("width %v: a title line ends inside a word:\n%s", width, p.Dump())
				}
			}
		}
		spread := func(p *Paragraph) float64 {
			lo, hi := math.Inf(1), 0.0
			for _, l := range p.Lines {
				lo, hi = min(lo, l.Width), max(hi, l.Width)
			}
			return hi - lo
		}
		if len(bal.Lines) != len(plain.Lines) || bal.Column != width || spread(bal) > spread(plain)+1e-9 {
			t.Errorf("width %v: balanced\n%snot more even than\n%s", width, bal.Dump(), plain.Dump())
		}
	}
	// A word wider than the column is broken after all, at its hyphen first.
	p, err := Break("Nordrhein-Westfalen", semi.Font.Width("Nordrhein-Westfalen", size)-1, semi, Options{Hyphenator: hyphen.Default(), KeepWords: true})
	if err != nil || len(p.Lines) != 2 || lineText(p.Lines[0]) != "Nordrhein-" {
		t.Errorf("a word wider than the column: %v\n%v", err, p)
	}
}

// TestHyphenRunsAndFewerHyphens checks at many widths that no more than two lines in a row
// end in a hyphen.
func TestHyphenRunsAndFewerHyphens(t *testing.T) {
	st := style(t)
	ended, lines := 0, 0
	for width := 50.0; width <= 110; width += 5 {
		for _, text := range leafletParagraphs(t) {
			p, err := Break(text, width, st, Options{Hyphenator: hyphen.Default(), Justify: true})
			if err != nil {
				t.Fatal(err)
			}
			run := 0
			for i, l := range p.Lines {
				lines++
				if !l.Hyphenated {
					run = 0
					continue
				}
				ended++
				if run++; run > 2 {
					t.Errorf("width %v: three hyphens in a row at line %d\n%s", width, i+1, p.Dump())
				}
			}
		}
	}
	if share := float64(ended) / float64(lines); share > 0.4 {
		t.Errorf("%.0f%% of the lines end in a hyphen", 100*share)
	} else {
		t.Logf("%.0f%% of the lines end in a hyphen", 100*share)
	}
}
