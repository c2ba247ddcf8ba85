package update

import (
	"reflect"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Keys returns what identifies a list item across two versions of the data, most telling
// first: a member by its AGS, then by its city; a programme area or person by name; an
// institution by name, then short name; a source or block by id; a text by itself. Items
// without keys (colours, panels) are matched by their place in the list. Keys are compared
// case-insensitively with surrounding space removed.
func Keys(v any) []string {
	var ks []string
	switch x := v.(type) {
	case brochure.Member:
		ks = []string{"ags:" + x.AGS, "city:" + x.City}
	case brochure.Area:
		ks = []string{x.Name}
	case brochure.Person:
		ks = []string{x.Name}
	case brochure.Institution:
		ks = []string{"name:" + x.Name, "short:" + x.Short}
	case brochure.Source:
		ks = []string{x.ID}
	case brochure.Block:
		ks = []string{x.ID}
	case string:
		ks = []string{x}
	default:
		return nil
	}
	for i, k := range ks {
		ks[i] = strings.ToLower(strings.TrimSpace(k))
		if strings.HasSuffix(ks[i], ":") {
			ks[i] = "" // the value is empty: it identifies nothing
		}
	}
	return ks
}

// Pair pairs the items of two lists regardless of their order: pair[j] is the index in old
// of the item new[j] stands for, or -1 for an item that is new. Items are paired by their
// first key, then, among those left, by their next key; equal keys pair in order. Items
// without keys (colours, panels) pair with the item at the same place.
func Pair[T any](old, new []T) []int {
	return pair(reflect.ValueOf(old), reflect.ValueOf(new))
}

// Match pairs the items of two lists as Pair does, but keeps the pairs in the order of both
// lists: an item that moved against the others counts as removed and added.
func Match[T any](old, new []T) []int {
	return match(reflect.ValueOf(old), reflect.ValueOf(new))
}

// match is Match on lists held in reflect values.
func match(old, new reflect.Value) []int {
	m := pair(old, new)
	keep := increasing(m)
	for j := range m {
		if m[j] >= 0 && !keep[j] {
			m[j] = -1
		}
	}
	return m
}

// pair is Pair on lists held in reflect values.
func pair(old, new reflect.Value) []int {
	match := make([]int, new.Len())
	for j := range match {
		match[j] = -1
	}
	if new.Len() == 0 {
		return match
	}
	if Keys(new.Index(0).Interface()) == nil {
		for j := range match {
			if j < old.Len() {
				match[j] = j
			}
		}
		return match
	}
	oldKeys := make([][]string, old.Len())
	for i := range oldKeys {
		oldKeys[i] = Keys(old.Index(i).Interface())
	}
	newKeys := make([][]string, new.Len())
	for j := range newKeys {
		newKeys[j] = Keys(new.Index(j).Interface())
	}
	used := make([]bool, old.Len())
	for level := 0; level < len(newKeys[0]); level++ {
		free := map[string][]int{} // key → unpaired old items, in order
		for i, ks := range oldKeys {
			if !used[i] && level < len(ks) && ks[level] != "" {
				free[ks[level]] = append(free[ks[level]], i)
			}
		}
		for j, ks := range newKeys {
			if match[j] >= 0 || level >= len(ks) || ks[level] == "" {
				continue
			}
			if is := free[ks[level]]; len(is) > 0 {
				match[j], used[is[0]] = is[0], true
				free[ks[level]] = is[1:]
			}
		}
	}
	return match
}

// increasing marks the entries of a longest strictly increasing subsequence of the
// non-negative values of a.
func increasing(a []int) []bool {
	var tails []int // tails[k]: index in a of the smallest tail of a run of length k+1
	prev := make([]int, len(a))
	for j, v := range a {
		if v < 0 {
			continue
		}
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if a[tails[mid]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[j] = -1
		if lo > 0 {
			prev[j] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, j)
		} else {
			tails[lo] = j
		}
	}
	keep := make([]bool, len(a))
	if len(tails) > 0 {
		for j := tails[len(tails)-1]; j >= 0; j = prev[j] {
			keep[j] = true
		}
	}
	return keep
}
