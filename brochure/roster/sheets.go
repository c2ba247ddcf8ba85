package roster

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// kind says how a column's cells are written.
type kind uint8

const (
	kindText    kind = iota // free text
	kindLong                // free text that may be long: wrapped within its column
	kindCode                // text that looks like a number but must stay text: a postcode
	kindAGS                 // an Amtlicher Gemeindeschlüssel: a code of 8 digits
	kindPhone               // a phone number: a code whose leading 0 matters
	kindDate                // a brochure.Date, written as a real date cell
	kindNumber              // an integer
	kindMail                // an e-mail address, written as a mailto: link
	kindURL                 // a web address, written as a link
	kindDegrees             // a coordinate in degrees, six decimals
)

// isCode reports whether cells of kind k are codes: text made of digits.
func isCode(k kind) bool { return k == kindCode || k == kindAGS || k == kindPhone }

// column is one column of a data sheet.
type column struct {
	header string // the header cell
	legend string // what the column holds, for the overview's legend
	kind   kind
}

// cell is one value of a row. Which field counts depends on the column's kind; a date cell
// whose date is zero shows its text, if any (unknownDate).
type cell struct {
	text string
	date brochure.Date
	num  int
	deg  float64
}

// sheet is one list of the roster: a worksheet in the workbook and a CSV file beside it.
type sheet struct {
	name    string // worksheet name
	file    string // CSV file name
	columns []column
	rows    int // number of data rows (without the header)
	// each calls emit for every data row in order; emit must not keep the slice.
	each func(emit func(row []cell) error) error
}

// Sheet names of the workbook.
const (
	sheetOverview     = "Übersicht"
	sheetMembers      = "Mitglieder"
	sheetFormer       = "Ehemalige Mitglieder"
	sheetAreas        = "Programmgebiete"
	sheetInstitutions = "Institutionen"
	sheetOffice       = "Geschäftsstelle"
	sheetSources      = "Quellen"
)

// memberColumns are the columns of both member sheets; former members add one more.
var memberColumns = []column{
	{"Stadt", "Name der Mitgliedsstadt", kindText},
	{"AGS", "Amtlicher Gemeindeschlüssel (8 Ziffern, Text)", kindAGS},
	{"Kreis", "Kreis oder „kreisfrei“", kindText},
	{"Regierungsbezirk", "Regierungsbezirk in NRW", kindText},
	{"Mitglied seit", "Beitritt zum Netzwerk (Tag, Monat oder Jahr)", kindDate},
	{"Programmgebiete", "Programmgebiete (Stadtteile) der Stadt, durch Semikolon getrennt", kindLong},
	{"Ansprechperson", "Ansprechperson der Stadt", kindText},
	{"Funktion", "Funktion der Ansprechperson", kindText},
	{"E-Mail", "E-Mail-Adresse der Ansprechperson (Link)", kindMail},
	{"Telefon", "Telefonnummer der Ansprechperson (Text)", kindPhone},
	{"Breitengrad", "geographische Breite des Gemeindemittelpunkts (Grad, WGS84; Destatis)", kindDegrees},
	{"Längengrad", "geographische Länge des Gemeindemittelpunkts (Grad, WGS84; Destatis)", kindDegrees},
	{"Anmerkung", "Anmerkung, z. B. worauf die Angabe der Mitgliedschaft beruht", kindLong},
}

// sourceColumns are the columns of the sources sheet: one row per web address that
// documents a city's membership.
var sourceColumns = []column{
	{"Stadt", "Stadt, deren Mitgliedschaft die Quelle belegt", kindText},
	{"AGS", "Amtlicher Gemeindeschlüssel der Stadt (Text)", kindAGS},
	{"Quelle", "Web-Adresse, die die Mitgliedschaft belegt (Link)", kindURL},
}

// leftColumn is the extra column of the former members' sheet.
var leftColumn = column{"Ausgeschieden", "Austritt aus dem Netzwerk (Tag, Monat oder Jahr; „" + unknownDate + "“: Zeitpunkt unbekannt)", kindDate}

// unknownDate is what a date cell shows for a date the data gives as unknown.
const unknownDate = "—"

// leavingCell is the cell of a former member's date of leaving: the date, or unknownDate.
func leavingCell(l brochure.Leaving) cell {
	if l.Unknown {
		return cell{text: unknownDate}
	}
	return cell{date: l.Date}
}

var areaColumns = []column{
	{"Stadt", "Stadt, zu der das Programmgebiet gehört", kindText},
	{"AGS", "Amtlicher Gemeindeschlüssel der Stadt (Text)", kindAGS},
	{"Programmgebiet", "Name des Programmgebiets (Stadtteil)", kindText},
	{"seit", "Beginn der Förderung (Tag, Monat oder Jahr)", kindDate},
	{"bis", "Ende der Förderung (Tag, Monat oder Jahr), leer wenn laufend", kindDate},
}

var institutionColumns = []column{
	{"Institution", "Name der Institution", kindLong},
	{"Kurzname", "Abkürzung der Institution", kindText},
	{"Rolle", "Rolle im Netzwerk", kindLong},
	{"Website", "Website der Institution (Link)", kindURL},
	{"Ansprechperson", "Ansprechperson der Institution", kindText},
	{"Funktion", "Funktion der Ansprechperson", kindText},
	{"E-Mail", "E-Mail-Adresse der Ansprechperson (Link)", kindMail},
	{"Telefon", "Telefonnummer der Ansprechperson (Text)", kindPhone},
}

var officeColumns = []column{
	{"Träger", "Stadt oder Stelle, bei der die Geschäftsstelle angesiedelt ist", kindText},
	{"Abteilung", "Amt oder Abteilung", kindText},
	{"Straße", "Straße und Hausnummer", kindText},
	{"PLZ", "Postleitzahl (Text)", kindCode},
	{"Ort", "Ort", kindText},
	{"Ansprechperson", "Ansprechperson; leer in den Zeilen der Geschäftsstelle selbst", kindText},
	{"Funktion", "Funktion der Ansprechperson", kindText},
	{"E-Mail", "E-Mail-Adresse (Link)", kindMail},
	{"Telefon", "Telefonnummer (Text)", kindPhone},
}

// dataSheets returns the lists of the roster in the order of the workbook.
func dataSheets(n *brochure.Network) []sheet {
	count := n.Count()
	formerColumns := append(append([]column(nil), memberColumns...), leftColumn)
	return []sheet{
		{name: sheetMembers, file: "roster-mitglieder.csv", columns: memberColumns, rows: count.Current,
			each: func(emit func([]cell) error) error { return eachMember(n, true, emit) }},
		{name: sheetFormer, file: "roster-ehemalige-mitglieder.csv", columns: formerColumns, rows: count.Former,
			each: func(emit func([]cell) error) error { return eachMember(n, false, emit) }},
		{name: sheetAreas, file: "roster-programmgebiete.csv", columns: areaColumns, rows: count.Areas,
			each: func(emit func([]cell) error) error { return eachArea(n, emit) }},
		{name: sheetInstitutions, file: "roster-institutionen.csv", columns: institutionColumns, rows: len(n.Institutions),
			each: func(emit func([]cell) error) error { return eachInstitution(n, emit) }},
		{name: sheetOffice, file: "roster-geschaeftsstelle.csv", columns: officeColumns, rows: officeRows(n.Office),
			each: func(emit func([]cell) error) error { return eachOfficeRow(n.Office, emit) }},
		{name: sheetSources, file: "roster-quellen.csv", columns: sourceColumns, rows: sourceRows(n),
			each: func(emit func([]cell) error) error { return eachSource(n, emit) }},
	}
}

// eachMember emits the current (or the former) members in the order of the data.
func eachMember(n *brochure.Network, current bool, emit func([]cell) error) error {
	row := make([]cell, 0, len(memberColumns)+1)
	for i := range n.Members {
		m := &n.Members[i]
		if m.Current() != current {
			continue
		}
		if err := emit(memberRow(row[:0], m, current)); err != nil {
			return err
		}
	}
	return nil
}

// memberRow appends the cells of m's row on the sheet of current (or former) members to row.
func memberRow(row []cell, m *brochure.Member, current bool) []cell {
	c := contactOf(m.Contact)
	row = append(row,
		cell{text: m.City}, cell{text: m.AGS}, cell{text: m.Kreis}, cell{text: m.Regierungsbezirk},
		cell{date: m.Joined}, cell{text: areaNames(m.Areas)},
		cell{text: c.Name}, cell{text: c.Role}, cell{text: c.Email}, cell{text: c.Phone},
		cell{deg: m.Location.Lat}, cell{deg: m.Location.Lon},
		cell{text: m.Note})
	if !current {
		row = append(row, leavingCell(m.Left))
	}
	return row
}

// areaNames lists the names of programme areas as the member sheets show them.
func areaNames(areas []brochure.Area) string {
	var names strings.Builder
	for j, a := range areas {
		if j > 0 {
			names.WriteString(areaSeparator)
		}
		names.WriteString(a.Name)
	}
	return names.String()
}

// areaSeparator separates the programme areas in a member sheet's cell.
const areaSeparator = "; "

// eachArea emits one row per programme area, member by member.
func eachArea(n *brochure.Network, emit func([]cell) error) error {
	row := make([]cell, len(areaColumns))
	for i := range n.Members {
		m := &n.Members[i]
		for _, a := range m.Areas {
			if err := emit(areaRow(row[:0], m, a)); err != nil {
				return err
			}
		}
	}
	return nil
}

// areaRow appends the cells of the row of m's programme area a to row.
func areaRow(row []cell, m *brochure.Member, a brochure.Area) []cell {
	return append(row, cell{text: m.City}, cell{text: m.AGS}, cell{text: a.Name}, cell{date: a.Since}, cell{date: a.Until})
}

// sourceRows counts the rows of the sources sheet.
func sourceRows(n *brochure.Network) int {
	rows := 0
	for i := range n.Members {
		rows += len(n.Members[i].Sources)
	}
	return rows
}

// eachSource emits one row per source of each member, member by member.
func eachSource(n *brochure.Network, emit func([]cell) error) error {
	row := make([]cell, len(sourceColumns))
	for i := range n.Members {
		m := &n.Members[i]
		for _, s := range m.Sources {
			row[0] = cell{text: m.City}
			row[1] = cell{text: m.AGS}
			row[2] = cell{text: s}
			if err := emit(row); err != nil {
				return err
			}
		}
	}
	return nil
}

// eachInstitution emits one row per institution.
func eachInstitution(n *brochure.Network, emit func([]cell) error) error {
	row := make([]cell, len(institutionColumns))
	for i := range n.Institutions {
		if err := emit(institutionRow(row[:0], &n.Institutions[i])); err != nil {
			return err
		}
	}
	return nil
}

// institutionRow appends the cells of in's row to row.
func institutionRow(row []cell, in *brochure.Institution) []cell {
	c := contactOf(in.Contact)
	return append(row, cell{text: in.Name}, cell{text: in.Short}, cell{text: in.Role}, cell{text: in.Website},
		cell{text: c.Name}, cell{text: c.Role}, cell{text: c.Email}, cell{text: c.Phone})
}

// officeRows counts the rows of the office sheet: one for the office's own address, e-mail
// and first phone number, one for each further phone number, one for each person.
func officeRows(o brochure.Office) int {
	return max(1, len(o.Phones)) + len(o.People)
}

// eachOfficeRow emits the office's own rows, then one row per person.
func eachOfficeRow(o brochure.Office, emit func([]cell) error) error {
	row := make([]cell, len(officeColumns))
	base := func() {
		row[0] = cell{text: o.Host}
		row[1] = cell{text: o.Department}
		row[2] = cell{text: o.Address.Street}
		row[3] = cell{text: o.Address.Postcode}
		row[4] = cell{text: o.Address.City}
	}
	for i := 0; i < max(1, len(o.Phones)); i++ {
		base()
		row[5], row[6], row[7], row[8] = cell{}, cell{}, cell{}, cell{}
		if i == 0 {
			row[7] = cell{text: o.Email}
		}
		if i < len(o.Phones) {
			row[8] = cell{text: o.Phones[i]}
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	for _, p := range o.People {
		base()
		row[5] = cell{text: p.Name}
		row[6] = cell{text: p.Role}
		row[7] = cell{text: p.Email}
		row[8] = cell{text: p.Phone}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// contactOf returns the person, or an empty one when there is none.
func contactOf(p *brochure.Person) brochure.Person {
	if p == nil {
		return brochure.Person{}
	}
	return *p
}
