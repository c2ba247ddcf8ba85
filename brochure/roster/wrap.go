package roster

import "unicode"

// lineHeight is the height of a line of the workbook's 10 pt font, in points.
const lineHeight = 12.75

// maxRowHeight is the highest row Excel allows, in points.
const maxRowHeight = 409

// rowHeight is the height of a row of n lines, within Excel's limit.
func rowHeight(n int) float64 { return min(float64(n)*lineHeight, maxRowHeight) }

// Measuring text as the spreadsheets set it: Arial 10 pt (LibreOffice sets it in a font with
// the same widths) on a 96 dpi screen, where a column of width w leaves about 7w - 5 pixels
// for text in Excel (LibreOffice leaves more).
const (
	pxPerEm   = 10 * 96 / 72.0
	widestPx  = 1015 * pxPerEm / 1000 // the widest character, "@"
	cellPadPx = 5
)

// helvetica holds the advance widths, in thousandths of an em, of the printable ASCII
// characters in Arial, whose widths are Helvetica's (Adobe's published font metrics).
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// charPx returns the width of r in pixels: from the table for ASCII, as the base letter for
// the letters with diacritics of German and its neighbours, else as the digit width.
func charPx(r rune) float64 {
	if r >= ' ' && r <= '~' {
		return float64(helvetica[r-' ']) * pxPerEm / 1000
	}
	switch r {
	case 'ß':
		return 611 * pxPerEm / 1000
	case '—', '…':
		return pxPerEm
	case '„', '“', '”', '‚', '‘', '’':
		return 333 * pxPerEm / 1000
	case '·':
		return 278 * pxPerEm / 1000
	}
	if b, ok := baseLetter[r]; ok {
		return charPx(b)
	}
	return 556 * pxPerEm / 1000
}

// baseLetter maps letters with diacritics to the letter they are as wide as.
var baseLetter = map[rune]rune{
	'ä': 'a', 'á': 'a', 'à': 'a', 'â': 'a', 'ã': 'a', 'å': 'a', 'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ö': 'o', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'õ': 'o', 'ø': 'o',
	'ü': 'u', 'ú': 'u', 'ù': 'u', 'û': 'u', 'ý': 'y', 'ÿ': 'y',
	'Ä': 'A', 'Á': 'A', 'À': 'A', 'Â': 'A', 'Ã': 'A', 'Å': 'A', 'Ç': 'C', 'É': 'E', 'È': 'E', 'Ê': 'E', 'Ë': 'E',
	'Í': 'I', 'Ì': 'I', 'Î': 'I', 'Ï': 'I', 'Ñ': 'N', 'Ö': 'O', 'Ó': 'O', 'Ò': 'O', 'Ô': 'O', 'Õ': 'O', 'Ø': 'O',
	'Ü': 'U', 'Ú': 'U', 'Ù': 'U', 'Û': 'U', 'Ý': 'Y',
}

// asciiPx returns the width of text in pixels when it is printable ASCII only, the common
// case measured quickly.
func asciiPx(text string) (float64, bool) {
	units := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c < ' ' || c > '~' {
			return 0, false
		}
		units += int(helvetica[c-' '])
	}
	return float64(units) * pxPerEm / 1000, true
}

// wrappedLines returns how many lines text takes when a spreadsheet wraps it in a column
// width characters wide: words go on a line while they fit, a line may also break after a
// hyphen, a line feed ends a line, and a word longer than a line is cut.
func wrappedLines(text string, width float64) int {
	room := max(width*7-cellPadPx, widestPx)
	if float64(len(text))*widestPx <= room {
		return 1 // at most len(text) characters, none wider than the widest
	}
	if w, ok := asciiPx(text); ok && w <= room {
		return 1
	}
	lines, line, word, space := 1, 0.0, 0.0, 0.0
	place := func() {
		switch {
		case word == 0:
			return
		case line > 0 && line+space+word <= room:
			line += space + word
		default:
			if line > 0 {
				lines++
			}
			for word > room { // a long word, such as a web address, is cut
				lines++
				word -= room
			}
			line = word
		}
		word, space = 0, 0
	}
	for _, r := range text {
		switch {
		case r == '\n':
			place()
			lines++
			line, space = 0, 0
		case unicode.IsSpace(r):
			place()
			if line > 0 {
				space = charPx(' ')
			}
		default:
			word += charPx(r)
			if r == '-' {
				place()
			}
		}
	}
	place()
	return lines
}
