package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads an edited roster workbook, as WriteXLSX wrote it and Excel, LibreOffice or
// any other program saved it again, from data, read from the file name. Every problem is
// kept in the Edit for Apply to report; the overview sheet is not read, its contents being
// written from the data file.
func ReadXLSX(name string, data []byte) *Edit {
	e := newEdit()
	file := place{file: name}
	switch {
	case len(data) > MaxWorkbookSize:
		e.probs.add(file, i18n.T("roster.xlsx.toolarge", float64(len(data))/(1<<20), MaxWorkbookSize>>20), i18n.T("roster.xlsx.toolarge.hint"))
		return e
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		e.probs.add(file, i18n.T("roster.xlsx.xls"), i18n.T("roster.xlsx.xls.hint"))
		return e
	case !bytes.HasPrefix(data, []byte("PK")):
		e.probs.add(file, i18n.T("roster.xlsx.notxlsx"), i18n.T("roster.xlsx.name.hint"))
		return e
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		e.probs.add(file, i18n.T("roster.xlsx.unreadable", err), i18n.T("roster.xlsx.save.hint"))
		return e
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxUnpackedSize {
			e.probs.add(file, i18n.T("roster.xlsx.bomb", MaxUnpackedSize>>20, f.Name, f.UncompressedSize64>>20), i18n.T("roster.xlsx.bomb.hint"))
			return e
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnpackedSize, UnzipXMLSizeLimit: MaxUnpackedSize})
	if err != nil {
		hint := i18n.T("roster.xlsx.save.hint")
		if errors.Is(err, excelize.ErrWorkbookFileFormat) {
			hint = i18n.T("roster.xlsx.name.hint")
		}
		e.probs.add(file, i18n.T("roster.xlsx.unreadable", err), hint)
		return e
	}
	defer f.Close()
	e.readWorkbook(f, file)
	return e
}

// readWorkbook reads the data sheets of an open workbook.
func (e *Edit) readWorkbook(f *excelize.File, file place) {
	list := f.GetSheetList()
	defs := sheetDefs()
	var ours, missing, unknown []string
	for _, d := range defs {
		if slices.Contains(list, d.name) {
			ours = append(ours, d.name)
		} else {
			missing = append(missing, d.name)
		}
	}
	for _, s := range list {
		if s != sheetOverview && s != sheetChanges && !slices.ContainsFunc(defs, func(d sheet) bool { return d.name == s }) {
			unknown = append(unknown, s)
		}
	}
	if len(ours) == 0 {
		e.probs.add(file, i18n.T("roster.xlsx.notroster", quoteList(names(defs)), quoteList(list)), i18n.T("roster.xlsx.notroster.hint"))
		return
	}
	for _, name := range missing {
		hint := i18n.T("roster.sheet.missing.hint")
		if len(unknown) == 1 && len(missing) == 1 {
			hint = i18n.T("roster.sheet.rename.hint", unknown[0], missing[0])
		}
		e.probs.add(file, i18n.T("roster.sheet.missing", name), hint)
	}
	for _, name := range unknown {
		e.probs.add(place{file: file.file, sheet: name, order: 100}, i18n.T("roster.sheet.unknown", name), i18n.T("roster.sheet.unknown.hint"))
	}
	e.withChanges = slices.Contains(list, sheetChanges)
	if slices.Contains(list, sheetOverview) {
		at := place{file: file.file, sheet: sheetOverview}
		if rows, ok := e.readWorksheet(f, sheetOverview, at); ok {
			e.overview, e.overviewAt = rows, at
		}
	}
	for _, d := range defs {
		if slices.Contains(list, d.name) {
			at := place{file: file.file, sheet: d.name, order: sheetOrder(d.name)}
			if rows, ok := e.readWorksheet(f, d.name, at); ok {
				e.readSheet(d, at, rows)
			}
		}
	}
}

// readWorksheet reads the cells of one worksheet: text, numbers with their number format,
// formulas, truth and error values. A sheet with more than MaxRows data rows is refused
// before its cells are read.
func (e *Edit) readWorksheet(f *excelize.File, name string, at place) ([][]rawCell, bool) {
	it, err := f.Rows(name)
	if err != nil {
		e.probs.add(at, i18n.T("roster.sheet.unreadable", err), i18n.T("roster.xlsx.save.hint"))
		return nil, false
	}
	count := 0
	for it.Next() {
		if count++; count > MaxRows+1 {
			it.Close()
			e.probs.add(at.cellAt(MaxRows+2, 0), i18n.T("roster.xlsx.rows", MaxRows), i18n.T("roster.rows.hint"))
			return nil, false
		}
	}
	if err := it.Error(); err != nil {
		it.Close()
		e.probs.add(at, i18n.T("roster.sheet.unreadable", err), i18n.T("roster.xlsx.save.hint"))
		return nil, false
	}
	it.Close()
	values, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		e.probs.add(at, i18n.T("roster.sheet.unreadable", err), i18n.T("roster.xlsx.save.hint"))
		return nil, false
	}
	width := 0
	if len(values) > 0 {
		width = len(values[0])
	}
	formats := map[int]string{}
	rows := make([][]rawCell, len(values))
	for r, vs := range values {
		rows[r] = make([]rawCell, max(len(vs), width))
		for c := range rows[r] {
			rc := &rows[r][c]
			rc.at = at.cellAt(r+1, c+1)
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if rc.formula, err = f.GetCellFormula(name, ref); err != nil {
				e.probs.add(rc.at, i18n.T("roster.cell.unreadable", err))
				continue
			}
			if c >= len(vs) || vs[c] == "" {
				continue
			}
			rc.text = vs[c]
			typ, err := f.GetCellType(name, ref)
			if err != nil {
				e.probs.add(rc.at, i18n.T("roster.cell.unreadable", err))
				continue
			}
			switch typ {
			case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
				rc.kind = rawText
			case excelize.CellTypeDate:
				rc.kind = rawDate
			case excelize.CellTypeBool, excelize.CellTypeError:
				rc.kind = rawOther
			default:
				rc.kind = rawNumber
				rc.format = numberFormat(f, name, ref, formats)
			}
		}
	}
	return rows, true
}

// numberFormat is the number format code of a cell, "" where it has none; formats caches
// the codes by style.
func numberFormat(f *excelize.File, sheet, ref string, formats map[int]string) string {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		return ""
	}
	if code, ok := formats[id]; ok {
		return code
	}
	code := ""
	if st, err := f.GetStyle(id); err == nil {
		switch {
		case st.CustomNumFmt != nil:
			code = *st.CustomNumFmt
		default:
			code = builtinFormats[st.NumFmt]
		}
	}
	formats[id] = code
	return code
}

// builtinFormats are the codes of Excel's built-in number formats that show dates.
var builtinFormats = map[int]string{
	14: "dd.mm.yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yy h:mm",
	27: "yyyy-mm-dd", 28: "yyyy-mm-dd", 29: "yyyy-mm-dd", 30: "m/d/yy", 31: "yyyy-mm-dd",
	34: "yyyy-mm-dd", 35: "yyyy-mm-dd", 36: "yyyy-mm-dd",
	50: "yyyy-mm-dd", 51: "yyyy-mm-dd", 52: "yyyy-mm", 53: "yyyy-mm-dd", 54: "yyyy-mm-dd",
	55: "yyyy-mm", 56: "yyyy-mm-dd", 57: "yyyy-mm", 58: "yyyy-mm-dd",
}

// names lists the names of sheets.
func names(defs []sheet) []string {
	out := make([]string, len(defs))
	for i, d := range defs {
		out[i] = d.name
	}
	return out
}

// quoteList writes names in quotes as the language quotes them, separated by commas.
func quoteList(names []string) i18n.Text {
	if len(names) == 0 {
		return i18n.Text{}
	}
	list := i18n.T("roster.quoted", names[len(names)-1])
	for i := len(names) - 2; i >= 0; i-- {
		list = i18n.T("roster.list", i18n.T("roster.quoted", names[i]), list)
	}
	return list
}
