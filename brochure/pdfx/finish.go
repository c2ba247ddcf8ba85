package pdfx

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"bytes"
	"crypto/sha256"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Finish turns a PDF written by fpdf (PDF 1.3, uncompressed cross-reference table, no
// encryption) into a PDF/X-3:2002 file: it adds the output intent for meta's registered
// condition, writes the Info dictionary (title, dates, /Trapped /False,
// /GTS_PDFXVersion), sets TrimBox and BleedBox on every page, removes fpdf's empty
// attachment list, tags device RGB images as sRGB when meta asks for it, and writes a new
// cross-reference table and a trailer /ID that is a hash of the content. All other objects
// are copied byte for byte. The same input gives
// the same bytes. Finish does not check the content; the preflight package does.
func Finish(pdf []byte, meta Meta) ([]byte, error) {
	out, err := finish(pdf, meta)
	if err != nil {
		return nil, fmt.Errorf("pdf/x: %w", err)
	}
	return out, nil
}

func finish(pdf []byte, meta Meta) ([]byte, error) {
	if err := meta.validate(); err != nil {
		return nil, err
	}
	if meta.Condition == "" {
		meta.Condition = DefaultCondition
	}
	cond, err := LookupCondition(meta.Condition)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.3")) {
		return nil, fmt.Errorf("header %q: PDF/X-3 needs PDF 1.3 (fpdf raises the version for transparency, output intents and some page layouts)", firstLine(pdf))
	}
	ctx, err := Read(pdf)
	if err != nil {
		return nil, err
	}
	xt := ctx.XRefTable
	if xt.Encrypt != nil {
		return nil, fmt.Errorf("the file is encrypted, which PDF/X forbids")
	}
	spans, err := objectSpans(pdf, xt)
	if err != nil {
		return nil, err
	}
	replaced := map[int]types.Dict{}
	var added [][]byte // new objects, numbered after the last one of the input
	next := 0
	for _, s := range spans {
		next = max(next, s.num+1)
	}
	addObject := func(body []byte) types.IndirectRef {
		added = append(added, body)
		return *types.NewIndirectRef(next+len(added)-1, 0)
	}
	var shift types.IndirectRef // the stream that moves the content into an enlarged page
	extra := 0.0                // mm added to the media on every side

	// Pages: the boxes.
	for p := 1; p <= xt.PageCount; p++ {
		d, ref, inh, err := xt.PageDict(p, false)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		if inh.MediaBox == nil {
			return nil, fmt.Errorf("page %d has no MediaBox", p)
		}
		media := inh.MediaBox
		if p == 1 && meta.Slug > 0 {
			extra = max(meta.Slug, minSlug(meta.Bleed)) - meta.Trim.X
			shift = addObject(streamObject(fmt.Sprintf("q 1 0 0 1 %s %s cm\n", num(extra*units.PtPerMM), num(extra*units.PtPerMM))))
		}
		trimMM := meta.Trim
		if extra > 0 {
			media = types.NewRectangle(media.LL.X, media.LL.Y, round2(media.UR.X+2*extra*units.PtPerMM), round2(media.UR.Y+2*extra*units.PtPerMM))
			trimMM.X, trimMM.Y = trimMM.X+extra, trimMM.Y+extra
		}
		trim := toPDF(trimMM, media)
		bleed := toPDF(trimMM.Grow(meta.Bleed), media)
		if !inside(bleed, media) {
			return nil, fmt.Errorf("page %d: trim %v mm with %g mm bleed does not fit the %.1f × %.1f mm media", p, meta.Trim, meta.Bleed, media.Width()/units.PtPerMM, media.Height()/units.PtPerMM)
		}
		d = d.Clone().(types.Dict)
		for _, k := range []string{"TrimBox", "BleedBox", "ArtBox", "CropBox"} {
			delete(d, k)
		}
		d["MediaBox"] = boxArray(media)
		d["TrimBox"] = boxArray(trim)
		d["BleedBox"] = boxArray(bleed)
		if extra > 0 {
			contents := types.Array{shift}
			switch c := d["Contents"].(type) {
			case types.IndirectRef:
				contents = append(contents, c)
			case types.Array:
				contents = append(contents, c...)
			default:
				return nil, fmt.Errorf("page %d has no content stream", p)
			}
			marks := marksContent(trimMM, meta.Bleed, meta.Folds[p], media.UR.Y)
			d["Contents"] = append(contents, addObject(streamObject(marks)))
		}
		replaced[ref.ObjectNumber.Value()] = d
	}

	// Catalog: the output intent.
	cat, err := xt.Catalog()
	if err != nil {
		return nil, err
	}
	cat = cat.Clone().(types.Dict)
	if err := dropEmptyNames(xt, cat); err != nil {
		return nil, err
	}
	cat["OutputIntents"] = types.Array{types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputCondition":           textString(cond.Info),
		"OutputConditionIdentifier": textString(cond.Identifier),
		"RegistryName":              textString(RegistryName),
		"Info":                      textString(cond.Info),
	}}
	replaced[xt.Root.ObjectNumber.Value()] = cat

	// Info.
	if xt.Info == nil {
		return nil, fmt.Errorf("the file has no Info dictionary")
	}
	oldInfo, err := xt.DereferenceDict(*xt.Info)
	if err != nil {
		return nil, fmt.Errorf("info: %w", err)
	}
	info := types.Dict{
		"Title":           textString(meta.Title),
		"CreationDate":    types.StringLiteral(pdfDate(meta.Created)),
		"ModDate":         types.StringLiteral(pdfDate(meta.Modified)),
		"Trapped":         types.Name("False"),
		"GTS_PDFXVersion": types.StringLiteral(PDFXVersion),
	}
	for k, v := range map[string]string{"Author": meta.Author, "Subject": meta.Subject, "Creator": meta.Creator} {
		if v != "" {
			info[k] = textString(v)
		}
	}
	if prod, ok := oldInfo["Producer"]; ok {
		info["Producer"] = prod
	}
	replaced[xt.Info.ObjectNumber.Value()] = info
	tagSubsetFonts(xt, replaced)

	var patched map[int][]byte
	if meta.SRGBImages {
		if patched, err = tagRGBImages(pdf, spans, xt, func() types.IndirectRef { return addObject(iccObject(sRGBProfile)) }); err != nil {
			return nil, err
		}
	}
	return assemble(pdf, spans, replaced, patched, added, xt)
}

// tagSubsetFonts gives every embedded font the subset tag the PDF specification asks of a
// font subset ("ABCDEF+Name"), which fpdf leaves out although it embeds subsets; print
// shops' preflights read a font without it as fully embedded. The tag is derived from the
// name, so the same file gives the same tags.
func tagSubsetFonts(xt *model.XRefTable, replaced map[int]types.Dict) {
	for num, e := range xt.Table {
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			continue
		}
		key := ""
		switch t := d.Type(); {
		case t != nil && *t == "Font" && d["BaseFont"] != nil:
			key = "BaseFont"
		case t != nil && *t == "FontDescriptor" && d["FontName"] != nil:
			key = "FontName"
		default:
			continue
		}
		name, ok := d[key].(types.Name)
		if !ok || strings.Contains(string(name), "+") || !strings.HasPrefix(string(name), "utf8") {
			continue // not one of fpdf's embedded subsets
		}
		if r, done := replaced[num]; done {
			d = r
		} else {
			d = d.Clone().(types.Dict)
		}
		d[key] = types.Name(subsetTag(string(name)) + "+" + strings.TrimPrefix(string(name), "utf8"))
		replaced[num] = d
	}
}

// subsetTag makes six capital letters from a font name.
func subsetTag(name string) string {
	sum := sha256.Sum256([]byte(name))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
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
			return nil, fmt.Errorf("object %d is in an object stream; PDF 1.3 has none", num)
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

// assemble writes header, objects (replaced ones re-serialized, patched ones as given, added
// ones after the last), xref and trailer.
func assemble(pdf []byte, spans []span, replaced map[int]types.Dict, patched map[int][]byte, added [][]byte, xt *model.XRefTable) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n%\xe2\xe3\xcf\xd3\n")
	size := 0
	for _, s := range spans {
		if s.num+1 > size {
			size = s.num + 1
		}
	}
	first := size
	size += len(added)
	offsets := make([]int, size)
	for _, s := range spans {
		offsets[s.num] = b.Len()
		if d, ok := replaced[s.num]; ok {
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", s.num, d.PDFString())
			delete(replaced, s.num)
			continue
		}
		obj := pdf[s.start:s.end]
		if p, ok := patched[s.num]; ok {
			obj = p
		}
		b.Write(obj)
		if !bytes.HasSuffix(obj, []byte("\n")) {
			b.WriteByte('\n')
		}
	}
	for i, body := range added {
		offsets[first+i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", first+i)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}
	if len(replaced) > 0 {
		return nil, fmt.Errorf("internal error: %d objects to replace were not found", len(replaced))
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
		"Root": *xt.Root,
		"Info": *xt.Info,
		"ID":   types.Array{id, id},
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer.PDFString(), xref)
	return b.Bytes(), nil
}

// dropEmptyNames removes the name dictionary fpdf always writes when it holds nothing
// but an empty list of attachments.
func dropEmptyNames(xt *model.XRefTable, cat types.Dict) error {
	o, ok := cat["Names"]
	if !ok {
		return nil
	}
	names, err := xt.DereferenceDict(o)
	if err != nil {
		return fmt.Errorf("catalog /Names: %w", err)
	}
	for k, v := range names {
		if k != "EmbeddedFiles" {
			return nil
		}
		ef, err := xt.DereferenceDict(v)
		if err != nil || ef == nil {
			return nil
		}
		arr, err := xt.DereferenceArray(ef["Names"])
		if err != nil || len(arr) > 0 || len(ef) != 1 {
			return nil
		}
	}
	delete(cat, "Names")
	return nil
}

// toPDF converts r (mm from the top left) to PDF user space on a page with media.
func toPDF(r Rect, media *types.Rectangle) *types.Rectangle {
	top := media.UR.Y
	llx := media.LL.X + r.X*units.PtPerMM
	urx := media.LL.X + (r.X+r.W)*units.PtPerMM
	ury := top - r.Y*units.PtPerMM
	lly := top - (r.Y+r.H)*units.PtPerMM
	return types.NewRectangle(round2(llx), round2(lly), round2(urx), round2(ury))
}

func inside(in, out *types.Rectangle) bool {
	const eps = 0.01
	return in.LL.X >= out.LL.X-eps && in.LL.Y >= out.LL.Y-eps && in.UR.X <= out.UR.X+eps && in.UR.Y <= out.UR.Y+eps
}

func boxArray(r *types.Rectangle) types.Array {
	return types.NewNumberArray(round2(r.LL.X), round2(r.LL.Y), round2(r.UR.X), round2(r.UR.Y))
}

func round2(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return f + 0 // no negative zero
}

// textString encodes s as a PDF text string: a literal for printable ASCII, else
// UTF-16BE with a byte order mark.
func textString(s string) types.Object {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		return types.StringLiteral(escaper.Replace(s))
	}
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return types.NewHexLiteral(b)
}

var escaper = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)

func firstLine(b []byte) string {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		b = b[:i]
	}
	if len(b) > 20 {
		b = b[:20]
	}
	return string(b)
}
