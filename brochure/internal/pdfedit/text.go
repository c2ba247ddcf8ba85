package pdfedit

import (
	"fmt"
	"strings"
	"time"
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

// Date formats t as a PDF date with its time zone, e.g. D:20150601120000+02'00'.
func Date(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off%3600/60)
}
