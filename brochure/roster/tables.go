package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Table is one list of the roster as text: what a preview shows of a worksheet.
type Table struct {
	// Sheet is the worksheet's name; File the name of its CSV file.
	Sheet, File string
	// Header holds the column headers; Rows the cells, written as in the CSV file (dates as
	// 30.06.2015, 06.2015 or 2015, decimal commas) but without the apostrophe that makes a
	// formula-like cell inert there.
	Header []string
	Rows   [][]string
}

// Tables returns the data sheets of the roster in the workbook's order, from the same sheet
// definitions as the workbook and the CSV files.
func Tables(n *brochure.Network) []Table {
	var ts []Table
	for _, s := range dataSheets(n) {
		t := Table{Sheet: s.name, File: s.file}
		for _, c := range s.columns {
			t.Header = append(t.Header, c.header)
		}
		s.each(func(row []cell) error {
			r := make([]string, len(row))
			for i, c := range row {
				r[i] = csvText(s.columns[i].kind, c)
			}
			t.Rows = append(t.Rows, r)
			return nil
		})
		ts = append(ts, t)
	}
	return ts
}
