package preview

import (
	"strings"
)

// texts are the page's own words by language and key; %s stands for the arguments in
// order. The problems of the data come with their own messages. Every word the page shows
// is here, so that the texts can move into a shared message catalogue as they are.
var texts = map[string]map[string]string{
	"de": {
		"title":        "Vorschau – %s",
		"heading":      "Vorschau des Faltblatts",
		"data":         "Daten: %s",
		"stand":        "Stand %s",
		"updated":      "aktualisiert um %s (%s ms)",
		"bleed":        "Beschnitt zeigen",
		"guides":       "Falz- und Schnittlinien",
		"build":        "Dateien erstellen",
		"building":     "Die Dateien werden erstellt …",
		"built":        "%s Dateien geschrieben in %s:",
		"notBuilt":     "Nichts geschrieben: die Daten haben %s Probleme (siehe oben).",
		"inUse":        "%s ist in einem anderen Programm geöffnet (Excel? PDF-Anzeige?): dort schließen und noch einmal erstellen.",
		"readOnly":     "%s ist schreibgeschützt: den Schreibschutz entfernen (Eigenschaften, Schreibgeschützt) und noch einmal erstellen.",
		"unchanged":    "Nichts geschrieben; die bisherigen Dateien sind unverändert.",
		"buildError":   "Fehler beim Erstellen: %s",
		"oneProblem":   "1 Problem in %s.",
		"problems":     "%s Probleme in %s.",
		"lastGood":     "Die Seiten zeigen den letzten fehlerfreien Stand.",
		"noPages":      "Noch keine Seiten: die Daten haben Fehler.",
		"lineCol":      "Zeile %s, Spalte %s",
		"hint":         "Tipp: %s",
		"clickHint":    "Ein Klick auf einen Text der Seiten zeigt, wo er in den Daten steht.",
		"source":       "%s – Zeile %s:",
		"notOnPage":    "Diese Stelle steht auf keiner Seite des Faltblatts.",
		"page.outside": "Außenseite",
		"page.inside":  "Innenseite",
		"rosters":      "Mitgliederlisten",
		"rows":         "%s (%s), %s Zeilen",
		"offline":      "Die Vorschau läuft nicht mehr. Neu starten mit: brochure preview",
	},
	"en": {
		"title":        "Preview – %s",
		"heading":      "Preview of the leaflet",
		"data":         "Data: %s",
		"stand":        "Stand %s",
		"updated":      "updated at %s (%s ms)",
		"bleed":        "Show the bleed",
		"guides":       "Folds and trim",
		"build":        "Make the files",
		"building":     "Making the files …",
		"built":        "%s files written to %s:",
		"notBuilt":     "Nothing was written: the data has %s problems (see above).",
		"inUse":        "%s is open in another program (Excel? a PDF viewer?): close it there and make the files again.",
		"readOnly":     "%s is write-protected: remove the protection (Properties, Read-only) and make the files again.",
		"unchanged":    "Nothing was written; the previous files are unchanged.",
		"buildError":   "Error while making the files: %s",
		"oneProblem":   "1 problem in %s.",
		"problems":     "%s problems in %s.",
		"lastGood":     "The pages show the last version without errors.",
		"noPages":      "No pages yet: the data has errors.",
		"lineCol":      "line %s, column %s",
		"hint":         "Hint: %s",
		"clickHint":    "Click a text on the pages to see where it stands in the data.",
		"source":       "%s – line %s:",
		"notOnPage":    "This place is on no page of the leaflet.",
		"page.outside": "Outside",
		"page.inside":  "Inside",
		"rosters":      "Member rosters",
		"rows":         "%s (%s), %s rows",
		"offline":      "The preview has stopped. Start it again with: brochure preview",
	},
}

// defaultLang is the language of the page when the browser asks for none of texts'.
const defaultLang = "de"

// language picks the page's language from the browser's Accept-Language header: the first
// language it names that texts has, else defaultLang.
func language(accept string) string {
	for _, part := range strings.Split(accept, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if _, ok := texts[primary]; ok {
			return primary
		}
	}
	return defaultLang
}
