package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/xuri/excelize/v2"
)

// areasByRegion counts the programme areas of the members of each Regierungsbezirk.
func areasByRegion(n *brochure.Network) map[string]int {
	areas := map[string]int{}
	for i := range n.Members {
		areas[n.Members[i].Regierungsbezirk] += len(n.Members[i].Areas)
	}
	return areas
}

// ovCell is one cell of the overview.
type ovCell struct {
	value any // string, spanText, int, brochure.Date or nil
	style int
	link  string // where the cell links to, or ""
}

// spanText is a text whose cell is merged with the cells to its right, to the overview's
// last column.
type spanText string

// The overview's note on which file is for whom: the workbook for people, the CSV files for
// programs (docs/outputs.md says what a double-click does to them).
const (
	hintPeople  = "Diese Arbeitsmappe ist die Fassung zum Lesen, Filtern und Drucken: Schlüssel und Telefonnummern bleiben Text, Daten sind echte Datumswerte."
	hintScripts = "Die CSV-Dateien daneben sind für Programme; per Doppelklick in Excel oder LibreOffice geöffnet, verliert der AGS dort seine führende Null."
)

// overviewRows lays out the overview: the network's names, founding year, Stand and web
// sites, which file is for whom, the counts, the sources with their credit lines, and the legend of every data
// sheet's columns.
func overviewRows(n *brochure.Network, sheets []sheet, st styles) [][]ovCell {
	text := func(s string) ovCell { return ovCell{value: s, style: st.text} }
	label := func(s string) ovCell { return ovCell{value: s, style: st.label} }
	site := func(s string, style int) ovCell {
		if s == "" {
			return text("")
		}
		return ovCell{value: s, style: style, link: linkTarget(kindURL, s)}
	}
	head := func(s ...string) []ovCell {
		row := make([]ovCell, len(s))
		for i, h := range s {
			row[i] = ovCell{value: h, style: st.header}
		}
		return row
	}
	num := func(i int) ovCell { return ovCell{value: i, style: st.number} }
	count := n.Count()
	founded := ovCell{style: st.number}
	if n.Network.Founded != 0 {
		founded = num(n.Network.Founded)
	}
	rows := [][]ovCell{
		{{value: n.Network.Name, style: st.title}},
		{label("Kurzname"), text(n.Network.ShortName)},
		{label("Gegründet"), founded},
		{label("Stand"), ovCell{value: n.Edition.Stand, style: st.date(n.Edition.Stand)}},
		{label("Website"), site(n.Network.Website, st.link)},
	}
	for _, w := range n.Office.Websites {
		rows = append(rows, []ovCell{label("Website der Geschäftsstelle"), site(w, st.link)})
	}
	rows = append(rows, nil, head("Bearbeiten", ""))
	for _, line := range editingNote {
		rows = append(rows, []ovCell{label(line[0]), {value: spanText(line[1]), style: st.wrap}})
	}
	rows = append(rows,
		nil,
		[]ovCell{text(hintPeople)},
		[]ovCell{text(hintScripts)},
		nil,
		head("Anzahl", ""),
		[]ovCell{label("Aktuelle Mitglieder"), num(count.Current)},
		[]ovCell{label("Ehemalige Mitglieder"), num(count.Former)},
		[]ovCell{label("Programmgebiete"), num(count.Areas)},
		nil,
		head("Regierungsbezirk", "Aktuelle Mitglieder", "Ehemalige Mitglieder", "Programmgebiete"),
	)
	areas := areasByRegion(n)
	for _, r := range count.ByRegierungsbezirk {
		rows = append(rows, []ovCell{label(r.Name), num(r.Current), num(r.Former), num(areas[r.Name])})
	}
	rows = append(rows, nil, head("Quelle", "Lizenz", "Adresse", "Quellenvermerk"))
	for _, s := range n.Sources {
		rows = append(rows, []ovCell{label(s.ID), text(s.Licence), site(s.URL, st.linkWrap), {value: s.Credit, style: st.wrap}})
	}
	rows = append(rows, nil, head("Tabellenblatt", "Spalte", "Inhalt"))
	for _, s := range sheets {
		for _, c := range s.columns {
			rows = append(rows, []ovCell{label(s.name), text(c.header), {value: c.legend, style: st.wrap}})
		}
	}
	return rows
}

// editingNote tells the office how to edit the roster and read it back into the data file.
var editingNote = [][2]string{
	{"Ändern", "Diese Arbeitsmappe darf bearbeitet werden: Werte ändern, Zeilen hinzufügen oder löschen. " +
		"Eine Stadt, die ausscheidet, wird mit ihrer Zeile auf das Blatt „Ehemalige Mitglieder“ verschoben und erhält unter „Ausgeschieden“ das Datum, oder „—“, wenn es unbekannt ist. " +
		"Programmgebiete werden auf ihrem Blatt geändert, eine Zeile je Gebiet."},
	{"Eingeben", "Datumsangaben als TT.MM.JJJJ, MM.JJJJ oder JJJJ; den AGS mit seinen 8 Ziffern. Blätter und Spalten nicht umbenennen. Dieses Blatt wird aus der Datendatei geschrieben und nicht eingelesen."},
	{"Einlesen", "„brochure import -dry-run roster.xlsx“ zeigt die Änderungen, „brochure import roster.xlsx“ übernimmt sie in die Datendatei."},
}

// Widths of the overview's columns: the last column of each block holds long text, which
// wraps.
var overviewWidths = []float64{24, 22, 40, 80}

// writeOverview fills the overview sheet.
func writeOverview(f *excelize.File, n *brochure.Network, sheets []sheet, st styles, footer string) error {
	if err := pageSetup(f, sheetOverview, footer); err != nil {
		return err
	}
	for i, w := range overviewWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheetOverview, col, col, w); err != nil {
			return err
		}
	}
	rows := overviewRows(n, sheets, st)
	for r, row := range rows {
		lines := 1
		for c, oc := range row {
			switch text := oc.value.(type) {
			case string:
				if oc.style == st.wrap || oc.style == st.linkWrap {
					lines = max(lines, wrappedLines(text, overviewWidths[c]))
				}
			case spanText:
				width := 0.0
				for _, w := range overviewWidths[c:] {
					width += w
				}
				lines = max(lines, wrappedLines(string(text), width))
			}
		}
		if lines > 1 {
			if err := f.SetRowHeight(sheetOverview, r+1, rowHeight(lines)); err != nil {
				return err
			}
		}
		for c, oc := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheetOverview, ref, ref, oc.style); err != nil {
				return err
			}
			if text, ok := oc.value.(spanText); ok {
				end, err := excelize.CoordinatesToCellName(len(overviewWidths), r+1)
				if err != nil {
					return err
				}
				if err := f.MergeCell(sheetOverview, ref, end); err != nil {
					return err
				}
				oc.value = string(text)
			}
			switch v := oc.value.(type) {
			case brochure.Date:
				if serial, ok := excelSerial(v); ok {
					err = f.SetCellInt(sheetOverview, ref, serial)
				} else if !v.IsZero() {
					err = f.SetCellStr(sheetOverview, ref, v.Numeric())
				}
			case string:
				if v != "" {
					err = f.SetCellStr(sheetOverview, ref, v)
				}
			case int:
				err = f.SetCellInt(sheetOverview, ref, int64(v))
			}
			if err == nil && oc.link != "" {
				err = f.SetCellHyperLink(sheetOverview, ref, oc.link, "External")
			}
			if err != nil {
				return err
			}
		}
	}
	last, err := excelize.CoordinatesToCellName(len(overviewWidths), len(rows))
	if err != nil {
		return err
	}
	return f.SetSheetDimension(sheetOverview, "A1:"+last)
}
