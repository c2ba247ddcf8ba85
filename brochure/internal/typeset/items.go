package typeset

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
)

type kind uint8

const (
	box kind = iota
	glue
	penalty
)

// item is a box, glue or penalty of the Knuth–Plass model.
type item struct {
	kind    kind
	width   float64
	stretch float64 // glue
	shrink  float64 // glue
	fil     bool    // glue: infinitely stretchable, ends a paragraph or forced line
	noBreak bool    // glue: a no-break space
	narrow  bool    // glue: a narrow no-break space, fixed width
	cost    float64 // penalty: cost of breaking here; -Inf forces a break
	flagged bool    // penalty: a break inside a word
	hyphen  bool    // penalty: the break adds a hyphen of the given width
	end     bool    // penalty: the end of the paragraph
	text    string  // box
	runes   int     // box: the number of characters of text
	// hangL and hangR are how far the box's first and last character (for a
	// penalty: the hyphen it adds) may hang into the margin (margin kerning).
	hangL, hangR float64
}

func (it *item) forced() bool { return it.kind == penalty && math.IsInf(it.cost, -1) }

// builder turns text into items.
type builder struct {
	font    *Font
	size    float64
	column  float64
	hyph    *hyphen.Hyphenator
	keep    bool // KeepWords
	justify bool
	p       params
	space   float64 // mm
	items   []item
}

// build splits text into lines at line feeds and each line into words at
// spaces and tabs, and returns the items, or nil when text has no words.
func (b *builder) build(text string) ([]item, error) {
	b.space = b.font.mm(b.font.space, b.size)
	var lines [][]string
	for _, l := range strings.Split(text, "\n") {
		if ws := strings.FieldsFunc(l, isSpace); len(ws) > 0 {
			lines = append(lines, ws)
		}
	}
	for _, words := range lines {
		first := len(b.items)
		for wi, w := range words {
			if wi > 0 {
				if c := b.p.shortWord * shortness(words[wi-1]); c > 0 {
					b.items = append(b.items, item{kind: penalty, cost: c})
				}
				b.items = append(b.items, b.spaceGlue(false))
			}
			if err := b.word(w); err != nil {
				return nil, err
			}
		}
		if !slices.ContainsFunc(b.items[first:], func(it item) bool { return it.kind == box }) {
			b.items = b.items[:first] // nothing visible, such as a lone soft hyphen
			continue
		}
		b.items = append(b.items,
			item{kind: glue, fil: true, noBreak: true},
			item{kind: penalty, cost: math.Inf(-1)})
	}
	if len(b.items) > 0 {
		b.items[len(b.items)-1].end = true
	}
	return b.items, nil
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// shortness tells how much a line should rather not end after word: 1 after
// a word of one or two letters or a one-letter abbreviation such as "z.", 1/2
// after a word of three letters, else 0.
func shortness(word string) float64 {
	rs := []rune(word)
	if len(rs) == 2 && unicode.IsLetter(rs[0]) && rs[1] == '.' {
		return 1
	}
	if len(rs) > 3 {
		return 0
	}
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return 0
		}
	}
	if len(rs) == 3 {
		return 0.5
	}
	return 1
}

func (b *builder) spaceGlue(noBreak bool) item {
	return item{kind: glue, width: b.space, stretch: b.space * stretchPerSpace, shrink: b.space * shrinkPerSpace, noBreak: noBreak}
}

// word adds the items of one space-separated word: its parts between no-break
// spaces, each cut at its hyphenation points.
func (b *builder) word(w string) error {
	start := 0
	for i, r := range w {
		if r != nbsp && r != narrowNBSP {
			continue
		}
		if err := b.fragment(w[start:i]); err != nil {
			return err
		}
		if r == nbsp {
			b.items = append(b.items, b.spaceGlue(true))
		} else {
			b.items = append(b.items, item{kind: glue, width: b.font.mm(b.font.narrow, b.size), noBreak: true, narrow: true})
		}
		start = i + utf8.RuneLen(r)
	}
	return b.fragment(w[start:])
}

// fragment adds the boxes and hyphenation penalties of a word without spaces.
func (b *builder) fragment(f string) error {
	if f == "" {
		return nil
	}
	rs := []rune(f)
	var pts []int
	if !b.keep || b.font.Width(f, b.size) > b.column {
		pts = b.hyph.Points(f)
	}
	hyphenW := b.font.mm(b.font.hyphen, b.size)
	prev := 0
	for i := 0; i <= len(pts); i++ {
		end := len(rs)
		if i < len(pts) {
			end = pts[i]
		}
		text := strings.ReplaceAll(string(rs[prev:end]), string(softHyphen), "")
		w := b.font.Width(text, b.size)
		need := w
		var pen item
		if end < len(rs) {
			pen = item{kind: penalty, cost: b.p.hyphen * partCost(rs, end), flagged: true}
			if rs[end-1] != '-' {
				pen.hyphen, pen.width, pen.hangR = true, hyphenW, b.hangRight("-")
				need += hyphenW
			}
		}
		if need > b.column {
			if w <= b.column {
				continue // no room for the hyphen: the part runs on to the next point
			}
			whole := strings.ReplaceAll(f, string(softHyphen), "")
			return &WordTooWideError{Word: whole, Width: b.font.Width(whole, b.size), Column: b.column}
		}
		if text != "" {
			b.items = append(b.items, item{kind: box, width: w, text: text, runes: utf8.RuneCountInString(text), hangL: b.hangLeft(text), hangR: b.hangRight(text)})
		}
		if text != "" && end < len(rs) {
			b.items = append(b.items, pen)
		}
		prev = end
	}
	return nil
}

// partCost scales the hyphen penalty of a break at rune offset k of rs: 1
// where at least four letters stand on either side, as at the seam of most
// compounds ("Stadtteil-entwicklung"); more where a short syllable is split
// off ("Ge-", "-gen").
func partCost(rs []rune, k int) float64 {
	left, right := 0, 0
	for i := k - 1; i >= 0 && (unicode.IsLetter(rs[i]) || rs[i] == softHyphen); i-- {
		if rs[i] != softHyphen {
			left++
		}
	}
	for i := k; i < len(rs) && (unicode.IsLetter(rs[i]) || rs[i] == softHyphen); i++ {
		if rs[i] != softHyphen {
			right++
		}
	}
	if n := min(left, right); n < 4 && n > 0 {
		return 1 + shortPartCost*float64(4-n)
	}
	return 1
}
