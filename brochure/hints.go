package brochure

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// textHint explains a mapping or list found where a text belongs. The classic case is an
// unquoted text with ": " in it, which YAML reads as a key and its value.
func textHint(node *yaml.Node) i18n.Text {
	if node.Kind == yaml.MappingNode && len(node.Content) == 2 {
		k, v := node.Content[0], node.Content[1]
		if k.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode && k.Line == v.Line {
			return i18n.T("decode.colon.hint", k.Value+": "+v.Value)
		}
	}
	return i18n.Text{}
}

// mappingHint explains a value found where a mapping of keys belongs.
func mappingHint(node *yaml.Node) i18n.Text {
	if node.Kind == yaml.SequenceNode {
		return i18n.T("decode.mapping.list.hint")
	}
	return i18n.Text{}
}

// twiceHint explains a key given twice in the mapping at path: in a list item, the second
// one usually starts a new item whose "- " is missing.
func twiceHint(path, key string) i18n.Text {
	if strings.HasSuffix(path, "]") {
		return i18n.T("decode.key.twice.item.hint", key)
	}
	return i18n.T("decode.key.twice.hint")
}

// dateHint says how to write a date, for the problems that need it.
func dateHint(problem i18n.Text) i18n.Text {
	switch problem.ID {
	case "date.invalid", "date.month.name", "date.year.digits":
		return i18n.T("date.forms.hint")
	}
	return i18n.Text{}
}

// germanKeys maps German words that people write for a key, with umlauts folded (ä → ae),
// to the key.
var germanKeys = map[string]string{
	"netzwerk": "network", "staedtenetz": "network", "kurzname": "short_name", "kurzform": "short_name",
	"gegruendet": "founded", "gruendung": "founded", "gruendungsjahr": "founded",
	"webseite": "website", "internetseite": "website", "homepage": "website", "internet": "website",
	"autor": "author", "herausgeber": "author", "ausgabe": "edition", "sprache": "language",
	"geschaeftsstelle": "office", "traeger": "host", "abteilung": "department", "amt": "department",
	"personen": "people", "ansprechpartner": "people", "adresse": "address", "anschrift": "address",
	"strasse": "street", "plz": "postcode", "postleitzahl": "postcode", "ort": "city", "stadt": "city",
	"telefon": "phone", "telefonnummern": "phones", "mail": "email", "e-mail": "email", "websites": "websites",
	"mitglieder": "members", "gemeindeschluessel": "ags", "bezirk": "regierungsbezirk",
	"ort_koordinaten": "location", "koordinaten": "location", "lage": "location", "breite": "lat", "laenge": "lon",
	"beitritt": "joined", "beigetreten": "joined", "eintritt": "joined", "austritt": "left", "ausgetreten": "left",
	"programmgebiete": "areas", "gebiete": "areas", "stadtteile": "areas", "seit": "since", "bis": "until",
	"kontakt": "contact", "quellen": "sources", "notiz": "note", "bemerkung": "note", "anmerkung": "note",
	"institutionen": "institutions", "kurz": "short", "rolle": "role", "funktion": "role",
	"lizenz": "licence", "license": "licence", "quelle": "credit", "faltblatt": "leaflet", "falz": "fold",
	"beschnitt": "bleed_mm", "farben": "palette", "aussen": "outside", "innen": "inside", "bloecke": "blocks",
	"art": "kind", "ueberschrift": "heading", "titel": "heading", "untertitel": "subtitle", "absaetze": "paragraphs",
	"text": "paragraphs", "legende": "legend", "bildunterschrift": "caption", "aktuell": "current", "ehemalig": "former",
}

// foldUmlauts writes ä, ö, ü and ß as ae, oe, ue and ss, in lower case.
var foldUmlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue")

// germanKey returns the key that a German word for it names ("gegründet", "gruendung" →
// "founded"), or "".
func germanKey(name string) string {
	return germanKeys[foldUmlauts.Replace(strings.ToLower(strings.TrimSpace(name)))]
}

// statusHint says how to write a member's status, recognising German words for it.
func statusHint(status string) i18n.Text {
	switch foldUmlauts.Replace(strings.ToLower(strings.TrimSpace(status))) {
	case "aktiv", "aktuell", "mitglied", "ja", "active":
		return i18n.T("status.current.hint")
	case "ehemalig", "ehemals", "ausgetreten", "frueher", "inaktiv", "nein", "inactive", "past":
		return i18n.T("status.former.hint")
	}
	return i18n.T("status.unknown.hint")
}

// regierungsbezirkHint names the Regierungsbezirk meant by a name with its umlauts typed as
// ue or with another case, else lists them all.
func regierungsbezirkHint(name string) i18n.Text {
	loose := func(s string) string {
		return strings.NewReplacer("ae", "a", "oe", "o", "ue", "u").Replace(foldUmlauts.Replace(strings.ToLower(strings.TrimSpace(s))))
	}
	for _, rb := range Regierungsbezirke {
		if loose(rb) == loose(name) {
			return i18n.T("valid.rb.mean.hint", rb)
		}
	}
	return i18n.T("valid.rb.hint", strings.Join(Regierungsbezirke, ", "))
}
