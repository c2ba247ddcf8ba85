package pdfedit

import (
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TextString encodes s as a PDF text string: a literal for printable ASCII (which
// PDFDocEncoding shares), else UTF-16BE with a byte order mark, as the PDF specification
// asks of text strings in the Info dictionary, outlines and annotations.
func TextString(s string) types.Object {
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
