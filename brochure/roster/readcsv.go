package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"golang.org/x/text/encoding/charmap"
)

// ReadCSV reads edited roster CSV files, as CSVFiles wrote them and a spreadsheet program
// saved them again: UTF-8 (with or without a byte-order mark) or Windows-1252, separated by
// semicolons, commas or tabs. Each file is told by its header row (or, failing that, by its
// name); a file may be left out, and then its list stays as it is, but the two member files
// go together. The apostrophe that InertCell puts before a cell is taken off again.
func ReadCSV(files []brochure.File) *Edit {
	e := newEdit()
	given := map[string]string{} // sheet → file
	for _, f := range files {
		file := place{file: f.Name}
		if len(f.Data) > MaxCSVSize {
			e.probs.add(file, i18n.T("roster.csv.toolarge", float64(len(f.Data))/(1<<20), MaxCSVSize>>20), i18n.T("roster.csv.toolarge.hint"))
			continue
		}
		records, ok := e.readRecords(f, file)
		if !ok {
			continue
		}
		def, ok := csvSheet(f.Name, records)
		if !ok {
			e.probs.add(file, i18n.T("roster.csv.notroster"), i18n.T("roster.csv.notroster.hint", strings.Join(csvNames(), ", ")))
			continue
		}
		if other, dup := given[def.name]; dup {
			e.probs.add(file, i18n.T("roster.csv.twice", def.name, other), i18n.T("roster.csv.twice.hint"))
			continue
		}
		given[def.name] = f.Name
		at := place{file: f.Name, sheet: def.name, csv: true, order: sheetOrder(def.name)}
		rows := make([][]rawCell, len(records))
		for r, rec := range records {
			rows[r] = make([]rawCell, len(rec))
			for c, v := range rec {
				rc := &rows[r][c]
				rc.at = at.cellAt(r+1, c+1)
				if v = RestoreCell(v); strings.TrimSpace(v) != "" {
					rc.kind, rc.text = rawText, v
				}
			}
		}
		e.readSheet(def, at, rows)
	}
	_, current := given[sheetMembers]
	_, former := given[sheetFormer]
	if current != former {
		missing, msg := "roster-ehemalige-mitglieder.csv", i18n.T("roster.csv.noformer")
		if !current {
			missing, msg = "roster-mitglieder.csv", i18n.T("roster.csv.nocurrent")
		}
		e.probs.add(place{file: missing}, msg, i18n.T("roster.csv.members.hint"))
	}
	return e
}

// readRecords decodes a CSV file into its records. A file that is not UTF-8 is read as
// Windows-1252, the encoding of Excel's „CSV (Trennzeichen-getrennt)“, with a note.
func (e *Edit) readRecords(f brochure.File, file place) ([][]string, bool) {
	data := bytes.TrimPrefix(f.Data, []byte(bom))
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			e.probs.add(file, i18n.T("roster.csv.encoding"), i18n.T("roster.csv.encoding.hint"))
			return nil, false
		}
		data = dec
		e.notes.add(file, i18n.T("roster.csv.cp1252"))
	}
	if bytes.IndexByte(data, 0) >= 0 {
		e.probs.add(file, i18n.T("roster.csv.nul"), i18n.T("roster.csv.nul.hint"))
		return nil, false
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	var records [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			e.probs.add(file, i18n.T("roster.csv.syntax", csvError(err)), i18n.T("roster.csv.syntax.hint"))
			return nil, false
		}
		if len(records) > MaxRows {
			e.probs.add(file.cellAt(MaxRows+2, 0), i18n.T("roster.csv.rows", MaxRows), i18n.T("roster.rows.hint"))
			return nil, false
		}
		records = append(records, rec)
	}
	return records, true
}

// csvError words a CSV syntax error: its line and what is wrong, in the reader's words.
func csvError(err error) i18n.Text {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return i18n.T("roster.csv.error", pe.Line, pe.Column, pe.Err)
	}
	return i18n.T("roster.other", err)
}

// separator guesses the field separator from the header line: a semicolon (as brochure and
// German Excel write), else a comma, else a tab.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	switch {
	case bytes.ContainsRune(line, ';'):
		return ';'
	case bytes.ContainsRune(line, ','):
		return ','
	case bytes.ContainsRune(line, '\t'):
		return '\t'
	}
	return ';'
}

// csvSheet tells which sheet a CSV file holds: the sheet whose columns its header names,
// else the sheet whose file has the file's name.
func csvSheet(name string, records [][]string) (sheet, bool) {
	defs := sheetDefs()
	if len(records) > 0 {
		var got []string
		for _, h := range records[0] {
			if h = strings.ToLower(strings.TrimSpace(RestoreCell(h))); h != "" {
				got = append(got, h)
			}
		}
		for _, d := range defs {
			if sameHeaders(d, got) {
				return d, true
			}
		}
	}
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	for _, d := range defs {
		if strings.EqualFold(base, d.file) {
			return d, true
		}
	}
	return sheet{}, false
}

// sameHeaders reports whether got (lower case) names exactly the columns of d.
func sameHeaders(d sheet, got []string) bool {
	if len(got) != len(d.columns) {
		return false
	}
	want := map[string]bool{}
	for _, c := range d.columns {
		want[strings.ToLower(c.header)] = true
	}
	for _, h := range got {
		if !want[h] {
			return false
		}
		delete(want, h)
	}
	return true
}

// csvNames lists the names of the roster's CSV files.
func csvNames() []string {
	var out []string
	for _, d := range sheetDefs() {
		out = append(out, d.file)
	}
	return out
}
