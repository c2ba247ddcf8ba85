// Package pdfread reads the objects of a PDF file that comes from outside, within limits
// set by design: the size of the file, the decoded size of each stream and of all streams
// together, the nesting of arrays and dictionaries, the memory its objects take, the
// cross-reference chain and the page tree. A file that exceeds a limit, or whose structure
// is broken, is read as far as it can be; each problem is kept, naming the object, for the
// caller to report (File.Problems).
//
// Nothing here recurses on the file's structure without a bound: the page tree is walked
// with an explicit stack and a visited set, references are followed with a cycle check,
// and the parser stops at Limits.Depth.
package pdfread

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
)

// File is a PDF file being read.
type File struct {
	data    []byte
	lim     Limits
	version string // of the header, e.g. "1.3"
	header  int    // offset of %PDF- in data

	xref    map[int]xrefEntry
	trailer Dict
	crypt   *crypt
	encRef  int // object number of the /Encrypt dictionary, whose strings are not encrypted

	cache    map[int]Object
	loading  map[int]bool
	objStms  map[int]*objStm
	mem      int64   // estimated memory of the cached objects
	decoded  int64   // bytes read and written by decoding so far
	ends     []int32 // offsets of every "endstream", found once when a /Length is wrong
	parsed   int64   // work of parsing objects so far (Limits.Parse)
	parseCut bool    // Limits.Parse is exhausted
	repaired bool
	pagesCut bool // the page tree held more than Limits.Pages pages

	problems []error
	seen     map[string]bool
	dropped  int // problems beyond maxProblems
}

// maxProblems caps the problems kept; the rest are counted.
const maxProblems = 1000

// ErrNotPDF is returned for a file that does not begin with a PDF header.
var ErrNotPDF = errors.New("the file is not a PDF: it does not begin with %PDF-")

// Open reads the structure of the PDF file data: its header, cross-reference table and
// trailer (rebuilding the table by scanning the file when it is broken), and sets up
// decryption with the empty user password.
func Open(data []byte, lim Limits) (*File, error) {
	if int64(len(data)) > lim.FileSize {
		return nil, limitf("the file", "it has %s, more than the %s the preflight reads", mb(int64(len(data))), mb(lim.FileSize))
	}
	if len(data) == 0 {
		return nil, errors.New("the file is empty")
	}
	head := data[:min(len(data), 1024)]
	h := bytes.Index(head, []byte("%PDF-"))
	if h < 0 {
		return nil, ErrNotPDF
	}
	f := &File{data: data, lim: lim, header: h, encRef: -1, seen: map[string]bool{}}
	v := data[h+5:]
	for i := 0; i < len(v) && i < 8 && (v[i] == '.' || v[i] >= '0' && v[i] <= '9'); i++ {
		f.version += string(v[i])
	}
	f.reset()
	if err := f.readXRef(); err != nil {
		f.repair(err.Error())
	}
	if f.trailer["Root"] == nil {
		f.repair("the trailer names no catalog")
	}
	if err := f.setupCrypt(); err != nil {
		return nil, err
	}
	if f.Catalog() == nil {
		if !f.repaired {
			f.repair("the catalog cannot be read")
			if err := f.setupCrypt(); err != nil {
				return nil, err
			}
		}
		if f.Catalog() == nil {
			return nil, fmt.Errorf("the file has no readable catalog (the root of its objects): it is damaged or cut off")
		}
	}
	return f, nil
}

// reset empties what was read of the objects; the objects being read stay marked, so
// that a reference cycle met across a repair is still found.
func (f *File) reset() {
	f.xref = map[int]xrefEntry{}
	f.trailer = Dict{}
	f.cache = map[int]Object{}
	if f.loading == nil {
		f.loading = map[int]bool{}
	}
	f.objStms = map[int]*objStm{}
	f.mem = 0
}

// Version is the PDF version of the header, e.g. "1.3".
func (f *File) Version() string { return f.version }

// Trailer is the trailer dictionary (of the newest section, with the older sections' keys
// it lacks).
func (f *File) Trailer() Dict { return f.trailer }

// Encrypted reports whether the file is encrypted.
func (f *File) Encrypted() bool { return f.crypt != nil }

// Repaired reports whether the cross-reference table was broken and rebuilt.
func (f *File) Repaired() bool { return f.repaired }

// Catalog is the document catalog, or nil.
func (f *File) Catalog() Dict { return f.Dict(f.trailer["Root"]) }

// Problems are the problems met so far, each naming its object; *LimitError for a limit
// exceeded. More than 1000 are counted, not kept: Dropped.
func (f *File) Problems() []error { return f.problems }

// Dropped is the number of problems beyond those kept.
func (f *File) Dropped() int { return f.dropped }

// problem keeps a problem once.
func (f *File) problem(err error) {
	msg := err.Error()
	if len(msg) > 1000 {
		msg = Short(msg[:1000]) // names in a message can be megabytes long
		err = errors.New(msg)
	}
	if f.seen[msg] {
		return
	}
	if len(f.problems) >= maxProblems {
		f.dropped++
		return
	}
	f.seen[msg] = true
	f.problems = append(f.problems, err)
}

// Resolve follows references to the object they name; a missing, free or unreadable
// object is null (the problem is kept).
func (f *File) Resolve(o Object) Object {
	for hops := 0; ; hops++ {
		r, ok := o.(Ref)
		if !ok {
			return o
		}
		if hops == 32 {
			f.problem(limitf(r.String(), "references lead on through more than 32 objects"))
			return nil
		}
		o = f.load(r)
	}
}

// Dict resolves o to a dictionary (a stream's dictionary too), or nil.
func (f *File) Dict(o Object) Dict {
	switch v := f.Resolve(o).(type) {
	case Dict:
		return v
	case *Stream:
		return v.Dict
	}
	return nil
}

// Array resolves o to an array, or nil.
func (f *File) Array(o Object) Array {
	a, _ := f.Resolve(o).(Array)
	return a
}

// Stream resolves o to a stream, or nil.
func (f *File) Stream(o Object) *Stream {
	s, _ := f.Resolve(o).(*Stream)
	return s
}

// Number resolves o to a number; ok is false for anything else.
func (f *File) Number(o Object) (float64, bool) {
	n, ok := f.Resolve(o).(Number)
	return float64(n), ok
}

// Name resolves o to a name, or "".
func (f *File) Name(o Object) Name {
	n, _ := f.Resolve(o).(Name)
	return n
}

// Text resolves o to a text string, decoded from UTF-16BE or UTF-8 with their byte order
// marks, else read as PDFDocEncoding; "" for anything but a string. Only the first 256
// bytes of the string are read: the texts the preflight looks at are short.
func (f *File) Text(o Object) string {
	s, _ := f.Resolve(o).(String)
	return decodeText(string(s[:min(len(s), 256)]))
}

// Objects lists the numbers of the objects in use, in order.
func (f *File) Objects() []int {
	nums := make([]int, 0, len(f.xref))
	for n, e := range f.xref {
		if e.kind != eFree {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	return nums
}

// Peek reads object num without keeping it, for a look over every object; problems met
// are not kept. An object already read comes from the cache.
func (f *File) Peek(num int) Object {
	if o, ok := f.cache[num]; ok {
		return o
	}
	if f.loading[num] {
		return nil
	}
	f.loading[num] = true
	defer delete(f.loading, num)
	o, _, err := f.read(num)
	if err != nil {
		return nil
	}
	return o
}

// load reads object r once and keeps it.
func (f *File) load(r Ref) Object {
	if o, ok := f.cache[r.Num]; ok {
		return o
	}
	if f.loading[r.Num] {
		f.problem(fmt.Errorf("%s: it is defined through itself", r))
		return nil
	}
	f.loading[r.Num] = true
	defer delete(f.loading, r.Num)
	o, mem, err := f.read(r.Num)
	if err != nil {
		var le *LimitError
		if errors.As(err, &le) {
			f.problem(err)
		} else {
			f.problem(fmt.Errorf("%s cannot be read: %w", r, err))
		}
		o = nil
	}
	f.cache[r.Num] = o
	f.mem += mem
	return o
}
