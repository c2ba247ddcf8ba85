package roster

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"golang.org/x/text/unicode/norm"
)

// Limits of a roster that is read back. A data file holds at most brochure.MaxFileSize
// (4 MiB); a member takes at least some 200 bytes of it, so no data file has more than about
// 20,000 members, and no roster made from one more rows on a sheet.
const (
	MaxRows         = 20000    // data rows on one sheet
	MaxWorkbookSize = 64 << 20 // bytes of a workbook file
	MaxUnpackedSize = 128 << 20
	MaxCSVSize      = 16 << 20 // bytes of one CSV file
)

// rawKind is what a cell holds as the file stores it, before its column reads it.
type rawKind uint8

const (
	rawEmpty  rawKind = iota
	rawText           // text
	rawNumber         // a number (a workbook's numeric cell), text holds it as stored
	rawDate           // an ISO 8601 date (a workbook's date cell)
	rawOther          // a truth value or an error value such as #N/A
)

// rawCell is one cell as the file stores it.
type rawCell struct {
	kind    rawKind
	text    string
	format  string // the number format of a number in a workbook
	formula string // the formula in a workbook cell, if any
	at      place
}

// rawRow is a data row of a sheet, its cells in the order of the sheet's columns.
type rawRow struct {
	at    place
	cells []rawCell
}

// rawSheet is a data sheet as read from a file.
type rawSheet struct {
	def  sheet
	at   place
	rows []rawRow
}

// Edit is an edited roster, read back by ReadXLSX or ReadCSV: the rows of its data sheets,
// and what is wrong with them. Apply applies it to a network.
type Edit struct {
	sheets     map[string]*rawSheet // by sheet name
	overview   [][]rawCell          // the cells of the overview sheet, if read
	overviewAt place                // the overview sheet
	// withChanges is set when the workbook has the sheet of changes, which is not read.
	withChanges bool
	probs       problems
	notes       problems
}

// newEdit starts an empty edit.
func newEdit() *Edit { return &Edit{sheets: map[string]*rawSheet{}} }

// sheetDefs are the data sheets of a roster, with their columns; their rows are not used.
func sheetDefs() []sheet { return dataSheets(&brochure.Network{}) }

// sheetOrder is the place of a sheet in the roster, for sorting problems.
func sheetOrder(name string) int {
	for i, s := range sheetDefs() {
		if s.name == name {
			return i + 1
		}
	}
	return 0
}

// readSheet reads a sheet's header row and data rows, given as cells by rows[r][c] (both
// 0-based; a row may be shorter than the header). It maps the header's cells to the sheet's
// columns by name, reporting unknown, doubled and missing columns, and keeps the rows that
// are not empty.
func (e *Edit) readSheet(def sheet, at place, rows [][]rawCell) {
	if len(rows) == 0 || allEmpty(rows[0]) {
		e.probs.add(at.cellAt(1, 0), i18n.T("roster.header.missing"), i18n.T("roster.header.missing.hint", headers(def)))
		return
	}
	header := rows[0]
	index := make([]int, len(header)) // column of each header cell, -1 for none
	seen := make([]place, len(def.columns))
	for c, h := range header {
		index[c] = -1
		name := strings.TrimSpace(h.text)
		if h.kind == rawEmpty || name == "" {
			continue
		}
		col := -1
		for i, dc := range def.columns {
			if strings.EqualFold(dc.header, name) {
				col = i
			}
		}
		switch {
		case col < 0:
			e.probs.add(h.at, i18n.T("roster.column.unknown", name), i18n.T("roster.column.unknown.hint", headers(def)))
		case seen[col].row != 0:
			e.probs.add(h.at, i18n.T("roster.column.twice", def.columns[col].header, refs([]place{seen[col]})), i18n.T("roster.column.twice.hint"))
		default:
			index[c], seen[col] = col, h.at
		}
	}
	missing := false
	for i, dc := range def.columns {
		if seen[i].row == 0 {
			e.probs.add(at.cellAt(1, 0), i18n.T("roster.column.missing", dc.header), i18n.T("roster.column.missing.hint"))
			missing = true
		}
	}
	if missing {
		return
	}
	rs := &rawSheet{def: def, at: at}
	for r := 1; r < len(rows); r++ {
		row := rawRow{at: at.cellAt(r+1, 0), cells: make([]rawCell, len(def.columns))}
		empty := true
		for c, rc := range rows[r] {
			if rc.kind != rawEmpty || rc.formula != "" {
				empty = false
			}
			if c >= len(index) || index[c] < 0 {
				if rc.kind != rawEmpty || rc.formula != "" {
					e.probs.add(rc.at, i18n.T("roster.column.noheader"), i18n.T("roster.column.noheader.hint"))
				}
				continue
			}
			row.cells[index[c]] = rc
		}
		for i := range row.cells {
			if row.cells[i].at.row == 0 {
				row.cells[i].at = at.cellAt(r+1, indexOf(index, i)+1)
			}
		}
		if !empty {
			rs.rows = append(rs.rows, row)
		}
	}
	e.sheets[def.name] = rs
}

// indexOf is the position of column col among the header cells.
func indexOf(index []int, col int) int {
	for c, i := range index {
		if i == col {
			return c
		}
	}
	return col
}

// allEmpty reports whether a row holds nothing.
func allEmpty(row []rawCell) bool {
	for _, c := range row {
		if c.kind != rawEmpty && strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

// headers lists a sheet's column headers for messages.
func headers(def sheet) string {
	names := make([]string, len(def.columns))
	for i, c := range def.columns {
		names[i] = c.header
	}
	return strings.Join(names, ", ")
}

// textOf is a text cell's text as the data holds it: line breaks as LF, surrounding space
// removed, in Unicode normal form C.
func textOf(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return norm.NFC.String(strings.TrimSpace(s))
}
