package liang

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// pattern is one parsed pattern: its letters and the levels between them.
type pattern struct {
	key  []rune
	vals []byte // position<<3 | level, only for levels > 0
}

// Compile turns TeX pattern text (one pattern per line or separated by spaces,
// digits 1..7 between letters, '.' marking a word boundary, '%' starting a
// comment) into the blob described in the package documentation. The same text
// always gives the same bytes.
func Compile(src []byte) ([]byte, error) {
	pats, err := parse(src)
	if err != nil {
		return nil, err
	}
	alpha := alphabet(pats)
	if len(alpha) > 255 {
		return nil, fmt.Errorf("liang: %d distinct symbols, at most 255 fit", len(alpha))
	}
	code := make(map[rune]byte, len(alpha))
	for i, r := range alpha {
		code[r] = byte(i + 1)
	}

	// Build a pointer trie, then number it breadth-first.
	type node struct {
		sym  byte
		kids map[byte]*node
		vals []byte
	}
	root := &node{kids: map[byte]*node{}}
	for _, p := range pats {
		n := root
		for _, r := range p.key {
			c := code[r]
			k := n.kids[c]
			if k == nil {
				k = &node{sym: c, kids: map[byte]*node{}}
				n.kids[c] = k
			}
			n = k
		}
		if n.vals != nil {
			return nil, fmt.Errorf("liang: pattern %q given twice", string(p.key))
		}
		n.vals = p.vals
		if n.vals == nil {
			n.vals = []byte{}
		}
	}
	var syms, kids, nvals, vals []byte
	queue := []*node{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if len(n.kids) > 255 || len(n.vals) > 255 {
			return nil, fmt.Errorf("liang: trie node too wide")
		}
		syms = append(syms, n.sym)
		kids = append(kids, byte(len(n.kids)))
		nvals = append(nvals, byte(len(n.vals)))
		vals = append(vals, n.vals...)
		cs := make([]byte, 0, len(n.kids))
		for c := range n.kids {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		for _, c := range cs {
			queue = append(queue, n.kids[c])
		}
	}

	var out bytes.Buffer
	out.WriteString(magic)
	for _, v := range []int{len(alpha), len(syms), len(vals)} {
		out.Write(binary.LittleEndian.AppendUint32(nil, uint32(v)))
	}
	for _, r := range alpha {
		out.Write(binary.LittleEndian.AppendUint32(nil, uint32(r)))
	}
	out.Write(syms)
	out.Write(kids)
	out.Write(nvals)
	out.Write(vals)
	return out.Bytes(), nil
}

// parse reads the patterns of src.
func parse(src []byte) ([]pattern, error) {
	var pats []pattern
	sc := bufio.NewScanner(bytes.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '%'); i >= 0 {
			text = text[:i]
		}
		for _, f := range strings.Fields(text) {
			p, err := parsePattern(f)
			if err != nil {
				return nil, fmt.Errorf("liang: line %d: %w", line, err)
			}
			pats = append(pats, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("liang: %w", err)
	}
	if len(pats) == 0 {
		return nil, fmt.Errorf("liang: no patterns")
	}
	return pats, nil
}

// parsePattern reads one pattern such as "ab5erk" or ".ach4sp".
func parsePattern(f string) (pattern, error) {
	if !utf8.ValidString(f) {
		return pattern{}, fmt.Errorf("pattern %q is not valid UTF-8", f)
	}
	var p pattern
	for _, r := range f {
		switch {
		case r >= '0' && r <= '9':
			level := byte(r - '0')
			pos := len(p.key)
			if level > maxLevel || pos > maxPos {
				return pattern{}, fmt.Errorf("pattern %q: level %d at position %d does not fit", f, level, pos)
			}
			if level > 0 {
				p.vals = append(p.vals, byte(pos)<<3|level)
			}
		default:
			p.key = append(p.key, r)
		}
	}
	if len(p.key) == 0 {
		return pattern{}, fmt.Errorf("pattern %q has no letters", f)
	}
	return p, nil
}

// alphabet returns the sorted distinct runes of all patterns.
func alphabet(pats []pattern) []rune {
	seen := map[rune]bool{}
	var alpha []rune
	for _, p := range pats {
		for _, r := range p.key {
			if !seen[r] {
				seen[r] = true
				alpha = append(alpha, r)
			}
		}
	}
	slices.Sort(alpha)
	return alpha
}
