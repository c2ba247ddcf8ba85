package brochure

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// maxRepairs is how many syntax errors parse reports and repairs before it gives up; the
// file is parsed once more after each. repairWork bounds the bytes parsed in all: a data
// file of the largest size allowed is parsed at most 8 times.
const (
	maxRepairs = 50
	repairWork = 8 * MaxFileSize
)

// source is the data file's text as lines that parse may repair. Repaired lines keep their
// number, so every other line keeps its place.
type source struct {
	lines []string
	// repaired counts the repairs of each line (1-based); the problems a repaired line
	// shows afterwards are not reported.
	repaired map[int]int
	// dropped is set when a line had to be commented out: keys on it are then missing.
	dropped bool
}

func newSource(src []byte) *source {
	return &source{lines: Lines(src), repaired: map[int]int{}}
}

// Lines splits a data file into its lines as YAML counts them (see lineBreak), so that line
// n of a diagnostic is Lines(src)[n-1]; the lines hold no line break.
func Lines(src []byte) []string {
	return strings.Split(string(normalizeBreaks(src)), "\n")
}

// lineBreak returns how many bytes the line break at src[i] takes: 2 for CR LF, 1 for LF and
// for a CR that no LF follows (YAML reads it as a line break too), else 0.
func lineBreak(src []byte, i int) int {
	switch {
	case src[i] == '\n':
		return 1
	case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
		return 2
	case src[i] == '\r':
		return 1
	}
	return 0
}

// normalizeBreaks returns src with every line break written as LF.
func normalizeBreaks(src []byte) []byte {
	if !bytes.ContainsRune(src, '\r') {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); {
		if n := lineBreak(src, i); n > 0 {
			out = append(out, '\n')
			i += n
			continue
		}
		out = append(out, src[i])
		i++
	}
	return out
}

func (s *source) bytes() []byte { return []byte(strings.Join(s.lines, "\n")) }

// parse parses the source into a node tree. A YAML syntax error is reported where the
// mistake is (see locate), the line is repaired the way the mistake suggests, and parsing
// starts over, so that the problems after the first one are found too. ok is false when
// the file cannot be read as YAML even so.
func (s *source) parse(c *collector) (root *yaml.Node, ok bool) {
	limit := min(maxRepairs, repairWork/max(1, len(s.bytes())))
	for i := 0; ; i++ {
		var doc yaml.Node
		dec := yaml.NewDecoder(bytes.NewReader(s.bytes()))
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			c.at(Pos{1, 1}, "", i18n.T("load.nodata"), i18n.T("load.nodata.hint"))
			return nil, false
		}
		if err == nil {
			var extra yaml.Node
			switch err = dec.Decode(&extra); {
			case errors.Is(err, io.EOF):
				return &doc, true
			case err == nil:
				c.at(Pos{extra.Line, extra.Column}, "", i18n.T("load.documents"), i18n.T("load.documents.hint"))
				return nil, false
			}
		}
		if i == limit {
			c.at(Pos{1, 1}, "", i18n.T("syntax.more", limit))
			return nil, false
		}
		if !s.repair(c, err) {
			return nil, false
		}
	}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// repair reports the syntax error err at the mistake behind it and repairs that line. It
// returns false when it can neither find nor repair the mistake.
func (s *source) repair(c *collector, err error) bool {
	msg := strings.TrimPrefix(strings.TrimSpace(strings.Split(err.Error(), "\n")[0]), "yaml: ")
	line := 1 // the parser names no line for a mistake in the first
	if m := yamlLineRE.FindStringSubmatch(strings.TrimSpace(err.Error())); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if strings.Contains(msg, "document start") {
		// Text after a "..." that ends the document: a second document.
		c.at(Pos{max(line, 1), 1}, "", i18n.T("load.documents"), i18n.T("load.documents.hint"))
		return false
	}
	f := s.locate(line, msg)
	if f.line == 0 || s.repaired[f.line] >= 3 {
		// Nothing to repair: the parser's own words, at the parser's line.
		if line < 1 || line > len(s.lines) {
			line = 1
		}
		if s.repaired[line] == 0 {
			c.at(Pos{line, 1}, "", i18n.T("syntax.yaml", msg), syntaxHint(msg))
		}
		return false
	}
	if s.repaired[f.line] == 0 {
		c.at(Pos{f.line, f.column}, "", f.msg, f.hint)
	}
	s.repaired[f.line]++
	s.lines[f.line-1] = f.fixed
	if f.drop {
		s.dropped = true
	}
	return true
}

// finding is a syntax mistake: where it is, what it is, and the line repaired.
type finding struct {
	line, column int
	msg, hint    i18n.Text
	fixed        string
	drop         bool // the line was commented out
}

// locate finds the mistake behind the parser's complaint msg about line (the parser names
// the start of the enclosing block for some mistakes, not the mistake): an unclosed quote, a
// line indented wrongly, a list item without "- ", a text with ": " or a leading @ or `
// without quotes, a key without its colon or the space after it. Failing all of these, the
// parser's line is commented out.
func (s *source) locate(line int, msg string) finding {
	upto := line
	if contextError(msg) {
		upto = 0 // the parser names the start of the block: the mistake may come later
	}
	if f, ok := s.unclosedQuote(upto); ok {
		return f
	}
	if f, ok := s.indentation(upto); ok {
		return f
	}
	if line < 1 || line > len(s.lines) {
		return finding{}
	}
	text := s.lines[line-1]
	indent := len(text) - len(strings.TrimLeft(text, " "))
	body := text[indent:]
	item := ""
	if strings.HasPrefix(body, "- ") {
		item, body = "- ", body[2:]
	}
	if m := keyColonRE.FindStringSubmatch(body); m != nil {
		key, value := m[1], strings.TrimSpace(m[2])
		fix := func(v string) string { return text[:indent] + item + key + ": " + v }
		at := strings.LastIndex(text, value)
		col := func(i int) int { return utf8.RuneCountInString(text[:i]) + 1 }
		switch {
		case strings.Contains(msg, "mapping values are not allowed") && strings.Contains(value, ": "):
			q := quote(value)
			return finding{line: line, column: col(at + strings.Index(value, ": ")),
				msg: i18n.T("syntax.colon.text"), hint: i18n.T("syntax.colon.text.hint", strings.TrimSpace(item+key+": "+q)), fixed: fix(q)}
		case strings.Contains(msg, "cannot start any token") && value != "":
			q := quote(value)
			return finding{line: line, column: col(at),
				msg: i18n.T("syntax.char", value[:1]), hint: i18n.T("syntax.colon.text.hint", strings.TrimSpace(item+key+": "+q)), fixed: fix(q)}
		}
	}
	if m := keyNoSpaceRE.FindStringSubmatch(body); m != nil && strings.Contains(msg, "could not find expected ':'") {
		fixed := text[:indent] + item + m[1] + ": " + m[2]
		return finding{line: line, column: indent + len(item) + len(m[1]) + 1,
			msg: i18n.T("syntax.colon.space"), hint: i18n.T("syntax.colon.space.hint", strings.TrimSpace(item+m[1]+": "+m[2])), fixed: fixed}
	}
	if m := keyNoColonRE.FindStringSubmatch(body); m != nil && strings.Contains(msg, "could not find expected ':'") {
		fixed := text[:indent] + item + m[1] + ": " + m[2]
		return finding{line: line, column: indent + len(item) + len(m[1]) + 1,
			msg: i18n.T("syntax.colon.missing", m[1]), hint: i18n.T("syntax.colon.space.hint", strings.TrimSpace(item+m[1]+": "+m[2])), fixed: fixed}
	}
	return finding{line: line, column: indent + 1, msg: i18n.T("syntax.yaml", msg), hint: syntaxHint(msg),
		fixed: text[:indent] + "# " + text[indent:], drop: true}
}

var (
	keyLineRE    = regexp.MustCompile(`^([^\s"'{\[#&*!|>%@` + "`" + `-][^:#]*?|"[^"]*"|'[^']*'):(\s+(.*))?$`)
	keyColonRE   = regexp.MustCompile(`^([A-Za-z_][\w-]*):\s+(.*)$`)
	keyNoSpaceRE = regexp.MustCompile(`^([A-Za-z_][\w-]*):([^\s:/].*)$`)
	keyNoColonRE = regexp.MustCompile(`^([A-Za-z_][\w-]*) +([^:]*)$`)
)

// quote puts a text in double quotes, as YAML writes them.
func quote(s string) string {
	if c := strings.Index(s, " #"); c >= 0 {
		s = strings.TrimSpace(s[:c])
	}
	return strconv.Quote(s)
}

// lineInfo is what the structure check needs to know of one line.
type lineInfo struct {
	indent  int
	blank   bool   // empty or a comment
	dash    bool   // a list item "- …"
	inner   int    // for a list item: where its content starts
	key     string // the key of a "key: value" or "key:" line (after "- " for an item)
	opens   bool   // "key:" or "-" alone: the lines below are its content
	block   bool   // "key: |" or "key: >": a block of text follows
	content string // what follows the indentation
}

// scan reads one line.
func scan(text string) lineInfo {
	li := lineInfo{indent: len(text) - len(strings.TrimLeft(text, " "))}
	body := strings.TrimRight(text[li.indent:], " ")
	li.content = body
	if body == "" || strings.HasPrefix(body, "#") {
		li.blank = true
		return li
	}
	li.inner = li.indent
	if body == "-" || strings.HasPrefix(body, "- ") {
		li.dash = true
		rest := strings.TrimLeft(strings.TrimPrefix(body, "-"), " ")
		li.inner = li.indent + len(body) - len(rest)
		if rest == "" || strings.HasPrefix(rest, "#") {
			li.opens = true
			return li
		}
		body = rest
	}
	if m := keyLineRE.FindStringSubmatch(body); m != nil {
		li.key = m[1]
		v := strings.TrimSpace(m[3])
		if i := strings.Index(v, " #"); i >= 0 || strings.HasPrefix(v, "#") {
			if i < 0 {
				i = 0
			}
			v = strings.TrimSpace(v[:i])
		}
		li.opens = v == ""
		li.block = strings.HasPrefix(v, "|") || strings.HasPrefix(v, ">")
	}
	return li
}

// openQuote returns the column (0-based) of a quote that the line leaves open, or -1.
// Brackets of flow collections are counted in depth.
func openQuote(text string, depth *int) int {
	var q byte
	start := -1
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch {
		case q == '"' && ch == '\\':
			i++
		case q != 0 && ch == q:
			if q == '\'' && i+1 < len(text) && text[i+1] == '\'' {
				i++
				continue
			}
			q = 0
		case q != 0:
		case ch == '#' && (i == 0 || text[i-1] == ' '):
			return -1
		case (ch == '"' || ch == '\'') && (i == 0 || strings.IndexByte(" :[{,-", text[i-1]) >= 0):
			q, start = ch, i
		case ch == '[' || ch == '{':
			*depth++
		case ch == ']' || ch == '}':
			if *depth > 0 {
				*depth--
			}
		}
	}
	if q != 0 {
		return start
	}
	return -1
}

// unclosedQuote finds a quote left open on its line, up to the parser's line: YAML would
// read on to the next quote, lines later, and complain there.
func (s *source) unclosedQuote(upto int) (finding, bool) {
	depth := 0
	for i, text := range s.lines {
		if upto > 0 && i+1 > upto {
			break
		}
		if col := openQuote(text, &depth); col >= 0 {
			fixed := strings.TrimRight(text, " ") + string(text[col])
			return finding{line: i + 1, column: utf8.RuneCountInString(text[:col]) + 1,
				msg: i18n.T("syntax.quote"), hint: i18n.T("syntax.quote.hint", string(text[col])), fixed: fixed}, true
		}
	}
	return finding{}, false
}

// level is an open block of the structure check: a mapping's keys or a list's items stand
// at its indentation.
type level struct {
	indent int
	list   bool
}

// indentation checks the block structure line by line, up to line upto (0: to the end),
// and finds the first line whose indentation fits no open block, a list item without "- "
// and a key indented under a line that has its value already.
func (s *source) indentation(upto int) (finding, bool) {
	stack := []level{{0, false}}
	depth := 0    // of flow collections that run over lines
	blockAt := -1 // a block of text runs while lines are indented more than this
	var prev lineInfo
	for i, text := range s.lines {
		if upto > 0 && i >= upto {
			break
		}
		li := scan(text)
		if blockAt >= 0 {
			if li.blank || li.indent > blockAt {
				continue
			}
			blockAt = -1
		}
		if depth > 0 || li.blank {
			openQuote(text, &depth)
			continue
		}
		open := stack
		// Close the blocks indented more than this line.
		for len(stack) > 1 && stack[len(stack)-1].indent > li.indent {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1]
		bad := false
		switch {
		case li.indent > top.indent && prev.opens:
			stack = append(stack, level{li.indent, li.dash})
		case li.indent == top.indent && li.dash && !top.list && prev.opens:
			// "key:" with its list at the same indentation, as YAML allows.
			stack = append(stack, level{li.indent, true})
		case li.indent == top.indent && li.dash == top.list:
		case li.indent == top.indent && top.list && !li.dash:
			return s.missingDash(i+1, li), true
		default:
			bad = true
		}
		if bad {
			if li.indent > top.indent && li.key == "" {
				// A text running on over several lines, as YAML allows.
				openQuote(text, &depth)
				continue
			}
			return s.misindented(i+1, li, open), true
		}
		if li.dash && li.key != "" {
			stack = append(stack, level{li.inner, false})
		}
		if li.block {
			blockAt = li.indent
			if li.dash {
				blockAt = li.inner
			}
		}
		openQuote(text, &depth)
		prev = li
	}
	return finding{}, false
}

// misindented reports line n, whose indentation fits no open block, and moves it to the
// nearest block's indentation.
func (s *source) misindented(n int, li lineInfo, stack []level) finding {
	best := stack[0].indent
	for _, l := range stack {
		if d, bd := abs(l.indent-li.indent), abs(best-li.indent); d < bd || d == bd && l.indent > best {
			best = l.indent
		}
	}
	return finding{line: n, column: li.indent + 1, msg: i18n.T("syntax.indent", li.indent, best),
		hint: i18n.T("syntax.indent.fix", best), fixed: strings.Repeat(" ", best) + li.content}
}

// missingDash reports line n, which stands among list items without the "- " that starts one.
func (s *source) missingDash(n int, li lineInfo) finding {
	return finding{line: n, column: li.indent + 1, msg: i18n.T("syntax.dash"), hint: i18n.T("syntax.dash.hint"),
		fixed: strings.Repeat(" ", li.indent) + "- " + li.content}
}

// contextError reports whether the parser names the start of the enclosing block for a
// mistake rather than the mistake.
func contextError(msg string) bool {
	return strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "did not find expected '-'") ||
		strings.Contains(msg, "did not find expected node content") || strings.Contains(msg, "did not find expected ',' or")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// syntaxHint explains the YAML parser's most common complaints.
func syntaxHint(msg string) i18n.Text {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return i18n.T("syntax.mapping.hint")
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"):
		return i18n.T("syntax.indent.hint")
	case strings.Contains(msg, "found character that cannot start any token"):
		return i18n.T("syntax.char.hint")
	case strings.Contains(msg, "could not find expected ':'"):
		return i18n.T("syntax.colon.hint")
	case strings.Contains(msg, "excessive aliasing"):
		return i18n.T("alias.hint")
	}
	return i18n.Text{}
}

// untab reports every line indented with a tab and indents it with spaces instead, two for
// each tab; a line that then stands wrongly is moved silently by the structure check.
func (s *source) untab(c *collector) {
	for i, text := range s.lines {
		indent := len(text) - len(strings.TrimLeft(text, " \t"))
		j := strings.IndexByte(text[:indent], '\t')
		if j < 0 || indent == len(text) {
			continue
		}
		c.at(Pos{i + 1, j + 1}, "", i18n.T("load.tab"), i18n.T("load.tab.hint"))
		s.lines[i] = strings.ReplaceAll(text[:indent], "\t", "  ") + text[indent:]
		s.repaired[i+1]++
	}
}

// drop removes the problems found after the first syntax check (from index from on) that
// stand on repaired lines, and, when a line was commented out, the missing keys that may
// have stood on it.
func (s *source) drop(c *collector, from int) {
	if len(s.repaired) == 0 {
		return
	}
	keep := c.list[:from]
	for _, d := range c.list[from:] {
		if s.repaired[d.Pos.Line] > 0 || s.dropped && d.Msg.ID == "decode.required.missing" {
			continue
		}
		keep = append(keep, d)
	}
	c.list = keep
}
