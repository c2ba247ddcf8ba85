package typeset

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// TestOneLineSkipsHyphenation checks that a text fitting its column on one line comes out
// as it would with its hyphenation points looked up, and on one line: the leaflet's
// sentences and roster-like cells (names with hyphens, soft hyphens, no-break spaces, tabs,
// runs of spaces), at widths from a little under their natural width (where the full path
// hyphenates) to well over it, justified and ragged, with per-line widths, words kept whole,
// balanced and with line feeds.
func TestOneLineSkipsHyphenation(t *testing.T) {
	st := style(t)
	texts := []string{
		"Nordrhein-Westfalen",
		"Gelsenkirchen-Buer, Bismarck/Schalke-Nord",
		"Wohn\u00adumfeld\u00adverbesserung und Stadt\u00aderneuerung",
		"Dr.\u00a0Anna Beispiel-Müller   (Geschäftsführung)",
		" „Soziale Stadt“ –\tStadtteilentwicklung, 2015. ",
		"Stand:\u202fJuni 2015",
		"Stadtteilentwicklung\nKaternberg",
	}
	for _, p := range leafletParagraphs(t) {
		for s := range strings.SplitSeq(p, ". ") {
			texts = append(texts, s+".")
		}
	}
	taken, hyphenated := 0, 0
	for _, text := range texts {
		natural := st.Font.Width(strings.Trim(text, " \t"), st.Size)
		for _, w := range []float64{natural * 0.97, natural * 0.995, natural + 1e-7, natural + 2e-6, natural + 0.5, natural * 1.5} {
			for _, opt := range []Options{
				{Hyphenator: hyphen.Default(), Justify: true},
				{Hyphenator: hyphen.Default()},
				{Hyphenator: hyphen.Default(), Justify: true, FirstWidths: []float64{w + 3}},
				{Hyphenator: hyphen.Default(), KeepWords: true},
				{Hyphenator: hyphen.Default(), Balance: true},
			} {
				name := fmt.Sprintf("%q at %.6f mm (natural %.6f), %+v", text, w, natural, opt)
				got, gotErr := Break(text, w, st, opt)
				opt.Balance = false
				want, wantErr := breakItems(text, w, min(w, slices.Min(append(opt.FirstWidths, w))), st, opt)
				if (gotErr == nil) != (wantErr == nil) {
					t.Fatalf("%s: error %v, want %v", name, gotErr, wantErr)
				}
				if gotErr != nil {
					continue
				}
				if len(want.Lines) > 1 && want.Lines[0].Hyphenated {
					hyphenated++
				}
				if !fitsOneLine(text, slices.Min(append(opt.FirstWidths, w)), st) {
					continue
				}
				taken++
				if len(want.Lines) != 1 || !sameParagraph(got, want) {
					t.Fatalf("%s:\n got %s\nwant %s", name, got.Dump(), want.Dump())
				}
			}
		}
	}
	if taken < 100 || hyphenated < 20 {
		t.Errorf("%d cases took the one-line path and %d hyphenated just under it; want more", taken, hyphenated)
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

// TestNoRoomForTheHyphen checks that a word which fits its column is set although a
// hyphenation point of it leaves no room for the hyphen (here an exception's short first
// part): that point is not used, where the word was refused as too wide before.
func TestNoRoomForTheHyphen(t *testing.T) {
	st := style(t)
	h, err := hyphen.Default().WithExceptions(map[string]string{"Abi": "Ab-i"})
	if err != nil {
		t.Fatal(err)
	}
	word := st.Font.Width("Abi", st.Size)
	if st.Font.Width("Ab-", st.Size) <= word {
		t.Fatal("the test needs a first part that is, with its hyphen, wider than the word")
	}
	for _, justify := range []bool{true, false} {
		p, err := Break("Abi Abi Abi", word+0.01, st, Options{Hyphenator: h, Justify: justify})
		if err != nil {
			t.Fatalf("justified %v: %v", justify, err)
		}
		if len(p.Lines) != 3 || p.Overfull() != 0 {
			t.Errorf("justified %v: %s", justify, p.Dump())
		}
	}
	var wide *WordTooWideError
	if _, err := Break("Abi Abi", word-0.01, st, Options{Hyphenator: h}); !errors.As(err, &wide) {
		t.Errorf("a column narrower than the word: %v, want a WordTooWideError", err)
	}
}
