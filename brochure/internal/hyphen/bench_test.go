package hyphen

import (
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen/internal/liang"
)

// BenchmarkLoad measures loading the embedded patterns (what Default does once).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := liang.Load(deBlob); err != nil {
			b.Fatal(err)
		}
	}
}

const paragraph = `Integrierte Handlungsprogramme enthalten eine Vielzahl von Ideen und Projekten, die verschiedenste Fragen der „Sozialen Stadt“ auf der Stadtteilebene aufgreifen: Wohnungsbau, Wohnumfeldverbesserung und Stadterneuerung, Förderung der Lokalen Ökonomie, Qualifizierung und Beschäftigung, Gesundheit und Sicherheit, Schule und Bildung, Kultur, Ökologie, Bürgerbeteiligung und -aktivierung, Imageverbesserung und Stadtteilmarketing, Herstellung einer lokalen Öffentlichkeit, Einbindung von Institutionen vor Ort, Organisation und Management von Projekten – vielfach Schlüsselthemen für die Entwicklung des Quartiers.`

// BenchmarkParagraph measures finding the points of every word of a paragraph.
func BenchmarkParagraph(b *testing.B) {
	h := Default()
	words := strings.Fields(paragraph)
	for b.Loop() {
		for _, w := range words {
			h.Points(w)
		}
	}
}
