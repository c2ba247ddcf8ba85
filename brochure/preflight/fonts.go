package preflight

import (
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// font is what the checks need to know of a font resource.
type font struct {
	name     string // BaseFont
	embedded bool
	twoByte  bool // Type0: two-byte codes (Identity-H as fpdf writes)
	widths   map[int]float64
	dflt     float64 // width of codes without an entry, in 1/1000 em
}

// loadFont reads a font dictionary.
func loadFont(xt *model.XRefTable, o types.Object) *font {
	f := &font{name: "unknown font", widths: map[int]float64{}, dflt: 600}
	d, err := xt.DereferenceDict(o)
	if err != nil || d == nil {
		return f
	}
	if n := d.NameEntry("BaseFont"); n != nil {
		f.name = *n
	}
	sub := d.NameEntry("Subtype")
	desc := d
	switch {
	case sub != nil && *sub == "Type3":
		f.embedded = true // glyphs are content streams in the file
		return f
	case sub != nil && *sub == "Type0":
		f.twoByte = true
		arr, _ := xt.DereferenceArray(d["DescendantFonts"])
		if len(arr) == 0 {
			return f
		}
		desc, _ = xt.DereferenceDict(arr[0])
		if desc == nil {
			return f
		}
		f.dflt = 1000
		if v, err := xt.DereferenceNumber(desc["DW"]); err == nil && desc["DW"] != nil {
			f.dflt = v
		}
		w, _ := xt.DereferenceArray(desc["W"])
		for k := 0; k+1 < len(w); {
			first, _ := xt.DereferenceNumber(w[k])
			if list, err := xt.DereferenceArray(w[k+1]); err == nil && list != nil {
				for j, v := range list {
					n, _ := xt.DereferenceNumber(v)
					f.widths[int(first)+j] = n
				}
				k += 2
				continue
			}
			if k+2 >= len(w) {
				break
			}
			last, _ := xt.DereferenceNumber(w[k+1])
			n, _ := xt.DereferenceNumber(w[k+2])
			for c := int(first); c <= int(last) && c-int(first) < 65536; c++ {
				f.widths[c] = n
			}
			k += 3
		}
	default:
		first, _ := xt.DereferenceNumber(d["FirstChar"])
		w, _ := xt.DereferenceArray(d["Widths"])
		for j, v := range w {
			n, _ := xt.DereferenceNumber(v)
			f.widths[int(first)+j] = n
		}
	}
	fd, _ := xt.DereferenceDict(desc["FontDescriptor"])
	if fd != nil {
		for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
			if fd[k] != nil {
				f.embedded = true
			}
		}
		if v, err := xt.DereferenceNumber(fd["MissingWidth"]); err == nil && fd["MissingWidth"] != nil && !f.twoByte {
			f.dflt = v
		}
	}
	return f
}

// codes splits a shown string into character codes.
func (f *font) codes(s string) []int {
	var c []int
	if f.twoByte {
		for k := 0; k+1 < len(s); k += 2 {
			c = append(c, int(s[k])<<8|int(s[k+1]))
		}
		return c
	}
	for k := 0; k < len(s); k++ {
		c = append(c, int(s[k]))
	}
	return c
}

func (f *font) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	return f.dflt
}

// text guesses the characters of a shown string for messages: fpdf's two-byte codes are
// UTF-16, one-byte codes Latin-1.
func (f *font) text(s string) string {
	c := f.codes(s)
	if f.twoByte {
		u := make([]uint16, len(c))
		for k, v := range c {
			u[k] = uint16(v)
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(c))
	for k, v := range c {
		r[k] = rune(v)
	}
	return string(r)
}
