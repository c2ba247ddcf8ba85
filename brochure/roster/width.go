package roster

import "unicode/utf8"

// Column widths, in characters of the default font.
const (
	minWidth = 6
	maxWidth = 60
	// maxLongWidth bounds columns of long texts, which wrap, so that a sheet printed one
	// page wide stays readable.
	maxLongWidth = 32
	// widthPad is added to the longest content: the autofilter button and a little air.
	widthPad = 3
)

// fitWidths computes each column's width from its header and its cells as they are shown
// (excelize has no autofit).
func fitWidths(s sheet) ([]float64, error) {
	chars := make([]int, len(s.columns))
	for i, c := range s.columns {
		chars[i] = shownLen(c.header)
	}
	err := s.each(func(row []cell) error {
		for i, c := range row {
			chars[i] = max(chars[i], shownLen(shownText(s.columns[i].kind, c)))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	widths := make([]float64, len(chars))
	for i, n := range chars {
		most := maxWidth
		if s.columns[i].kind == kindLong {
			most = maxLongWidth
		}
		widths[i] = float64(min(max(n+widthPad, minWidth), most))
	}
	return widths, nil
}

// shownText is a cell's text as a spreadsheet shows it; dates look as in the CSV files.
func shownText(k kind, c cell) string {
	if k == kindText || k == kindLong || isCode(k) || k == kindMail {
		return c.text
	}
	return csvText(k, c)
}

// shownLen approximates the width of s in characters.
func shownLen(s string) int {
	return utf8.RuneCountInString(s)
}
