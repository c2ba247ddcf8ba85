package roster

import (
	"slices"
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
)

// readRow is a row of a sheet, read as cells of its columns.
type readRow struct {
	raw   rawRow
	cells []cell
}

// Columns of the programme-areas sheet.
const (
	colAreaCity = iota
	colAreaAGS
	colAreaName
	colAreaSince
	colAreaUntil
)

// oldMember is the member of the data that member k of the result stands for, or nil.
func (a *applier) oldMember(k int) *brochure.Member {
	if a.rows == nil {
		return &a.old.Members[k]
	}
	if i := a.rows[k].old; i >= 0 {
		return &a.old.Members[i]
	}
	return nil
}

// keepAreas keeps the programme areas of the data when the roster has no areas sheet (CSV
// files without roster-programmgebiete.csv); an area cell edited on a member sheet cannot
// be applied then and is reported.
func (a *applier) keepAreas() {
	for k, r := range a.rows {
		if old := a.oldMember(k); old != nil {
			a.out.Members[k].Areas = old.Areas
			if sameCell(kindLong, cell{text: areaNames(old.Areas)}, r.cells[colAreas]) {
				continue
			}
		} else if r.cells[colAreas].text == "" {
			continue
		}
		a.probs.add(r.raw.cells[colAreas].at, i18n.T("roster.areas.nofile"), i18n.T("roster.areas.nofile.hint"))
	}
}

// areas applies the programme-areas sheet: each row belongs to the member with its AGS
// (else its city) on the member sheets (or in the data, when those were not given).
func (a *applier) areas(s *rawSheet) {
	a.out.Members = slices.Clone(a.out.Members)
	members := a.out.Members
	groups := a.byMember(s, colAreaCity, colAreaAGS, func(r rawRow, cells []cell) bool {
		if cells[colAreaName].text == "" {
			a.probs.add(r.cells[colAreaName].at, i18n.T("roster.empty", "Programmgebiet"), i18n.T("roster.area.name.hint"))
			return false
		}
		return true
	})
	for k := range members {
		old := a.oldMember(k)
		var oldAreas []brochure.Area
		if old != nil {
			oldAreas = old.Areas
		}
		fresh := make([]brochure.Area, len(groups[k]))
		for j, r := range groups[k] {
			fresh[j] = brochure.Area{Name: r.cells[colAreaName].text, Since: r.cells[colAreaSince].date, Until: r.cells[colAreaUntil].date}
		}
		pairs := update.Pair(oldAreas, fresh)
		for j, i := range pairs {
			if i >= 0 {
				fresh[j] = mergeArea(oldAreas[i], areaRow(nil, old, oldAreas[i]), groups[k][j].cells)
			}
		}
		var result []brochure.Area
		for n, j := range resultOrder(pairs, len(oldAreas)) {
			result = append(result, fresh[j])
			p := brochure.Path("members", k, "areas", n)
			r := groups[k][j].raw
			a.places[p] = r.at
			a.places[brochure.Path(p, "name")] = r.cells[colAreaName].at
			a.places[brochure.Path(p, "since")] = r.cells[colAreaSince].at
			a.places[brochure.Path(p, "until")] = r.cells[colAreaUntil].at
		}
		members[k].Areas = result
	}
	for k, r := range a.rows {
		a.checkAreaCell(k, r, groups[k])
	}
}

// byMember reads the rows of a sheet that lists things of the members (programme areas,
// sources) and groups them by the member each belongs to (by its index in a.out.Members):
// the member with the row's AGS, else (no AGS given) with its city, on the member sheets (or
// in the data, when those were not given). A row that names no member is reported; keep
// judges the rest, and says whether a row is kept.
func (a *applier) byMember(s *rawSheet, colCity, colAGS int, keep func(r rawRow, cells []cell) bool) [][]readRow {
	members := a.out.Members
	byAGS, byCity := map[string]int{}, map[string]int{}
	for k := len(members) - 1; k >= 0; k-- { // the first of doubled values counts
		byAGS[members[k].AGS] = k
		byCity[strings.ToLower(members[k].City)] = k
	}
	groups := make([][]readRow, len(members))
	a.readRows(s, func(r rawRow, cells []cell, ok bool) {
		if !ok {
			return
		}
		ags, city := cells[colAGS].text, cells[colCity].text
		k, found := -1, false
		if ags != "" {
			k, found = byAGS[ags]
		} else if city != "" {
			k, found = byCity[strings.ToLower(city)]
		}
		switch {
		case a.doubtful[ags]:
			return // reported with the member rows
		case !found && ags != "":
			a.probs.add(r.cells[colAGS].at, i18n.T("roster.row.noags", ags), i18n.T("roster.row.noags.hint"))
			return
		case !found:
			a.probs.add(r.cells[colAGS].at, i18n.T("roster.empty", "AGS"), i18n.T("roster.row.ags.hint"))
			return
		}
		if city != "" && !strings.EqualFold(city, members[k].City) {
			if old := a.oldMember(k); old == nil || !strings.EqualFold(city, old.City) {
				a.probs.add(r.cells[colCity].at, i18n.T("roster.row.city", city, ags, members[k].City), i18n.T("roster.row.city.hint"))
			}
		}
		if keep(r, cells) {
			groups[k] = append(groups[k], readRow{r, cells})
		}
	})
	return groups
}

// resultOrder is the order in which the rows of a list, paired with the data's items by
// update.Pair (pairs), stand in the result: those paired in the data's order (sorting a
// sheet changes nothing), then the new ones in the order of the sheet.
func resultOrder(pairs []int, old int) []int {
	byOld := make([]int, old)
	for i := range byOld {
		byOld[i] = -1
	}
	for j, i := range pairs {
		if i >= 0 {
			byOld[i] = j
		}
	}
	var order []int
	for _, j := range byOld {
		if j >= 0 {
			order = append(order, j)
		}
	}
	for j, i := range pairs {
		if i < 0 {
			order = append(order, j)
		}
	}
	return order
}

// mergeArea is the old area with the values of the row's cells, except where a cell holds
// what the roster writes (written) for the old value: that value was not edited.
func mergeArea(old brochure.Area, written, cells []cell) brochure.Area {
	out := old
	for col := colAreaName; col <= colAreaUntil; col++ {
		if !sameCell(areaColumns[col].kind, written[col], cells[col]) {
			setArea(&out, col, cells[col])
		}
	}
	return out
}

// setArea sets the value of programme-area column col.
func setArea(a *brochure.Area, col int, c cell) {
	switch col {
	case colAreaName:
		a.Name = c.text
	case colAreaSince:
		a.Since = c.date
	case colAreaUntil:
		a.Until = c.date
	}
}

// checkAreaCell checks an edited area cell of a member sheet against the areas sheet,
// which is what counts: the two must name the same areas.
func (a *applier) checkAreaCell(k int, r *readMember, rows []readRow) {
	got := r.cells[colAreas]
	if old := a.oldMember(k); old != nil && sameCell(kindLong, cell{text: areaNames(old.Areas)}, got) {
		return // not edited: the areas sheet alone counts
	}
	listed := splitAreas(got.text)
	var have []string
	var at []place
	for _, ar := range a.out.Members[k].Areas {
		have = append(have, ar.Name)
	}
	for _, row := range rows {
		at = append(at, row.raw.cells[colAreaName].at)
	}
	if sameNames(listed, have) {
		return
	}
	hint := i18n.T("roster.areas.cell.hint")
	if len(rows) == 0 {
		a.probs.add(r.raw.cells[colAreas].at, i18n.T("roster.areas.cell.none", got.text), hint)
		return
	}
	a.probs.add(r.raw.cells[colAreas].at, i18n.T("roster.areas.cell", got.text, strings.Join(have, areaSeparator), sheetAreas, refs(at)), hint)
}

// splitAreas splits a member sheet's area cell into names.
func splitAreas(s string) []string {
	var names []string
	for _, n := range strings.Split(s, ";") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// sameNames reports whether two lists hold the same names, in any order.
func sameNames(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

// Columns of the institutions sheet.
const (
	colInstName = iota
	colInstShort
	colInstRole
	colInstWebsite
	colInstContactName
	colInstContactRole
	colInstContactEmail
	colInstContactPhone
)

// institutionPaths are the paths, within an institution, of the values in its columns.
var institutionPaths = [...]string{"name", "short", "role", "website", "contact.name", "contact.role", "contact.email", "contact.phone"}

// institutions applies the institutions sheet; an institution is paired by its name, then
// its short name.
func (a *applier) institutions(s *rawSheet) {
	var rows []readRow
	var fresh []brochure.Institution
	first := map[string]place{}
	a.readRows(s, func(r rawRow, cells []cell, ok bool) {
		name := cells[colInstName].text
		switch {
		case !ok:
			return
		case name == "":
			a.probs.add(r.cells[colInstName].at, i18n.T("roster.empty", "Institution"), i18n.T("roster.inst.name.hint"))
			return
		}
		if f, dup := first[strings.ToLower(name)]; dup {
			a.probs.add(r.cells[colInstName].at, i18n.T("roster.twice", "Institution", name, f.where()), i18n.T("roster.inst.twice.hint"))
			return
		}
		first[strings.ToLower(name)] = r.cells[colInstName].at
		namedContact(&a.probs, r.cells[colInstContactName:colInstContactPhone+1])
		var in brochure.Institution
		for col := range cells {
			setInstitution(&in, col, cells[col])
		}
		rows, fresh = append(rows, readRow{r, cells}), append(fresh, in)
	})
	pairs := update.Pair(a.old.Institutions, fresh)
	for j, i := range pairs {
		if i < 0 {
			continue
		}
		in := a.old.Institutions[i]
		if in.Contact != nil {
			c := *in.Contact
			in.Contact = &c
		}
		written := institutionRow(nil, &a.old.Institutions[i])
		for col, c := range rows[j].cells {
			if !sameCell(institutionColumns[col].kind, written[col], c) {
				setInstitution(&in, col, c)
			}
		}
		fresh[j] = in
	}
	a.out.Institutions = nil
	for k, j := range resultOrder(pairs, len(a.old.Institutions)) {
		a.out.Institutions = append(a.out.Institutions, fresh[j])
		p := brochure.Path("institutions", k)
		a.places[p] = rows[j].raw.at
		for col, sub := range institutionPaths {
			a.places[brochure.Path(p, sub)] = rows[j].raw.cells[col].at
		}
		a.places[brochure.Path(p, "contact")] = rows[j].raw.cells[colInstContactName].at
	}
}

// setInstitution sets the value of institution column col.
func setInstitution(in *brochure.Institution, col int, c cell) {
	if col >= colInstContactName && col <= colInstContactPhone {
		setContact(&in.Contact, col-colInstContactName, c.text)
		return
	}
	switch col {
	case colInstName:
		in.Name = c.text
	case colInstShort:
		in.Short = c.text
	case colInstRole:
		in.Role = c.text
	case colInstWebsite:
		in.Website = c.text
	}
}
