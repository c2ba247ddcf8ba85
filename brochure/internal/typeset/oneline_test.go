package typeset

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// TestOneLineSkipsHyphenation checks that a text fitting its column on one line comes out
// as it would with its hyphenation points looked up: the leaflet's sentences and
// roster-like cells (names with hyphens, soft hyphens, no-break spaces, tabs, runs of
// spaces), at widths from a little under their natural width to well over it, justified and
// ragged, with protrusion's hanging punctuation.
func TestOneLineSkipsHyphenation(t *testing.T) {
	st := style(t)
	texts := []string{
		"Nordrhein-Westfalen",
		"Gelsenkirchen-Buer, Bismarck/Schalke-Nord",
		"Wohn\u00adumfeld\u00adverbesserung und Stadt\u00aderneuerung",
		"Dr.\u00a0Anna Beispiel-Müller   (Geschäftsführung)",
		"„Soziale Stadt“ –\tStadtteilentwicklung, 2015.",
		"Stand:\u202fJuni 2015",
	}
	for _, p := range leafletParagraphs(t) {
		for s := range strings.SplitSeq(p, ". ") {
			texts = append(texts, s+".")
		}
	}
	checked := 0
	for _, text := range texts {
		natural := st.Font.Width(strings.Trim(text, " \t"), st.Size)
		for _, w := range []float64{natural * 0.97, natural + 1e-7, natural + 2e-6, natural + 0.5, natural * 1.5} {
			for _, justify := range []bool{true, false} {
				opt := Options{Hyphenator: hyphen.Default(), Justify: justify}
				got, gotErr := breakText(text, w, st, opt)
				want, wantErr := breakItems(text, w, w, st, opt)
				if (gotErr == nil) != (wantErr == nil) || !sameParagraph(got, want) {
					t.Fatalf("%q at %.6f mm (natural %.6f), justified %v:\n got %#v %v\nwant %#v %v", text, w, natural, justify, got.Lines, gotErr, want.Lines, wantErr)
				}
				if fitsOneLine(text, w, st) {
					checked++
					if len(got.Lines) != 1 {
						t.Errorf("%q at %.3f mm: %d lines, want 1", text, w, len(got.Lines))
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d cases took the one-line path", checked)
	}
}

// sameParagraph reports whether a and b have the same lines, words and settings, positions
// and widths within 1e-9 mm (a word measured whole and the sum of its syllables' widths may
// differ in the last bit).
func sameParagraph(a, b *Paragraph) bool {
	if a == nil || b == nil || len(a.Lines) != len(b.Lines) {
		return a == b
	}
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	for i := range a.Lines {
		la, lb := a.Lines[i], b.Lines[i]
		if len(la.Words) != len(lb.Words) {
			return false
		}
		for j, w := range la.Words {
			v := lb.Words[j]
			if w.Text != v.Text || !near(w.X, v.X) || !near(w.Width, v.Width) {
				return false
			}
		}
		fa := []*float64{&la.Width, &la.HangLeft, &la.HangRight, &la.Natural, &la.Space, &la.Ratio, &la.Scale, &la.Track, &la.Overfull}
		fb := []*float64{&lb.Width, &lb.HangLeft, &lb.HangRight, &lb.Natural, &lb.Space, &lb.Ratio, &lb.Scale, &lb.Track, &lb.Overfull}
		for k := range fa {
			if !near(*fa[k], *fb[k]) {
				return false
			}
			*fa[k], *fb[k] = 0, 0
		}
		la.Words, lb.Words = nil, nil
		if !reflect.DeepEqual(la, lb) {
			return false
		}
	}
	a2, b2 := *a, *b
	a2.Lines, b2.Lines = nil, nil
	return reflect.DeepEqual(a2, b2)
}
