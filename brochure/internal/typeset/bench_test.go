package typeset

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// BenchmarkBreakLeaflet breaks all paragraphs of the leaflet, justified and
// hyphenated at 90 mm.
func BenchmarkBreakLeaflet(b *testing.B) {
	st := style(b)
	paras := leafletParagraphs(b)
	opt := Options{Hyphenator: hyphen.Default(), Justify: true}
	for b.Loop() {
		for _, text := range paras {
			if _, err := Break(text, column, st, opt); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseFont(b *testing.B) {
	for b.Loop() {
		if _, err := ParseFont(fonts.Regular); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	f := regular(b)
	s := leafletParagraphs(b)[2]
	for b.Loop() {
		f.Width(s, size)
	}
}
