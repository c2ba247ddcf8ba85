package roster

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// bom is the UTF-8 byte order mark that makes Excel read a CSV file as UTF-8.
const bom = "\ufeff"

// CSVFiles returns one CSV file per data sheet of the workbook, in the workbook's order:
// roster-mitglieder.csv, roster-ehemalige-mitglieder.csv, roster-programmgebiete.csv,
// roster-institutionen.csv, roster-geschaeftsstelle.csv and roster-quellen.csv. Each is UTF-8 with a byte order mark, separated by semicolons, with
// CRLF line ends and one header row; cells that a spreadsheet would run as a formula are made
// inert with InertCell.
func CSVFiles(n *brochure.Network) ([]brochure.File, error) {
	var files []brochure.File
	for _, s := range dataSheets(n) {
		var buf bytes.Buffer
		if err := writeCSV(&buf, s); err != nil {
			return nil, fmt.Errorf("roster: write %s: %w", s.file, err)
		}
		files = append(files, brochure.File{Name: s.file, Data: buf.Bytes()})
	}
	return files, nil
}

// writeCSV writes one sheet as CSV.
func writeCSV(w io.Writer, s sheet) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	record := make([]string, len(s.columns))
	for i, c := range s.columns {
		record[i] = InertCell(c.header)
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	err := s.each(func(row []cell) error {
		for i, c := range row {
			record[i] = InertCell(lineBreaks.Replace(csvText(s.columns[i].kind, c)))
		}
		return cw.Write(record)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvText writes a cell as the text a German reader expects: dates as 30.06.2015, 06.2015
// or 2015 (a date cell without a date shows its text).
func csvText(k kind, c cell) string {
	switch k {
	case kindDate:
		if c.date.IsZero() {
			return c.text
		}
		return c.date.Numeric()
	case kindNumber:
		return strconv.Itoa(c.num)
	case kindDegrees:
		// a decimal comma, as German spreadsheets read a semicolon-separated file
		return strings.Replace(strconv.FormatFloat(c.deg, 'f', 6, 64), ".", ",", 1)
	}
	return c.text
}

// lineBreaks writes every line break inside a cell as LF: encoding/csv drops a lone CR when it
// writes CRLF line ends, and a reader turns CRLF inside a quoted cell into LF.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// formulaStarts are the characters with which a spreadsheet application may take a cell of a
// CSV file for a formula (or, for tab and carriage return, hide such a start).
const formulaStarts = "=+-@\t\r"

// InertCell returns s so that a spreadsheet application opening the CSV file shows it as
// text instead of running it: when s, after any leading apostrophes, begins with = + - @, a
// tab or a carriage return, an apostrophe is put in front. Counting the existing leading
// apostrophes makes the rule reversible: RestoreCell(InertCell(s)) == s for every s.
func InertCell(s string) string {
	if needsInert(s) {
		return "'" + s
	}
	return s
}

// RestoreCell undoes InertCell: it removes the apostrophe InertCell put in front of s.
func RestoreCell(s string) string {
	if strings.HasPrefix(s, "'") && needsInert(s[1:]) {
		return s[1:]
	}
	return s
}

// needsInert reports whether s, after any leading apostrophes, begins with a formula start.
func needsInert(s string) bool {
	t := strings.TrimLeft(s, "'")
	return t != "" && strings.IndexByte(formulaStarts, t[0]) >= 0
}
