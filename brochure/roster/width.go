package roster

import (
	"unicode"
	"unicode/utf8"
)

// Column widths, in characters of the default font (the width of "0").
const (
	minWidth = 6
	maxWidth = 60
	// maxLongWidth bounds columns of long texts, which wrap, so that a sheet printed one
	// page wide stays readable.
	maxLongWidth = 32
	// maxURLWidth bounds columns of web addresses, which LibreOffice does not break.
	maxURLWidth = 100
	// widthPad is added to a column's longest content, headerPad to its header's longest
	// word (the autofilter button sits beside it); a sheet too wide to print legibly keeps
	// only tightPad.
	widthPad  = 2
	headerPad = 3
	tightPad  = 1
	// minWrapWidth is the narrowest a column of wrapping text is made to print one page
	// wide (nor is it made narrower than its header's longest word); other columns are
	// never made narrower than their content.
	minWrapWidth = 10
)

// The print set-up of the data sheets: A4 landscape, one page wide, with narrow side
// margins. Spreadsheets shrink a sheet wider than the page to fit: the columns are narrowed
// so that the 10 pt text prints at minPrintScale or more (7.5 pt: LibreOffice rounds its
// scale down and measures widths a little differently from column to column, so the text
// prints at no less than 7 pt), wrapping long texts.
const (
	a4LongSideInches = 297 / 25.4
	sideMarginInches = 0.25
	minPrintScale    = 0.75
	pxPerInch        = 96
	// pxPerChar is how wide LibreOffice makes a column per character of its width, in
	// pixels of 1/96 inch, measured in its PDF export of the workbook; Excel makes it
	// narrower (7 pixels for the "0" of Arial 10 pt, plus 5 per column).
	pxPerChar = 8.15
)

// printBudget is the total width, in characters, that a sheet's columns may take for it to
// print one page wide at minPrintScale.
func printBudget() float64 {
	return (a4LongSideInches - 2*sideMarginInches) * pxPerInch / minPrintScale / pxPerChar
}

// wraps reports whether cells of kind k wrap within their column. Addresses wrap only where
// they have a space or a hyphen: a column of them is never narrowed below its longest one,
// which LibreOffice would cut off in print.
func wraps(k kind) bool {
	return k == kindText || k == kindLong || k == kindURL || k == kindMail
}

// breaksWords reports whether a column of kind k may be narrowed below its longest word.
func breaksWords(k kind) bool { return k == kindText || k == kindLong }

// fitWidths computes each column's width from its header and its cells as they are shown
// (excelize has no autofit), then narrows the widest wrapping columns as far as the sheet
// needs to print one page wide at minPrintScale: their texts wrap, and a word longer than
// the column breaks.
func fitWidths(s sheet) ([]float64, error) {
	chars := make([]int, len(s.columns))
	err := s.each(func(row []cell) error {
		for i, c := range row {
			text := shownText(s.columns[i].kind, c)
			chars[i] = max(chars[i], shownLen(text))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	widths := make([]float64, len(chars))
	floors := make([]float64, len(chars))
	for i, c := range s.columns {
		most := maxWidth
		switch c.kind {
		case kindLong:
			most = maxLongWidth
		case kindURL:
			most = maxURLWidth
		}
		head := longestWord(c.header)
		widths[i] = float64(min(max(chars[i]+widthPad, head+headerPad, minWidth), most))
		floors[i] = min(widths[i], float64(max(chars[i], head)+tightPad))
		if breaksWords(c.kind) {
			floors[i] = min(widths[i], float64(max(minWrapWidth, head+tightPad)))
		}
	}
	narrow(widths, floors, printBudget())
	return widths, nil
}

// narrow lowers the widest columns to one common width, never below their floors, until
// the widths add up to the budget or every column is at its floor.
func narrow(widths, floors []float64, budget float64) {
	total := func(limit float64) float64 {
		t := 0.0
		for i, w := range widths {
			t += max(floors[i], min(w, limit))
		}
		return t
	}
	if total(maxURLWidth) <= budget {
		return
	}
	lo, hi := 0, maxURLWidth // the largest whole limit within the budget
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if total(float64(mid)) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for i, w := range widths {
		widths[i] = max(floors[i], min(w, float64(lo)))
	}
}

// shownText is a cell's text as a spreadsheet shows it; dates look as in the CSV files.
func shownText(k kind, c cell) string {
	if k == kindText || k == kindLong || isCode(k) || k == kindMail || k == kindURL {
		return c.text
	}
	return csvText(k, c)
}

// shownLen approximates the width of s in characters.
func shownLen(s string) int {
	return utf8.RuneCountInString(s)
}

// longestWord is the length, in characters, of the longest run of s without a space or a
// hyphen (after which a spreadsheet also breaks a line).
func longestWord(s string) int {
	most, n := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			n = 0
		case r == '-':
			n++
			most = max(most, n)
			n = 0
			continue
		default:
			n++
		}
		most = max(most, n)
	}
	return most
}
