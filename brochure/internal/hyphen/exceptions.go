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
			return nil, &BadException{Word: key, Reason: Twice, Other: prev}
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
			return nil, &BadException{Word: word, Marked: marked, Reason: NotLetters, Rune: r}
		}
	}
	if word == "" {
		return nil, &BadException{Reason: Empty}
	}
	var pts []int
	n := 0
	prev := '-'
	for _, r := range marked {
		if r == '-' {
			if prev == '-' {
				return nil, &BadException{Word: word, Marked: marked, Reason: HyphenPlace}
			}
			pts = append(pts, n)
		} else {
			n++
		}
		prev = r
	}
	if prev == '-' && marked != "" {
		return nil, &BadException{Word: word, Marked: marked, Reason: HyphenPlace}
	}
	if !strings.EqualFold(strings.ReplaceAll(marked, "-", ""), word) {
		return nil, &BadException{Word: word, Marked: marked, Reason: NotSameWord}
	}
	return pts, nil
}

// Reason says what is wrong with a hyphenation exception.
type Reason int

// The reasons a hyphenation exception is refused.
const (
	NotLetters  Reason = iota + 1 // the word holds a character that is not a letter (Rune)
	Empty                         // the word is empty
	HyphenPlace                   // a hyphen at the start, at the end or twice in a row
	NotSameWord                   // the marked form is not the word with hyphens added
	Twice                         // the word is listed already, in another case (Other)
)

// BadException is a hyphenation exception that WithExceptions refuses.
type BadException struct {
	Word, Marked string
	Reason       Reason
	Rune         rune   // the character that is not a letter, for NotLetters
	Other        string // the entry listed already, for Twice
}

func (e *BadException) Error() string {
	switch e.Reason {
	case NotLetters:
		return fmt.Sprintf("hyphenation exception %q: the word must be letters only, found %q (a word with a hyphen breaks only there; list its parts on their own)", e.Word, e.Rune)
	case Empty:
		return "hyphenation exception: the word is empty"
	case HyphenPlace:
		return fmt.Sprintf("hyphenation exception %q: %q has a hyphen at its start, its end or twice in a row", e.Word, e.Marked)
	case NotSameWord:
		return fmt.Sprintf("hyphenation exception %q: %q is not the same word with hyphens added", e.Word, e.Marked)
	}
	return fmt.Sprintf("hyphenation exception %q: the word is listed as %q already", e.Word, e.Other)
}
