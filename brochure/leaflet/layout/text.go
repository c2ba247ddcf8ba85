package layout

import (
	"errors"

	"github.com/staedtenetz-nrw/brochure/internal/units"

	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/typeset"
)

// The type scale, in points.
const (
	bodySize      = 9.0
	bodyLeading   = 12.5
	headSize      = 13.0
	headLeading   = 15.5
	smallSize     = 6.5
	smallLeading  = 8.5
	officeSize    = 8.0
	officeLeading = 11.5
	// paraGap is the space between paragraphs in mm; headGap the space under a heading.
	paraGap = 2.2
	headGap = 2.6
)

// style is how a run of text is set. Justified text is hyphenated; everything else is set
// ragged right and keeps its words whole (only a word wider than the column is broken), and
// balanced text (titles and headings) breaks into lines of about the same length.
type style struct {
	font          string
	size, leading float64
	colour        string
	justify       bool
	balance       bool
}

var (
	body    = style{font: "regular", size: bodySize, leading: bodyLeading, colour: Text, justify: true}
	heading = style{font: "semibold", size: headSize, leading: headLeading, colour: Accent, balance: true}
	small   = style{font: "regular", size: smallSize, leading: smallLeading, colour: Muted}
	office  = style{font: "regular", size: officeSize, leading: officeLeading, colour: Text}
)

// set breaks text into lines of at most width mm in style st, with the first line's capitals
// at y = top, and returns the lines and the y under the last line's descenders. Explicit line
// breaks ("\n") end a line without stretching it. The text's characters are checked against
// the font first: a missing one is an error at path.
func (b *builder) set(text string, st style, width, top float64, path, panel, block string) ([]*Line, float64) {
	f := b.fonts[st.font]
	if miss := f.Missing(text); len(miss) > 0 {
		b.errorf(path, panel, block, i18n.T("layout.glyph", st.font, glyphs(miss)), i18n.T("layout.glyph.hint"))
		return nil, top
	}
	var lines []*Line
	lead := units.PtToMM(st.leading)
	y := top + f.CapHeight(st.size)
	para, err := b.breakText(text, st, width)
	if err != nil {
		var wide *typeset.WordTooWideError
		if errors.As(err, &wide) {
			b.errorf(path, panel, block, i18n.T("layout.word.wide", shortWord(wide.Word), mm(wide.Width), mm(wide.Column)), i18n.T("layout.word.wide.hint"))
		} else {
			b.errorf(path, panel, block, i18n.T("layout.typeset", err))
		}
		return nil, top
	}
	if over := para.Overfull(); over > 0 {
		b.errorf(path, panel, block, i18n.T("layout.overfull", mm(over), mm(width)), i18n.T("layout.word.wide.hint"))
	}
	for _, l := range para.Lines {
		ln := &Line{Font: st.font, Size: st.size, Scale: l.Scale, Colour: st.colour, Baseline: y, Space: l.Space,
			Justified: st.justify && !l.Last && !l.Forced, Hyphenated: l.Hyphenated, HyphenAdded: l.HyphenAdded,
			Block: block, Path: path}
		for _, w := range l.Words {
			ln.Words = append(ln.Words, Word{Text: w.Text, X: w.X, W: w.Width})
		}
		lines = append(lines, ln)
		y += lead
	}
	if len(lines) == 0 {
		return nil, top
	}
	return lines, y - lead + f.Descent(st.size)
}

// breakText breaks text into lines of at most width mm in style st. Justified text stands
// a little inside the width, so that punctuation and hyphens that hang out of its straight
// right edge (margin kerning) stay within it.
func (b *builder) breakText(text string, st style, width float64) (*typeset.Paragraph, error) {
	tst := typeset.Style{Font: b.fonts[st.font], Size: st.size, Leading: units.PtToMM(st.leading)}
	if st.justify {
		_, right := typeset.MaxHang(tst)
		width -= right
	}
	return typeset.Break(text, width, tst,
		typeset.Options{Hyphenator: b.hyph, Justify: st.justify, KeepWords: !st.justify, Balance: st.balance})
}

// expand fills in the placeholders of a text of the data; a failure is an error at path.
func (b *builder) expand(text, path, panel, block string) string {
	s, err := b.n.Expand(text)
	if err != nil {
		b.errorf(path, panel, block, i18n.T("layout.expand", err))
		return ""
	}
	return s
}

// capHeight is the height of the capitals of the regular font at size pt, in mm.
func (b *builder) capHeight(size float64) float64 { return b.fonts["regular"].CapHeight(size) }

// descent is the depth of the descenders of the regular font at size pt, in mm.
func (b *builder) descent(size float64) float64 { return b.fonts["regular"].Descent(size) }

// headingSpace is the height a one-line heading takes with the gap under it.
func (b *builder) headingSpace() float64 {
	_, bottom := b.set("H", heading, 100, 0, "", "", "")
	return bottom + headGap
}

// textBlock lays out a heading and paragraphs.
func (b *builder) textBlock(p *Panel, i int) ([]Item, float64) {
	blk := &b.n.Leaflet.Blocks[i]
	var items []Item
	y := 0.0
	w := p.Content.W
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		text := b.expand(blk.Heading, path, p.Name, blk.ID)
		items = append(items, &Bookmark{Title: strings.ReplaceAll(text, "\n", " "), Level: 0, Y: y})
		lines, bottom := b.set(text, heading, w, y, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		y = bottom + headGap
		if len(blk.Paragraphs) == 0 {
			b.errorf(path, p.Name, blk.ID, i18n.T("layout.heading.alone"), i18n.T("layout.heading.alone.hint"))
		}
	}
	for j, para := range blk.Paragraphs {
		path := brochure.Path("leaflet", "blocks", i, "paragraphs", j)
		text := b.expand(para, path, p.Name, blk.ID)
		lines, bottom := b.set(text, body, w, y, path, p.Name, blk.ID)
		items = appendLines(items, lines)
		items = append(items, b.links(lines)...)
		y = bottom + paraGap
	}
	return items, max(0, y-paraGap)
}

func appendLines(items []Item, lines []*Line) []Item {
	for _, l := range lines {
		items = append(items, l)
	}
	return items
}

// links makes live links of the words in lines that are web or e-mail addresses.
func (b *builder) links(lines []*Line) []Item {
	var items []Item
	for _, l := range lines {
		for k, w := range l.Words {
			word := strings.TrimRight(w.Text, ".,;:)")
			url := ""
			switch {
			case strings.HasPrefix(word, "https://") || strings.HasPrefix(word, "http://") || strings.HasPrefix(word, "www."):
				url = brochure.LinkURL(word)
			case strings.Contains(word, "@") && strings.Contains(word, "."):
				url = brochure.MailtoURL(word)
			}
			if url == "" || l.Hyphenated && w == l.Words[len(l.Words)-1] {
				continue
			}
			h := units.PtToMM(l.Size)
			items = append(items, &Link{Rect: Rect{X: w.X, Y: l.Baseline - h*0.8, W: w.W, H: h * 1.1}, URL: url, Line: l, Word: k})
		}
	}
	return items
}

// glyphs lists characters for a message: 'ש' (U+05E9), '🏙' (U+1F3D9).
func glyphs(rs []rune) string {
	qs := make([]string, len(rs))
	for i, r := range rs {
		qs[i] = fmt.Sprintf("%q (U+%04X)", r, r)
	}
	return strings.Join(qs, ", ")
}

// shortWord shortens a word of more than 40 characters for a message: its start, its end
// and its length.
func shortWord(word string) string {
	if r := []rune(word); len(r) > 40 {
		return fmt.Sprintf("%s…%s (%d)", string(r[:20]), string(r[len(r)-10:]), len(r))
	}
	return word
}
