package pdfread

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// pdfDoc gives the characters of PDFDocEncoding from 0x80 to 0x9E, which differ from
// Latin-1 as 0xA0 (€) does (ISO 32000-1, D.2).
var pdfDoc = []rune("•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž")

// decodeText decodes a text string (ISO 32000-2, 7.9.2.2).
func decodeText(s string) string {
	switch {
	case strings.HasPrefix(s, "\xfe\xff"):
		b := s[2:]
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		return string(utf16.Decode(u))
	case strings.HasPrefix(s, "\xef\xbb\xbf") && utf8.ValidString(s[3:]):
		return s[3:]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 && int(c-0x80) < len(pdfDoc):
			b.WriteRune(pdfDoc[c-0x80])
		case c == 0xa0:
			b.WriteRune('€')
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
