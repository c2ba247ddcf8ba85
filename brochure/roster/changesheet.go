package roster

import (
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/changes"
)

// sheetChanges is the name of the sheet that lists the changes since an earlier edition.
const sheetChanges = "Änderungen"

var changeColumns = []column{
	{"Art", "Art der Änderung", kindText},
	{"Betrifft", "Stadt, Institution, Textblock oder Quelle, die sich geändert hat", kindText},
	{"Angabe", "geänderte Angabe", kindText},
	{"bisher", "Wert in der früheren Ausgabe", kindLong},
	{"neu", "Wert in dieser Ausgabe", kindLong},
}

// changeSheet is the sheet of the changes since an earlier edition: first the counts, then
// one row per change, worded in German as the documents are.
func changeSheet(l *changes.List) sheet {
	counts := []struct {
		label string
		n     [2]int
	}{
		{"Aktuelle Mitglieder", l.Counts.Current}, {"Ehemalige Mitglieder", l.Counts.Former},
		{"Programmgebiete", l.Counts.Areas}, {"Institutionen", l.Counts.Institutions},
	}
	return sheet{name: sheetChanges, columns: changeColumns, rows: len(counts) + len(l.Changes),
		each: func(emit func([]cell) error) error {
			row := make([]cell, len(changeColumns))
			for _, c := range counts {
				row[0], row[1], row[2] = cell{text: "Anzahl"}, cell{text: c.label}, cell{}
				row[3], row[4] = cell{text: fmt.Sprint(c.n[0])}, cell{text: fmt.Sprint(c.n[1])}
				if err := emit(row); err != nil {
					return err
				}
			}
			for _, c := range l.Changes {
				kind, field, old, new := germanChange(c)
				row[0], row[1], row[2], row[3], row[4] = cell{text: kind}, cell{text: c.Subject}, cell{text: field}, cell{text: old}, cell{text: new}
				if err := emit(row); err != nil {
					return err
				}
			}
			return nil
		}}
}

// changeKinds words the kinds of changes.
var changeKinds = map[changes.Kind]string{
	changes.Stand: "Stand", changes.Joined: "Beitritt", changes.Left: "Austritt", changes.Rejoined: "Wiedereintritt",
	changes.Removed: "aus der Liste genommen", changes.Member: "Mitglied", changes.AreaAdded: "Programmgebiet neu",
	changes.AreaRemoved: "Programmgebiet entfernt", changes.Area: "Programmgebiet", changes.InstitutionAdded: "Institution neu",
	changes.InstitutionRemoved: "Institution entfernt", changes.Institution: "Institution", changes.Office: "Geschäftsstelle",
	changes.Network: "Netzwerk", changes.Source: "Quelle", changes.Text: "Text", changes.Leaflet: "Faltblatt",
}

// fieldNames words the data's keys as the roster's columns name them.
var fieldNames = map[string]string{
	"city": "Stadt", "ags": "AGS", "kreis": "Kreis", "regierungsbezirk": "Regierungsbezirk", "joined": "Mitglied seit",
	"left": "Ausgeschieden", "contact.name": "Ansprechperson", "contact.role": "Funktion", "contact.email": "E-Mail",
	"contact.phone": "Telefon", "location.lat": "Breitengrad", "location.lon": "Längengrad", "note": "Anmerkung",
	"sources": "Quellen", "status": "Status", "since": "seit", "until": "bis", "name": "Name", "short": "Kurzname",
	"role": "Rolle", "website": "Website", "host": "Träger", "department": "Abteilung", "address.street": "Straße",
	"address.postcode": "PLZ", "address.city": "Ort", "email": "E-Mail", "phones": "Telefon", "websites": "Websites",
	"people": "Ansprechperson", "heading": "Überschrift", "subtitle": "Untertitel", "paragraphs": "Absätze",
	"legend.current": "Legende (aktuelle)", "legend.former": "Legende (ehemalige)", "caption": "Bildunterschrift",
	"credit": "Quellenvermerk", "licence": "Lizenz", "url": "Adresse", "phone": "Telefon",
}

// fieldName words a field's path; the parts it does not know stay as they are.
func fieldName(path string) string {
	if n, ok := fieldNames[path]; ok {
		return n
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		if n, ok := fieldNames[path[i+1:]]; ok {
			return path[:i] + ": " + n
		}
	}
	return path
}

// germanChange words a change for the sheet: its kind, the field and the old and new value.
func germanChange(c changes.Change) (kind, field, old, new string) {
	kind, field, old, new = changeKinds[c.Kind], fieldName(c.Field), c.Old, c.New
	switch c.Kind {
	case changes.Joined:
		field, new = "", "aktuelles Mitglied"
		if c.New == "former" {
			kind, new = "neu in der Liste", "ehemaliges Mitglied, ausgeschieden "+c.Date
		} else if c.Date != "" {
			new += " seit " + c.Date
		}
	case changes.Left:
		field, new = "Ausgeschieden", c.Date
	case changes.Rejoined:
		field, old, new = "Status", "ehemaliges Mitglied, ausgeschieden "+c.Date, "aktuelles Mitglied"
	case changes.Removed:
		field, old = "", map[string]string{"current": "aktuelles Mitglied", "former": "ehemaliges Mitglied"}[c.Old]
	case changes.AreaAdded, changes.AreaRemoved:
		field = c.Field
	case changes.Area:
		i := strings.LastIndexByte(c.Field, '.')
		field = c.Field[:i] + ": " + fieldName(c.Field[i+1:])
	case changes.Text:
		field = fmt.Sprintf("%s (%s entfernt, %s hinzugefügt)", fieldName(c.Field), germanWords(c.Removed), germanWords(c.Added))
	case changes.Office:
		if name, sub, ok := strings.Cut(strings.TrimPrefix(c.Field, "people["), "]."); ok && strings.HasPrefix(c.Field, "people[") {
			field = name + ": " + map[string]string{"name": "Name", "role": "Funktion", "email": "E-Mail", "phone": "Telefon"}[sub]
		}
	case changes.Leaflet:
		if c.Field == "blocks" {
			field = "Textblock"
		}
	}
	return kind, field, old, new
}

// germanWords writes a count of words in German: "1 Wort", "5 Wörter".
func germanWords(n int) string {
	if n == 1 {
		return "1 Wort"
	}
	return fmt.Sprintf("%d Wörter", n)
}
