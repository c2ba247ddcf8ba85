package typeset

import "unicode/utf8"

// Margin kerning (optical margin alignment): in justified text, punctuation
// and hyphens at a line's end hang partly into the right margin, because their
// little ink would otherwise leave a visible dent in the straight edge. The
// shares of each character's advance that hang are those of pdfTeX's
// microtype package (its default set). Nothing hangs at the left edge, where
// the text lines up with headings and ragged text that do not hang; the
// table is there for layouts that want it.
var (
	protrudeRight = map[rune]float64{
		'.': 0.7, ',': 0.5, ':': 0.5, ';': 0.5, '!': 0.1, '?': 0.1,
		'-': 0.5, '\u2010': 0.5, '\u2013': 0.2, '\u2014': 0.15,
		')': 0.2, ']': 0.2, '/': 0.2,
		'\u201C': 0.3, '\u201D': 0.3, '\u2018': 0.4, '\u2019': 0.4, '"': 0.3, '\'': 0.4,
		'\u00AB': 0.3, '\u00BB': 0.3, '\u2039': 0.3, '\u203A': 0.3,
	}
	protrudeLeft = map[rune]float64{}
)

// hangLeft returns how far, in mm, the first character of text may hang into
// the left margin at the start of a justified line.
func (b *builder) hangLeft(text string) float64 {
	r, _ := utf8.DecodeRuneInString(text)
	return b.hang(r, protrudeLeft)
}

// hangRight returns how far, in mm, the last character of text may hang into
// the right margin at the end of a justified line.
func (b *builder) hangRight(text string) float64 {
	r, _ := utf8.DecodeLastRuneInString(text)
	return b.hang(r, protrudeRight)
}

func (b *builder) hang(r rune, table map[rune]float64) float64 {
	share, ok := table[r]
	if !ok || !b.justify || r == utf8.RuneError {
		return 0
	}
	return share * b.font.Width(string(r), b.size)
}

// MaxHang returns how far, in mm, any character may hang into the left and
// the right margin in justified text of style st. A layout that must keep
// text inside an area (a safety zone) sets justified text in a column that
// much narrower and moved right by left: then the straight edges stand
// inside the area and only the hanging characters reach its edges.
func MaxHang(st Style) (left, right float64) {
	b := &builder{font: st.Font, size: st.Size, justify: true}
	for r := range protrudeLeft {
		if st.Font.Has(r) {
			left = max(left, b.hang(r, protrudeLeft))
		}
	}
	for r := range protrudeRight {
		if st.Font.Has(r) {
			right = max(right, b.hang(r, protrudeRight))
		}
	}
	return left, right
}
