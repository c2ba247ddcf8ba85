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
	officeSize    = 9.0
	officeLeading = bodyLeading
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
	// officeStyle sets the office's address, ragged, on the body's grid.
	officeStyle = style{font: "regular", size: officeSize, leading: officeLeading, colour: Text}
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
	var first []float64
	if lw, ok := b.widths[path]; ok {
		first, width = lw.first, lw.rest
	}
	para, err := b.breakText(text, st, width, first)
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
		ln := &Line{Font: st.font, Size: st.size, Scale: l.Scale, Track: l.Track, Colour: st.colour, Baseline: y, Space: l.Space,
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

// breakText breaks text into lines of at most width mm in style st, the first ones of at most
// first mm each where first is given. Justified text stands a little inside the width, so
// that punctuation and hyphens that hang out of its straight right edge (margin kerning)
// stay within it.
func (b *builder) breakText(text string, st style, width float64, first []float64) (*typeset.Paragraph, error) {
	tst := typeset.Style{Font: b.fonts[st.font], Size: st.size, Leading: units.PtToMM(st.leading)}
	if st.justify {
		_, right := typeset.MaxHang(tst)
		width -= right
		first = append([]float64(nil), first...)
		for k := range first {
			first[k] -= right
		}
	}
	return typeset.Break(text, width, tst,
		typeset.Options{Hyphenator: b.hyph, Justify: st.justify, KeepWords: !st.justify, Balance: st.balance, FirstWidths: first})
}

// expand fills in the placeholders of a text of the data; a failure is an error at path. The
// texts of a literal block (see brochure.Block.Literal) stand as they are.
func (b *builder) expand(text, path, panel, block string) string {
	if i, ok := b.blocks[block]; ok && b.n.Leaflet.Blocks[i].Literal {
		if len(text) > brochure.MaxExpandedText { // Load refuses it; a network made in code may not
			msg, hint := brochure.TextTooLong(len(text), true)
			b.errorf(path, panel, block, msg, hint)
			return ""
		}
		return text
	}
	s, err := b.n.Expand(text)
	if err != nil {
		b.errorf(path, panel, block, i18n.T("layout.expand", err))
		return ""
	}
	return s
}

// capHeight is the height of the capitals of the regular font at size pt, in mm.
func (b *builder) capHeight(size float64) float64 { return b.fonts["regular"].CapHeight(size) }

// ascender is how far lowercase letters with ascenders (b, d, l) reach above the baseline
// at size pt, in mm: in Open Sans 7 % above the capitals.
func (b *builder) ascender(size float64) float64 { return 1.07 * b.capHeight(size) }

// descent is the depth of the descenders of the regular font at size pt, in mm.
func (b *builder) descent(size float64) float64 { return b.fonts["regular"].Descent(size) }

// textEntries sets text block i at width w as column entries: its heading's lines and its
// paragraphs' lines. A column may not end after a heading, nor leave fewer than two lines of
// a paragraph on either side of its end. panel names where the data puts the block.
func (b *builder) textEntries(i int, w float64, panel string) []entry {
	blk := &b.n.Leaflet.Blocks[i]
	var es []entry
	if blk.Heading != "" {
		path := brochure.Path("leaflet", "blocks", i, "heading")
		text := b.expand(blk.Heading, path, panel, blk.ID)
		es = b.headingEntries(i, text, path, w, panel)
		if len(blk.Paragraphs) == 0 {
			b.errorf(path, panel, blk.ID, i18n.T("layout.heading.alone"), i18n.T("layout.heading.alone.hint"))
		}
	}
	st := body
	st.justify = !blk.Ragged
	for j, para := range blk.Paragraphs {
		path := brochure.Path("leaflet", "blocks", i, "paragraphs", j)
		text := b.expand(para, path, panel, blk.ID)
		lines, _ := b.set(text, st, w, 0, path, panel, blk.ID)
		first := entry{space: paraSpace, between: nextParagraph}
		switch {
		case len(es) == 0:
			// A text without heading continues the one before: it stands a line apart,
			// and the space between blocks does not grow before it.
			first = entry{space: paraSpace + 2*gridStep, between: nextParagraph}
		case j == 0:
			first = entry{space: headGap, between: nextParagraph, keep: true}
		}
		es = append(es, b.lineEntries(i, lines, first, units.PtToMM(body.leading), true)...)
	}
	return es
}

// headingEntries sets a heading as column entries, the first of them carrying the heading's
// bookmark; a column never ends inside a heading.
func (b *builder) headingEntries(i int, text, path string, w float64, panel string) []entry {
	blk := &b.n.Leaflet.Blocks[i]
	lines, _ := b.set(text, heading, w, 0, path, panel, blk.ID)
	es := b.lineEntries(i, lines, entry{space: blockSpace, between: nextBlock}, units.PtToMM(heading.leading), false)
	if len(es) > 0 {
		es[0].items = append([]Item{&Bookmark{Title: strings.ReplaceAll(text, "\n", " "), Y: -es[0].above}}, es[0].items...)
	}
	return es
}

// lineEntries turns set lines into column entries, the first one spaced and kept like first
// and the others lead apart. With orphans set a column may end inside the lines where it
// leaves two lines on either side; without, never.
func (b *builder) lineEntries(i int, lines []*Line, first entry, lead float64, orphans bool) []entry {
	var es []entry
	for k, l := range lines {
		f := b.fonts[l.Font]
		e := entry{block: i, above: f.CapHeight(l.Size), below: f.Descent(l.Size), lead: lead,
			keep: !orphans || k < 2 || len(lines)-k < 2}
		if k == 0 {
			e.lead, e.space, e.between, e.keep = 0, first.space, first.between, first.keep
		}
		l.Baseline = 0
		e.items = append([]Item{l}, b.links([]*Line{l})...)
		es = append(es, e)
	}
	return es
}

func appendLines(items []Item, lines []*Line) []Item {
	for _, l := range lines {
		items = append(items, l)
	}
	return items
}

// links makes live links of the words in lines that are web or e-mail addresses, or parts
// of a web address that wrapURLs broke.
func (b *builder) links(lines []*Line) []Item {
	var items []Item
	for _, l := range lines {
		for k, w := range l.Words {
			word := strings.TrimRight(w.Text, ".,;:)")
			url := ""
			switch {
			case b.urlParts[w.Text] != "":
				url = b.urlParts[w.Text]
			case isURL(word):
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
