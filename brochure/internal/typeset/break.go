package typeset

import (
	"errors"
	"fmt"
	"math"
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
// spacing. Breaking after a short word and a last line of a single word are
// avoided where a good alternative exists.
//
// When no breaking keeps the spaces within the tolerance, Break tries again
// with a larger one and finally takes the best breaking it finds, reporting
// lines that stick out of the column in Line.Overfull. It returns a
// *WordTooWideError for a word that does not fit the column even hyphenated
// and a *MissingGlyphsError for characters the font cannot set. Text without
// words gives a paragraph without lines.
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
	if m := st.Font.Missing(text); len(m) > 0 {
		return nil, &MissingGlyphsError{Runes: m}
	}
	p := opt.params(st)
	b := &builder{font: st.Font, size: st.Size, column: width, hyph: opt.Hyphenator, p: p}
	items, err := b.build(text)
	if err != nil {
		return nil, err
	}
	par := &Paragraph{Column: width, Leading: st.Leading}
	if len(items) == 0 {
		return par, nil
	}
	br := newBreaker(items, width, opt.Justify, p, b.spaceGlue(false))
	tols := []float64{p.tolerance}
	if p.tolerance < secondPassTol {
		tols = append(tols, secondPassTol)
	}
	var best *node
	for i, tol := range tols {
		end := br.run(tol, false)
		if end == nil {
			continue
		}
		if best == nil || end.demerits < best.demerits {
			best, par.Pass = end, i+1
		}
		if !br.lastLineAlone(end) {
			break // good enough: a looser pass would only add demerits
		}
	}
	if best != nil {
		par.Lines = br.lines(best)
		return par, nil
	}
	par.Pass = len(tols) + 1
	end := br.run(math.Inf(1), true)
	if end == nil {
		return nil, errors.New("typeset: internal error: the final pass found no breaking")
	}
	par.Lines = br.lines(end)
	return par, nil
}
