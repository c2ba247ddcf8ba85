package roster

import (
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
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
// or "Mitglieder"; in a CSV file the sheet's name is the file's, so it is left out. It is
// the Path of the place's diagnostics; where says the same for people, in their language.
func (p place) ref() string { return p.where().String() }

// where names the place for people, as ref does; it is zero for a file as a whole.
func (p place) where() i18n.Text {
	cell, _ := excelize.CoordinatesToCellName(max(p.col, 1), max(p.row, 1))
	switch {
	case p.row == 0 && (p.sheet == "" || p.csv):
		return i18n.Text{}
	case p.row == 0:
		return i18n.T("roster.at.sheet", p.sheet)
	case p.col == 0 && (p.sheet == "" || p.csv):
		return i18n.T("roster.at.row", p.row)
	case p.col == 0:
		return i18n.T("roster.at.sheetrow", p.sheet, p.row)
	case p.sheet == "" || p.csv:
		return i18n.T("roster.at.cell", cell)
	}
	return i18n.T("roster.at.cell", p.sheet+"!"+cell)
}

// diagnostic is a problem at the place.
func (p place) diagnostic(msg i18n.Text, hint ...i18n.Text) brochure.Diagnostic {
	d := brochure.Diagnostic{File: p.file, Path: p.ref(), Msg: msg}
	if w := p.where(); !w.IsZero() {
		d.Where = []i18n.Text{w}
	}
	if len(hint) > 0 {
		d.Hint = hint[0]
	}
	return d
}

// problem is a diagnostic with the place it was found at, for sorting.
type problem struct {
	at place
	d  brochure.Diagnostic
}

// problems collects what is wrong with a roster, or worth a note.
type problems []problem

// add records a problem at a place, with a hint on what to do if there is one.
func (ps *problems) add(at place, msg i18n.Text, hint ...i18n.Text) {
	*ps = append(*ps, problem{at, at.diagnostic(msg, hint...)})
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
		if i > 0 && p.d.File == ps[i-1].d.File && p.d.String() == ps[i-1].d.String() {
			continue
		}
		ds = append(ds, p.d)
	}
	return ds
}

// refs lists the places of cells for a message: "C5, C6 and C9".
func refs(ps []place) i18n.Text {
	names := make([]string, len(ps))
	for i, p := range ps {
		p.sheet = ""
		names[i] = p.ref()
	}
	switch len(names) {
	case 0:
		return i18n.T("roster.at.cell", "")
	case 1:
		return i18n.T("roster.at.cell", names[0])
	}
	return i18n.T("roster.refs", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}
