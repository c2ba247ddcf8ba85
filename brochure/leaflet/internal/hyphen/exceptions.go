package hyphen

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// WithExceptions returns a hyphenator that hyphenates the given words as the
// author says and every other word as h does. Each key is a word of letters as
// it stands in the text ("Wohnumfeldverbesserung", "StadtteilLeben"); its value
// is the same word with a hyphen '-' at each place where a line may break
// ("Wohn-umfeld-ver-bes-se-rung"), or the bare word when it must never be
// hyphenated. Words are matched without regard to case, as a run of letters
// between punctuation, so "„StadtteilLeben“" finds the key "StadtteilLeben".
// The author's points are taken as given: LeftMin and RightMin do not apply.
//
// It returns an error naming the first bad entry in key order; ExceptionError
// checks one entry. Later entries of a key that differs from another only in
// case are an error too. h may be nil: then only the exceptions and the
// word's own hyphens break a word.
func (h *Hyphenator) WithExceptions(words map[string]string) (*Hyphenator, error) {
	out := &Hyphenator{exceptions: map[string][]int{}}
	if h != nil {
		out.t, out.dot = h.t, h.dot
		maps.Copy(out.exceptions, h.exceptions)
	}
	seen := map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(words)) {
		pts, err := parseException(key, words[key])
		if err != nil {
			return nil, err
		}
		low := strings.ToLower(key)
		if prev, dup := seen[low]; dup {
			return nil, fmt.Errorf("hyphenation exception %q: the word is listed as %q already", key, prev)
		}
		seen[low] = key
		out.exceptions[low] = pts
	}
	return out, nil
}

// ExceptionError returns nil when marked is a valid hyphenation exception for
// word (see WithExceptions), or an error saying what is wrong with it.
func ExceptionError(word, marked string) error {
	_, err := parseException(word, marked)
	return err
}

// parseException returns the points that marked gives word.
func parseException(word, marked string) ([]int, error) {
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil, fmt.Errorf("hyphenation exception %q: the word must be letters only, found %q (a word with a hyphen breaks only there; list its parts on their own)", word, r)
		}
	}
	if word == "" {
		return nil, fmt.Errorf("hyphenation exception: the word is empty")
	}
	var pts []int
	n := 0
	prev := '-'
	for _, r := range marked {
		if r == '-' {
			if prev == '-' {
				return nil, fmt.Errorf("hyphenation exception %q: %q has a hyphen at its start, its end or twice in a row", word, marked)
			}
			pts = append(pts, n)
		} else {
			n++
		}
		prev = r
	}
	if prev == '-' && marked != "" {
		return nil, fmt.Errorf("hyphenation exception %q: %q has a hyphen at its start, its end or twice in a row", word, marked)
	}
	if !strings.EqualFold(strings.ReplaceAll(marked, "-", ""), word) {
		return nil, fmt.Errorf("hyphenation exception %q: %q is not the same word with hyphens added", word, marked)
	}
	return pts, nil
}
