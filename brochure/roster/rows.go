package roster

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// maxCellText is the most characters Excel keeps in a cell.
const maxCellText = 32767

// sheetRows writes the rows of one data sheet as SpreadsheetML: excelize's StreamWriter
// spends most of its time on each cell's bookkeeping, so the rows of the large sheets are
// written here, straight into the zip part, and their mailto: links collected for sortedZip.
type sheetRows struct {
	s      sheet
	st     styles
	widths []float64 // of the columns, in characters
	links  sheetLinks
}

// lines estimates how many lines the wrapped texts and addresses of a row (or the headers of
// the header row) take in their columns:
// spreadsheet applications do not all grow a row for wrapped text on their own.
func (r *sheetRows) lines(cells []cell, header bool) int {
	most := 1
	for i, c := range cells {
		if header || wraps(r.s.columns[i].kind) {
			most = max(most, wrappedLines(c.text, r.widths[i]))
		}
	}
	return most
}

// writeTo writes the sheet's header row and data rows to w.
func (r *sheetRows) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cols := make([]string, len(r.s.columns))
	for i := range cols {
		cols[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	var num []byte
	row := 1
	header := make([]cell, len(r.s.columns))
	for i, c := range r.s.columns {
		header[i] = cell{text: c.header}
	}
	writeRow := func(cells []cell, header bool) error {
		rn := strconv.Itoa(row)
		bw.WriteString(`<row r="`)
		bw.WriteString(rn)
		if n := r.lines(cells, header); n > 1 {
			bw.WriteString(`" ht="`)
			bw.WriteString(strconv.FormatFloat(rowHeight(n), 'f', 2, 64))
			bw.WriteString(`" customHeight="1`)
		}
		bw.WriteString(`">`)
		for i, c := range cells {
			k, style := kindText, r.st.header
			if !header {
				k = r.s.columns[i].kind
				style = r.st.style(k, c)
			}
			ref := cols[i] + rn
			if target := linkTarget(k, c.text); target != "" && !r.links.add(ref, target) {
				style = r.st.text
			}
			bw.WriteString(`<c r="`)
			bw.WriteString(ref)
			bw.WriteString(`" s="`)
			num = strconv.AppendInt(num[:0], int64(style), 10)
			bw.Write(num)
			serial, isDate := int64(0), false
			if k == kindDate && !c.date.IsZero() {
				if serial, isDate = excelSerial(c.date); !isDate {
					c.text = c.date.Numeric()
				}
			}
			switch {
			case isDate:
				bw.WriteString(`"><v>`)
				num = strconv.AppendInt(num[:0], serial, 10)
				bw.Write(num)
				bw.WriteString(`</v></c>`)
			case k == kindNumber:
				bw.WriteString(`"><v>`)
				num = strconv.AppendInt(num[:0], int64(c.num), 10)
				bw.Write(num)
				bw.WriteString(`</v></c>`)
			case k == kindDegrees:
				bw.WriteString(`"><v>`)
				num = strconv.AppendFloat(num[:0], c.deg, 'f', 6, 64)
				bw.Write(num)
				bw.WriteString(`</v></c>`)
			case c.text != "":
				bw.WriteString(`" t="inlineStr"><is><t`)
				if strings.TrimSpace(c.text) != c.text {
					bw.WriteString(` xml:space="preserve"`)
				}
				bw.WriteString(`>`)
				if err := xml.EscapeText(bw, []byte(truncate(c.text))); err != nil {
					return err
				}
				bw.WriteString(`</t></is></c>`)
			default:
				bw.WriteString(`"/>`)
			}
		}
		bw.WriteString(`</row>`)
		row++
		return nil
	}
	if err := writeRow(header, true); err != nil {
		return err
	}
	err := r.s.each(func(cells []cell) error { return writeRow(cells, false) })
	if err != nil {
		return err
	}
	return bw.Flush()
}

// truncate cuts s to the characters Excel keeps in a cell.
func truncate(s string) string {
	if len(s) <= maxCellText {
		return s
	}
	n := 0
	for i := range s {
		if n == maxCellText {
			return s[:i]
		}
		n++
	}
	return s
}
