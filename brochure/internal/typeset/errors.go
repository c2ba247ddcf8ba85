package typeset

import (
	"fmt"
	"strings"
)

// WordTooWideError reports a word that is wider than the column and cannot be
// hyphenated so that its parts fit.
type WordTooWideError struct {
	Word   string
	Width  float64 // of the whole word, in millimetres
	Column float64
}

func (e *WordTooWideError) Error() string {
	word := e.Word
	if r := []rune(word); len(r) > 40 {
		word = fmt.Sprintf("%s…%s (%d characters)", string(r[:20]), string(r[len(r)-10:]), len(r))
	}
	return fmt.Sprintf("word %q is %.2f mm wide and cannot be hyphenated to fit the %.2f mm column; shorten it or add soft hyphens (\\u00AD)", word, e.Width, e.Column)
}

// MissingGlyphsError reports characters that the font cannot set (see
// Font.Missing).
type MissingGlyphsError struct {
	Runes []rune
}

func (e *MissingGlyphsError) Error() string {
	parts := make([]string, len(e.Runes))
	for i, r := range e.Runes {
		parts[i] = fmt.Sprintf("%U %q", r, r)
	}
	return "typeset: the font cannot set " + strings.Join(parts, ", ")
}
