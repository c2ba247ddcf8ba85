package update

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// text is a data file's source with what it takes to turn node positions (line and column in
// characters, as yaml.v3 gives them) into byte offsets and to find where a node ends.
type text struct {
	b     []byte // the source without a byte-order mark, a lone CR made a line end
	bom   bool   // the file began with one
	crlf  bool   // the file ends its lines with CR LF
	lines []int  // the offset of each line's start
}

// newText indexes src.
func newText(src []byte) *text {
	t := &text{}
	if b, ok := bytes.CutPrefix(src, []byte("\xEF\xBB\xBF")); ok {
		t.bom, src = true, b
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		t.crlf = true
	}
	t.b = breakLoneCRs(src, t.crlf)
	t.lines = append(t.lines, 0)
	for i, c := range t.b {
		if c == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// breakLoneCRs returns src with every CR that is not followed by LF written as the file's
// line end (CR LF or LF). YAML reads a lone CR as a line break, as it reads LF, and counts
// its lines so; the index here counts LF. What the file says stays the same: YAML turns every
// line break within a text into LF.
func breakLoneCRs(src []byte, crlf bool) []byte {
	lone := func(i int) bool { return src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') }
	n := 0
	for i := range src {
		if lone(i) {
			n++
		}
	}
	if n == 0 {
		return src
	}
	end := "\n"
	if crlf {
		end = "\r\n"
	}
	out := make([]byte, 0, len(src)+n)
	for i, c := range src {
		if lone(i) {
			out = append(out, end...)
			continue
		}
		out = append(out, c)
	}
	return out
}

// off is the byte offset of the node's first character.
func (t *text) off(n *yaml.Node) int { return t.at(n.Line, n.Column) }

// at is the byte offset of a line and column, both counted from 1, columns in characters.
func (t *text) at(line, col int) int {
	if line < 1 || line > len(t.lines) {
		return len(t.b)
	}
	i := t.lines[line-1]
	for c := 1; c < col && i < len(t.b) && t.b[i] != '\n'; c++ {
		_, size := utf8.DecodeRune(t.b[i:])
		i += size
	}
	return i
}

// lineStart is the offset of the start of the line holding offset i.
func (t *text) lineStart(i int) int {
	return bytes.LastIndexByte(t.b[:i], '\n') + 1
}

// lineEnd is the offset just after the line break that ends the line holding offset i, or
// the end of the text.
func (t *text) lineEnd(i int) int {
	if j := bytes.IndexByte(t.b[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(t.b)
}

// contentEnd is the offset after the last character of the line holding i that is neither a
// line break nor trailing space.
func (t *text) contentEnd(i int) int {
	e := t.lineEnd(i)
	for e > i && (t.b[e-1] == '\n' || t.b[e-1] == '\r' || t.b[e-1] == ' ' || t.b[e-1] == '\t') {
		e--
	}
	return e
}

// indentOf is the number of spaces that begin the line holding offset i.
func (t *text) indentOf(i int) int {
	s := t.lineStart(i)
	n := 0
	for s+n < len(t.b) && t.b[s+n] == ' ' {
		n++
	}
	return n
}

// column is the 0-based column, in characters, of offset i.
func (t *text) column(i int) int {
	return utf8.RuneCount(t.b[t.lineStart(i):i])
}

// blankLine reports whether the line starting at offset s holds only spaces (or nothing).
func (t *text) blankLine(s int) bool {
	e := t.lineEnd(s)
	return len(bytes.TrimRight(bytes.TrimLeft(t.b[s:e], " \t"), "\r\n")) == 0
}

// errLayout reports a node whose extent the splicer cannot tell.
func errLayout(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("line %d, column %d: %s", n.Line, n.Column, fmt.Sprintf(format, args...))
}

// scalarEnd is the offset just after a scalar's text. flow tells whether the scalar stands
// inside a flow collection; indent is the column of the key or dash that owns it, which the
// lines of a block scalar or a plain scalar over several lines are indented beyond.
func (t *text) scalarEnd(n *yaml.Node, flow bool, indent int) (int, error) {
	s := t.off(n)
	b := t.b
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if s >= len(b) || b[s] != '"' {
			return 0, errLayout(n, "no opening double quote")
		}
		for i := s + 1; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
		return 0, errLayout(n, "no closing double quote")
	case n.Style&yaml.SingleQuotedStyle != 0:
		if s >= len(b) || b[s] != '\'' {
			return 0, errLayout(n, "no opening single quote")
		}
		for i := s + 1; i < len(b); i++ {
			if b[i] == '\'' {
				if i+1 < len(b) && b[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
		return 0, errLayout(n, "no closing single quote")
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end := t.contentEnd(s)
		for l := t.lineEnd(s); l < len(b); l = t.lineEnd(l) {
			if t.blankLine(l) {
				continue
			}
			if t.indentOf(l) <= indent {
				break
			}
			end = t.contentEnd(l)
		}
		return end, nil
	case n.Tag == "!!null" && n.Value == "":
		return s, nil // nothing written after the key
	}
	end := t.plainEnd(s, flow)
	if string(b[s:end]) == n.Value {
		return end, nil
	}
	if flow {
		return 0, errLayout(n, "a plain text over several lines in a flow collection")
	}
	// A plain scalar over several lines: its lines are folded with single spaces.
	folded := string(b[s:end])
	for l := t.lineEnd(s); l < len(b) && !t.blankLine(l) && t.indentOf(l) > indent; l = t.lineEnd(l) {
		ls := l + t.indentOf(l)
		if b[ls] == '#' {
			break
		}
		e := t.plainEnd(ls, false)
		folded += " " + string(b[ls:e])
		end = e
		if folded == n.Value {
			return end, nil
		}
	}
	return 0, errLayout(n, "a plain text whose end cannot be told")
}

// plainEnd is where a plain scalar starting at s ends on its line: before a comment, before
// trailing space and, in a flow collection, before the next , ] or }.
func (t *text) plainEnd(s int, flow bool) int {
	b := t.b
	i := s
	for i < len(b) && b[i] != '\n' && b[i] != '\r' {
		if b[i] == '#' && i > s && (b[i-1] == ' ' || b[i-1] == '\t') {
			break
		}
		if flow && (b[i] == ',' || b[i] == ']' || b[i] == '}') {
			break
		}
		i++
	}
	for i > s && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	return i
}

// nodeEnd is the offset just after a node: after its last character for a scalar, after the
// closing bracket of a flow collection, after the last item's end for a block collection.
func (t *text) nodeEnd(n *yaml.Node, flow bool, indent int) (int, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return t.scalarEnd(n, flow, indent)
	case yaml.MappingNode, yaml.SequenceNode:
	default:
		return 0, errLayout(n, "an alias or document where a value was expected")
	}
	if n.Style&yaml.FlowStyle != 0 {
		open := t.off(n)
		from := open + 1
		if k := len(n.Content); k > 0 {
			e, err := t.nodeEnd(n.Content[k-1], true, indent)
			if err != nil {
				return 0, err
			}
			from = e
		}
		return t.closing(n, from)
	}
	k := len(n.Content)
	if k == 0 {
		return 0, errLayout(n, "an empty block collection")
	}
	last := n.Content[k-1]
	childIndent := t.column(t.off(n))
	if n.Kind == yaml.MappingNode {
		childIndent = t.column(t.off(n.Content[k-2]))
	}
	return t.nodeEnd(last, false, childIndent)
}

// closing finds the bracket that closes the flow collection n, from offset i on, past
// spaces, line breaks, commas and comments.
func (t *text) closing(n *yaml.Node, i int) (int, error) {
	b := t.b
	want := byte('}')
	if n.Kind == yaml.SequenceNode {
		want = ']'
	}
	for i < len(b) {
		switch c := b[i]; {
		case c == want:
			return i + 1, nil
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',':
			i++
		case c == '#':
			i = t.lineEnd(i)
		default:
			return 0, errLayout(n, "unexpected %q before the closing %q", c, want)
		}
	}
	return 0, errLayout(n, "no closing %q", want)
}

// dash is the offset of the "-" that introduces the block sequence item starting at i.
func (t *text) dash(item *yaml.Node) (int, error) {
	for i := t.off(item) - 1; i >= 0; i-- {
		switch t.b[i] {
		case '-':
			return i, nil
		case ' ', '\t', '\n', '\r':
		default:
			return 0, errLayout(item, "no dash before the list item")
		}
	}
	return 0, errLayout(item, "no dash before the list item")
}
