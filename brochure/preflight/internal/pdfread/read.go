package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
)

// entryKind says where the cross-reference table puts an object.
type entryKind uint8

const (
	eFree     entryKind = iota + 1
	eOffset             // at a byte offset in the file
	eInStream           // in an object stream
)

// xrefEntry is one entry of the cross-reference table: an offset and generation, or
// the number of an object stream and the index in it.
type xrefEntry struct {
	kind entryKind
	gen  int32
	off  int64
}

// errNotHere says that an offset does not hold the object header wanted.
var errNotHere = errors.New("the cross-reference table points elsewhere")

// read reads object num from where the cross-reference table puts it, rebuilding the table
// once when it points to the wrong place. mem estimates the memory the object takes.
func (f *File) read(num int) (o Object, mem int64, err error) {
	e, ok := f.xref[num]
	if !ok || e.kind == eFree {
		return nil, 0, nil
	}
	if e.kind == eInStream {
		return f.fromStream(int(e.off), int(e.gen), num)
	}
	o, mem, err = f.parseAt(e.off, num)
	if errors.Is(err, errNotHere) && f.header > 0 {
		o, mem, err = f.parseAt(e.off+int64(f.header), num)
	}
	if errors.Is(err, errNotHere) && !f.repaired {
		f.repair(fmt.Sprintf("object %d is not where it says", num))
		return f.read(num)
	}
	return o, mem, err
}

// parser returns a parser of the file's objects from offset off, for the object where,
// with what is left of the memory and the parse work of the file. Call done after the
// parse.
func (f *File) parser(data []byte, off int, where string) *parser {
	return &parser{lex: lexer{b: data, i: off}, refs: true, maxDepth: f.lim.Depth, maxMem: max(1, f.lim.ObjectMemory-f.mem),
		limit: f.lim.ObjectMemory, where: where, start: off, maxWork: int(max(1, f.lim.Parse-f.parsed))}
}

// done counts the bytes a parser read against Limits.Parse, and turns its running out of
// the limit into a LimitError.
func (f *File) done(p *parser, err error) error {
	f.parsed += int64(max(0, p.work()))
	if errors.Is(err, errParseWork) || (err == nil && f.parsed > f.lim.Parse) {
		f.parseCut = true
		return limitf(p.where, "the objects of the file take more than %s to parse (a value counts 32 bytes); the rest are not read", mb(f.lim.Parse))
	}
	return err
}

// parseAt reads "num gen obj … endobj" at off; want is the object number expected there
// (-1: any). mem estimates the memory the object takes.
func (f *File) parseAt(off int64, want int) (Object, int64, error) {
	o, _, mem, err := f.readAt(off, want)
	return o, mem, err
}

// readAt reads the object at off as parseAt does and returns where it ends too.
func (f *File) readAt(off int64, want int) (o Object, end int, mem int64, err error) {
	if off < 0 || off >= int64(len(f.data)) {
		return nil, 0, 0, errNotHere
	}
	l := lexer{b: f.data, i: int(off)}
	n, err1 := l.next()
	g, err2 := l.next()
	kw, err3 := l.next()
	if err1 != nil || err2 != nil || err3 != nil || !n.isInt() || !g.isInt() || kw.kind != tWord || kw.s != "obj" || (want >= 0 && int(n.num) != want) {
		return nil, 0, 0, errNotHere
	}
	ref := Ref{Num: int(n.num), Gen: int(g.num)}
	if f.parseCut {
		return nil, 0, 0, limitf(ref.String(), "the objects of the file take more than %s to parse (a value counts 32 bytes); the rest are not read", mb(f.lim.Parse))
	}
	p := f.parser(f.data, l.i, ref.String())
	o, err = p.object()
	t, _ := p.next() // "stream", or what follows
	if err = f.done(p, err); err != nil {
		return nil, 0, 0, err
	}
	end = t.pos
	if k, ok := o.(keyword); ok {
		if k != "endobj" {
			return nil, 0, 0, fmt.Errorf("unexpected %q", string(k))
		}
		return nil, end, p.mem, nil
	}
	if t.kind == tWord && t.s == "stream" {
		d, ok := o.(Dict)
		if !ok {
			return nil, 0, 0, fmt.Errorf("a stream whose dictionary is %s", Kind(o))
		}
		var raw []byte
		raw, end, err = f.streamData(d, t.pos+len(t.s), ref)
		if err != nil {
			return nil, 0, 0, err
		}
		o = &Stream{Dict: d, Ref: ref, raw: raw}
	}
	if f.crypt != nil && ref.Num != f.encRef {
		o = f.crypt.strings(o, ref)
	}
	return o, end, p.mem, nil
}

// streamData finds the data of a stream whose keyword "stream" ends at start: /Length
// bytes when "endstream" follows them, else up to the next "endstream". end is where the
// data ends.
func (f *File) streamData(d Dict, start int, ref Ref) (data []byte, end int, err error) {
	b := f.data
	if start < len(b) && b[start] == '\r' {
		start++
	}
	if start < len(b) && b[start] == '\n' {
		start++
	}
	if n, ok := f.length(d["Length"]); ok && n >= 0 && int64(start)+n <= int64(len(b)) {
		end := start + int(n)
		l := lexer{b: b, i: end}
		l.skipSpace()
		if bytes.HasPrefix(b[l.i:], []byte("endstream")) {
			return b[start:end:end], end, nil
		}
	}
	end = f.nextEndstream(start)
	if end < 0 {
		return nil, 0, fmt.Errorf("the stream has no endstream")
	}
	if end > start && b[end-1] == '\n' {
		end--
	}
	if end > start && b[end-1] == '\r' {
		end--
	}
	return b[start:end:end], end, nil
}

// length reads a stream's /Length, following a reference.
func (f *File) length(o Object) (int64, bool) {
	if r, ok := o.(Ref); ok {
		o = f.load(r)
	}
	n, ok := o.(Number)
	if !ok || n != Number(int64(n)) {
		return 0, false
	}
	return int64(n), true
}

// nextEndstream returns the offset of the first "endstream" at or after from, or -1. The
// offsets are found once, so that many streams with wrong lengths cost one pass over the
// file; they take at most 4 bytes for every 9 of the file.
func (f *File) nextEndstream(from int) int {
	if f.ends == nil {
		f.ends = []int32{} // the file has less than 2 GB (Limits.FileSize)
		kw := []byte("endstream")
		for i := 0; ; {
			j := bytes.Index(f.data[i:], kw)
			if j < 0 {
				break
			}
			f.ends = append(f.ends, int32(i+j))
			i += j + len(kw)
		}
	}
	k := sort.Search(len(f.ends), func(k int) bool { return int(f.ends[k]) >= from })
	if k == len(f.ends) {
		return -1
	}
	return int(f.ends[k])
}

// objStm is a decoded object stream: its data and where each object stands in it.
type objStm struct {
	data []byte
	nums []int
	offs []int
}

// fromStream reads object num, the index-th of object stream stm.
func (f *File) fromStream(stm, index, num int) (Object, int64, error) {
	os, err := f.objStm(stm)
	if err != nil {
		return nil, 0, err
	}
	if index < 0 || index >= len(os.nums) || os.nums[index] != num {
		index = -1
		for i, n := range os.nums {
			if n == num {
				index = i
				break
			}
		}
		if index < 0 {
			return nil, 0, fmt.Errorf("object stream %d does not hold it", stm)
		}
	}
	p := f.parser(os.data, os.offs[index], Ref{Num: num}.String())
	o, err := p.object()
	if err = f.done(p, err); err != nil {
		return nil, 0, err
	}
	if k, ok := o.(keyword); ok {
		return nil, 0, fmt.Errorf("unexpected %q in object stream %d", string(k), stm)
	}
	return o, p.mem, nil
}

// objStm decodes object stream stm once and reads its index.
func (f *File) objStm(stm int) (*objStm, error) {
	if os, ok := f.objStms[stm]; ok {
		if os == nil {
			return nil, fmt.Errorf("object stream %d cannot be read", stm)
		}
		return os, nil
	}
	f.objStms[stm] = nil // until read: an object stream that needs itself fails
	if e := f.xref[stm]; e.kind != eOffset {
		return nil, fmt.Errorf("object stream %d is not a stream in the file", stm)
	}
	s, ok := f.load(Ref{Num: stm}).(*Stream)
	if !ok {
		return nil, fmt.Errorf("object %d is no object stream", stm)
	}
	data, err := f.Decode(s)
	if err != nil {
		return nil, err
	}
	n, _ := s.Dict["N"].(Number)
	first, _ := s.Dict["First"].(Number)
	if n < 0 || first < 0 || int(first) > len(data) {
		return nil, fmt.Errorf("object stream %d: bad /N or /First", stm)
	}
	os := &objStm{data: data}
	l := lexer{b: data[:int(first)]}
	for i := 0; i < int(n); i++ {
		a, err1 := l.next()
		b, err2 := l.next()
		if err1 != nil || err2 != nil || !a.isInt() || !b.isInt() || int(first)+int(b.num) > len(data) {
			break
		}
		os.nums = append(os.nums, int(a.num))
		os.offs = append(os.offs, int(first)+int(b.num))
	}
	f.objStms[stm] = os
	f.mem += int64(len(data)) + 16*int64(len(os.nums))
	return os, nil
}
