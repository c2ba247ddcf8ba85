package pdfread

import (
	"fmt"
	"strconv"
)

// parser reads objects from a lexer within limits: the nesting depth of arrays and
// dictionaries, and an estimate of the memory the objects read take.
type parser struct {
	lex      lexer
	ahead    [2]lookahead // tokens read ahead when looking for "num gen R"
	nahead   int
	refs     bool // read "num gen R" as references (content streams have none)
	maxDepth int
	mem      int64  // estimated bytes of the objects read so far
	maxMem   int64  // what they may take
	limit    int64  // the limit of which maxMem is what is left, for messages
	start    int    // where the parse began in lex
	values   int    // values read
	maxWork  int    // what bytes read and 32 for each value may come to (0: no limit)
	where    string // what is read, for errors: "object 12", "the page content"
}

// Estimates of the memory a value takes beyond its text, and a dictionary entry beyond
// its key and value.
const (
	costValue = 32
	costEntry = 48
)

// lookahead is a token read ahead, or the error met reading it.
type lookahead struct {
	token
	err error
}

// keyword is a bare word read where a value may stand; the caller decides what it means.
type keyword string

func (p *parser) charge(n int) error {
	if p.mem += int64(n); p.maxMem > 0 && p.mem > p.maxMem {
		return limitf(p.where, "its objects take more than %s of memory", mb(max(p.limit, p.maxMem)))
	}
	return nil
}

// next returns the next token, the ones read ahead first.
func (p *parser) next() (token, error) {
	if p.nahead > 0 {
		t := p.ahead[0]
		p.ahead[0], p.ahead[1] = p.ahead[1], lookahead{}
		p.nahead--
		return t.token, t.err
	}
	return p.lex.next()
}

// peek returns the token i places (0 or 1) ahead of the next one, reading it ahead.
func (p *parser) peek(i int) (token, error) {
	for p.nahead <= i {
		t, err := p.lex.next()
		p.ahead[p.nahead] = lookahead{t, err}
		p.nahead++
		if err != nil {
			return t, err
		}
	}
	return p.ahead[i].token, p.ahead[i].err
}

// object reads the next value; a bare word comes back as a keyword, the end as errEnd.
func (p *parser) object() (Object, error) {
	t, err := p.next()
	if err != nil {
		return nil, err
	}
	return p.value(t, 0)
}

// work is the work of the parse so far, as Limits.Parse counts it.
func (p *parser) work() int { return p.lex.i - p.start + costValue*p.values }

// errParseWork stops a parse that would exceed Limits.Parse.
var errParseWork = fmt.Errorf("parse work")

// errEnd is returned by object at the end of the input.
var errEnd = fmt.Errorf("unexpected end")

// value reads the value whose first token is t, at nesting depth depth.
func (p *parser) value(t token, depth int) (Object, error) {
	if err := p.charge(costValue + len(t.s)); err != nil {
		return nil, err
	}
	if p.values++; p.maxWork > 0 && p.work() > p.maxWork {
		return nil, errParseWork
	}
	switch t.kind {
	case tEOF:
		return nil, errEnd
	case tNum:
		if p.refs && t.isInt() {
			if gen, err := p.peek(0); err == nil && gen.isInt() {
				if r, err := p.peek(1); err == nil && r.kind == tWord && r.s == "R" {
					p.nahead = 0
					return Ref{Num: int(t.num), Gen: int(gen.num)}, nil
				}
			}
		}
		return Number(t.num), nil
	case tName:
		return Name(t.s), nil
	case tStr:
		return String(t.s), nil
	case tBad:
		return Bad(t.s), nil
	case tWord:
		switch t.s {
		case "true":
			return Bool(true), nil
		case "false":
			return Bool(false), nil
		case "null":
			return nil, nil
		}
		return keyword(t.s), nil
	case tOpenArr, tOpenDict:
		if depth >= p.maxDepth {
			return nil, limitf(p.where, "arrays and dictionaries nested deeper than %d (at byte %d)", p.maxDepth, t.pos)
		}
		if t.kind == tOpenArr {
			return p.array(t, depth+1)
		}
		return p.dict(t, depth+1)
	}
	return nil, fmt.Errorf("unexpected %s at byte %d", tokenText(t), t.pos)
}

func tokenText(t token) string {
	switch t.kind {
	case tOpenArr:
		return `"["`
	case tCloseArr:
		return `"]"`
	case tOpenDict:
		return `"<<"`
	case tCloseDict:
		return `">>"`
	case tNum:
		return strconv.FormatFloat(t.num, 'f', -1, 64)
	case tEOF:
		return "the end"
	case tName:
		return "/" + t.s
	}
	return fmt.Sprintf("%q", t.s)
}

// array reads the elements of an array after its [.
func (p *parser) array(open token, depth int) (Object, error) {
	var a Array
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tCloseArr:
			return a, nil
		case tEOF:
			return nil, fmt.Errorf("unterminated array at byte %d", open.pos)
		}
		v, err := p.value(t, depth)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(keyword); ok {
			return nil, fmt.Errorf("unterminated array at byte %d (%q in it)", open.pos, t.s)
		}
		a = append(a, v)
	}
}

// dict reads the entries of a dictionary after its <<. A key without a value is null.
func (p *parser) dict(open token, depth int) (Object, error) {
	d := Dict{}
	for {
		k, err := p.next()
		if err != nil {
			return nil, err
		}
		switch k.kind {
		case tCloseDict:
			return d, nil
		case tEOF:
			return nil, fmt.Errorf("unterminated dictionary at byte %d", open.pos)
		case tName:
		default:
			return nil, fmt.Errorf("dictionary at byte %d: key %s is not a name", open.pos, tokenText(k))
		}
		if err := p.charge(costEntry + len(k.s)); err != nil {
			return nil, err
		}
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tCloseDict {
			return d, nil
		}
		v, err := p.value(t, depth)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(keyword); ok {
			return nil, fmt.Errorf("unterminated dictionary at byte %d (%q in it)", open.pos, t.s)
		}
		d[Name(k.s)] = v
	}
}
