package pdfread

import (
	"bytes"
	"fmt"
)

// repair rebuilds the cross-reference table by scanning the file for "num gen obj": the
// objects are read in the order they stand, and a "num gen obj" within an object read (in
// a string, say) is no object; a later definition of a number wins, as an update appends
// them. The trailer is merged from the "trailer" dictionaries and the cross-reference
// streams, and the objects of object streams are added. It runs once; why says what was
// broken.
func (f *File) repair(why string) {
	if f.repaired {
		return
	}
	f.repaired = true
	f.problem(fmt.Errorf("the cross-reference table is broken (%s); the objects were found by scanning the file", why))
	old := f.trailer
	f.reset()
	b := f.data
	var catalog Object
	var streams []int // object streams
	end := 0          // where the last object read ends
	kw := []byte("obj")
	for i := 0; ; {
		j := bytes.Index(b[i:], kw)
		if j < 0 {
			break
		}
		at := i + j
		i = at + len(kw)
		if i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
			continue // objx, or endobj's tail below
		}
		num, gen, start, ok := objectHeader(b, at)
		if !ok || start < end {
			continue
		}
		if _, known := f.xref[num]; !known && !f.room() {
			break
		}
		f.xref[num] = xrefEntry{kind: eOffset, off: int64(start), gen: int32(gen)}
		o, next, _, err := f.readAt(int64(start), num)
		if err != nil {
			if f.parseCut {
				break
			}
			continue
		}
		end = next
		var d Dict
		switch v := o.(type) {
		case Dict:
			d = v
		case *Stream:
			d = v.Dict
		}
		switch d.Name("Type") {
		case "Catalog":
			catalog = Ref{Num: num, Gen: gen}
		case "XRef":
			for _, k := range []Name{"Root", "Info", "ID", "Encrypt"} {
				if d[k] != nil {
					f.trailer[k] = d[k]
				}
			}
		case "ObjStm":
			streams = append(streams, num)
		}
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		i += j + len("trailer")
		p := f.parser(b, i, "a trailer")
		o, err := p.object()
		if f.done(p, err) == nil {
			if d, ok := o.(Dict); ok {
				for k, v := range d {
					f.trailer[k] = v
				}
			}
		}
	}
	for _, n := range streams {
		if os, err := f.objStm(n); err == nil {
			for k, m := range os.nums {
				if _, ok := f.xref[m]; !ok && f.room() {
					f.xref[m] = xrefEntry{kind: eInStream, off: int64(n), gen: int32(k)}
				}
			}
		}
	}
	for _, k := range []Name{"Root", "Info", "ID", "Encrypt"} {
		if f.trailer[k] == nil && old[k] != nil {
			f.trailer[k] = old[k]
		}
	}
	if f.Dict(f.trailer["Root"]).Name("Type") != "Catalog" && catalog != nil {
		f.trailer["Root"] = catalog
	}
}

// objectHeader reads "num gen " backwards from the keyword obj at at; start is where num
// begins.
func objectHeader(b []byte, at int) (num, gen, start int, ok bool) {
	k := at
	digits := func() (int, bool) {
		end := k
		for k > 0 && b[k-1] >= '0' && b[k-1] <= '9' && end-k < 10 {
			k--
		}
		if k == end {
			return 0, false
		}
		v := 0
		for _, c := range b[k:end] {
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	spaces := func() bool {
		end := k
		for k > 0 && isSpace(b[k-1]) {
			k--
		}
		return k < end
	}
	if !spaces() {
		return 0, 0, 0, false
	}
	gen, ok = digits()
	if !ok || !spaces() {
		return 0, 0, 0, false
	}
	num, ok = digits()
	if !ok || num == 0 || (k > 0 && !isSpace(b[k-1]) && !isDelim(b[k-1])) {
		return 0, 0, 0, false
	}
	return num, gen, k, true
}
