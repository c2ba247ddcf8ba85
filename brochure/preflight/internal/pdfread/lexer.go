package pdfread

import (
	"fmt"
	"strconv"
	"strings"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF       tokKind = iota
	tNum               // a number
	tName              // /name
	tStr               // (literal) or <hex> string
	tWord              // a bare word: a keyword, an operator, true, false, null, R
	tBad               // a word that starts like a number but is none
	tOpenArr           // [
	tCloseArr          // ]
	tOpenDict          // <<
	tCloseDict         // >>
)

// token is one token of a file or content stream; pos is the byte where it starts.
type token struct {
	kind    tokKind
	integer bool // a number without a period
	s       string
	num     float64
	pos     int
}

// lexer splits PDF syntax into tokens (ISO 32000-1, 7.2 and 7.3). It never allocates more
// than the token it returns, whatever the input.
type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white-space and comments.
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

// next reads one token.
func (l *lexer) next() (token, error) {
	l.skipSpace()
	if l.i >= len(l.b) {
		return token{kind: tEOF, pos: l.i}, nil
	}
	start := l.i
	c := l.b[l.i]
	switch c {
	case '/':
		l.i++
		return token{kind: tName, s: l.name(), pos: start}, nil
	case '(':
		s, err := l.literal()
		return token{kind: tStr, s: s, pos: start}, err
	case '<':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
			l.i += 2
			return token{kind: tOpenDict, pos: start}, nil
		}
		s, err := l.hex()
		return token{kind: tStr, s: s, pos: start}, err
	case '>':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '>' {
			l.i += 2
			return token{kind: tCloseDict, pos: start}, nil
		}
	case '[':
		l.i++
		return token{kind: tOpenArr, pos: start}, nil
	case ']':
		l.i++
		return token{kind: tCloseArr, pos: start}, nil
	}
	if isDelim(c) {
		l.i++
		return token{pos: start}, fmt.Errorf("unexpected %q at byte %d", c, start)
	}
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	word := l.b[start:l.i]
	if c := word[0]; (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' {
		if v, integer, ok := number(word); ok {
			return token{kind: tNum, num: v, integer: integer, pos: start}, nil
		}
		return token{kind: tBad, s: string(word), pos: start}, nil
	}
	if k, ok := keywords[string(word)]; ok {
		return token{kind: tWord, s: k, pos: start}, nil
	}
	return token{kind: tWord, s: string(word), pos: start}, nil
}

// keywords are the words of the syntax and the content stream operators, kept once so
// that reading them allocates nothing.
var keywords = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields(`true false null obj endobj stream endstream R xref trailer startxref
		w J j M d ri i gs q Q cm m l c v y h re S s f F f* B B* b b* n W W* BT ET Tc Tw Tz TL Tf Tr Ts
		Td TD Tm T* Tj ' " TJ d0 d1 CS cs SC SCN sc scn G g RG rg K k sh Do BI ID EI MP DP BMC BDC EMC BX EX`) {
		m[w] = w
	}
	return m
}()

// number reads a PDF number (ISO 32000-1, 7.3.3): a sign, digits and at most one period,
// without exponent, hexadecimal, Inf or NaN. Up to 15 digits it computes the value
// directly, as exactly as strconv does.
func number(word []byte) (v float64, integer, ok bool) {
	neg := false
	w := word
	if w[0] == '+' || w[0] == '-' {
		neg = w[0] == '-'
		w = w[1:]
	}
	var mant uint64
	digits, frac, dots := 0, 0, 0
	exact := true
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			if mant >= 1e15 {
				exact = false
			}
			mant = mant*10 + uint64(c-'0')
			if dots > 0 {
				frac++
			}
			digits++
		case c == '.':
			dots++
		default:
			return 0, false, false
		}
	}
	if digits == 0 || dots > 1 {
		return 0, false, false
	}
	exact = exact && mant < 1<<53
	switch {
	case exact && frac == 0:
		v = float64(mant)
	case exact && frac <= 22:
		v = float64(mant) / pow10[frac]
	default:
		var err error
		if v, err = strconv.ParseFloat(string(word), 64); err != nil {
			return 0, false, false
		}
		return v, dots == 0, true
	}
	if neg {
		v = -v
	}
	return v, dots == 0, true
}

var pow10 = func() (p [23]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// isInt reports whether a number token is a non-negative integer as object numbers are.
func (t token) isInt() bool {
	return t.kind == tNum && t.integer && t.num >= 0 && t.num <= 1<<31
}

// name reads the characters of a name after its slash, decoding #xx.
func (l *lexer) name() string {
	start := l.i
	escaped := false
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		escaped = escaped || l.b[l.i] == '#'
		l.i++
	}
	raw := l.b[start:l.i]
	if !escaped {
		return string(raw)
	}
	out := make([]byte, 0, len(raw))
	for k := 0; k < len(raw); k++ {
		if raw[k] == '#' && k+2 < len(raw) {
			hi, ok1 := unhex(raw[k+1])
			lo, ok2 := unhex(raw[k+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				k += 2
				continue
			}
		}
		out = append(out, raw[k])
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// literal reads a (string) with balanced parentheses and escapes; an end of line in it
// reads as \n.
func (l *lexer) literal() (string, error) {
	start := l.i
	l.i++
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		// The bytes up to the next one that means something go in at once.
		run := l.i
		for run < len(l.b) && l.b[run] != '\\' && l.b[run] != '(' && l.b[run] != ')' && l.b[run] != '\r' {
			run++
		}
		out = append(out, l.b[l.i:run]...)
		if l.i = run; l.i >= len(l.b) {
			break
		}
		c := l.b[l.i]
		l.i++
		switch c {
		case '\\':
			if l.i >= len(l.b) {
				continue
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
		case '\r':
			if l.i < len(l.b) && l.b[l.i] == '\n' {
				l.i++
			}
			out = append(out, '\n')
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

// hex reads a <hexadecimal string>; an odd last digit is followed by 0.
func (l *lexer) hex() (string, error) {
	start := l.i
	l.i++
	var out []byte
	var hi byte
	half := false
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return string(out), nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return "", fmt.Errorf("bad hex string at byte %d", start)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return "", fmt.Errorf("unterminated hex string at byte %d", start)
}
