package roster

import (
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// listTable is one table of the member list: a titled section whose header row is repeated
// on every page the table runs onto. A row is never split across pages.
type listTable struct {
	title   string
	columns []listColumn
	rows    []listRow
	none    string // what the section says when the table has no rows
}

// listColumn is a column of a table: its header and width in millimetres.
type listColumn struct {
	header string
	width  float64
}

// listRow is a row of a table: the pieces of each cell, and the row's path in the data and
// name, for a message about the row as a whole (which names the highest cell's path).
type listRow struct {
	cells [][]piece
	path  string
	name  string
}

// memberTable is the table of the current (or the former) members.
func memberTable(n *brochure.Network, current bool) listTable {
	t := listTable{title: "Aktuelle Mitglieder", none: "keine",
		columns: []listColumn{{"Stadt", 31}, {"Kreis", 34}, {"Mitglied seit", 19}, {"Programmgebiete", 42}, {"Ansprechperson", 48}}}
	if !current {
		t = listTable{title: "Ehemalige Mitglieder", none: "keine",
			columns: []listColumn{{"Stadt", 31}, {"Kreis", 34}, {"Mitglied seit", 19}, {"Ausgeschieden", 22}, {"Programmgebiete", 68}}}
	}
	var names []string
	for i := range n.Members {
		m := &n.Members[i]
		if m.Current() != current {
			continue
		}
		path := brochure.Path("members", i)
		names = names[:0]
		for _, a := range m.Areas {
			names = append(names, a.Name)
		}
		cells := [][]piece{
			{{text: m.City, style: lsStrong, path: path + ".city"}},
			{{text: m.Kreis, style: lsBody, path: path + ".kreis"}},
			{{text: m.Joined.Numeric(), style: lsBody, path: path + ".joined"}},
		}
		areas := []piece{{text: strings.Join(names, ", "), style: lsBody, path: path + ".areas"}}
		if current {
			cells = append(cells, areas, personPieces(contactOf(m.Contact), path+".contact", false))
		} else {
			left := unknownDate
			if !m.Left.Unknown {
				left = m.Left.Date.Numeric()
			}
			cells = append(cells, []piece{{text: left, style: lsBody, path: path + ".left"}}, areas)
		}
		t.rows = append(t.rows, listRow{cells: cells, path: path, name: m.City})
	}
	t.title += fmt.Sprintf(" (%d)", len(t.rows))
	return t
}

// institutionTable is the table of the institutions.
func institutionTable(n *brochure.Network) listTable {
	t := listTable{title: "Institutionen", none: "keine",
		columns: []listColumn{{"Institution", 48}, {"Rolle", 44}, {"Website", 30}, {"Ansprechperson", 52}}}
	for i, in := range n.Institutions {
		path := brochure.Path("institutions", i)
		name := in.Name
		if in.Short != "" {
			name += " (" + in.Short + ")"
		}
		var site []piece
		if in.Website != "" {
			site = []piece{{text: brochure.DisplayURL(in.Website), style: lsBody, path: path + ".website",
				link: brochure.LinkURL(in.Website), code: true}}
		}
		t.rows = append(t.rows, listRow{path: path, name: in.Name, cells: [][]piece{
			{{text: name, style: lsStrong, path: path + ".name"}},
			{{text: in.Role, style: lsBody, path: path + ".role"}},
			site,
			personPieces(contactOf(in.Contact), path+".contact", false),
		}})
	}
	return t
}

// setRow is a row with its cells set.
type setRow struct {
	cells   [][]setLine
	h       float64
	tallest int // the index of the highest cell
}

// setCells sets the cells of a row in the columns' widths.
func (b *listBuilder) setCells(columns []listColumn, cells [][]piece) setRow {
	r := setRow{cells: make([][]setLine, len(columns))}
	lines := lsBody.leading
	for i, c := range cells {
		r.cells[i] = b.set(c, columns[i].width-2*listPadX)
		if h := height(r.cells[i]); h > lines {
			lines, r.tallest = h, i
		}
	}
	r.h = lines + 2*listPadY
	return r
}

// table sets a table under its heading. Its header row goes on top of every page it runs
// onto; a row that does not fit under it begins a new page. A row higher than a whole page
// is an error.
func (b *listBuilder) table(t listTable) {
	header := make([][]piece, len(t.columns))
	for i, c := range t.columns {
		header[i] = []piece{{text: c.header, style: lsColumn}}
	}
	head := b.setCells(t.columns, header)
	if len(t.rows) == 0 {
		b.heading(t.title, lsBody.leading)
		b.place(b.set([]piece{{text: t.none, style: lsBody}}, listContentW), listMarginX)
		return
	}
	rows := make([]setRow, len(t.rows))
	for i, r := range t.rows {
		rows[i] = b.setCells(t.columns, r.cells)
	}
	most := listBottom - b.top - head.h
	b.heading(t.title, head.h+min(rows[0].h, most))
	b.row(t.columns, head, listRuleHead)
	for i, r := range rows {
		if r.h > most {
			path := t.rows[i].path
			if c := t.rows[i].cells[r.tallest]; len(c) > 0 {
				path = c[0].path
			}
			b.errorf(path, i18n.T("roster.list.row.high", t.rows[i].name, listFile, r.h, most), i18n.T("roster.list.row.high.hint"))
			continue
		}
		if !b.room(r.h) {
			b.newPage()
			b.row(t.columns, head, listRuleHead)
		}
		b.row(t.columns, r, listRuleThin)
	}
}

// row places a set row at y with a rule of weight under it.
func (b *listBuilder) row(columns []listColumn, r setRow, weight float64) {
	top, x := b.y, listMarginX
	for i, c := range columns {
		b.y = top + listPadY
		b.place(r.cells[i], x+listPadX)
		x += c.width
	}
	b.y = top + r.h
	b.page.rules = append(b.page.rules, listRule{x: listMarginX, y: b.y, w: listContentW, weight: weight})
}
