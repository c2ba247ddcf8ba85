// Package pdfedit rewrites a PDF that fpdf wrote (a classic cross-reference table, no object
// streams, no encryption): it changes some objects, adds new ones and writes the file anew,
// with a new cross-reference table and a trailer /ID that is a hash of the content. Every
// object it is not told to change is copied byte for byte, so the same input and the same
// edits give the same bytes. The PDF/X finishing of the print files (package pdfx) and the
// PDF/UA finishing of the screen file (package pdfua) are built on it.
package pdfedit

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// ErrEncrypted is the error Open gives for an encrypted file, which it does not rewrite.
var ErrEncrypted = errors.New("the file is encrypted")

// Doc is a PDF being rewritten.
type Doc struct {
	// XRef is the parsed input, for reading; change objects through Edit, Add and Set.
	XRef *model.XRefTable

	src      []byte
	spans    []span
	edited   map[int]types.Dict // replaced objects by number
	patched  map[int][]byte     // objects given anew as bytes, by number
	added    [][]byte           // new objects, numbered from first on; nil while reserved
	first    int
	reserved int // added objects not yet set
}

// Read parses a PDF with pdfcpu in relaxed mode, without touching pdfcpu's configuration
// directory, and counts its pages.
func Read(pdf []byte) (*model.Context, error) {
	conf := &model.Configuration{
		Version:        model.VersionStr,
		Reader15:       true,
		ValidationMode: model.ValidationRelaxed,
		Eol:            types.EolLF,
		Offline:        true,
		Timeout:        5,
	}
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("read pdf: count pages: %w", err)
	}
	return ctx, nil
}

// Open reads pdf for rewriting. It refuses an encrypted file and one whose objects do not
// stand where its cross-reference table says.
func Open(pdf []byte) (*Doc, error) {
	ctx, err := Read(pdf)
	if err != nil {
		return nil, err
	}
	xt := ctx.XRefTable
	if xt.Encrypt != nil {
		return nil, ErrEncrypted
	}
	if xt.Root == nil || xt.Info == nil {
		return nil, fmt.Errorf("the file has no catalog or no Info dictionary")
	}
	spans, err := objectSpans(pdf, xt)
	if err != nil {
		return nil, err
	}
	first := 0
	for _, s := range spans {
		first = max(first, s.num+1)
	}
	return &Doc{XRef: xt, src: pdf, spans: spans, edited: map[int]types.Dict{}, patched: map[int][]byte{}, first: first}, nil
}

// Edit returns the dictionary object num for changing: the changed copy when there is one,
// else a copy of the input's. The file is written with the copy.
func (d *Doc) Edit(num int) (types.Dict, error) {
	if e, ok := d.edited[num]; ok {
		return e, nil
	}
	o, err := d.XRef.Dereference(*types.NewIndirectRef(num, 0))
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", num, err)
	}
	dict, ok := o.(types.Dict)
	if !ok {
		return nil, fmt.Errorf("object %d is not a dictionary", num)
	}
	e := dict.Clone().(types.Dict)
	d.edited[num] = e
	return e, nil
}

// Objects returns the numbers of the input's objects, in order.
func (d *Doc) Objects() []int {
	nums := make([]int, len(d.spans))
	for i, s := range d.spans {
		nums[i] = s.num
	}
	return nums
}

// Source returns object num as the input writes it ("num 0 obj … endobj"), or nil when the
// input has no such object.
func (d *Doc) Source(num int) []byte {
	for _, s := range d.spans {
		if s.num == num {
			return d.src[s.start:s.end]
		}
	}
	return nil
}

// Patch replaces object num by obj, the whole object as Source gives it, with some bytes
// changed; the file is written with obj.
func (d *Doc) Patch(num int, obj []byte) {
	d.patched[num] = obj
}

// Page returns page p's dictionary for changing (see Edit), its object number and the
// attributes it inherits.
func (d *Doc) Page(p int) (types.Dict, int, *model.InheritedPageAttrs, error) {
	_, ref, inh, err := d.XRef.PageDict(p, false)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("page %d: %w", p, err)
	}
	if ref == nil {
		return nil, 0, nil, fmt.Errorf("page %d is not an indirect object", p)
	}
	dict, err := d.Edit(ref.ObjectNumber.Value())
	return dict, ref.ObjectNumber.Value(), inh, err
}

// Catalog returns the document catalog for changing (see Edit).
func (d *Doc) Catalog() (types.Dict, error) {
	return d.Edit(d.XRef.Root.ObjectNumber.Value())
}

// Add adds o as a new object and returns its reference.
func (d *Doc) Add(o types.Object) types.IndirectRef {
	return d.AddRaw([]byte(o.PDFString()))
}

// AddRaw adds a new object with the body given as PDF syntax.
func (d *Doc) AddRaw(body []byte) types.IndirectRef {
	d.added = append(d.added, body)
	return *types.NewIndirectRef(d.first+len(d.added)-1, 0)
}

// AddStream adds a stream object with the entries of dict and content, Flate-compressed
// when compress is set (the same content gives the same bytes).
func (d *Doc) AddStream(dict types.Dict, content []byte, compress bool) types.IndirectRef {
	return d.AddRaw(Stream(dict, content, compress))
}

// Reserve numbers a new object whose body Set gives later, so that objects can refer to
// each other.
func (d *Doc) Reserve() types.IndirectRef {
	d.reserved++
	d.added = append(d.added, nil)
	return *types.NewIndirectRef(d.first+len(d.added)-1, 0)
}

// Set gives the reserved object ref its body.
func (d *Doc) Set(ref types.IndirectRef, o types.Object) {
	i := ref.ObjectNumber.Value() - d.first
	if i < 0 || i >= len(d.added) || d.added[i] != nil {
		panic(fmt.Sprintf("pdfedit: object %d was not reserved", ref.ObjectNumber.Value()))
	}
	d.added[i] = []byte(o.PDFString())
	d.reserved--
}

// Stream writes a stream object's body: dict with /Length (and /Filter when compressed)
// and the content.
func Stream(dict types.Dict, content []byte, compress bool) []byte {
	if compress {
		var z bytes.Buffer
		w := zlibWriters.Get().(*zlib.Writer)
		w.Reset(&z)
		w.Write(content) // a bytes.Buffer does not fail
		w.Close()
		zlibWriters.Put(w)
		content = z.Bytes()
		dict = dict.Clone().(types.Dict)
		dict["Filter"] = types.Name("FlateDecode")
	}
	if dict == nil {
		dict = types.Dict{}
	}
	dict["Length"] = types.Integer(len(content))
	var b bytes.Buffer
	b.WriteString(dict.PDFString())
	b.WriteString("\nstream\n")
	b.Write(content)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// zlibWriters keeps compressors for reuse: making one costs more than compressing a page.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // the level is valid
	return w
}}

// Write writes the file: header (e.g. "%PDF-1.3"), the objects (changed ones written anew,
// added ones after the last), the cross-reference table and the trailer.
func (d *Doc) Write(header string) ([]byte, error) {
	if d.reserved > 0 {
		return nil, fmt.Errorf("internal error: %d reserved objects were never written", d.reserved)
	}
	var b bytes.Buffer
	b.Grow(len(d.src) + len(d.added)*64)
	b.WriteString(header + "\n%\xe2\xe3\xcf\xd3\n")
	size := d.first + len(d.added)
	offsets := make([]int, size)
	written := 0
	for _, s := range d.spans {
		offsets[s.num] = b.Len()
		if e, ok := d.edited[s.num]; ok {
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", s.num, e.PDFString())
			written++
			continue
		}
		obj := d.src[s.start:s.end]
		if p, ok := d.patched[s.num]; ok {
			obj = p
		}
		b.Write(obj)
		if !bytes.HasSuffix(obj, []byte("\n")) {
			b.WriteByte('\n')
		}
	}
	if written != len(d.edited) {
		return nil, fmt.Errorf("internal error: %d changed objects are not in the file", len(d.edited)-written)
	}
	for i, body := range d.added {
		offsets[d.first+i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", d.first+i)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}
	sum := sha256.Sum256(b.Bytes())
	id := types.NewHexLiteral(sum[:16])
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if offsets[n] == 0 {
			b.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
	}
	trailer := types.Dict{
		"Size": types.Integer(size),
		"Root": *d.XRef.Root,
		"Info": *d.XRef.Info,
		"ID":   types.Array{id, id},
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return b.Bytes(), nil
}

// span is where one object stands in the input.
type span struct {
	num, start, end int
}

// objectSpans returns the input's objects sorted by object number, each running from
// its offset to the next object or the cross-reference table.
func objectSpans(pdf []byte, xt *model.XRefTable) ([]span, error) {
	i := bytes.LastIndex(pdf, []byte("startxref"))
	if i < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	f := bytes.Fields(pdf[i+len("startxref"):])
	if len(f) == 0 {
		return nil, fmt.Errorf("no offset after startxref")
	}
	xref, err := strconv.Atoi(string(f[0]))
	if err != nil || xref <= 0 || xref > len(pdf) {
		return nil, fmt.Errorf("bad startxref %q", f[0])
	}
	var spans []span
	for num, e := range xt.Table {
		if num == 0 || e == nil || e.Free {
			continue
		}
		if e.Compressed || e.Offset == nil {
			return nil, fmt.Errorf("object %d is in an object stream, which this rewriter does not read", num)
		}
		spans = append(spans, span{num: num, start: int(*e.Offset)})
	}
	if len(spans) == 0 {
		return nil, fmt.Errorf("no objects")
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
	for k := range spans {
		end := xref
		if k+1 < len(spans) {
			end = spans[k+1].start
		}
		s := &spans[k]
		s.end = end
		head := fmt.Sprintf("%d 0 obj", s.num)
		if s.start >= end || end > len(pdf) || !bytes.HasPrefix(pdf[s.start:end], []byte(head)) {
			return nil, fmt.Errorf("object %d is not where the cross-reference table says", s.num)
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].num < spans[b].num })
	return spans, nil
}
