package typeset

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Break breaks text into lines of at most width millimetres with the
// Knuth–Plass total-fit algorithm: of all ways to break the paragraph it takes
// the one with the fewest demerits, so that word spaces stay even from line to
// line.
//
// Runs of spaces and tabs count as one space; U+00A0 is a space where the line
// never breaks and U+202F a narrow one; a line feed ends a line (that line is
// not justified, blank lines are dropped); soft hyphens U+00AD mark the only
// places where their word may be hyphenated. The last line is set at natural
// spacing.
//
// Justified text follows the rules of careful German typesetting: word
// spaces never shrink below 0.8 of their width; glyphs take a share of the
// adjustment within ±Options.Expansion; hyphens and punctuation at the ends
// of a line hang partly into the margins; no more than two lines in a row end
// in a hyphen; the last line of a paragraph of several lines is at least
// Options.MinLastLine long and never the end of a hyphenated word alone.
// Breaking after a short word and a last line of a single word are avoided
// where a good alternative exists.
//
// When no breaking keeps those rules, Break takes the best breaking it finds
// that breaks them, reporting lines that stick out of the column in
// Line.Overfull. It returns a *WordTooWideError for a word that does not fit
// the column even hyphenated and a *MissingGlyphsError for characters the font
// cannot set. Text without words gives a paragraph without lines.
func Break(text string, width float64, st Style, opt Options) (*Paragraph, error) {
	switch {
	case st.Font == nil:
		return nil, errors.New("typeset: style has no font")
	case !(st.Size > 0) || math.IsInf(st.Size, 0):
		return nil, fmt.Errorf("typeset: font size %v pt is not a positive number", st.Size)
	case !(width > 0) || math.IsInf(width, 0):
		return nil, fmt.Errorf("typeset: column width %v mm is not a positive number", width)
	case math.IsNaN(st.Leading) || math.IsInf(st.Leading, 0) || st.Leading < 0:
		return nil, fmt.Errorf("typeset: leading %v mm is not a number of millimetres", st.Leading)
	}
	for _, w := range opt.FirstWidths {
		if !(w > 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("typeset: line width %v mm is not a positive number", w)
		}
	}
	if m := st.Font.Missing(text); len(m) > 0 {
		return nil, &MissingGlyphsError{Runes: m}
	}
	if opt.Balance && !opt.Justify {
		return balance(text, width, st, opt)
	}
	return breakText(text, width, st, opt)
}

// breakText is Break without balancing.
func breakText(text string, width float64, st Style, opt Options) (*Paragraph, error) {
	narrowest := width // a word must fit every line
	for _, w := range opt.FirstWidths {
		narrowest = min(narrowest, w)
	}
	if fitsOneLine(text, narrowest, st) {
		opt.Hyphenator = nil // no breaking beats none: the words need no hyphenation points
	}
	return breakItems(text, width, narrowest, st, opt)
}

// breakItems is breakText once it knows the narrowest line.
func breakItems(text string, width, narrowest float64, st Style, opt Options) (*Paragraph, error) {
	p := opt.params(st, width)
	b := &builder{font: st.Font, size: st.Size, column: narrowest, hyph: opt.Hyphenator, keep: opt.KeepWords, justify: opt.Justify, p: p}
	items, err := b.build(text)
	if err != nil {
		return nil, err
	}
	par := &Paragraph{Column: width, Leading: st.Leading}
	if len(items) == 0 {
		return par, nil
	}
	br := newBreaker(items, width, opt.Justify, p, b.spaceGlue(false))
	br.widths = opt.FirstWidths
	// The tight pass considers lines up to the tolerance only. Its result is
	// the best breaking there is when it costs less than a single line
	// beyond the tolerance would; otherwise the loose pass, which considers
	// lines of any looseness, runs too and the fewer demerits win.
	best := br.run(p.tolerance, false)
	par.Pass = 1
	if best == nil || best.demerits > lineDemerits(p.tolerance) {
		// A line that alone costs more than the tight pass's whole breaking
		// cannot be part of a better one: the loose pass need not consider it.
		tol := math.Inf(1)
		if best != nil {
			tol = ratioFor(best.demerits)
		}
		if loose := br.run(tol, false); loose != nil && (best == nil || loose.demerits < best.demerits) {
			best, par.Pass = loose, 2
		}
	}
	if best == nil {
		// No breaking keeps the rules: the last pass breaks them at a price.
		best, par.Pass = br.run(math.Inf(1), true), 3
		if best == nil {
			return nil, errors.New("typeset: internal error: the final pass found no breaking")
		}
	}
	par.Lines = br.lines(best)
	return par, nil
}

// fitsOneLine reports whether text, having no line feed, fits width on one line at natural
// spacing, with a margin for rounding. Such a paragraph is set on one line whatever its
// hyphenation points: one line costs the line penalty alone, and any breaking costs that
// for each of its lines.
func fitsOneLine(text string, width float64, st Style) bool {
	// Font.Width counts every space and tab of a run, so it measures no less than the line.
	return !strings.ContainsRune(text, '\n') && st.Font.Width(strings.Trim(text, " \t"), st.Size) <= width-1e-6
}

// balance breaks ragged text into as few lines as the full width needs, each
// as long as the others as far as the words allow: it searches the narrowest
// column that takes no more lines and no later pass, and breaks for that.
func balance(text string, width float64, st Style, opt Options) (*Paragraph, error) {
	opt.Balance, opt.FirstWidths = false, nil
	full, err := breakText(text, width, st, opt)
	if err != nil || len(full.Lines) < 2 {
		return full, err
	}
	hyphenated := func(p *Paragraph) int {
		n := 0
		for _, l := range p.Lines {
			if l.Hyphenated {
				n++
			}
		}
		return n
	}
	fits := func(p *Paragraph) bool {
		return len(p.Lines) <= len(full.Lines) && p.Pass <= full.Pass && p.Overfull() == 0 &&
			hyphenated(p) <= hyphenated(full)
	}
	best := full
	lo, hi := 0.0, width // lo does not fit (or is untried), hi does
	for _, l := range full.Lines {
		for _, w := range l.Words {
			lo = max(lo, w.Width) // no narrower than the widest word
		}
	}
	lo = min(lo, width) - 0.01
	for hi-lo > 0.25 {
		mid := (lo + hi) / 2
		p, err := breakText(text, mid, st, opt)
		if err == nil && fits(p) {
			best, hi = p, mid
		} else {
			lo = mid
		}
	}
	best.Column = width
	return best, nil
}
