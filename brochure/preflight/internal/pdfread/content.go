package pdfread

import "fmt"

// Op is a content stream operator with its operands as they stand before it. Args is
// valid until the next call of Content.Next.
type Op struct {
	Name string
	Args []Object
	Pos  int // byte offset of the operator in the stream
}

// Limits of one operator in a content stream: the operands before it and the memory
// they take (a string counts its bytes, any other value about 32).
const (
	MaxOperands      = 128
	MaxOperandMemory = 16 << 20
)

// Content reads the operators of a content stream (ISO 32000-1, 7.8.2 and 8.9.7 for
// inline images).
type Content struct {
	p    parser
	args []Object // the operands, kept from operator to operator
}

// NewContent reads the content stream b; where names it in errors ("the page content").
func NewContent(b []byte, where string, depth int) *Content {
	return &Content{p: parser{lex: lexer{b: b}, maxDepth: depth, maxMem: MaxOperandMemory, where: where}}
}

// Next returns the next operator, or ok false at the end of the stream. Operands after
// the last operator are ignored.
func (c *Content) Next() (o Op, ok bool, err error) {
	clear(c.args)
	args := c.args[:0]
	defer func() { c.args = args }()
	c.p.mem = 0
	for {
		t, err := c.p.next()
		if err != nil {
			return Op{}, false, err
		}
		if t.kind == tEOF {
			return Op{}, false, nil
		}
		v, err := c.p.value(t, 0)
		if err != nil {
			return Op{}, false, err
		}
		if k, ok := v.(keyword); ok {
			if k == "BI" {
				o, err := c.inlineImage()
				o.Pos = t.pos
				return o, err == nil, err
			}
			return Op{Name: string(k), Args: args, Pos: t.pos}, true, nil
		}
		if len(args) >= MaxOperands {
			return Op{}, false, limitf(c.p.where, "more than %d operands before an operator (at byte %d)", MaxOperands, t.pos)
		}
		args = append(args, v)
	}
}

// inlineImage reads the dictionary of an inline image (after BI) and skips its data up to
// EI; it returns the operator "BI" with the dictionary as its one operand.
func (c *Content) inlineImage() (Op, error) {
	d := Dict{}
	for {
		t, err := c.p.next()
		if err != nil {
			return Op{}, err
		}
		switch {
		case t.kind == tEOF:
			return Op{}, fmt.Errorf("inline image without ID")
		case t.kind == tWord && t.s == "ID":
		case t.kind != tName:
			return Op{}, fmt.Errorf("inline image: unexpected %s at byte %d", tokenText(t), t.pos)
		default:
			vt, err := c.p.next()
			if err != nil {
				return Op{}, err
			}
			v, err := c.p.value(vt, 0)
			if err != nil {
				return Op{}, err
			}
			if _, ok := v.(keyword); ok {
				return Op{}, fmt.Errorf("inline image: unexpected %q at byte %d", vt.s, vt.pos)
			}
			d[Name(t.s)] = v
			continue
		}
		break
	}
	b := c.p.lex.b
	c.p.lex.i++ // the single white-space after ID
	for k := c.p.lex.i; k+2 <= len(b); k++ {
		if b[k] == 'E' && b[k+1] == 'I' && isSpace(b[k-1]) && (k+2 == len(b) || isSpace(b[k+2]) || isDelim(b[k+2])) {
			c.p.lex.i = k + 2
			return Op{Name: "BI", Args: []Object{d}}, nil
		}
	}
	return Op{}, fmt.Errorf("inline image without EI")
}
