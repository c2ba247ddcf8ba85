package hyphen

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen/internal/liang"
)

// SoftHyphen is U+00AD, a hyphenation point set by the author. A word that
// contains one breaks only at its soft hyphens.
const SoftHyphen = '\u00AD'

// LeftMin and RightMin are the fewest letters German typesetting leaves before
// and after a hyphenation point inside a run of letters (TeX's lefthyphenmin
// and righthyphenmin as German typesetters set them: "Ge-" may end a line,
// "-ne" may not start one).
const (
	LeftMin  = 2
	RightMin = 3
)

//go:embed data/hyph-de-1996.trie
var deBlob []byte

// Hyphenator finds hyphenation points with one set of patterns. It is
// read-only and safe for concurrent use. A nil *Hyphenator finds only the
// points that the word itself marks (soft hyphens and hard hyphens).
type Hyphenator struct {
	t   *liang.Trie
	dot byte
	// exceptions maps a lower-case word of letters to its points (see
	// WithExceptions).
	exceptions map[string][]int
}

var (
	deOnce sync.Once
	de     *Hyphenator
)

// Default returns the hyphenator for German (reformed orthography, patterns
// hyph-de-1996). The patterns are loaded on the first call only.
func Default() *Hyphenator {
	deOnce.Do(func() {
		t, err := liang.Load(deBlob)
		if err != nil {
			// The blob is generated and checked by the package's tests.
			panic(fmt.Sprintf("hyphen: embedded patterns: %v", err))
		}
		de = newHyphenator(t)
	})
	return de
}

// Parse builds a hyphenator from TeX pattern text, one pattern such as
// "ab5erk" or ".ach4sp" per line or separated by spaces.
func Parse(patterns []byte) (*Hyphenator, error) {
	blob, err := liang.Compile(patterns)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	t, err := liang.Load(blob)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %w", err)
	}
	return newHyphenator(t), nil
}

func newHyphenator(t *liang.Trie) *Hyphenator {
	return &Hyphenator{t: t, dot: t.Code('.')}
}

// Points returns the rune offsets in word where a line may break, in
// increasing order. An offset p means the break falls between rune p-1 and
// rune p: the line ends with word's first p runes and the next line starts with
// the rest. A hyphen is shown at the break unless rune p-1 is already a hard
// hyphen '-'; a soft hyphen at p-1 shows as '-'.
//
// Leading and trailing punctuation is allowed (`„Soziale`, `Stadtteilen.`).
// The rules, first match wins:
//   - A word that contains a soft hyphen breaks only after its soft hyphens.
//   - Web and e-mail addresses and dotted abbreviations (anything with '@',
//     '_', "://" or a '.' followed by a letter) get no points.
//   - A word that holds a hard hyphen between two parts ("Nordrhein-Westfalen",
//     "Bund-Länder-Programm", "Kolleg/-innen") breaks only right after its
//     hard hyphens, where at least LeftMin letters stand before the hyphen and
//     RightMin after it: never a second hyphen inside a part.
//   - A word with a digit gets no points.
//   - Each run of letters is looked up in the exceptions (WithExceptions);
//     one that is not there gets no points when it is written in CamelCase
//     ("StadtteilLeben") or all in capitals ("NRW"), and otherwise the
//     pattern points that leave at least LeftMin letters before and RightMin
//     after each point.
func (h *Hyphenator) Points(word string) []int {
	if strings.ContainsRune(word, SoftHyphen) {
		return softPoints([]rune(word))
	}
	if technical(word) {
		return nil
	}
	rs := []rune(word)
	if compound(rs) {
		var pts []int
		for k, r := range rs {
			if r == '-' && hardBreak(rs, k) {
				pts = append(pts, k+1)
			}
		}
		return pts
	}
	if slices.ContainsFunc(rs, unicode.IsDigit) {
		return nil
	}
	var pts []int
	for s := 0; s < len(rs); {
		if !unicode.IsLetter(rs[s]) {
			s++
			continue
		}
		e := s
		for e < len(rs) && unicode.IsLetter(rs[e]) {
			e++
		}
		pts = h.run(rs[s:e], s, pts)
		s = e
	}
	return pts
}

// run appends to pts the points of run, a run of letters that starts at rune
// offset off of its word.
func (h *Hyphenator) run(run []rune, off int, pts []int) []int {
	if h == nil {
		return pts
	}
	if ex, ok := h.exceptions[strings.ToLower(string(run))]; ok {
		for _, p := range ex {
			pts = append(pts, off+p)
		}
		return pts
	}
	if h.t == nil || protected(run) {
		return pts
	}
	return h.letters(run, off, pts)
}

// Hyphenate returns word without soft hyphens and with sep inserted at each of
// its points, for example "Städ·te·netz" with sep "·".
func (h *Hyphenator) Hyphenate(word, sep string) string {
	pts := h.Points(word)
	var b strings.Builder
	for i, r := range []rune(word) {
		if len(pts) > 0 && pts[0] == i {
			b.WriteString(sep)
			pts = pts[1:]
		}
		if r != SoftHyphen {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// letters appends to pts the pattern points of run, a run of letters that
// starts at rune offset off of its word.
func (h *Hyphenator) letters(run []rune, off int, pts []int) []int {
	n := len(run)
	if n < LeftMin+RightMin {
		return pts
	}
	var cbuf, lbuf [64]byte
	codes, levels := cbuf[:0], lbuf[:0]
	if n+3 > len(lbuf) {
		codes, levels = make([]byte, 0, n+2), make([]byte, 0, n+3)
	}
	codes = append(codes, h.dot)
	for _, r := range run {
		codes = append(codes, h.t.Code(unicode.ToLower(r)))
	}
	codes = append(codes, h.dot)
	levels = levels[:n+3]
	clear(levels)
	h.t.Levels(codes, levels)
	for k := LeftMin; k <= n-RightMin; k++ {
		if levels[k+1]%2 == 1 {
			pts = append(pts, off+k)
		}
	}
	return pts
}

// softPoints returns the offsets right after the soft hyphens of rs that have
// a letter or digit on both sides; of several soft hyphens in a row only the
// last counts.
func softPoints(rs []rune) []int {
	var pts []int
	for k, r := range rs {
		if r != SoftHyphen || (k+1 < len(rs) && rs[k+1] == SoftHyphen) {
			continue
		}
		if countAlnum(rs[:k]) > 0 && countAlnum(rs[k+1:]) > 0 {
			pts = append(pts, k+1)
		}
	}
	return pts
}

// hardBreak reports whether a line may break after the hard hyphen rs[k].
func hardBreak(rs []rune, k int) bool {
	return k+1 < len(rs) && unicode.IsLetter(rs[k+1]) &&
		countLetters(rs[:k]) >= LeftMin && countLetters(rs[k+1:]) >= RightMin
}

// compound reports whether rs holds a hard hyphen that joins two parts: one
// with a letter somewhere before it and a letter right after it. A leading
// hyphen ("-aktivierung") joins nothing.
func compound(rs []rune) bool {
	letter := false
	for k, r := range rs {
		if r == '-' && letter && k+1 < len(rs) && unicode.IsLetter(rs[k+1]) {
			return true
		}
		letter = letter || unicode.IsLetter(r)
	}
	return false
}

// protected reports whether a run of letters is a name that patterns must not
// cut: CamelCase (a capital after a small letter, as in "StadtteilLeben") or
// all capitals ("NRW", "STÄDTENETZ").
func protected(run []rune) bool {
	lower := false
	for i, r := range run {
		if unicode.IsUpper(r) && i > 0 && unicode.IsLower(run[i-1]) {
			return true
		}
		lower = lower || unicode.IsLower(r)
	}
	return !lower
}

// technical reports whether word looks like a web or e-mail address or a
// dotted abbreviation, which are never hyphenated.
func technical(word string) bool {
	if strings.ContainsAny(word, "@_") || strings.Contains(word, "://") {
		return true
	}
	prevDot := false
	for _, r := range word {
		if prevDot && unicode.IsLetter(r) {
			return true
		}
		prevDot = r == '.'
	}
	return false
}

func countLetters(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func countAlnum(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
