package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
)

// Columns of the office sheet.
const (
	colOfficeHost = iota
	colOfficeDepartment
	colOfficeStreet
	colOfficePostcode
	colOfficeCity
	colOfficePerson
	colOfficeRole
	colOfficeEmail
	colOfficePhone
)

// officePaths are the paths of the office's own values in the first five columns, which
// every row of the sheet repeats.
var officePaths = [...]string{"office.host", "office.department", "office.address.street", "office.address.postcode", "office.address.city"}

// office applies the office sheet. Its rows without an Ansprechperson are the office's own:
// the first holds its e-mail address, each its phone numbers; the rows with one are its
// people, paired by name. The address columns repeat in every row: an edit in one row
// counts, two rows edited differently are a problem.
func (a *applier) office(s *rawSheet) {
	old := a.old.Office
	o := old
	var own, people []readRow
	a.readRows(s, func(r rawRow, cells []cell, ok bool) {
		if !ok {
			return
		}
		if cells[colOfficePerson].text == "" {
			if cells[colOfficeRole].text != "" {
				a.probs.add(r.cells[colOfficeRole].at, i18n.T("roster.office.role"), i18n.T("roster.office.role.hint"))
			}
			own = append(own, readRow{r, cells})
		} else {
			people = append(people, readRow{r, cells})
		}
	})
	all := append(append([]readRow(nil), own...), people...)
	if len(all) == 0 {
		a.probs.add(s.at.cellAt(2, 0), i18n.T("roster.office.norows"), i18n.T("roster.office.norows.hint"))
		return
	}
	was := []string{old.Host, old.Department, old.Address.Street, old.Address.Postcode, old.Address.City}
	now := []*string{&o.Host, &o.Department, &o.Address.Street, &o.Address.Postcode, &o.Address.City}
	for col := colOfficeHost; col <= colOfficeCity; col++ {
		v, at, ok := a.agreed(all, col, was[col], i18n.T("roster.office.agree.hint", officeColumns[col].header))
		if ok {
			*now[col] = v
		}
		a.places[officePaths[col]] = at
	}
	if v, at, ok := a.agreed(own, colOfficeEmail, old.Email, i18n.T("roster.office.email.hint")); ok {
		o.Email = v
		a.places["office.email"] = at
	}
	if len(own) == 0 {
		a.probs.add(s.at.cellAt(2, 0), i18n.T("roster.office.own"), i18n.T("roster.office.own.hint"))
	}
	var phones []string
	var phoneAt []place
	for _, r := range own {
		if p := r.cells[colOfficePhone].text; p != "" {
			phones, phoneAt = append(phones, p), append(phoneAt, r.raw.cells[colOfficePhone].at)
		}
	}
	if !samePhones(old.Phones, phones) {
		o.Phones = phones
	}
	for k, at := range phoneAt {
		a.places[brochure.Path("office.phones", k)] = at
	}
	a.officePeople(&o, people)
	a.out.Office = o
}

// agreed reads the value of column col that the rows agree on. A blank cell says nothing
// (a new person's row may leave the office's address out), unless every cell is blank: then
// the value is removed. A cell that holds what the roster writes for the old value leaves
// it as it is; edited cells must agree, else there is a problem. at is where the value
// stands.
func (a *applier) agreed(rows []readRow, col int, old string, hint i18n.Text) (v string, at place, ok bool) {
	written := cell{text: old}
	var edited *readRow
	given := false
	for i, r := range rows {
		c := r.cells[col]
		if c.text == "" {
			continue
		}
		given = true
		if sameCell(officeColumns[col].kind, written, c) {
			if at.row == 0 {
				at = r.raw.cells[col].at
			}
			continue
		}
		if edited == nil {
			edited = &rows[i]
			continue
		}
		if c.text != edited.cells[col].text {
			a.probs.add(r.raw.cells[col].at, i18n.T("roster.office.differs", officeColumns[col].header, c.text, edited.cells[col].text, edited.raw.cells[col].at.where()), hint)
			return "", at, false
		}
	}
	switch {
	case edited != nil:
		return edited.cells[col].text, edited.raw.cells[col].at, true
	case !given:
		if len(rows) > 0 {
			at = rows[0].raw.cells[col].at
		}
		return "", at, true
	}
	return old, at, true
}

// samePhones reports whether the phone numbers read are those the roster writes for old.
func samePhones(old, read []string) bool {
	if len(old) != len(read) {
		return false
	}
	for i := range old {
		if !sameCell(kindPhone, cell{text: old[i]}, cell{text: read[i]}) {
			return false
		}
	}
	return true
}

// officePeople applies the rows of the office's people, paired by name.
func (a *applier) officePeople(o *brochure.Office, rows []readRow) {
	old := a.old.Office.People
	fresh := make([]brochure.Person, len(rows))
	for j, r := range rows {
		fresh[j] = personFrom(r.cells)
	}
	pairs := update.Pair(old, fresh)
	for j, i := range pairs {
		if i < 0 {
			continue
		}
		p := old[i]
		written := []cell{{text: p.Name}, {text: p.Role}, {text: p.Email}, {text: p.Phone}}
		set := []*string{&p.Name, &p.Role, &p.Email, &p.Phone}
		for n := range written {
			if c := rows[j].cells[colOfficePerson+n]; !sameCell(officeColumns[colOfficePerson+n].kind, written[n], c) {
				*set[n] = c.text
			}
		}
		fresh[j] = p
	}
	o.People = nil
	for k, j := range resultOrder(pairs, len(old)) {
		o.People = append(o.People, fresh[j])
		p := brochure.Path("office.people", k)
		a.places[p] = rows[j].raw.at
		for n, sub := range []string{"name", "role", "email", "phone"} {
			a.places[brochure.Path(p, sub)] = rows[j].raw.cells[colOfficePerson+n].at
		}
	}
}

// personFrom makes a person of an office row's cells.
func personFrom(cells []cell) brochure.Person {
	return brochure.Person{Name: cells[colOfficePerson].text, Role: cells[colOfficeRole].text,
		Email: cells[colOfficeEmail].text, Phone: cells[colOfficePhone].text}
}
