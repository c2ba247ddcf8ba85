package roster

import (
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/xuri/excelize/v2"
)

// regierungsbezirke are the administrative regions of NRW in their official order.
var regierungsbezirke = []string{"Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg"}

// counts are the figures the overview shows.
type counts struct {
	current, former, areas int
}

// regionCount is the counts of one Regierungsbezirk.
type regionCount struct {
	name string
	counts
}

// countMembers counts current and former members and programme areas, in total and per
// Regierungsbezirk: the five of NRW in official order, then any others the data names in
// the order they first appear.
func countMembers(n *brochure.Network) (counts, []regionCount) {
	var total counts
	regions := make([]regionCount, len(regierungsbezirke))
	for i, name := range regierungsbezirke {
		regions[i].name = name
	}
	for i := range n.Members {
		m := &n.Members[i]
		j := slices.IndexFunc(regions, func(r regionCount) bool { return r.name == m.Regierungsbezirk })
		if j < 0 {
			regions = append(regions, regionCount{name: m.Regierungsbezirk})
			j = len(regions) - 1
		}
		c := &regions[j].counts
		if m.Current() {
			total.current++
			c.current++
		} else {
			total.former++
			c.former++
		}
		total.areas += len(m.Areas)
		c.areas += len(m.Areas)
	}
	return total, regions
}

// ovCell is one cell of the overview.
type ovCell struct {
	value any // string, int, brochure.Date or nil
	style int
}

// overviewRows lays out the overview: name and Stand, the counts, the sources with their
// credit lines, and the legend of every data sheet's columns.
func overviewRows(n *brochure.Network, sheets []sheet, st styles) [][]ovCell {
	text := func(s string) ovCell { return ovCell{s, st.text} }
	label := func(s string) ovCell { return ovCell{s, st.label} }
	head := func(s ...string) []ovCell {
		row := make([]ovCell, len(s))
		for i, h := range s {
			row[i] = ovCell{h, st.header}
		}
		return row
	}
	num := func(i int) ovCell { return ovCell{i, st.number} }
	total, regions := countMembers(n)
	rows := [][]ovCell{
		{{n.Network.Name, st.title}},
		{label("Stand"), ovCell{n.Edition.Stand, st.date(n.Edition.Stand)}},
		{label("Website"), text(n.Network.Website)},
		nil,
		head("Anzahl", ""),
		{label("Aktuelle Mitglieder"), num(total.current)},
		{label("Ehemalige Mitglieder"), num(total.former)},
		{label("Programmgebiete"), num(total.areas)},
		nil,
		head("Regierungsbezirk", "Aktuelle Mitglieder", "Ehemalige Mitglieder", "Programmgebiete"),
	}
	for _, r := range regions {
		rows = append(rows, []ovCell{label(r.name), num(r.current), num(r.former), num(r.areas)})
	}
	rows = append(rows, nil, head("Quelle", "Lizenz", "Adresse", "Quellenvermerk"))
	for _, s := range n.Sources {
		rows = append(rows, []ovCell{label(s.ID), text(s.Licence), {s.URL, st.wrap}, {s.Credit, st.wrap}})
	}
	rows = append(rows, nil, head("Tabellenblatt", "Spalte", "Inhalt"))
	for _, s := range sheets {
		for _, c := range s.columns {
			rows = append(rows, []ovCell{label(s.name), text(c.header), {c.legend, st.wrap}})
		}
	}
	return rows
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
		for c, oc := range row {
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheetOverview, ref, ref, oc.style); err != nil {
				return err
			}
			switch v := oc.value.(type) {
			case brochure.Date:
				if !v.IsZero() {
					err = f.SetCellValue(sheetOverview, ref, v.First())
				}
			case string:
				if v != "" {
					err = f.SetCellStr(sheetOverview, ref, v)
				}
			case int:
				err = f.SetCellInt(sheetOverview, ref, int64(v))
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
