package brochure

import (
	"encoding/json"
	"reflect"
	"strings"
)

// SchemaFile is the name under which `brochure init` writes the schema beside the data file;
// the starter's first line points editors to it.
const SchemaFile = "network.schema.json"

// Schema returns a JSON Schema (draft 2020-12) of the data file, made from the model: every
// key with its type, what it is for (in German, for the editors of the office), the
// required keys, and the values the rules allow where they are a fixed list or a pattern.
// Editors that read YAML through a schema (VS Code with the YAML extension, among others)
// complete keys and flag mistakes with it while one types. Load checks more than the schema
// can say (dates, places, the leaflet's blocks); Load's judgement is the one that counts.
func Schema() []byte {
	s := schemaOf(reflect.TypeOf(Network{}), "")
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = SchemaFile
	s["title"] = "Datendatei des Städtenetzes (brochure)"
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // maps of strings, numbers and slices always marshal
	}
	return append(b, '\n')
}

// schemaOf describes type t, the value of the key named by field ("Type.key", "" for the
// file as a whole).
func schemaOf(t reflect.Type, field string) map[string]any {
	s := map[string]any{}
	if d := fieldDocs[field]; d != "" {
		s["description"] = d
	}
	for k, v := range fieldRules[field] {
		s[k] = v
	}
	datePattern := `\d{4}(-\d{2}(-\d{2})?)?|(\d{1,2}\.\s?)?\d{1,2}\.\s?\d{4}|(\d{1,2}\.\s*)?` + monthNames + `\.?\s+\d{4}`
	switch {
	case t == dateType:
		s["type"] = []string{"string", "integer", "number"}
		s["pattern"] = `^\s*(` + datePattern + `)\s*$`
		return s
	case t == leavingType:
		s["type"] = []string{"string", "integer", "number"}
		s["pattern"] = `^\s*(` + datePattern + `|` + LeftUnknown + `)\s*$`
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		inner := schemaOf(t.Elem(), field)
		for k, v := range s {
			inner[k] = v
		}
		return inner
	case reflect.String:
		// A number or true/false where a text belongs is read as that text, except where
		// the rules want quotes (an AGS keeps its leading 0 only in quotes).
		if _, ok := s["type"]; !ok {
			s["type"] = []string{"string", "number", "boolean"}
		}
	case reflect.Int:
		s["type"] = "integer"
	case reflect.Float64:
		s["type"] = "number"
	case reflect.Bool:
		s["type"] = "boolean"
	case reflect.Slice:
		s["type"] = "array"
		s["items"] = schemaOf(t.Elem(), field+"[]")
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			key := strings.Split(f.Tag.Get("yaml"), ",")[0]
			if key == "" || key == "-" {
				continue
			}
			p := schemaOf(f.Type, t.Name()+"."+key)
			if f.Tag.Get("required") == "true" {
				required = append(required, key)
				if f.Type.Kind() == reflect.String {
					p["minLength"] = 1
				}
			}
			props[key] = p
		}
		s["type"] = "object"
		s["properties"] = props
		s["additionalProperties"] = false
		if len(required) > 0 {
			s["required"] = required
		}
	}
	return s
}

// monthNames matches the German month names and their usual abbreviations, as dates may
// name them ("Juni 2015", "Sept. 2010").
const monthNames = `([Jj]an(uar)?|[Ff]eb(ruar)?|[Mm](är|ae)(z)?|[Mm]rz|[Aa]pr(il)?|[Mm]ai|[Jj]un(i)?|[Jj]ul(i)?|[Aa]ug(ust)?|[Ss]ep(t(ember)?)?|[Oo]kt(ober)?|[Nn]ov(ember)?|[Dd]ez(ember)?)`

// fieldRules are the values the rules allow for some keys, as schema keywords.
var fieldRules = map[string]map[string]any{
	"Member.ags":               {"type": "string", "pattern": `^05\d{6}$`},
	"Member.regierungsbezirk":  {"enum": Regierungsbezirke},
	"Member.status":            {"enum": []string{StatusCurrent, StatusFormer}},
	"Address.postcode":         {"type": "string", "pattern": `^\d{5}$`},
	"Edition.language":         {"pattern": `^[a-z]{2}(-[A-Z]{2})?$`},
	"Leaflet.fold":             {"enum": []string{FoldWickelfalz, FoldZickzack}},
	"Leaflet.bleed_mm":         {"minimum": 0, "maximum": 5},
	"Leaflet.inset_mm":         {"minimum": MinInsetMM, "maximum": MaxInsetMM},
	"Leaflet.output_condition": {"enum": OutputConditions},
	"Leaflet.outside":          {"minItems": 3, "maxItems": 3},
	"Leaflet.inside":           {"minItems": 3, "maxItems": 3},
	"Block.kind":               {"enum": []string{KindText, KindCover, KindMap, KindMembers, KindOffice, KindQR, KindFigures, KindQuote, KindImage}},
	"Block.fit":                {"enum": []string{FitContain, FitCrop}},
	"Block.height_mm":          {"minimum": MinImageHeightMM, "maximum": MaxImageHeightMM},
	"Block.figures":            {"maxItems": MaxFigures},
	"Leaflet.safety_mm":        {"minimum": MinSafetyMM, "maximum": MaxSafetyMM},
	"Colour.cmyk":              {"minItems": 4, "maxItems": 4},
	"Colour.cmyk[]":            {"minimum": 0, "maximum": 100},
	"Colour.rgb":               {"pattern": `^#[0-9a-fA-F]{6}$`},
}

// fieldDocs says what each key is for, in the words of the starter file's comments.
var fieldDocs = map[string]string{
	"":                         "Die Daten eines Städtenetzes: daraus entstehen das Faltblatt und die Mitgliederlisten.",
	"Network.network":          "Das Netzwerk: Name, Kurzname, Gründungsjahr, Website, Herausgeber.",
	"Network.edition":          "Die Ausgabe: Stand und Sprache der Dokumente.",
	"Network.office":           "Die Geschäftsstelle mit Anschrift und Ansprechpersonen.",
	"Network.members":          "Die Mitgliedsstädte, aktuelle und ehemalige; jede beginnt mit „- city:“.",
	"Network.institutions":     "Ständige Teilnehmer und Partner, die das Faltblatt nennt.",
	"Network.sources":          "Die Quellen der Daten mit der Quellenangabe, die ihre Lizenz verlangt.",
	"Network.leaflet":          "Das Faltblatt: Falz, Farben und welcher Block auf welcher Seite steht; ohne diesen Abschnitt das Standard-Faltblatt aus den Daten.",
	"Info.name":                "Name des Netzwerks, etwa „Städtenetz Soziale Stadt NRW“.",
	"Info.short_name":          "Kurzname.",
	"Info.founded":             "Gründungsjahr (eine Zahl, etwa 1994).",
	"Info.website":             "Website des Netzwerks; der QR-Code des Faltblatts führt dorthin.",
	"Info.author":              "Herausgeber der Dokumente (in den Eigenschaften von PDF und Excel-Datei).",
	"Edition.stand":            "Stand der Ausgabe: 2015, 06.2015, Juni 2015 oder 30.06.2015 (auch 2015-06). Gedruckt als „Stand: Juni 2015“.",
	"Edition.language":         "Sprache der Dokumente (Vorgabe de).",
	"Office.host":              "Träger der Geschäftsstelle, etwa „Stadt Essen“.",
	"Office.department":        "Abteilung oder Amt.",
	"Office.people":            "Ansprechpersonen, je mit name, role, email, phone.",
	"Office.address":           "Anschrift: street, postcode, city.",
	"Office.phones":            "Telefonnummern, etwa \"0201/88-68300\".",
	"Office.email":             "E-Mail-Adresse der Geschäftsstelle.",
	"Office.websites":          "Webadressen, die im Block der Geschäftsstelle stehen.",
	"Person.name":              "Name.",
	"Person.role":              "Rolle oder Funktion, etwa „Leitung“.",
	"Person.email":             "E-Mail-Adresse.",
	"Person.phone":             "Telefonnummer.",
	"Address.street":           "Straße und Hausnummer.",
	"Address.postcode":         "Postleitzahl, fünf Ziffern in Anführungszeichen: \"45127\".",
	"Address.city":             "Ort.",
	"Member.city":              "Name der Stadt.",
	"Member.ags":               "Amtlicher Gemeindeschlüssel, 8 Ziffern in Anführungszeichen, beginnt mit 05: \"05113000\".",
	"Member.kreis":             "Kreis, oder „kreisfrei“.",
	"Member.regierungsbezirk":  "Regierungsbezirk: Düsseldorf, Köln, Münster, Detmold oder Arnsberg.",
	"Member.location":          "Lage der Stadt für die Karte: {lat: 51.45, lon: 7.01}, mit Dezimalpunkt.",
	"Member.status":            "current (aktuelles Mitglied) oder former (ehemaliges Mitglied).",
	"Member.joined":            "Beitritt: Jahr, Monat oder Tag.",
	"Member.left":              "Austritt (nur bei former, dort Pflicht): Jahr, Monat oder Tag.",
	"Member.areas":             "Programmgebiete: Liste von {name, since, until}.",
	"Member.contact":           "Ansprechperson der Stadt: name, role, email, phone.",
	"Member.sources":           "Webadressen, die die Mitgliedschaft belegen.",
	"Member.note":              "Bemerkung (für die Mitgliederlisten).",
	"Location.lat":             "Geografische Breite in Grad, mit Dezimalpunkt (NRW: 50.3 bis 52.5).",
	"Location.lon":             "Geografische Länge in Grad, mit Dezimalpunkt (NRW: 5.8 bis 9.5).",
	"Area.name":                "Name des Programmgebiets (meist ein Stadtteil).",
	"Area.since":               "Beginn: Jahr, Monat oder Tag.",
	"Area.until":               "Ende, wenn das Gebiet abgeschlossen ist.",
	"Institution.name":         "Name der Institution.",
	"Institution.short":        "Kurzform, etwa „Difu“.",
	"Institution.role":         "Rolle im Netzwerk, etwa „ständiger Teilnehmer“.",
	"Institution.website":      "Website.",
	"Institution.contact":      "Ansprechperson: name, role, email, phone.",
	"Source.id":                "Kurzname der Quelle (eindeutig).",
	"Source.credit":            "Quellenangabe, wie die Lizenz sie verlangt.",
	"Source.licence":           "Lizenz, etwa dl-de/by-2-0.",
	"Source.url":               "Webadresse der Quelle.",
	"Leaflet.fold":             "Falzart: wickelfalz (Vorgabe) oder zickzack.",
	"Leaflet.bleed_mm":         "Beschnitt in mm, 0 bis 5 (Vorgabe 3).",
	"Leaflet.duplex":           "true dreht die Innenseite (Seite 2) der Druckdatei leaflet.pdf um 180°, für den Duplexdruck im Büro; die Datei mit Schnittmarken und die Bildschirmdatei bleiben aufrecht (Vorgabe false).",
	"Leaflet.inset_mm":         "Breite der einklappenden Seite beim Wickelfalz in mm, 90 bis 99 (Vorgabe 97).",
	"Leaflet.output_condition": "Druckbedingung für die Druckerei (Vorgabe FOGRA39).",
	"Leaflet.palette":          "Farben: text, accent, dark, tint, muted, water, paper, je {cmyk: [c, m, y, k], rgb: \"#rrggbb\"}.",
	"Leaflet.outside":          "Außenseite: die Blöcke der drei Seiten von links nach rechts (Klappe, Rückseite, Titel).",
	"Leaflet.inside":           "Innenseite: die Blöcke der drei Seiten von links nach rechts.",
	"Leaflet.blocks":           "Die Blöcke des Faltblatts, je mit id und kind; ohne sie das Standard-Faltblatt aus den Daten.",
	"Palette.text":             "Textfarbe (im Druck immer [0, 0, 0, 100]).",
	"Palette.accent":           "Auszeichnungsfarbe: Überschriften, Markierungen der Karte.",
	"Palette.dark":             "Hintergrund der Titelseite.",
	"Palette.tint":             "Heller Hintergrund, Land auf der Karte.",
	"Palette.muted":            "Gedämpfte Farbe: ehemalige Mitglieder, Kleingedrucktes.",
	"Palette.water":            "Der Rhein auf der Karte.",
	"Palette.paper":            "Schrift auf dunklem Grund.",
	"Colour.cmyk":              "Druckfarbe: vier Prozentwerte [c, m, y, k].",
	"Colour.rgb":               "Bildschirmfarbe: #rrggbb (ohne Angabe aus cmyk abgeleitet).",
	"Block.id":                 "Kurzname des Blocks, den leaflet.outside und leaflet.inside nennen.",
	"Block.kind":               "Art: text, cover (Titel), map (Karte), members (Mitgliederliste), office (Geschäftsstelle), qr (QR-Code), figures (Kennzahlen), quote (Zitat), image (Bild).",
	"Block.heading_pt":         "Schriftgröße des Titels auf dem Umschlag in Punkt (18 bis 40); ohne Angabe wählt der Satz die größte passende Größe.",
	"Leaflet.hyphenation":      "Trennausnahmen: das Wort, wie es im Text steht, und dasselbe Wort mit Bindestrichen an den erlaubten Trennstellen (oder das Wort selbst, damit es nie getrennt wird).",
	"Block.heading":            "Überschrift (bei cover: der Titel).",
	"Block.subtitle":           "Untertitel der Titelseite.",
	"Block.paragraphs":         "Absätze; Platzhalter wie {{members.current|Stadt|Städte}} setzen Angaben der Datei ein.",
	"Block.legend":             "Legende der Karte: current, former.",
	"Block.caption":            "Kleingedrucktes unter dem Block (Quellenangabe der Karte, Adresse beim QR-Code).",
	"Block.url":                "Adresse des QR-Codes (Vorgabe: die Website des Netzwerks).",
	"Block.labels":             "Bezeichnungen im Block der Geschäftsstelle, wenn er aus office zusammengesetzt wird (ohne paragraphs): lead, phone, email, stand.",
	"OfficeLabels.lead":        "Erste Zeile über dem Träger (Vorgabe „Geschäftsstelle“).",
	"OfficeLabels.phone":       "Vor den Telefonnummern (Vorgabe „Tel.:“).",
	"OfficeLabels.email":       "Vor der E-Mail-Adresse (Vorgabe „E-Mail:“).",
	"OfficeLabels.stand":       "Vor dem Datum am Fuß der Seite (Vorgabe „Stand:“).",
	"Legend.current":           "Bezeichnung der aktuellen Mitglieder.",
	"Legend.former":            "Bezeichnung der ehemaligen Mitglieder.",
	"Legend.office":            "Bezeichnung der Stadt der Geschäftsstelle, die die Karte mit einem Ring markiert.",
	"Leaflet.safety_mm":        "Abstand des Textes vom Beschnitt und von jedem Falz in mm, 5 bis 12 (Vorgabe 7).",
	"Leaflet.flow":             "Seiten, über die der Text fließt, z. B. [inside 1, inside 2, inside 3]; [] für keinen Textfluss.",
	"Block.figures":            "Kennzahlen (höchstens 6), je mit value und label.",
	"Figure.value":             "Die Zahl, meist ein Platzhalter wie {{members.count}}.",
	"Figure.label":             "Was die Zahl zählt.",
	"Block.file":               "Bilddatei (JPEG oder PNG), relativ zur Datendatei.",
	"Block.alt":                "Alternativtext: ein Satz, der sagt, was das Bild zeigt.",
	"Block.credit":             "Bildnachweis unter dem Bild.",
	"Block.fit":                "Einpassung: contain (das ganze Bild, Vorgabe) oder crop (das Bild füllt den Rahmen).",
	"Block.height_mm":          "Höhe des Bildrahmens in mm, 10 bis 180 (ohne Angabe aus den Proportionen des Bildes).",
}
