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
	// Justify stretches or shrinks the word spaces so that every line but the
	// last and those ended by a line feed fills the column.
	Justify bool
	// Tolerance is the largest adjustment ratio the first pass accepts
	// (default 1.5: spaces at most 1.75 times their natural width). When no
	// breaking fits, or the best one leaves a single word on the last line, a
	// second pass accepts 2 (twice the natural width) and a last pass
	// anything.
	Tolerance float64
	// HyphenPenalty is the cost of a break at a hyphen (default 50).
	HyphenPenalty float64
	// DoubleHyphenDemerits are added when two lines in a row end with a
	// hyphen (default 30000); FinalHyphenDemerits when the last but one line
	// does (default 300000: a hyphenated fragment alone on the last line is
	// the worst a paragraph's end can look).
	DoubleHyphenDemerits, FinalHyphenDemerits float64
	// ShortWordPenalty is the cost of ending a line after a word of one or
	// two letters such as "im" or a one-letter abbreviation such as "z."
	// (default 100); after a word of three letters such as "die" it costs half.
	ShortWordPenalty float64
	// LastWordDemerits are added when the last line holds a single word
	// (default 1000000).
	LastWordDemerits float64
	// RaggedStretch is how far, in millimetres, a ragged-right line may fall
	// short of the column at adjustment ratio 1 (default three ems).
	RaggedStretch float64
}

// Knuth–Plass constants that are not options.
const (
	linePenalty     = 10
	adjDemerits     = 10000 // neighbouring lines of very different tightness
	maxBadness      = 10000
	secondPassTol   = 2
	stretchPerSpace = 1.0 / 2
	shrinkPerSpace  = 0.4
)

// params are Options with the defaults filled in.
type params struct {
	tolerance                       float64
	hyphen, doubleHyphen, finalHyph float64
	shortWord, lastWord             float64
	ragged                          float64
}

func (o Options) params(st Style) params {
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
		tolerance:    def(o.Tolerance, 1.5),
		hyphen:       def(o.HyphenPenalty, 50),
		doubleHyphen: def(o.DoubleHyphenDemerits, 30000),
		finalHyph:    def(o.FinalHyphenDemerits, 300000),
		shortWord:    def(o.ShortWordPenalty, 100),
		lastWord:     def(o.LastWordDemerits, 1000000),
		ragged:       def(o.RaggedStretch, 3*st.Size*units.MMPerPt),
	}
}
