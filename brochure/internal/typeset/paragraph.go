package typeset

// Style is the type a paragraph is set in.
type Style struct {
	Font    *Font
	Size    float64 // font size in points
	Leading float64 // baseline-to-baseline distance in millimetres
}

// Paragraph is a paragraph broken into lines: everything a painter needs to
// draw it, in millimetres from the left edge of the column.
type Paragraph struct {
	Lines   []Line
	Column  float64 // width of the column the paragraph was broken for
	Leading float64 // baseline-to-baseline distance, copied from the style
	// Pass tells which pass of Break found the breaking: 1 the tight pass
	// (no line beyond Options.Tolerance), 2 the loose pass (some line
	// beyond it), 3 the last pass, which breaks the rules where it must and
	// may leave lines overfull; 0 for a paragraph without lines.
	Pass int
}

// Line is one line of a paragraph.
type Line struct {
	// Words are the runs of text to draw, left to right. A no-break space
	// separates words like a space does; the text of a word never contains
	// a space, soft hyphen or line feed.
	Words []Word
	// Width is where the last word ends, from the column's left edge: the
	// column and HangRight for a justified line, the natural width less
	// HangLeft otherwise.
	Width float64
	// HangLeft is how far the first word starts left of the column and
	// HangRight how far the last word ends right of it: the share of a
	// punctuation mark or hyphen at the line's ends that hangs into the
	// margin so that the edge looks straight (margin kerning, in justified
	// text only).
	HangLeft, HangRight float64
	// Natural is the width with spaces at their natural width.
	Natural float64
	// Space is the gap that each word space got (no-break spaces stretch the
	// same; narrow no-break spaces keep their width).
	Space float64
	// Ratio is the adjustment ratio applied to the spaces: 0 at natural width,
	// positive when stretched, -1 at the tightest.
	Ratio float64
	// Scale is the horizontal scale of the line's glyphs, 1 ± Options.Expansion
	// at most (font expansion: a justified line's glyphs take a share of the
	// stretching or shrinking). Word widths and positions include it; the
	// painter draws the line's text at this scale.
	Scale float64
	// Track is the letter spacing of the line's words in millimetres, added
	// between every two glyphs of a word (before Scale applies, as PDF's Tc):
	// within ±Options.LetterSpacing, in the same share of its range as Scale
	// of the expansion; 0 in most lines.
	Track float64
	// Hyphenated reports that the line ends inside a word; its last word
	// then ends in a hyphen (added, or the word's own hard hyphen).
	// HyphenAdded reports that the break added that hyphen.
	Hyphenated, HyphenAdded bool
	// Last reports the last line of the paragraph; Forced a line ended by a
	// line feed in the text. Both are set at natural spacing.
	Last, Forced bool
	// Overfull is by how much the line is wider than the column and
	// HangRight (0 when it fits). Only no-break spaces can make a line
	// overfull.
	Overfull float64
}

// Word is a run of text drawn at one position.
type Word struct {
	Text  string
	X     float64 // from the left edge of the column
	Width float64
}

// Height returns the distance from the first baseline to one leading below the
// last: the number of lines times the leading.
func (p *Paragraph) Height() float64 { return float64(len(p.Lines)) * p.Leading }

// Overfull returns by how much the widest overfull line sticks out of the
// column, or 0 when every line fits.
func (p *Paragraph) Overfull() float64 {
	m := 0.0
	for _, l := range p.Lines {
		m = max(m, l.Overfull)
	}
	return m
}
