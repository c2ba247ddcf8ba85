package preflighttest

import (
	"bytes"
	"compress/lzw"
	"embed"
	"encoding/ascii85"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
)

// Case is a PDF and what the preflight (as a print-file check) must say of it.
type Case struct {
	Name string
	PDF  []byte
	// Path names a file to check instead of PDF: a device, a folder.
	Path string
	// Pass: the file passes (exit 0); else the preflight reports findings or an error
	// (exit 1).
	Pass bool
	// Want are parts of what the preflight writes, on standard output and error.
	Want []string
	// Costly: the file makes the preflight work up to a limit (tenths of a second, a
	// hundred MB), too long for a seed of a fuzz target.
	Costly bool
}

//go:embed testdata/*.pdf
var made embed.FS

// bomb is a stream whose data, 2 GiB of zeros compressed twice, takes about 14 KB.
var bomb = sync.OnceValue(func() string {
	return Stream("/Filter [/FlateDecode /FlateDecode]", Flate(ZeroBomb(2<<30)))
})

// content is the content of OnePage: a CMYK square.
const content = "0 0 0 1 k 20 20 50 50 re f"

// withContent is a page of OnePage drawing the content of object 6.
const withContent = "<< " + Page + " /Contents 6 0 R >>"

// Cases are hostile PDFs, each made to crash, hang, exhaust or fool a checker, and benign
// ones made by other programs; for each, what the preflight must say.
func Cases(t testing.TB) []Case {
	fileOf := func(name string) []byte {
		b, err := made.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	one := OnePage(content)
	onePage := one.Bytes()
	leaflet := pdfxtest.Finished(t, pdfxtest.Break{})
	rgbFill := "page 1: rgb-colour: fill in RGB (rg 0 0 1) at (52.9, 49.4) mm"
	compressed := func(content string) string {
		return Stream("/Filter /FlateDecode", Flate([]byte(content)))
	}
	form := func(resources, content string) string {
		return Stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << "+resources+" >>", []byte(content))
	}
	return []Case{
		// Benign files, by us and by other programs.
		{Name: "the leaflet", PDF: leaflet, Pass: true, Want: []string{"passes the preflight"}},
		{Name: "one page by hand", PDF: onePage, Pass: true},
		{Name: "Ghostscript", PDF: fileOf("ghostscript.pdf"), Want: []string{rgbFill, "page 1: boxes: no TrimBox"}},
		{Name: "LibreOffice", PDF: fileOf("libreoffice.pdf"), Want: []string{"page 1: rgb-colour: text in RGB (rg 0 0 0)"}},
		{Name: "linearised", PDF: fileOf("qpdf-linearized.pdf"), Want: []string{rgbFill}},
		{Name: "object streams", PDF: fileOf("qpdf-objstm.pdf"), Want: []string{rgbFill}},
		{Name: "PDF 2.0", PDF: fileOf("qpdf-pdf20.pdf"), Want: []string{rgbFill}},
		{Name: "encrypted RC4 40", PDF: fileOf("qpdf-rc4-40.pdf"), Want: []string{"document: forbidden: the file is encrypted", rgbFill}},
		{Name: "encrypted RC4 128", PDF: fileOf("qpdf-rc4-128.pdf"), Want: []string{"the file is encrypted", rgbFill}},
		{Name: "encrypted AES 128", PDF: fileOf("qpdf-aes-128.pdf"), Want: []string{"the file is encrypted", rgbFill}},
		{Name: "encrypted AES 256 R5", PDF: fileOf("qpdf-aes-256-r5.pdf"), Want: []string{"the file is encrypted", rgbFill}},
		{Name: "encrypted AES 256 in object streams", PDF: fileOf("qpdf-aes-256-objstm.pdf"), Want: []string{"the file is encrypted", rgbFill}},
		{Name: "user password", PDF: fileOf("qpdf-user-password.pdf"), Want: []string{"the file is protected by a password"}},
		{Name: "junk before the header", PDF: append([]byte("junk\r\n"), leaflet...), Pass: true},
		{Name: "LZW and ASCII85", PDF: one.With(3, withContent).With(6, Stream("/Filter [/ASCII85Decode /LZWDecode] /DecodeParms [null << /EarlyChange 0 >>]",
			lzwA85("0 0 1 rg 20 20 50 50 re f"))).Bytes(), Want: []string{"page 1: rgb-colour: fill in RGB (rg 0 0 1)"}},

		// Not a PDF, or not all of one.
		{Name: "not a PDF", PDF: []byte("<html><body>Faltblatt</body></html>\n"), Want: []string{"the file is not a PDF"}},
		{Name: "empty", PDF: []byte{}, Want: []string{"the file is empty"}},
		{Name: "truncated leaflet", PDF: leaflet[:len(leaflet)/2], Want: []string{"the file has no readable catalog (the root of its objects): it is damaged or cut off"}},
		{Name: "truncated file", PDF: onePage[:bytes.Index(onePage, []byte("5 0 obj"))], Want: []string{"the cross-reference table is broken (no startxref"}},
		{Name: "header only", PDF: []byte("%PDF-1.4\n"), Want: []string{"the file has no readable catalog"}},
		{Name: "folder", Path: ".", Want: []string{"is a folder"}},

		// The page tree.
		{Name: "kids point to their node", PDF: one.With(2, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>").Bytes(),
			Want: []string{"object 2 stands twice in the page tree", "the file has no pages"}},
		{Name: "kids in a cycle of two nodes", PDF: one.With(2, "<< /Type /Pages /Kids [6 0 R] /Count 1 >>").With(6, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>").Bytes(),
			Want: []string{"object 2 stands twice in the page tree"}},
		{Name: "count says one, a second page in RGB", PDF: one.With(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 1 >>").
			With(6, "<< "+Page+" /Contents 7 0 R >>").With(7, Stream("", []byte("0 0 1 rg 0 0 300 300 re f"))).Bytes(),
			Want: []string{"page tree node object 2 claims /Count 1; it holds 2 pages", "page 2: rgb-colour: fill in RGB (rg 0 0 1)"}},
		{Name: "count of two billion", PDF: one.With(2, "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>").Bytes(),
			Want: []string{"claims /Count 2147483647; it holds 1 pages"}},
		{Name: "a page outside the tree", PDF: one.With(6, "<< "+Page+" /Contents 7 0 R >>").With(7, Stream("", []byte("0 0 1 rg 0 0 300 300 re f"))).Bytes(),
			Want: []string{"document: structure: object 6 is a page that the page tree does not reach"}},
		{Name: "null kid", PDF: one.With(2, "<< /Type /Pages /Kids [null 3 0 R] /Count 1 >>").Bytes(), Want: []string{"has a kid that is null, not a page"}},
		{Name: "kid of a missing object", PDF: one.With(2, "<< /Type /Pages /Kids [99 0 R 3 0 R] /Count 1 >>").Bytes(),
			Want: []string{"has a kid that is null, not a page (99 0 R)"}},
		{Name: "kids not an array", PDF: one.With(2, "<< /Type /Pages /Kids 5 /Count 1 >>").Bytes(),
			Want: []string{"has /Kids 5, not an array of pages", "the file has no pages"}},
		{Name: "page tree 100 levels deep", PDF: deepTree(100), Want: []string{"the page tree is deeper than 64 levels"}},
		{Name: "20000 pages", Costly: true, PDF: manyPages(20_000, Stream("", []byte(content))), Want: []string{"the page tree: more than 10000 pages"}},
		{Name: "1000 pages of a million operators", Costly: true, PDF: manyPages(1000, compressed(strings.Repeat("0 0 m\n", 1_000_000))),
			Want: []string{"complexity: the document needs more than 4000000 operators"}},
		{Name: "the root is no catalog", PDF: replace(onePage, "/Root 1 0 R", "/Root 5 0 R"), Want: []string{"the catalog has no page tree"}},

		// Objects and the cross-reference table.
		{Name: "negative length", PDF: one.With(4, rawStream("/Length -5", content)).Bytes(), Pass: true},
		{Name: "length beyond the file", PDF: one.With(4, rawStream("/Length 99999999", content)).Bytes(), Pass: true},
		{Name: "length of itself", PDF: one.With(4, rawStream("/Length 4 0 R", content)).Bytes(), Want: []string{"object 4: it is defined through itself"}},
		{Name: "no endstream", PDF: one.With(4, "<< /Length 5 >>\nstream\n"+content).Bytes(), Want: []string{"object 4 cannot be read: the stream has no endstream"}},
		{Name: "broken xref offsets", PDF: shiftXRef(onePage, 3), Want: []string{"the cross-reference table is broken (object 1 is not where it says)"}},
		{Name: "no xref", PDF: onePage[:bytes.LastIndex(onePage, []byte("\nxref"))+1], Want: []string{"the cross-reference table is broken (no startxref at the end of the file)"}},
		{Name: "prev points to itself", PDF: File{Objects: one.Objects, Trailer: one.Trailer + fmt.Sprintf(" /Prev %d", bytes.LastIndex(onePage, []byte("\nxref"))+1)}.Bytes(),
			Want: []string{"the cross-reference sections form a loop"}},
		{Name: "300 updates", PDF: updates(onePage, 300), Want: []string{"the cross-reference table: more than 256 sections"}},
		{Name: "xref of two billion entries", PDF: replace(onePage, "xref\n0 6\n", "xref\n0 2147483647\n"), Want: []string{"the cross-reference table is broken"}},
		{Name: "reference cycle", PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Resources 6 0 R >>").With(6, "7 0 R").With(7, "6 0 R").Bytes(),
			Want: []string{"references lead on through more than 32 objects"}},
		{Name: "media box of three numbers", PDF: one.With(3, strings.Replace(one.Objects[2], "/MediaBox [0 0 300 300]", "/MediaBox [0 0 300]", 1)).Bytes(),
			Want: []string{"page 1: boxes: no MediaBox"}},
		{Name: "media box of a missing object", PDF: one.With(3, strings.Replace(one.Objects[2], "/MediaBox [0 0 300 300]", "/MediaBox 99 0 R", 1)).Bytes(),
			Want: []string{"page 1: boxes: no MediaBox"}},
		{Name: "10 million nested arrays, unused", Costly: true, PDF: one.With(6, strings.Repeat("[", 10_000_000)).Bytes(), Pass: true},
		{Name: "nested arrays in the page", PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Foo "+strings.Repeat("[", 100_000)+" >>").Bytes(),
			Want: []string{"object 3: arrays and dictionaries nested deeper than 64", "the file has no pages"}},
		{Name: "malformed nested dictionaries", PDF: one.With(3, "<< "+Page+" /Contents 4 0 R "+strings.Repeat("/A << /B [ << /C ", 40)).Bytes(),
			Want: []string{"object 3 cannot be read"}},
		{Name: "objects within strings", Costly: true, PDF: stringsInStrings(20_000), Want: []string{"the cross-reference table is broken (no startxref"}},
		{Name: "200000 objects on one array", Costly: true, PDF: sharedObjects(200_000), Want: []string{"the objects of the file take more than 128 MB to parse"}},
		{Name: "two million objects", Costly: true, PDF: manyObjects(2_000_000), Want: []string{"the cross-reference table: more than 1000000 objects"}},
		{Name: "an array of four million numbers", Costly: true, PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Foo ["+strings.Repeat("1 ", 4_000_000)+"] >>").Bytes(),
			Want: []string{"object 3: its objects take more than 64 MB of memory"}},

		// Content streams.
		{Name: "10 million nested arrays in the content", Costly: true, PDF: one.With(3, withContent).With(6, compressed(strings.Repeat("[", 10_000_000))).Bytes(),
			Want: []string{"page 1: complexity: the page content: arrays and dictionaries nested deeper than 64"}},
		{Name: "a million operands", Costly: true, PDF: one.With(3, withContent).With(6, compressed(strings.Repeat("0 ", 1_000_000)+"m")).Bytes(),
			Want: []string{"more than 128 operands before an operator"}},
		{Name: "a million unknown operators", Costly: true, PDF: one.With(3, withContent).With(6, compressed(strings.Repeat("foo ", 1_000_000))).Bytes(),
			Want: []string{`page 1: syntax: unknown operator "foo" at byte 0 of the page content`, "page 1: syntax: and 999990 more"}},
		{Name: "1500 pages, each with a finding", Costly: true, PDF: manyPages(1500, Stream("", []byte("0 0 1 rg 20 20 50 50 re f"))),
			Want: []string{"page 1000: rgb-colour: fill in RGB", "and 500 more findings on later pages"}},
		{Name: "240 MB of text shown", Costly: true, PDF: manyPages(5, compressed("BT "+strings.Repeat("("+strings.Repeat("A", 8<<20)+") Tj ", 6)+"ET")),
			Want: []string{"page 1: complexity: the page needs more than 1000000 operators", "complexity: the document needs more than 4000000 operators or 128 MB of content"}},
		{Name: "a font name of a megabyte", PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /"+
			strings.Repeat("X", 1<<20)+" >> >> >> >>").With(4, Stream("", []byte("BT /F1 12 Tf 50 150 Td (Text) Tj ET"))).Bytes(),
			Want: []string{"page 1: font-embedded: font XXXXXXXX"}},
		{Name: "inline image without EI", PDF: OnePage("BI /W 1 /H 1 /CS /G /BPC 8 ID x").Bytes(), Want: []string{"page 1: syntax: the page content: inline image without EI"}},
		{Name: "unterminated string", PDF: OnePage("0 0 1 rg 20 20 50 50 re f (abc").Bytes(),
			Want: []string{"page 1: syntax: the page content: unterminated string at byte 26", "page 1: rgb-colour"}},
		{Name: "damaged flate", PDF: one.With(3, withContent).With(6, Stream("/Filter /FlateDecode", damaged("0 0 1 rg 20 20 50 50 re f"))).Bytes(),
			Want: []string{"page 1: structure: the page content: the data is damaged", "page 1: rgb-colour"}},
		{Name: "content bomb", Costly: true, PDF: one.With(3, withContent).With(6, bomb()).Bytes(),
			Want: []string{"page 1: complexity: the page content: it decodes to more than 64 MB"}},
		{Name: "form bomb", Costly: true, PDF: OnePage("/F1 Do", strings.Replace(bomb(), "/Filter", "/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Filter", 1)).Bytes(), Want: []string{"page 1: complexity: form /F1: object 6: it decodes to more than 64 MB"}},
		{Name: "object stream bomb", Costly: true, PDF: File{Objects: append(one.With(3, "<< "+Page+" /Contents 4 0 R /Resources 7 0 R >>").Objects,
			strings.Replace(bomb(), "/Filter", "/Type /ObjStm /N 1 /First 4 /Filter", 1), ""), InStream: map[int][2]int{7: {6, 0}}, Trailer: one.Trailer}.Bytes(),
			Want: []string{"object 6: it decodes to more than 64 MB"}},
		{Name: "bombs in eight forms", Costly: true, PDF: manyBombs(8), Want: []string{"the streams of the file decode to more than 256 MB together"}},
		{Name: "form drawing itself", PDF: OnePage("/F1 Do", form("/XObject << /F1 6 0 R >>", "0 0 0 1 k /F1 Do")).Bytes(),
			Want: []string{"page 1: structure: form /F1 (object 6) draws itself"}},
		{Name: "pattern drawing itself", PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Resources << /Pattern << /P1 6 0 R >> >> >>").
			With(4, Stream("", []byte("/Pattern cs /P1 scn 0 0 10 10 re f"))).
			With(6, Stream("/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << /Pattern << /P1 6 0 R >> >>",
				[]byte("/Pattern cs /P1 scn 0 0 5 5 re f"))).Bytes(),
			Want: []string{"pattern /P1 (object 6) draws itself"}},
		{Name: "forms within forms", Costly: true, PDF: formBomb(), Want: []string{"page 1: complexity: the page needs more than 1000000 operators"}},
		{Name: "forms nested ten deep", PDF: formChain(10), Want: []string{"is drawn within more than 8 forms and patterns"}},
		{Name: "widths of every code", Costly: true, PDF: one.With(3, "<< "+Page+" /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>").
			With(4, Stream("", []byte("BT /F1 12 Tf 20 200 Td (xx) Tj ET"))).
			With(6, "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W ["+
				strings.Repeat("0 2147483647 500 ", 10_000)+"] >>] >>").Bytes(),
			Want: []string{"page 1: font-embedded: font X is not embedded"}},
	}
}

// rawStream writes a stream object with the dictionary entries dict as they are.
func rawStream(dict, data string) string {
	return "<< " + dict + " >>\nstream\n" + data + "\nendstream"
}

// replace replaces the first old in a file by new; old must be there.
func replace(b []byte, old, new string) []byte {
	if !bytes.Contains(b, []byte(old)) {
		panic(fmt.Sprintf("preflighttest: %q is not in the file", old))
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// shiftXRef moves every offset of the cross-reference table by n bytes.
func shiftXRef(b []byte, n int) []byte {
	re := regexp.MustCompile(`(?m)^(\d{10}) 00000 n`)
	return re.ReplaceAllFunc(b, func(m []byte) []byte {
		off, _ := strconv.Atoi(string(m[:10]))
		return fmt.Appendf(nil, "%010d 00000 n", off+n)
	})
}

// updates appends n incremental updates to a file from OnePage, each a new Info
// dictionary with its section of the cross-reference table.
func updates(b []byte, n int) []byte {
	prev := bytes.LastIndex(b, []byte("\nxref")) + 1
	out := append([]byte(nil), b...)
	for i := 0; i < n; i++ {
		obj := len(out)
		out = fmt.Appendf(out, "5 0 obj\n<< /Title (update %d) /CreationDate (D:20150601) /ModDate (D:20150601) /Trapped /False /GTS_PDFXVersion (PDF/X-3:2002) >>\nendobj\n", i)
		xref := len(out)
		out = fmt.Appendf(out, "xref\n5 1\n%010d 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Info 5 0 R /ID [<01> <01>] /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", obj, prev, xref)
		prev = xref
	}
	return out
}

// deepTree is a file whose page tree nests n nodes of pages, one in the other.
func deepTree(n int) []byte {
	f := OnePage(content)
	// Objects 6 … n+5 are the nodes under 2; the page 3 hangs from the last.
	f = f.With(2, "<< /Type /Pages /Kids [6 0 R] /Count 1 >>")
	for i := 0; i < n; i++ {
		kid := fmt.Sprintf("%d 0 R", 7+i)
		if i == n-1 {
			kid = "3 0 R"
		}
		f = f.With(6+i, "<< /Type /Pages /Kids ["+kid+"] /Count 1 >>")
	}
	return f.Bytes()
}

// manyPages is a file of n pages in one node, all drawing the content stream content.
func manyPages(n int, content string) []byte {
	f := OnePage("")
	kids := make([]string, n)
	f.Objects = append(f.Objects[:5:5], content)
	for i := range kids {
		kids[i] = strconv.Itoa(7+i) + " 0 R"
		f.Objects = append(f.Objects, "<< "+Page+" /Contents 6 0 R >>")
	}
	f.Objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	f.Objects[2] = "" // the page of OnePage
	return f.Bytes()
}

// manyBombs is a page drawing n forms, each a bomb of its own.
func manyBombs(n int) []byte {
	var draw, res strings.Builder
	f := OnePage("")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&draw, "/F%d Do ", i)
		fmt.Fprintf(&res, "/F%d %d 0 R ", i, 6+i)
		f = f.With(6+i, strings.Replace(bomb(), "/Filter", "/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Filter", 1))
	}
	return f.With(3, "<< "+Page+" /Contents 4 0 R /Resources << /XObject << "+res.String()+">> >> >>").
		With(4, Stream("", []byte(draw.String()))).Bytes()
}

// formBomb is a 2.5 KB file whose forms F1 … F8 each draw the next twenty times: drawing
// the page fully would take 20^7 form runs.
func formBomb() []byte {
	f := OnePage("/F1 Do")
	for i := 1; i <= 8; i++ {
		content := strings.Repeat(fmt.Sprintf("/F%d Do ", i+1), 20)
		res := fmt.Sprintf("/XObject << /F%d %d 0 R >>", i+1, 6+i)
		if i == 8 {
			content, res = "0 0 0 1 k 0 0 1 1 re f", ""
		}
		f = f.With(5+i, Stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << "+res+" >>", []byte(content)))
	}
	return f.Bytes()
}

// formChain is a page drawing form F1, which draws F2, and so on to Fn.
func formChain(n int) []byte {
	f := OnePage("/F1 Do")
	for i := 1; i <= n; i++ {
		f = f.With(5+i, Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /F%d %d 0 R >> >>", i+1, 6+i),
			[]byte(fmt.Sprintf("0 0 0 1 k 0 0 1 1 re f /F%d Do", i+1))))
	}
	return f.Bytes()
}

// lzwA85 compresses content with LZW (EarlyChange 0) and writes it in ASCII85.
func lzwA85(content string) []byte {
	var l bytes.Buffer
	w := lzw.NewWriter(&l, lzw.MSB, 8)
	w.Write([]byte(content))
	w.Close()
	out := make([]byte, ascii85.MaxEncodedLen(l.Len()))
	out = out[:ascii85.Encode(out, l.Bytes())]
	return append(out, "~>"...)
}

// damaged is compressed content cut off in its middle: the content comes first, then
// 20 KB of comments that do not compress well.
func damaged(content string) []byte {
	var b strings.Builder
	b.WriteString(content + "\n")
	x := uint32(1)
	for b.Len() < 20_000 {
		x = x*1664525 + 1013904223
		fmt.Fprintf(&b, "%% %08x\n", x)
	}
	z := Flate([]byte(b.String()))
	return z[:len(z)/2]
}

// stringsInStrings is a file without cross-reference table whose objects stand each in a
// string of the one before: "1 0 obj (2 0 obj (3 0 obj …)))". Read one by one from each
// "obj", they would take time growing with the square of their number.
func stringsInStrings(n int) []byte {
	var b bytes.Buffer
	b.Write(OnePage(content).Bytes())
	b.Truncate(bytes.LastIndex(b.Bytes(), []byte("\nxref")) + 1)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d 0 obj (", 6+i)
	}
	b.WriteString(strings.Repeat(")", n))
	b.WriteString("\nendobj\ntrailer\n<< /Root 1 0 R >>\n")
	return b.Bytes()
}

// sharedObjects is a file whose cross-reference stream puts n objects in one object
// stream, all at the same place: an array of a million numbers. Reading each of them would
// read the array n times.
func sharedObjects(n int) []byte {
	f := OnePage(content)
	var header strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&header, "%d 0 ", 7+i)
	}
	data := header.String() + "[" + strings.Repeat("1 ", 1_000_000) + "]"
	f.Objects = append(f.Objects, Stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", n, header.Len()), Flate([]byte(data))))
	f.InStream = map[int][2]int{}
	for i := 0; i < n; i++ {
		f.Objects = append(f.Objects, "")
		f.InStream[7+i] = [2]int{6, i}
	}
	return f.Bytes()
}

// manyObjects is a file whose cross-reference stream claims n objects, compressed to a few
// KB.
func manyObjects(n int) []byte {
	b := OnePage(content).Bytes()
	xref := bytes.LastIndex(b, []byte("\nxref")) + 1
	b = b[:xref]
	rows := make([]byte, 7*n)
	for i := 0; i < n; i++ {
		rows[7*i] = 1 // at offset 0, which holds no object
	}
	return fmt.Appendf(b, "%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n", n+1,
		Stream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode", n+1), Flate(rows)), xref)
}
