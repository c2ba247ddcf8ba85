package pdfread

import (
	"bytes"
	"errors"
	"fmt"
)

// readXRef reads the chain of cross-reference sections from the last startxref: tables
// and streams, following /Prev and /XRefStm, each section once and at most
// Limits.XRefSections of them. An entry of a newer section hides the older ones.
func (f *File) readXRef() error {
	off, err := f.startXRef()
	if err != nil {
		return err
	}
	visited := map[int64]bool{}
	for n := 0; off >= 0; n++ {
		if visited[off] {
			f.problem(fmt.Errorf("the cross-reference sections form a loop (at byte %d)", off))
			break
		}
		visited[off] = true
		if n == f.lim.XRefSections {
			f.problem(limitf("the cross-reference table", "more than %d sections (/Prev); the older ones are not read", f.lim.XRefSections))
			break
		}
		trailer, err := f.section(off)
		if err != nil {
			return fmt.Errorf("cross-reference section at byte %d: %w", off, err)
		}
		if x, ok := trailer["XRefStm"].(Number); ok && !visited[int64(x)] {
			visited[int64(x)] = true
			if _, err := f.section(int64(x)); err != nil {
				return fmt.Errorf("cross-reference stream at byte %d: %w", int64(x), err)
			}
		}
		for k, v := range trailer {
			if _, ok := f.trailer[k]; !ok {
				f.trailer[k] = v
			}
		}
		off = -1
		if p, ok := trailer["Prev"].(Number); ok {
			off = int64(p)
		}
	}
	return nil
}

// startXRef finds the offset after the last "startxref" near the end of the file.
func (f *File) startXRef() (int64, error) {
	tail := f.data[max(0, len(f.data)-4096):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("no startxref at the end of the file")
	}
	l := lexer{b: tail, i: i + len("startxref")}
	t, err := l.next()
	if err != nil || !t.isInt() {
		return 0, errors.New("startxref gives no offset")
	}
	return int64(t.num), nil
}

// add enters an entry unless a newer section has one for the object.
func (f *File) add(num int, e xrefEntry) {
	if num <= 0 {
		return
	}
	if _, ok := f.xref[num]; !ok && f.room() {
		f.xref[num] = e
	}
}

// room reports whether the cross-reference table may take another object
// (Limits.Objects), keeping the problem once when it may not.
func (f *File) room() bool {
	if len(f.xref) < f.lim.Objects {
		return true
	}
	f.problem(limitf("the cross-reference table", "more than %d objects; the rest are not read", f.lim.Objects))
	return false
}

// section reads the cross-reference table or stream at off and returns its trailer.
func (f *File) section(off int64) (Dict, error) {
	err := errors.New("neither a table nor a stream")
	for _, o := range []int64{off, off + int64(f.header)} {
		if o < 0 || o >= int64(len(f.data)) {
			continue
		}
		l := lexer{b: f.data, i: int(o)}
		t, lerr := l.next()
		switch {
		case lerr != nil:
		case t.kind == tWord && t.s == "xref":
			return f.table(&l)
		case t.isInt():
			d, serr := f.xrefStream(o)
			if serr == nil {
				return d, nil
			}
			err = serr
		}
		if f.header == 0 {
			break // the second offset is the first
		}
	}
	return nil, err
}

// table reads a cross-reference table after its keyword "xref", then its trailer.
func (f *File) table(l *lexer) (Dict, error) {
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tWord && t.s == "trailer" {
			p := f.parser(f.data, l.i, "the trailer")
			o, err := p.object()
			if err = f.done(p, err); err != nil {
				return nil, err
			}
			d, ok := o.(Dict)
			if !ok {
				return nil, errors.New("the trailer is no dictionary")
			}
			return d, nil
		}
		c, err := l.next()
		if err != nil || !t.isInt() || !c.isInt() {
			return nil, fmt.Errorf("bad subsection header at byte %d", t.pos)
		}
		start, count := int(t.num), int(c.num)
		for k := 0; k < count; k++ {
			o, err1 := l.next()
			g, err2 := l.next()
			u, err3 := l.next()
			if err1 != nil || err2 != nil || err3 != nil || !o.isInt() || !g.isInt() || u.kind != tWord || (u.s != "n" && u.s != "f") {
				return nil, fmt.Errorf("bad entry at byte %d", o.pos)
			}
			if k == 0 && start == 1 && u.s == "f" && g.num == 65535 {
				start = 0 // a common mistake: the table of objects 0… headed "1 n"
			}
			e := xrefEntry{kind: eFree}
			if u.s == "n" {
				e = xrefEntry{kind: eOffset, off: int64(o.num), gen: int32(g.num)}
			}
			f.add(start+k, e)
		}
	}
}

// xrefStream reads a cross-reference stream (PDF 1.5) at off and returns its dictionary as
// the trailer.
func (f *File) xrefStream(off int64) (Dict, error) {
	o, _, err := f.parseAt(off, -1)
	if err != nil {
		return nil, err
	}
	s, ok := o.(*Stream)
	if !ok || s.Dict.Name("Type") != "XRef" {
		return nil, errors.New("no cross-reference stream")
	}
	data, err := f.Decode(s)
	if err != nil {
		return nil, err
	}
	w, _ := s.Dict["W"].(Array)
	var widths [3]int
	row := 0
	for i := range widths {
		if i < len(w) {
			n, _ := w[i].(Number)
			widths[i] = int(n)
		}
		if widths[i] < 0 || widths[i] > 8 || len(w) != 3 {
			return nil, fmt.Errorf("bad /W %s", Describe(w))
		}
		row += widths[i]
	}
	if row == 0 {
		return nil, errors.New("/W gives rows of no bytes")
	}
	index, _ := s.Dict["Index"].(Array)
	if index == nil {
		size, _ := s.Dict["Size"].(Number)
		index = Array{Number(0), size}
	}
	field := func(b []byte, def int64) int64 {
		if len(b) == 0 {
			return def
		}
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	for i := 0; i+1 < len(index) && len(data) >= row; i += 2 {
		start, _ := index[i].(Number)
		count, _ := index[i+1].(Number)
		if start < 0 || start > 1<<31 || count < 0 {
			return nil, fmt.Errorf("bad /Index %s", Describe(index))
		}
		for k := 0; k < int(min(count, 1<<31)) && len(data) >= row; k++ {
			r := data[:row]
			data = data[row:]
			typ := field(r[:widths[0]], 1)
			a := field(r[widths[0]:widths[0]+widths[1]], 0)
			b := field(r[widths[0]+widths[1]:], 0)
			num := int(start) + k
			switch typ {
			case 0:
				f.add(num, xrefEntry{kind: eFree})
			case 1:
				f.add(num, xrefEntry{kind: eOffset, off: a, gen: int32(b)})
			case 2:
				if a > 0 && a < 1<<31 {
					f.add(num, xrefEntry{kind: eInStream, off: a, gen: int32(b)})
				}
			}
		}
	}
	return s.Dict, nil
}
