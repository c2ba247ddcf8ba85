package typeset

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Characters with a meaning of their own in text.
const (
	softHyphen  = '\u00AD' // hyphenation point, invisible unless a line breaks there
	nbsp        = '\u00A0' // no-break space
	narrowNBSP  = '\u202F' // narrow no-break space
	thinSpace   = '\u2009'
	cachedRunes = 0x2500 // advances of runes below this are computed once
)

// Font holds the metrics of one TrueType font that measuring and breaking
// need. It is read-only after ParseFont and safe for concurrent use.
type Font struct {
	sf  *sfnt.Font
	upm float64
	// adv holds the advance in font units of each rune below cachedRunes, or
	// -1 where the font has no glyph.
	adv                                 []int32
	notdef                              float64
	space, narrow, hyphen               float64
	ascent, descent, capHeight, xHeight float64
}

// ParseFont reads a TrueType (or OpenType) font.
func ParseFont(ttf []byte) (*Font, error) {
	sf, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	f := &Font{sf: sf, upm: float64(sf.UnitsPerEm())}
	if f.upm <= 0 {
		return nil, fmt.Errorf("parse font: units per em is %v", f.upm)
	}
	var buf sfnt.Buffer
	ppem := fixed.I(int(sf.UnitsPerEm()))
	m, err := sf.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("parse font: metrics: %w", err)
	}
	f.ascent, f.descent = fx(m.Ascent), fx(m.Descent)
	f.capHeight, f.xHeight = fx(m.CapHeight), fx(m.XHeight)

	f.adv = make([]int32, cachedRunes)
	for r := range rune(cachedRunes) {
		a, ok, err := f.lookup(&buf, r)
		if err != nil {
			return nil, fmt.Errorf("parse font: rune %U: %w", r, err)
		}
		f.adv[r] = -1
		if ok {
			f.adv[r] = int32(a)
		}
	}
	a, err := sf.GlyphAdvance(&buf, 0, ppem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("parse font: .notdef: %w", err)
	}
	f.notdef = fx(a)
	if !f.Has(' ') || !f.Has('-') {
		return nil, fmt.Errorf("parse font: the font lacks the space or the hyphen")
	}
	f.space, f.hyphen = f.units(' '), f.units('-')
	switch {
	case f.Has(narrowNBSP):
		f.narrow = f.units(narrowNBSP)
	case f.Has(thinSpace):
		f.narrow = f.units(thinSpace)
	default:
		f.narrow = f.upm / 5
	}
	return f, nil
}

// lookup returns the advance of r in font units and whether the font has r.
func (f *Font) lookup(buf *sfnt.Buffer, r rune) (float64, bool, error) {
	g, err := f.sf.GlyphIndex(buf, r)
	if err != nil || g == 0 {
		return 0, false, err
	}
	a, err := f.sf.GlyphAdvance(buf, g, fixed.I(int(f.sf.UnitsPerEm())), font.HintingNone)
	if err != nil {
		return 0, false, err
	}
	return fx(a), true, nil
}

// fx converts a 26.6 fixed-point number to a float.
func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

// glyph returns the advance of r in font units and whether the font has r.
func (f *Font) glyph(r rune) (float64, bool) {
	if r >= 0 && r < cachedRunes {
		a := f.adv[r]
		return float64(a), a >= 0
	}
	if r > unicode.MaxRune || r < 0 {
		return 0, false
	}
	a, ok, err := f.lookup(nil, r)
	return a, ok && err == nil
}

// units returns the advance of r in font units as text is set: soft hyphens
// and line feeds take no room, no-break spaces are as wide as spaces (narrow
// ones as a thin space) and runes the font lacks as wide as its .notdef box.
func (f *Font) units(r rune) float64 {
	switch r {
	case softHyphen, '\n':
		return 0
	case nbsp, '\t':
		return f.space
	case narrowNBSP:
		return f.narrow
	}
	a, ok := f.glyph(r)
	if !ok {
		return f.notdef
	}
	return a
}

// mm converts font units at size points to millimetres.
func (f *Font) mm(u, size float64) float64 { return u / f.upm * size * units.MMPerPt }

// Width returns the width of s in millimetres at size points: the sum of the
// advance widths, without kerning. Soft hyphens have no width.
func (f *Font) Width(s string, size float64) float64 {
	u := 0.0
	for _, r := range s {
		u += f.units(r)
	}
	return f.mm(u, size)
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	_, ok := f.glyph(r)
	return ok
}

// Missing returns the runes of s that cannot be set with the font, each once,
// in order of first appearance: runes without a glyph, control characters,
// runes outside the Basic Multilingual Plane and bytes that are not UTF-8
// (reported as U+FFFD). Spaces, tabs, line feeds, soft hyphens and the
// no-break spaces U+00A0 and U+202F are never missing.
func (f *Font) Missing(s string) []rune {
	var out []rune
	for i, r := range s {
		switch r {
		case ' ', '\t', '\n', softHyphen, nbsp, narrowNBSP:
			continue
		}
		bad := unicode.IsControl(r) || r > 0xFFFF || !f.Has(r)
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				bad = true
			}
		}
		if bad && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// SpaceWidth returns the width of a word space in millimetres at size points.
func (f *Font) SpaceWidth(size float64) float64 { return f.mm(f.space, size) }

// HyphenWidth returns the width of the hyphen '-' in millimetres at size points.
func (f *Font) HyphenWidth(size float64) float64 { return f.mm(f.hyphen, size) }

// Ascent returns how far the font rises above the baseline, in millimetres at
// size points (the hhea ascender).
func (f *Font) Ascent(size float64) float64 { return f.mm(f.ascent, size) }

// Descent returns how far the font reaches below the baseline, as a positive
// number of millimetres at size points (the hhea descender).
func (f *Font) Descent(size float64) float64 { return f.mm(f.descent, size) }

// CapHeight returns the height of capital letters above the baseline in
// millimetres at size points.
func (f *Font) CapHeight(size float64) float64 { return f.mm(f.capHeight, size) }

// XHeight returns the height of lower-case letters such as x above the
// baseline in millimetres at size points.
func (f *Font) XHeight(size float64) float64 { return f.mm(f.xHeight, size) }
