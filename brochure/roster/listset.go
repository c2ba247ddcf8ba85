package roster

import (
	"errors"
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/typeset"
)

// piece is a run of text of the member list in one style: a paragraph, or one line's worth
// of a table cell such as a contact's e-mail address. path is where the text stands in the
// data, for diagnostics.
type piece struct {
	text  string
	style listStyle
	path  string
	link  string // a URL the text links to
	// code marks an e-mail address, a web address or a phone number: it is never
	// hyphenated and breaks, where it must, after @ / - _ and spaces or before a dot.
	code bool
}

// setLine is one line of set text, with its words placed from the column's left edge.
type setLine struct {
	style listStyle
	words []typeset.Word
	link  string
}

// height returns the height of lines stacked at their leadings.
func height(lines []setLine) float64 {
	h := 0.0
	for _, l := range lines {
		h += l.style.leading
	}
	return h
}

// baselineOffset is where a line's baseline lies below the top of its leading: the capitals
// are centred in the line.
func (b *listBuilder) baselineOffset(st listStyle) float64 {
	ch := b.font(st).CapHeight(st.size)
	return (st.leading-ch)/2 + ch
}

// font returns the parsed face of st.
func (b *listBuilder) font(st listStyle) *typeset.Font { return b.fonts[st.font] }

// set breaks the pieces into lines of at most width millimetres, each piece starting on a
// line of its own. Empty pieces take no line. Text the font cannot set is an error at the
// piece's path.
func (b *listBuilder) set(pieces []piece, width float64) []setLine {
	var out []setLine
	for _, p := range pieces {
		if strings.TrimSpace(p.text) == "" {
			continue
		}
		f := b.font(p.style)
		if miss := f.Missing(p.text); len(miss) > 0 {
			qs := make([]string, len(miss))
			for i, r := range miss {
				qs[i] = fmt.Sprintf("%q (U+%04X)", r, r)
			}
			b.errorf(p.path, i18n.T("roster.list.glyph", p.style.font, listFile, strings.Join(qs, ", ")), i18n.T("roster.list.glyph.hint"))
			continue
		}
		if p.code {
			// A tab is a space, as in text that Break sets.
			for _, l := range b.codeLines(strings.ReplaceAll(p.text, "\t", " "), p.style, width) {
				out = append(out, setLine{style: p.style, link: p.link,
					words: []typeset.Word{{Text: l, Width: f.Width(l, p.style.size)}}})
			}
			continue
		}
		para, err := b.breakText(p.text, p.style, width)
		if err != nil {
			b.errorf(p.path, i18n.T("roster.list.error", listFile, err))
			continue
		}
		for _, l := range para.Lines {
			out = append(out, setLine{style: p.style, words: l.Words, link: p.link})
		}
	}
	return out
}

// breakText breaks text ragged right with German hyphenation. A word that does not fit the
// column even hyphenated, such as a long name without hyphenation points, is cut where it
// must be, as a spreadsheet cell wraps it.
func (b *listBuilder) breakText(text string, st listStyle, width float64) (*typeset.Paragraph, error) {
	style := typeset.Style{Font: b.font(st), Size: st.size, Leading: st.leading}
	for range strings.Count(text, " ") + 2 {
		para, err := typeset.Break(text, width, style, typeset.Options{Hyphenator: b.hyph})
		var wide *typeset.WordTooWideError
		if !errors.As(err, &wide) || !strings.Contains(text, wide.Word) {
			return para, err
		}
		text = strings.Replace(text, wide.Word, strings.Join(b.codeLines(wide.Word, st, width), "\n"), 1)
	}
	return nil, fmt.Errorf("cannot break %q into lines of %.1f mm", text, width)
}

// codeLines breaks an address or number into lines of at most width millimetres: after
// @ / - _ or a space, or before a dot, where it can; else between any two characters. A
// line that fits is not broken.
func (b *listBuilder) codeLines(text string, st listStyle, width float64) []string {
	f := b.font(st)
	if f.Width(text, st.size) <= width {
		return []string{text}
	}
	rs := []rune(text)
	var lines []string
	start, brk, w := 0, -1, 0.0
	for i, r := range rs {
		rw := f.Width(string(r), st.size)
		if w+rw > width && i > start {
			cut := i
			if brk > start {
				cut = brk
			}
			if l := strings.TrimSpace(string(rs[start:cut])); l != "" {
				lines = append(lines, l)
			}
			start, brk = cut, -1
			w = f.Width(string(rs[cut:i]), st.size)
		}
		if r == '.' && i > start {
			brk = i
		}
		w += rw
		if strings.ContainsRune("@/-_ ", r) {
			brk = i + 1
		}
	}
	if l := strings.TrimSpace(string(rs[start:])); l != "" {
		lines = append(lines, l)
	}
	return lines
}
