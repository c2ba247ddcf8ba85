package roster

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dumpXLSX writes a readable account of a workbook as excelize reads it back: document
// properties, defined names and, sheet by sheet, the print set-up, panes, widths and every
// cell with its type, number format, boldness and link.
func dumpXLSX(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "title %q\nsubject %q\ncreator %q\ncreated %s\nmodified %s\nlanguage %s\ndescription %q\n",
		p.Title, p.Subject, p.Creator, p.Created, p.Modified, p.Language, p.Description)
	for _, d := range f.GetDefinedName() {
		fmt.Fprintf(&b, "name %s scope=%q %s\n", d.Name, d.Scope, d.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		dumpSheet(t, &b, f, sheet)
	}
	return b.String()
}

func dumpSheet(t testing.TB, b *strings.Builder, f *excelize.File, sheet string) {
	t.Helper()
	must := func(err error) {
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
	}
	fmt.Fprintf(b, "\nsheet %q\n", sheet)
	dim, err := f.GetSheetDimension(sheet)
	must(err)
	panes, err := f.GetPanes(sheet)
	must(err)
	props, err := f.GetSheetProps(sheet)
	must(err)
	layout, err := f.GetPageLayout(sheet)
	must(err)
	hf, err := f.GetHeaderFooter(sheet)
	must(err)
	fmt.Fprintf(b, "  dimension %s\n", dim)
	fmt.Fprintf(b, "  panes freeze=%v ySplit=%d topLeft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
	dvs, err := f.GetDataValidations(sheet)
	must(err)
	for _, dv := range dvs {
		fmt.Fprintf(b, "  validation %s type=%s %s %s..%s error=%s %q prompt=%q\n", dv.Sqref, dv.Type, dv.Operator,
			dv.Formula1, dv.Formula2, deref(dv.ErrorStyle), deref(dv.Error), deref(dv.Prompt))
	}
	fmt.Fprintf(b, "  page size=%d orientation=%s fitToPage=%v fitToWidth=%d fitToHeight=%d\n",
		deref(layout.Size), deref(layout.Orientation), deref(props.FitToPage), deref(layout.FitToWidth), deref(layout.FitToHeight))
	fmt.Fprintf(b, "  footer %q\n", hf.OddFooter)
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	must(err)
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var widths []string
	for c := 1; c <= width; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, col)
		must(err)
		widths = append(widths, fmt.Sprintf("%s=%g", col, w))
	}
	fmt.Fprintf(b, "  widths %s\n", strings.Join(widths, " "))
	for r := range rows {
		for c := 1; c <= width; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r+1)
			raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			must(err)
			if raw == "" {
				continue
			}
			shown, err := f.GetCellValue(sheet, ref)
			must(err)
			typ, err := f.GetCellType(sheet, ref)
			must(err)
			id, err := f.GetCellStyle(sheet, ref)
			must(err)
			style, err := f.GetStyle(id)
			must(err)
			format := fmt.Sprint(style.NumFmt)
			if style.CustomNumFmt != nil {
				format = *style.CustomNumFmt
			}
			line := fmt.Sprintf("  %s %s %q fmt=%s", ref, cellTypeName(typ), raw, format)
			if shown != raw {
				line += fmt.Sprintf(" shown=%q", shown)
			}
			if style.Font != nil && style.Font.Bold {
				line += " bold"
			}
			if ok, target, err := f.GetCellHyperLink(sheet, ref); err == nil && ok {
				line += " link=" + target
			}
			b.WriteString(line + "\n")
		}
	}
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "text"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "number"
	}
	return fmt.Sprint(t)
}

func deref[T any](p *T) any {
	if p == nil {
		return "-"
	}
	return *p
}
