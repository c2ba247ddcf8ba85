// Package hyphen finds the places where a German word may be hyphenated, with
// Liang's algorithm on the TeX patterns hyph-de-1996 (reformed orthography,
// MIT licence, see data/LICENSE.data), and the rules German typesetters add:
// at least two letters before a break and three after it; a word that holds a
// hyphen breaks only there; names in CamelCase, words in capitals, words with
// digits and addresses are not hyphenated; soft hyphens and a list of
// exceptions ([Hyphenator.WithExceptions]) override the patterns.
//
// The patterns are compiled ahead of time into data/hyph-de-1996.trie by
// internal/gen (run go generate after changing the pattern file); [Default]
// loads that blob once.
package hyphen

//go:generate go run ./internal/gen -in data/hyph-de-1996.pat.txt -out data/hyph-de-1996.trie
