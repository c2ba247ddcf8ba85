// Package preflighttest makes PDF files for the tests of the preflight: files written by
// hand object by object (File), compressed data and decompression bombs (Flate,
// ZeroBomb), and a table of hostile and benign files with what the preflight must say
// of each (Cases).
package preflighttest

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// File is a PDF written by hand: objects numbered from 1, a cross-reference table with
// their offsets and a trailer.
type File struct {
	Version string   // of the header; "1.3" when empty
	Objects []string // object n is Objects[n-1]; an empty string leaves the number free
	Trailer string   // the trailer's entries besides /Size; "/Root 1 0 R" when empty
	// InStream puts objects in object streams: object n is the object stream's
	// InStream[n][0] object number InStream[n][1]. A file with InStream has a
	// cross-reference stream (PDF 1.5) instead of a table.
	InStream map[int][2]int
}

// With returns f with object n replaced by obj.
func (f File) With(n int, obj string) File {
	f.Objects = append([]string(nil), f.Objects...)
	for len(f.Objects) < n {
		f.Objects = append(f.Objects, "")
	}
	f.Objects[n-1] = obj
	return f
}

// Bytes writes the file.
func (f File) Bytes() []byte {
	var b bytes.Buffer
	v := f.Version
	if v == "" {
		v = "1.3"
	}
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", v)
	offsets := make([]int, len(f.Objects))
	for i, o := range f.Objects {
		if _, ok := f.InStream[i+1]; o == "" || ok {
			continue
		}
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	trailer := f.Trailer
	if trailer == "" {
		trailer = "/Root 1 0 R"
	}
	xref := b.Len()
	if f.InStream != nil {
		f.xrefStream(&b, offsets, trailer)
		return b.Bytes()
	}
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(f.Objects)+1)
	for i, off := range offsets {
		if f.Objects[i] == "" {
			b.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(f.Objects)+1, trailer, xref)
	return b.Bytes()
}

// xrefStream ends the file with a cross-reference stream, object len(Objects)+1.
func (f File) xrefStream(b *bytes.Buffer, offsets []int, trailer string) {
	n := len(f.Objects) + 1
	var rows []byte
	row := func(typ byte, a uint32, c uint16) {
		rows = append(rows, typ, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(c>>8), byte(c))
	}
	row(0, 0, 65535)
	for i := range f.Objects {
		if s, ok := f.InStream[i+1]; ok {
			row(2, uint32(s[0]), uint16(s[1]))
		} else if f.Objects[i] == "" {
			row(0, 0, 0)
		} else {
			row(1, uint32(offsets[i]), 0)
		}
	}
	xref := b.Len()
	row(1, uint32(xref), 0)
	fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n", n,
		Stream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] %s", n+1, trailer), rows), xref)
}

// Stream writes a stream object with the entries dict and data; /Length is added.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Flate compresses data with zlib.
func Flate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// Page is the page of OnePage: a 300 × 300 pt sheet with trim and bleed.
const Page = "/Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /BleedBox [0 0 300 300] /TrimBox [10 10 290 290]"

// OnePage is a one-page print file that passes the preflight: catalog 1 with an output
// intent, pages 2, page 3, content 4 (content), Info 5, and more objects from 6 on.
func OnePage(content string, more ...string) File {
	return File{
		Objects: append([]string{
			"<< /Type /Catalog /Pages 2 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /RegistryName (http://www.color.org) >>] >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< " + Page + " /Resources << /XObject << /F1 6 0 R >> >> /Contents 4 0 R >>",
			Stream("", []byte(content)),
			"<< /Title (x) /CreationDate (D:20150601) /ModDate (D:20150601) /Trapped /False /GTS_PDFXVersion (PDF/X-3:2002) >>",
		}, more...),
		Trailer: "/Root 1 0 R /Info 5 0 R /ID [<01> <01>]",
	}
}
