package typeset

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"math"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

// Options steer Break. The zero value breaks ragged right without
// hyphenation patterns, with the default penalties. For the numeric fields 0
// means the default and a negative value means 0.
type Options struct {
	// Hyphenator finds hyphenation points; nil breaks words only at soft
	// hyphens and after hard hyphens.
	Hyphenator *hyphen.Hyphenator
	// KeepWords breaks lines only between words: a word is broken at its
	// hyphens or hyphenation points only when it is wider than the column by
	// itself. For headings and ragged text such as legends and captions.
	KeepWords bool
	// Justify stretches or shrinks the word spaces so that every line but the
	// last and those ended by a line feed fills the column, and lets
	// punctuation and hyphens at either end of a line hang into the margin
	// (margin kerning, see Line.HangLeft).
	Justify bool
	// Balance, for ragged text, breaks into as few lines as the full column
	// needs but makes them as even in length as it can, the way a designer
	// breaks a title: the lines are broken for the narrowest column that
	// still takes no more lines. The paragraph still reports the full column.
	Balance bool
	// Tolerance is the largest adjustment ratio the first, tight pass
	// considers (default 2: spaces twice their natural width, glyphs
	// widened by Expansion). Unless its breaking costs fewer demerits than
	// one line beyond the tolerance would, a loose pass considers lines of
	// any looseness, and the fewer demerits win; the badness of a line grows
	// with the cube of its adjustment ratio without limit, so that the loose
	// pass makes the loosest line as little loose as it can. When neither
	// pass finds a breaking that keeps the rules below, a last pass breaks
	// them at a high price rather than fail.
	Tolerance float64
	// HyphenPenalty is the cost of a break at a hyphen (default 600: a
	// hyphen costs as many demerits as a line whose spaces are 1.9 times
	// their natural width, so words are broken only to spare such a line).
	// A break that splits off a syllable of fewer than four letters costs
	// more.
	HyphenPenalty float64
	// DoubleHyphenDemerits are added when two lines in a row end with a
	// hyphen (default 100000); a third in a row is never allowed.
	// FinalHyphenDemerits when the last but one line does (default 400000);
	// a hyphenated word's end alone on the last line is never allowed.
	DoubleHyphenDemerits, FinalHyphenDemerits float64
	// ShortWordPenalty is the cost of ending a line after a word of one or
	// two letters such as "im" or a one-letter abbreviation such as "z."
	// (default 60); after a word of three letters such as "die" it costs half.
	ShortWordPenalty float64
	// LastWordDemerits are added when the last line holds a single word
	// (default 1000000).
	LastWordDemerits float64
	// MinLastLine is the shortest last line, in millimetres, of a paragraph
	// of more than one line (default 15, and at most a quarter of the column).
	MinLastLine float64
	// Expansion is how much, as a share of their width, the glyphs of a
	// justified line may be widened or narrowed (font expansion, default
	// 0.02 as in pdfTeX's microtype: too little to see as distorted letters).
	// Glyphs help only where the spaces reach the end of their range, 0.8 to
	// 1.5 times their natural width: a line that would need wider spaces
	// widens its glyphs first, one that would need narrower ones narrows
	// them; most lines keep their glyphs as they are, and ragged lines
	// always do.
	Expansion float64
	// LetterSpacing is how much, in ems, the spacing of a justified line's
	// letters may grow or shrink at most (default 0.01: a tenth of a word
	// space at most, where typesetters start to see it), taken with font
	// expansion and in the same share of its range: a line whose glyphs are
	// widened by half the expansion has its letters spaced by half of this.
	LetterSpacing float64
	// FirstWidths are the widths, in millimetres, of the paragraph's first
	// lines, one each, where they differ from the column's: for a paragraph
	// that begins in one column and continues in a wider or narrower one. The
	// lines after them have the column's width. Balance ignores them.
	FirstWidths []float64
	// RaggedStretch is how far, in millimetres, a ragged-right line may fall
	// short of the column at adjustment ratio 1 (default three ems).
	RaggedStretch float64
}

// Knuth–Plass constants that are not options.
const (
	linePenalty = 10
	// adjDemerits are added, times the square of the distance less one, for
	// neighbouring lines whose fitness classes are more than one apart: a
	// squeezed line beside a loose one costs about as much as a hyphen.
	adjDemerits = 200000
	maxBadness  = 1e6
	// stretchPerSpace and shrinkPerSpace are how much a word space may grow
	// at adjustment ratio 1 and shrink at -1, as shares of its width: never
	// below 0.8 of it.
	stretchPerSpace = 1.0 / 2
	shrinkPerSpace  = 0.2
	// glyphWeight is what glyphs scaled to the limit of expansion add to the
	// adjustment ratio that a line's badness counts (see lineFit.glyphCost).
	glyphWeight = 0.1
	// maxHyphenRun is the most lines in a row that may end in a hyphen.
	maxHyphenRun = 2
	// shortPartCost raises the hyphen penalty for each letter the shorter
	// part of a hyphenated word has below four.
	shortPartCost = 0.25
	// broken is added in the last pass for each rule it has to break.
	broken = 1e8
)

// params are Options with the defaults filled in.
type params struct {
	tolerance                       float64
	hyphen, doubleHyphen, finalHyph float64
	shortWord, lastWord             float64
	minLast                         float64
	expand, track                   float64
	ragged                          float64
}

func (o Options) params(st Style, column float64) params {
	def := func(v, d float64) float64 {
		switch {
		case v == 0 || math.IsNaN(v):
			return d
		case v < 0:
			return 0
		}
		return v
	}
	return params{
		tolerance:    def(o.Tolerance, 2),
		hyphen:       def(o.HyphenPenalty, 600),
		doubleHyphen: def(o.DoubleHyphenDemerits, 100000),
		finalHyph:    def(o.FinalHyphenDemerits, 400000),
		shortWord:    def(o.ShortWordPenalty, 60),
		lastWord:     def(o.LastWordDemerits, 1000000),
		minLast:      def(o.MinLastLine, min(15, column/4)),
		expand:       def(o.Expansion, 0.02),
		track:        def(o.LetterSpacing, 0.01) * st.Size * units.MMPerPt,
		ragged:       def(o.RaggedStretch, 3*st.Size*units.MMPerPt),
	}
}
