package roster

import (
	"strings"
	"unicode/utf8"
)

// lineHeight is the height of a line of the workbook's 10 pt font, in points.
const lineHeight = 12.75

// maxRowHeight is the highest row Excel allows, in points.
const maxRowHeight = 409

// rowHeight is the height of a row of n lines, within Excel's limit.
func rowHeight(n int) float64 { return min(float64(n)*lineHeight, maxRowHeight) }

// wrappedLines estimates how many lines text takes when wrapped in a column width
// characters wide: words go on a line while they fit, a word longer than a line is cut.
func wrappedLines(text string, width float64) int {
	per := max(1, int(width*1.05)-2) // characters of a line: most are narrower than the "0" a width counts
	if len(text) <= per && strings.IndexByte(text, '\n') < 0 {
		return 1 // at most per bytes, so at most per characters
	}
	n := 0
	for _, para := range strings.Split(text, "\n") {
		lines, used := 1, 0
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			switch {
			case used > 0 && used+1+w <= per:
				used += 1 + w
			case used == 0 && w <= per:
				used = w
			default:
				if used > 0 {
					lines++
				}
				for w > per { // a long word, such as a web address, is cut
					lines++
					w -= per
				}
				used = w
			}
		}
		n += lines
	}
	return n
}
