package roster

import (
	"fmt"
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/xuri/excelize/v2"
)

// place is where something stands in a roster: a cell, a row or a sheet of a workbook, or
// the same in a CSV file, which a spreadsheet shows as one sheet.
type place struct {
	file  string // the workbook's or the CSV file's name
	sheet string // the sheet's name; "" for the file as a whole
	csv   bool   // the sheet is a CSV file of its own
	order int    // the sheet's place in the roster, for sorting
	row   int    // 1-based; 0 for the sheet as a whole
	col   int    // 1-based; 0 for the row as a whole
}

// cellAt is the place of a cell of the same sheet.
func (p place) cellAt(row, col int) place {
	p.row, p.col = row, col
	return p
}

// ref names the place as a spreadsheet user finds it: "Mitglieder!B7", "Mitglieder, row 7"
// or "Mitglieder"; in a CSV file the sheet's name is the file's, so it is left out.
func (p place) ref() string {
	var cell string
	switch {
	case p.row == 0:
	case p.col == 0:
		cell = fmt.Sprintf("row %d", p.row)
	default:
		cell, _ = excelize.CoordinatesToCellName(p.col, p.row)
	}
	switch {
	case p.sheet == "" || p.csv && cell != "":
		return cell
	case p.csv:
		return ""
	case cell == "":
		return p.sheet
	case p.col == 0:
		return p.sheet + ", " + cell
	}
	return p.sheet + "!" + cell
}

// diagnostic is a problem at the place.
func (p place) diagnostic(hint, msg string) brochure.Diagnostic {
	return brochure.Diagnostic{File: p.file, Path: p.ref(), Msg: msg, Hint: hint}
}

// problem is a diagnostic with the place it was found at, for sorting.
type problem struct {
	at place
	d  brochure.Diagnostic
}

// problems collects what is wrong with a roster, or worth a note.
type problems []problem

// add records a problem at a place.
func (ps *problems) add(at place, hint, format string, args ...any) {
	*ps = append(*ps, problem{at, at.diagnostic(hint, fmt.Sprintf(format, args...))})
}

// diagnostics returns the problems in the order of the roster: file, sheet, row, column.
func (ps problems) diagnostics() brochure.Diagnostics {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].at, ps[j].at
		switch {
		case a.file != b.file:
			return a.file < b.file
		case a.order != b.order:
			return a.order < b.order
		case a.row != b.row:
			return a.row < b.row
		}
		return a.col < b.col
	})
	var ds brochure.Diagnostics
	for i, p := range ps {
		if i > 0 && p.d == ps[i-1].d {
			continue
		}
		ds = append(ds, p.d)
	}
	return ds
}

// refs lists the places of cells for a message: "C5, C6 and C9".
func refs(ps []place) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		p.sheet = ""
		names[i] = p.ref()
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
