package roster

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Applied is a network with an edited roster applied to it (see Edit.Apply).
type Applied struct {
	// Network is the network as the roster has it.
	Network *brochure.Network
	// Notes are remarks on what was read, such as an AGS whose leading 0 Excel had dropped.
	Notes brochure.Diagnostics
	// places maps the path of every value the roster gave (as brochure.Path writes it) to
	// where the roster holds it.
	places map[string]place
}

// Apply returns n with the lists of the roster in place of its own: the current and the
// former members, the programme areas, the institutions and the office. A list whose sheet
// (or CSV file) was not given stays as it is. Each row is paired with what it stands for in
// n (a member by its AGS, else its city; an area, person or institution by its name), and a
// cell that reads as what the roster writes for n's value leaves that value as it is, so
// that only what was edited changes; rows without a pair are added, and what no row stands
// for any more is removed. A member's status is the sheet its row stands on. The
// programme-areas sheet is what counts for the areas; a member sheet's area cell that was
// edited must agree with it. Every problem of the roster comes back at once as
// brochure.Diagnostics naming file, sheet and cell; n itself is not changed.
func (e *Edit) Apply(n *brochure.Network) (*Applied, error) {
	out := *n
	a := &applier{Edit: e, old: n, out: &out, places: map[string]place{}, doubtful: map[string]bool{}}
	_, haveMembers := e.sheets[sheetMembers]
	_, haveFormer := e.sheets[sheetFormer]
	if haveMembers && haveFormer {
		a.members()
	}
	if s, ok := e.sheets[sheetAreas]; ok {
		a.areas(s)
	} else {
		a.keepAreas()
	}
	if s, ok := e.sheets[sheetSources]; ok {
		a.sources(s)
	}
	if s, ok := e.sheets[sheetInstitutions]; ok {
		a.institutions(s)
	}
	if s, ok := e.sheets[sheetOffice]; ok {
		a.office(s)
	}
	e.checkOverview(n)
	if len(e.probs) > 0 {
		return nil, e.probs.diagnostics()
	}
	return &Applied{Network: &out, Notes: e.notes.diagnostics(), places: a.places}, nil
}

// applier applies an edit to a network.
type applier struct {
	*Edit
	old, out *brochure.Network
	places   map[string]place
	// rows are the member rows read, by the member's index in out.Members.
	rows []*readMember
	// doubtful are AGS that a member row may stand for although it does not say so: the
	// data's AGS of a row whose AGS cannot be read or is doubled, and a doubled AGS. An area
	// row with such an AGS is not judged: the member row's problem is reported.
	doubtful map[string]bool
}

// readMember is a row of a member sheet, read.
type readMember struct {
	raw     rawRow
	cells   []cell
	current bool // the row stands on the sheet of current members
	doubled bool // another row has its AGS
	old     int  // the index in old.Members of the member it stands for, or -1
	m       brochure.Member
}

// Columns of the member sheets, in the order of memberColumns and leftColumn.
const (
	colCity = iota
	colAGS
	colKreis
	colRegierungsbezirk
	colJoined
	colAreas
	colContactName
	colContactRole
	colContactEmail
	colContactPhone
	colLat
	colLon
	colNote
	colLeft
)

// memberPaths are the paths, within a member, of the values in the member columns.
var memberPaths = [...]string{"city", "ags", "kreis", "regierungsbezirk", "joined", "areas",
	"contact.name", "contact.role", "contact.email", "contact.phone", "location.lat", "location.lon",
	"note", "left"}

// required are the member columns that must not be empty, with what to write there.
var required = map[int]i18n.Text{
	colCity:             i18n.T("roster.required.city"),
	colAGS:              i18n.T("roster.required.ags"),
	colKreis:            i18n.T("roster.required.kreis"),
	colRegierungsbezirk: i18n.T("roster.required.region", strings.Join(brochure.Regierungsbezirke, ", ")),
	colLat:              i18n.T("roster.required.lat"),
	colLon:              i18n.T("roster.required.lon"),
}

// readRows reads the rows of a sheet as cells of its columns. ok is false for a row with a
// cell that could not be read.
func (a *applier) readRows(s *rawSheet, each func(r rawRow, cells []cell, ok bool)) {
	for _, r := range s.rows {
		cells := make([]cell, len(s.def.columns))
		ok := true
		for i, col := range s.def.columns {
			c, good := a.value(col, r.cells[i])
			cells[i], ok = c, ok && good
		}
		each(r, cells, ok)
	}
}

// members applies the two member sheets.
func (a *applier) members() {
	var rows []*readMember
	for _, name := range []string{sheetMembers, sheetFormer} {
		s := a.sheets[name]
		a.readRows(s, func(r rawRow, cells []cell, ok bool) {
			row := &readMember{raw: r, cells: cells, current: name == sheetMembers}
			for col, hint := range required {
				if isEmpty(r.cells[col]) {
					a.probs.add(r.cells[col].at, i18n.T("roster.empty", s.def.columns[col].header), hint)
				}
			}
			namedContact(&a.probs, r.cells[colContactName:colContactPhone+1])
			if !row.current && isEmpty(r.cells[colLeft]) {
				a.probs.add(r.cells[colLeft].at, i18n.T("roster.left.missing"), i18n.T("roster.left.missing.hint", unknownDate))
			}
			rows = append(rows, row)
		})
	}
	a.duplicates(rows, colAGS, i18n.T("roster.twice.ags.hint"))
	a.duplicates(rows, colCity, i18n.T("roster.twice.city.hint"))
	fresh := make([]brochure.Member, len(rows))
	for j, r := range rows {
		fresh[j] = memberFrom(r.cells, r.current)
	}
	pairs := update.Pair(a.old.Members, fresh)
	for j, r := range rows {
		r.old = pairs[j]
		if r.doubled || !isEmpty(r.raw.cells[colAGS]) && r.cells[colAGS].text == "" {
			a.doubtful[r.cells[colAGS].text] = true
			if r.old >= 0 {
				a.doubtful[a.old.Members[r.old].AGS] = true
			}
		}
		if r.old < 0 {
			r.m = fresh[j]
			continue
		}
		r.m = a.old.Members[r.old]
		if r.m.Contact != nil {
			c := *r.m.Contact
			r.m.Contact = &c
		}
		written := memberRow(nil, &a.old.Members[r.old], r.current)
		for col := range r.cells {
			if col == colAreas || col < len(written) && sameCell(memberKind(col), written[col], r.cells[col]) {
				continue
			}
			setMember(&r.m, col, r.cells[col])
		}
		r.m.Status = status(r.current)
		if r.current {
			r.m.Left = brochure.Leaving{}
		}
	}
	a.rows = placeNew(rows, resultOrder(pairs, len(a.old.Members)))
	a.out.Members = make([]brochure.Member, len(a.rows))
	for k, r := range a.rows {
		a.out.Members[k] = r.m
		a.placeMember(k, r)
	}
}

// placeNew puts the member rows in the order of the result: those that stand for a member
// of the data in the data's order (given first in order), each new one before the first of
// those whose city comes after its own in German alphabetical order (with a data file kept
// in that order, the new city falls into place), new ones at the same place in that order
// too.
func placeNew(rows []*readMember, order []int) []*readMember {
	col := collate.New(language.German)
	var buf collate.Buffer
	key := func(r *readMember) []byte { return col.KeyFromString(&buf, r.m.City) }
	var kept []*readMember
	var keys [][]byte
	for _, j := range order {
		if r := rows[j]; r.old >= 0 {
			kept, keys = append(kept, r), append(keys, key(r))
		}
	}
	sorted := slices.IsSortedFunc(keys, bytes.Compare)
	type newRow struct {
		r   *readMember
		key []byte
	}
	slot := map[int][]newRow{} // kept index → the new rows that go before it
	for _, j := range order {
		r := rows[j]
		if r.old >= 0 {
			continue
		}
		nk := key(r)
		after := func(k []byte) int { // the search's order: kept keys up to nk come first
			if bytes.Compare(k, nk) <= 0 {
				return -1
			}
			return 1
		}
		k := len(kept)
		if sorted {
			k, _ = slices.BinarySearchFunc(keys, nk, func(a, _ []byte) int { return after(a) })
		} else if i := slices.IndexFunc(keys, func(a []byte) bool { return after(a) > 0 }); i >= 0 {
			k = i
		}
		slot[k] = append(slot[k], newRow{r, nk})
	}
	out := make([]*readMember, 0, len(rows))
	for i := 0; i <= len(kept); i++ {
		news := slot[i]
		slices.SortStableFunc(news, func(a, b newRow) int { return bytes.Compare(a.key, b.key) })
		for _, n := range news {
			out = append(out, n.r)
		}
		if i < len(kept) {
			out = append(out, kept[i])
		}
	}
	return out
}

// duplicates reports a value of column col that two member rows share, and marks the rows
// that have it.
func (a *applier) duplicates(rows []*readMember, col int, hint i18n.Text) {
	first := map[string]*readMember{}
	for _, r := range rows {
		v := strings.ToLower(r.cells[col].text)
		if v == "" {
			continue
		}
		if f, dup := first[v]; dup {
			a.probs.add(r.raw.cells[col].at, i18n.T("roster.twice", memberColumns[col].header, r.cells[col].text, f.raw.cells[col].at.where()), hint)
			if col == colAGS {
				r.doubled, f.doubled = true, true
			}
			continue
		}
		first[v] = r
	}
}

// placeMember records where the roster holds the values of member k.
func (a *applier) placeMember(k int, r *readMember) {
	p := brochure.Path("members", k)
	a.places[p] = r.raw.at
	for col, sub := range memberPaths {
		if col < len(r.raw.cells) {
			a.places[brochure.Path(p, sub)] = r.raw.cells[col].at
		}
	}
	a.places[brochure.Path(p, "location")] = r.raw.cells[colLat].at
	a.places[brochure.Path(p, "contact")] = r.raw.cells[colContactName].at
	if !r.current {
		a.places[brochure.Path(p, "status")] = r.raw.cells[colLeft].at
	}
}

// status is the status of a member on the sheet of current (or former) members.
func status(current bool) string {
	if current {
		return brochure.StatusCurrent
	}
	return brochure.StatusFormer
}

// memberKind is the kind of member column col.
func memberKind(col int) kind {
	if col == colLeft {
		return leftColumn.kind
	}
	return memberColumns[col].kind
}

// memberFrom makes a member of a row's cells alone.
func memberFrom(cells []cell, current bool) brochure.Member {
	m := brochure.Member{Status: status(current)}
	for col := range cells {
		if col != colAreas {
			setMember(&m, col, cells[col])
		}
	}
	return m
}

// setMember sets the value of member column col.
func setMember(m *brochure.Member, col int, c cell) {
	if col >= colContactName && col <= colContactPhone {
		setContact(&m.Contact, col-colContactName, c.text)
		return
	}
	switch col {
	case colCity:
		m.City = c.text
	case colAGS:
		m.AGS = c.text
	case colKreis:
		m.Kreis = c.text
	case colRegierungsbezirk:
		m.Regierungsbezirk = c.text
	case colJoined:
		m.Joined = c.date
	case colLat:
		m.Location.Lat = c.deg
	case colLon:
		m.Location.Lon = c.deg
	case colNote:
		m.Note = c.text
	case colLeft:
		m.Left = leavingOf(c)
	}
}

// setContact sets field k of the contact *p, counted from the contact's first column (name,
// role, e-mail, phone), making the contact when there is none; a contact left with no field
// at all becomes none again.
func setContact(p **brochure.Person, k int, text string) {
	if *p == nil {
		*p = &brochure.Person{}
	}
	switch k {
	case 0:
		(*p).Name = text
	case 1:
		(*p).Role = text
	case 2:
		(*p).Email = text
	case 3:
		(*p).Phone = text
	}
	if **p == (brochure.Person{}) {
		*p = nil
	}
}

// leavingOf is the leaving date of a cell of the column Ausgeschieden: its date, or unknown
// for „—“.
func leavingOf(c cell) brochure.Leaving {
	if c.text == unknownDate {
		return brochure.Leaving{Unknown: true}
	}
	return brochure.Leaving{Date: c.date}
}

// sameCell reports whether a cell read from the roster holds what the roster writes for a
// value (written): then the value was not edited. Texts are compared as a spreadsheet
// keeps them (at most maxCellText characters, surrounding space aside), coordinates to the
// six decimals the roster shows.
func sameCell(k kind, written, read cell) bool {
	switch k {
	case kindDate:
		return written.date == read.date && written.text == read.text
	case kindDegrees:
		return math.Abs(written.deg-read.deg) < 5e-7
	case kindNumber:
		return written.num == read.num
	}
	return textOf(truncate(lineBreaks.Replace(written.text))) == read.text
}

// namedContact reports a contact (the cells name, role, e-mail, phone) given without a name.
func namedContact(ps *problems, cells []rawCell) {
	if !isEmpty(cells[0]) {
		return
	}
	for _, c := range cells[1:] {
		if !isEmpty(c) {
			ps.add(cells[0].at, i18n.T("roster.contact.noname"), i18n.T("roster.contact.noname.hint"))
			return
		}
	}
}

// isEmpty reports whether a cell holds nothing but space.
func isEmpty(rc rawCell) bool { return rc.formula == "" && strings.TrimSpace(rc.text) == "" }

// Relocate turns the problems of the data file updated with the roster (the
// brochure.Diagnostics that loading it gives) into problems of the roster, at the cell that
// holds the value concerned; a problem with a value the roster does not hold keeps its place
// in the data file. Any other error comes back as it is.
func (a *Applied) Relocate(err error) error {
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	var ps problems
	var rest brochure.Diagnostics
	for _, d := range ds {
		if at, ok := a.placeOf(d.Path); ok {
			ps = append(ps, problem{at, at.diagnostic(d.Msg, d.Hint)})
		} else {
			rest = append(rest, d)
		}
	}
	return append(ps.diagnostics(), rest...)
}

// placeOf is where the roster holds the value at path, or the nearest value around it.
func (a *Applied) placeOf(path string) (place, bool) {
	for path != "" {
		if at, ok := a.places[path]; ok {
			return at, true
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return place{}, false
}
