package preflight

import (
	"unicode/utf16"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/internal/pdfread"
)

// font is what the checks need to know of a font resource.
type font struct {
	name     string // BaseFont
	embedded bool
	twoByte  bool // Type0: two-byte codes (Identity-H as fpdf writes)
	widths   map[int]float64
	dflt     float64 // width of codes without an entry, in 1/1000 em
	// byCode holds the widths of one-byte codes (defaults filled in), read once a text is
	// shown: a lookup per character must be cheap.
	byCode *[256]float64
}

// maxWidths caps the widths read of one font: codes are at most two bytes.
const maxWidths = 1 << 16

// loadFont reads a font dictionary.
func loadFont(f *pdfread.File, o pdfread.Object) *font {
	ft := &font{name: "unknown font", widths: map[int]float64{}, dflt: 600}
	d := f.Dict(o)
	if d == nil {
		return ft
	}
	if n := f.Name(d["BaseFont"]); n != "" {
		ft.name = string(n)
	}
	desc := d
	set := func(code int, w pdfread.Object) bool {
		if code < 0 || code >= maxWidths {
			return false
		}
		n, _ := f.Number(w)
		ft.widths[code] = n
		return true
	}
	switch f.Name(d["Subtype"]) {
	case "Type3":
		ft.embedded = true // glyphs are content streams in the file
		return ft
	case "Type0":
		ft.twoByte = true
		arr := f.Array(d["DescendantFonts"])
		if len(arr) == 0 {
			return ft
		}
		if desc = f.Dict(arr[0]); desc == nil {
			return ft
		}
		ft.dflt = 1000
		if v, ok := f.Number(desc["DW"]); ok {
			ft.dflt = v
		}
		w := f.Array(desc["W"])
		steps := 0
		for k := 0; k+1 < len(w) && steps < maxWidths; {
			first, _ := f.Number(w[k])
			if list := f.Array(w[k+1]); list != nil {
				for j, v := range list {
					steps++
					if !set(int(first)+j, v) {
						break
					}
				}
				k += 2
				continue
			}
			if k+2 >= len(w) {
				break
			}
			last, _ := f.Number(w[k+1])
			for c := int(first); c <= int(last) && steps < maxWidths; c++ {
				steps++
				if !set(c, w[k+2]) {
					break
				}
			}
			k += 3
		}
	default:
		first, _ := f.Number(d["FirstChar"])
		for j, v := range f.Array(d["Widths"]) {
			if !set(int(first)+j, v) {
				break
			}
		}
	}
	if fd := f.Dict(desc["FontDescriptor"]); fd != nil {
		for _, k := range []pdfread.Name{"FontFile", "FontFile2", "FontFile3"} {
			if fd[k] != nil {
				ft.embedded = true
			}
		}
		if v, ok := f.Number(fd["MissingWidth"]); ok && !ft.twoByte {
			ft.dflt = v
		}
	}
	return ft
}

// each calls fn with each character code of a shown string.
func (f *font) each(s string, fn func(code int)) {
	if f.twoByte {
		for k := 0; k+1 < len(s); k += 2 {
			fn(int(s[k])<<8 | int(s[k+1]))
		}
		return
	}
	for k := 0; k < len(s); k++ {
		fn(int(s[k]))
	}
}

func (f *font) width(code int) float64 {
	if !f.twoByte && code < 256 {
		if f.byCode == nil {
			f.byCode = new([256]float64)
			for c := range f.byCode {
				f.byCode[c] = f.lookup(c)
			}
		}
		return f.byCode[code]
	}
	return f.lookup(code)
}

// lookup reads the width of a code from the widths of the font.
func (f *font) lookup(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	return f.dflt
}

// text guesses the characters of a shown string for messages: fpdf's two-byte codes are
// UTF-16, one-byte codes Latin-1.
func (f *font) text(s string) string {
	if f.twoByte {
		var u []uint16
		f.each(s, func(c int) { u = append(u, uint16(c)) })
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(s))
	for k := 0; k < len(s); k++ {
		r[k] = rune(s[k])
	}
	return string(r)
}
