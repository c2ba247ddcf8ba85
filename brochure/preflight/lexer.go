package preflight

import (
	"bytes"
	"fmt"
	"strconv"
)

// kind is the type of a content stream operand.
type kind int

const (
	kNum kind = iota
	kName
	kStr
	kArr
	kDict
	kBool
	kNull
	kBad // a word that looks like a number but is none, e.g. 1e5 or 1.2.3
)

// operand is one operand of a content stream operator.
type operand struct {
	kind kind
	num  float64
	s    string    // name (without the slash), the bytes of a string, or a bad word
	arr  []operand // array elements, or dict keys and values alternating
}

// op is an operator with its operands, as it stands in the content stream.
type op struct {
	name string
	args []operand
	pos  int // byte offset of the operator in the stream
}

// lexer splits a content stream into operators with their operands (ISO 32000-1, 7.2
// and 8.9.7 for inline images).
type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// next returns the next operator, or ok false at the end of the stream.
func (l *lexer) next() (o op, ok bool, err error) {
	var stack []operand
	for {
		t, isOp, end, err := l.token()
		if err != nil {
			return op{}, false, err
		}
		if end {
			return op{}, false, nil
		}
		if !isOp {
			stack = append(stack, t)
			continue
		}
		o = op{name: t.s, args: stack, pos: l.i - len(t.s)}
		if o.name == "BI" {
			pos := o.pos
			o, err = l.inlineImage()
			if err != nil {
				return op{}, false, err
			}
			o.pos = pos
		}
		return o, true, nil
	}
}

// token reads one operand, or an operator (isOp), or reports the end.
func (l *lexer) token() (t operand, isOp, end bool, err error) {
	l.skipSpace()
	if l.i >= len(l.b) {
		return t, false, true, nil
	}
	c := l.b[l.i]
	switch {
	case c == '/':
		l.i++
		return operand{kind: kName, s: l.regular()}, false, false, nil
	case c == '(':
		s, err := l.literal()
		return operand{kind: kStr, s: s}, false, false, err
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		return l.collection(">>", kDict)
	case c == '<':
		s, err := l.hex()
		return operand{kind: kStr, s: s}, false, false, err
	case c == '[':
		l.i++
		return l.collection("]", kArr)
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		return t, false, false, fmt.Errorf("unexpected %q at byte %d", c, l.i)
	}
	word := l.regular()
	if word == "" {
		return t, false, false, fmt.Errorf("unexpected %q at byte %d", c, l.i)
	}
	if (word[0] >= '0' && word[0] <= '9') || word[0] == '-' || word[0] == '+' || word[0] == '.' {
		if !isNumber(word) {
			return operand{kind: kBad, s: word}, false, false, nil
		}
		v, err := strconv.ParseFloat(word, 64)
		if err != nil { // out of range
			return operand{kind: kBad, s: word}, false, false, nil
		}
		return operand{kind: kNum, num: v}, false, false, nil
	}
	switch word {
	case "true", "false":
		return operand{kind: kBool, s: word}, false, false, nil
	case "null":
		return operand{kind: kNull}, false, false, nil
	}
	return operand{s: word}, true, false, nil
}

// isNumber reports whether word is a PDF number (ISO 32000-1, 7.3.3): a sign, digits
// and at most one period, without exponent, hexadecimal, Inf or NaN.
func isNumber(word string) bool {
	if word[0] == '+' || word[0] == '-' {
		word = word[1:]
	}
	digits, dots := 0, 0
	for i := 0; i < len(word); i++ {
		switch c := word[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// collection reads array or dictionary elements up to the closing delimiter.
func (l *lexer) collection(closing string, k kind) (operand, bool, bool, error) {
	res := operand{kind: k}
	for {
		l.skipSpace()
		if bytes.HasPrefix(l.b[l.i:], []byte(closing)) {
			l.i += len(closing)
			return res, false, false, nil
		}
		t, isOp, end, err := l.token()
		if err != nil {
			return res, false, false, err
		}
		if end || isOp {
			return res, false, false, fmt.Errorf("unterminated %s at byte %d", map[kind]string{kArr: "array", kDict: "dictionary"}[k], l.i)
		}
		res.arr = append(res.arr, t)
	}
}

func (l *lexer) skipSpace() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		if !isSpace(c) {
			return
		}
		l.i++
	}
}

func (l *lexer) regular() string {
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	return string(l.b[start:l.i])
}

// literal reads a (string) with nested parentheses and escapes.
func (l *lexer) literal() (string, error) {
	start := l.i
	l.i++
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '\\':
			if l.i >= len(l.b) {
				break
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for n := 0; n < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; n++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		case '(':
			depth++
			out = append(out, c)
		case ')':
			depth--
			if depth == 0 {
				return string(out), nil
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return "", fmt.Errorf("unterminated string at byte %d", start)
}

func (l *lexer) hex() (string, error) {
	start := l.i
	end := bytes.IndexByte(l.b[l.i:], '>')
	if end < 0 {
		return "", fmt.Errorf("unterminated hex string at byte %d", start)
	}
	var digits []byte
	for _, c := range l.b[l.i+1 : l.i+end] {
		if !isSpace(c) {
			digits = append(digits, c)
		}
	}
	l.i += end + 1
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for k := range out {
		v, err := strconv.ParseUint(string(digits[2*k:2*k+2]), 16, 8)
		if err != nil {
			return "", fmt.Errorf("bad hex string at byte %d", start)
		}
		out[k] = byte(v)
	}
	return string(out), nil
}

// inlineImage reads the dictionary of an inline image (after BI) and skips its data;
// it returns the operator "BI" with the dictionary as one kDict operand.
func (l *lexer) inlineImage() (op, error) {
	dict := operand{kind: kDict}
	for {
		t, isOp, end, err := l.token()
		if err != nil {
			return op{}, err
		}
		if end {
			return op{}, fmt.Errorf("inline image without ID")
		}
		if isOp {
			if t.s != "ID" {
				return op{}, fmt.Errorf("inline image: unexpected %s", t.s)
			}
			break
		}
		dict.arr = append(dict.arr, t)
	}
	l.i++ // the single white-space after ID
	for k := l.i; k+2 <= len(l.b); k++ {
		if l.b[k] == 'E' && l.b[k+1] == 'I' && isSpace(l.b[k-1]) && (k+2 == len(l.b) || isSpace(l.b[k+2]) || isDelim(l.b[k+2])) {
			l.i = k + 2
			return op{name: "BI", args: []operand{dict}}, nil
		}
	}
	return op{}, fmt.Errorf("inline image without EI")
}

// get returns the value of key in a dictionary operand.
func (o operand) get(keys ...string) (operand, bool) {
	for k := 0; k+1 < len(o.arr); k += 2 {
		for _, key := range keys {
			if o.arr[k].kind == kName && o.arr[k].s == key {
				return o.arr[k+1], true
			}
		}
	}
	return operand{}, false
}
