package typeset

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// The leaflet's body text: 90 mm columns, Open Sans Regular 9 pt on 4.4 mm.
const (
	column  = 90.0
	size    = 9.0
	leading = 4.4
)

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func style(t testing.TB) Style { return Style{Font: regular(t), Size: size, Leading: leading} }

func TestGoldenLeaflet(t *testing.T) {
	st := style(t)
	for _, tc := range []struct {
		golden string
		opt    Options
	}{
		{"testdata/justified.golden", Options{Hyphenator: hyphen.Default(), Justify: true}},
		{"testdata/ragged.golden", Options{Hyphenator: hyphen.Default()}},
	} {
		var b strings.Builder
		for _, text := range leafletParagraphs(t) {
			p, err := Break(text, column, st, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString(p.Dump())
		}
		testkit.Golden(t, tc.golden, b.String())
	}
}

// TestLeafletProperties checks what a reader of the leaflet would check, on
// every paragraph at several widths and settings.
func TestLeafletProperties(t *testing.T) {
	st := style(t)
	for _, width := range []float64{45, 60, 90, 130} {
		for _, h := range []*hyphen.Hyphenator{hyphen.Default(), nil} {
			for _, justify := range []bool{true, false} {
				opt := Options{Hyphenator: h, Justify: justify}
				for _, text := range leafletParagraphs(t) {
					name := fmt.Sprintf("w%v/h%v/j%v/%.20s", width, h != nil, justify, text)
					p, err := Break(text, width, st, opt)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkParagraph(t, name, text, p, st, justify)
				}
			}
		}
	}
}

// checkParagraph checks the properties every broken paragraph has.
func checkParagraph(t *testing.T, name, text string, p *Paragraph, st Style, justify bool) {
	t.Helper()
	space := st.Font.SpaceWidth(st.Size)
	const eps = 1e-6
	run := 0
	for i, l := range p.Lines {
		where := fmt.Sprintf("%s: line %d", name, i+1)
		if l.Overfull > 0 {
			if math.Abs(l.Width-p.Column-l.HangRight-l.Overfull) > eps {
				t.Errorf("%s: overfull by %v but %v wide", where, l.Overfull, l.Width)
			}
		} else if l.Width > p.Column+l.HangRight+eps {
			t.Errorf("%s: %.3f mm wide in a %.3f mm column, not reported overfull", where, l.Width, p.Column)
		}
		// Glyphs are scaled within ±2 % and their letters spaced within ±0.01 em, only in
		// justified lines and only where the spaces are at the end of their range.
		if l.Scale < 0.98-eps || l.Scale > 1.02+eps || l.Scale != 1 && (!justify || math.Abs(l.Ratio) < 0.99) {
			t.Errorf("%s: glyphs scaled by %v (spaces at ratio %v)", where, l.Scale, l.Ratio)
		}
		if em := st.Size * units.MMPerPt; math.Abs(l.Track*l.Scale) > 0.01*em+eps || l.Track != 0 && (!justify || math.Abs(l.Ratio) < 0.99) {
			t.Errorf("%s: letters spaced by %v mm (spaces at ratio %v)", where, l.Track, l.Ratio)
		}
		first, last := []rune(l.Words[0].Text)[0], []rune(l.Words[len(l.Words)-1].Text)
		if l.HangLeft != 0 && (!justify || protrudeLeft[first] == 0) || l.HangRight != 0 && (!justify || protrudeRight[last[len(last)-1]] == 0) {
			t.Errorf("%s: hangs %v, %v into the margins", where, l.HangLeft, l.HangRight)
		}
		x := -1.0
		for j, w := range l.Words {
			if j == 0 && math.Abs(w.X+l.HangLeft) > eps {
				t.Errorf("%s: starts at %v, hangs %v", where, w.X, l.HangLeft)
			}
			if w.X < x-eps {
				t.Errorf("%s: word %q at %v overlaps the one before", where, w.Text, w.X)
			}
			x = w.X + w.Width
			if w.Text == "" || strings.ContainsAny(w.Text, " \t\n\u00ad\u00a0\u202f") {
				t.Errorf("%s: word %q is empty or holds a space, soft hyphen or line feed", where, w.Text)
			}
			joins := float64(utf8.RuneCountInString(w.Text) - 1)
			if want := (st.Font.Width(w.Text, st.Size) + joins*l.Track) * l.Scale; math.Abs(w.Width-want) > eps {
				t.Errorf("%s: word %q is %v wide, measures %v", where, w.Text, w.Width, want)
			}
		}
		if len(l.Words) == 0 || math.Abs(x-l.Width) > eps {
			t.Errorf("%s: width %v does not end at the last word (%v)", where, l.Width, x)
		}
		if l.Hyphenated && !strings.HasSuffix(l.Words[len(l.Words)-1].Text, "-") {
			t.Errorf("%s: hyphenated line does not end in a hyphen", where)
		}
		if l.Last != (i == len(p.Lines)-1) {
			t.Errorf("%s: Last is %v", where, l.Last)
		}
		if l.Space < 0.8*space-eps && l.Overfull == 0 {
			t.Errorf("%s: space %.3f mm is below 0.8 × %.3f mm", where, l.Space, space)
		}
		switch {
		case (l.Last || l.Forced || !justify) && l.Ratio < 0:
			// longer than the column at natural spacing: shrunk to fit exactly
			if math.Abs(l.Width-p.Column-l.HangRight) > eps || l.Ratio < -1 {
				t.Errorf("%s: shrunk line is %v mm wide in a column of %v (ratio %v)", where, l.Width, p.Column, l.Ratio)
			}
		case l.Last || l.Forced || !justify:
			if l.Ratio != 0 || math.Abs(l.Space-space) > eps {
				t.Errorf("%s: not at natural spacing: ratio %v, space %v", where, l.Ratio, l.Space)
			}
		case len(l.Words) > 1 && l.Overfull == 0:
			if math.Abs(l.Width-p.Column-l.HangRight) > eps {
				t.Errorf("%s: justified line is %v wide", where, l.Width)
			}
		}
		// The rules the first two passes keep.
		if l.Hyphenated {
			run++
		} else {
			run = 0
		}
		if p.Pass < 3 && run > maxHyphenRun {
			t.Errorf("%s: the %dth hyphenated line in a row", where, run)
		}
		if p.Pass < 3 && l.Last && i > 0 && !p.Lines[i-1].Forced {
			if l.Width+l.HangLeft < min(15, p.Column/4)-eps {
				t.Errorf("%s: the last line is %.2f mm short", where, l.Width)
			}
			if p.Lines[i-1].Hyphenated && len(l.Words) == 1 {
				t.Errorf("%s: a word's end alone on the last line", where)
			}
		}
	}
	if got, want := squeeze(joinLines(p)), squeeze(text); got != want {
		t.Errorf("%s: text changed:\n got  %s\n want %s", name, got, want)
	}
}

// joinLines returns the words of p separated by spaces.
func joinLines(p *Paragraph) string {
	var b strings.Builder
	for _, l := range p.Lines {
		for _, w := range l.Words {
			b.WriteString(w.Text + " ")
		}
	}
	return b.String()
}

// squeeze drops what breaking may change: spaces of all kinds, soft hyphens and hyphens.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\u00a0', '\u202f', '\u00ad', '-':
			return -1
		}
		return r
	}, s)
}

func TestEmptyText(t *testing.T) {
	st := style(t)
	for _, text := range []string{"", "   ", " \n\t\n ", "\u00ad", "\u00a0"} {
		p, err := Break(text, column, st, Options{Justify: true})
		if err != nil || len(p.Lines) != 0 {
			t.Errorf("Break(%q) = %d lines, %v; want no lines, no error", text, len(p.Lines), err)
		}
	}
}

func TestSpacesCollapse(t *testing.T) {
	st := style(t)
	p, err := Break("  Soziale   Stadt \t NRW  ", column, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("column 90.00 mm, 1 lines, pass 1\n  1 %6.2f  0.82  0.00 100.00 L  | Soziale Stadt NRW\n", st.Font.Width("Soziale Stadt NRW", size))
	if got := p.Dump(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if w := p.Lines[0].Words[1].X - p.Lines[0].Words[0].Width; math.Abs(w-st.Font.SpaceWidth(size)) > 1e-9 {
		t.Errorf("gap between words is %v mm", w)
	}
}

func TestForcedLineBreaks(t *testing.T) {
	st := style(t)
	text := "Amt für Stadterneuerung und Bodenmanagement\nRathenastr. 2, 45127 Essen\n\nTel.: 0201/88-68300"
	p, err := Break(text, column, st, Options{Justify: true, Hyphenator: hyphen.Default()})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Amt für Stadterneuerung und Bodenmanagement", "Rathenastr. 2, 45127 Essen", "Tel.: 0201/88-68300"}
	if len(p.Lines) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(p.Lines), p.Dump())
	}
	for i, l := range p.Lines {
		if got := lineText(l); got != want[i] || l.Forced != (i < 2) || l.Ratio != 0 {
			t.Errorf("line %d: %q forced %v ratio %v; want %q forced %v at natural spacing", i+1, got, l.Forced, l.Ratio, want[i], i < 2)
		}
	}
}

func lineText(l Line) string {
	s := make([]string, len(l.Words))
	for i, w := range l.Words {
		s[i] = w.Text
	}
	return strings.Join(s, " ")
}

func TestNoBreakSpaces(t *testing.T) {
	st := style(t)
	text := strings.Repeat("Beispiele, z.\u00a0B. 1\u202f500 Gäste, ", 12)
	for _, width := range []float64{30, 45, 60} {
		p, err := Break(text, width, st, Options{Justify: true, Hyphenator: hyphen.Default()})
		if err != nil {
			t.Fatal(err)
		}
		checkParagraph(t, fmt.Sprint(width), text, p, st, true)
		for i, l := range p.Lines {
			first, last := l.Words[0].Text, l.Words[len(l.Words)-1].Text
			if last == "z." || first == "B." || last == "1" || first == "500" {
				t.Errorf("width %v line %d breaks at a no-break space: %s", width, i+1, lineText(l))
			}
			for j := 1; j < len(l.Words); j++ {
				if l.Words[j].Text == "500" {
					if gap := l.Words[j].X - l.Words[j-1].X - l.Words[j-1].Width; math.Abs(gap-st.Font.Width("\u202f", size)) > 1e-9 {
						t.Errorf("narrow no-break space is %v mm, should not stretch", gap)
					}
				}
			}
		}
	}
}

func TestSoftHyphens(t *testing.T) {
	st := style(t)
	// Without the soft hyphen the patterns would offer Wohn-um-feld-ver-bes-se-rung.
	text := "Wohnumfeld\u00adverbesserung Wohnumfeld\u00adverbesserung Wohnumfeld\u00adverbesserung"
	p, err := Break(text, 30, st, Options{Justify: true, Hyphenator: hyphen.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range p.Lines {
		for _, w := range l.Words {
			switch w.Text {
			case "Wohnumfeldverbesserung", "Wohnumfeld-", "verbesserung":
			default:
				t.Errorf("word %q: broken elsewhere than at the soft hyphen", w.Text)
			}
		}
	}
	if !strings.Contains(p.Dump(), "Wohnumfeld-") {
		t.Errorf("no break at a soft hyphen in a 30 mm column:\n%s", p.Dump())
	}
}

func TestHardHyphenBreak(t *testing.T) {
	st := style(t)
	// Without patterns the only place inside the word is after its hyphen.
	p, err := Break("Im Land Nordrhein-Westfalen", st.Font.Width("Im Land Nordrhein-", size)+1, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := lineText(p.Lines[0]); got != "Im Land Nordrhein-" || !p.Lines[0].Hyphenated {
		t.Errorf("first line %q, hyphenated %v", got, p.Lines[0].Hyphenated)
	}
}

func TestWordTooWide(t *testing.T) {
	st := style(t)
	_, err := Break("Die Donaudampfschifffahrtsgesellschaft", 20, st, Options{})
	var e *WordTooWideError
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want a *WordTooWideError", err)
	}
	if e.Word != "Donaudampfschifffahrtsgesellschaft" || e.Column != 20 || e.Width <= 20 {
		t.Errorf("got %+v", e)
	}
	if !strings.Contains(err.Error(), "Donaudampfschifffahrtsgesellschaft") || !strings.Contains(err.Error(), "20.00 mm") {
		t.Errorf("message %q names neither the word nor the column", err)
	}
	// Hyphenated, the same word fits.
	if _, err := Break("Die Donaudampfschifffahrtsgesellschaft", 20, st, Options{Hyphenator: hyphen.Default()}); err != nil {
		t.Errorf("hyphenated: %v", err)
	}
}

func TestOverfullReported(t *testing.T) {
	st := style(t)
	text := strings.Repeat("ab\u00a0", 30) + "ab"
	p, err := Break(text, 20, st, Options{Justify: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Lines) != 1 || p.Overfull() <= 0 || p.Pass != 3 {
		t.Errorf("want one overfull line from the last pass:\n%s", p.Dump())
	}
}

func TestMissingGlyphs(t *testing.T) {
	st := style(t)
	_, err := Break("Stadt 中 \x07", column, st, Options{})
	var e *MissingGlyphsError
	if !errors.As(err, &e) || len(e.Runes) != 2 || !strings.Contains(err.Error(), "U+4E2D") {
		t.Errorf("err = %v, want a *MissingGlyphsError naming U+4E2D and U+0007", err)
	}
}

func TestBadArguments(t *testing.T) {
	st := style(t)
	for _, c := range []struct {
		width float64
		st    Style
	}{
		{0, st}, {-5, st}, {math.NaN(), st}, {math.Inf(1), st},
		{column, Style{Size: size}},
		{column, Style{Font: st.Font}},
		{column, Style{Font: st.Font, Size: size, Leading: math.NaN()}},
	} {
		if _, err := Break("Stadt", c.width, c.st, Options{}); err == nil {
			t.Errorf("width %v, style %+v: no error", c.width, c.st)
		}
	}
}

// TestPenaltiesWork checks that the short-word and last-line rules change the
// leaflet's breaking the way they should.
func TestPenaltiesWork(t *testing.T) {
	st := style(t)
	count := func(opt Options) (shortEnds, oneWordLast int) {
		opt.Hyphenator, opt.Justify = hyphen.Default(), true
		for width := 50.0; width <= 130; width += 2 {
			for _, text := range leafletParagraphs(t) {
				p, err := Break(text, width, st, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range p.Lines[:len(p.Lines)-1] {
					if shortness(l.Words[len(l.Words)-1].Text) == 1 {
						shortEnds++
					}
				}
				if len(p.Lines) > 1 && len(p.Lines[len(p.Lines)-1].Words) == 1 {
					oneWordLast++
				}
			}
		}
		return
	}
	s, o := count(Options{})
	s0, _ := count(Options{ShortWordPenalty: -1})
	_, o0 := count(Options{LastWordDemerits: -1})
	t.Logf("lines ending in a short word: %d (%d without the penalty); one-word last lines: %d (%d)", s, s0, o, o0)
	if s >= s0 {
		t.Errorf("short-word penalty: %d lines end in a short word, %d without it", s, s0)
	}
	if o >= o0 {
		t.Errorf("last-word demerits: %d one-word last lines, %d without them", o, o0)
	}
}

// TestLastLineShrinksRatherThanOverflows is the case that once came out 1.24 mm too wide: at
// 90.5 mm the best breaking leaves a last line longer than the column at natural spacing.
func TestLastLineShrinksRatherThanOverflows(t *testing.T) {
	text := "Das Städtenetz Soziale Stadt NRW macht das Thema „Integrierte Stadtteilentwicklung / Soziale Stadt“ öffentlich – nicht zuletzt, um eine aktive Unterstützung aus der Politik zu erhalten."
	p, err := Break(text, 90.5, style(t), Options{Hyphenator: hyphen.Default(), Justify: true})
	if err != nil {
		t.Fatal(err)
	}
	if over := p.Overfull(); over > 0 {
		t.Errorf("overfull by %.2f mm:\n%s", over, p.Dump())
	}
}

// TestFirstWidths checks a paragraph that begins in a narrower column and continues in a
// wider one: each justified line fills its own column exactly (up to what hangs into the
// margin), the first lines the narrow one.
func TestFirstWidths(t *testing.T) {
	st := style(t)
	for _, text := range leafletParagraphs(t) {
		first := []float64{60, 60, 60}
		p, err := Break(text, column, st, Options{Hyphenator: hyphen.Default(), Justify: true, FirstWidths: first})
		if err != nil {
			t.Fatal(err)
		}
		for k, l := range p.Lines {
			w := column
			if k < len(first) {
				w = first[k]
			}
			switch {
			case l.Overfull > 0:
				t.Errorf("%.20s: line %d overfull", text, k+1)
			case !l.Last && !l.Forced && math.Abs(l.Width-l.HangRight-w) > 1e-6:
				t.Errorf("%.20s: line %d is %.3f mm wide (hanging %.3f), want %v", text, k+1, l.Width, l.HangRight, w)
			case l.Width > w+l.HangRight+1e-6:
				t.Errorf("%.20s: last line %d is %.3f mm wide in %v", text, k+1, l.Width, w)
			}
		}
	}
	if _, err := Break("Stadt", column, st, Options{FirstWidths: []float64{math.NaN()}}); err == nil {
		t.Error("a line width of NaN is accepted")
	}
}
