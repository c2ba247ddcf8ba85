package layout

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/internal/hyphen"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/internal/typeset"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// builder holds what Build needs while it lays out one network.
type builder struct {
	n      *brochure.Network
	plan   *Plan
	fonts  map[string]*typeset.Font
	hyph   *hyphen.Hyphenator
	blocks map[string]int // block id → index in leaflet.blocks
	geo    Geography
	errs   brochure.Diagnostics
}

// parsed caches the parsed fonts: they never change and parsing them costs time.
var parsed struct {
	once  sync.Once
	fonts map[string]*typeset.Font
	err   error
}

// loadFonts parses the embedded fonts once.
func loadFonts() (map[string]*typeset.Font, error) {
	parsed.once.Do(func() {
		parsed.fonts = map[string]*typeset.Font{}
		for _, face := range fonts.Faces {
			f, err := typeset.ParseFont(face.Data)
			if err != nil {
				parsed.err = fmt.Errorf("layout: parse font %s: %w", face.Name, err)
				return
			}
			parsed.fonts[face.Name] = f
		}
	})
	return parsed.fonts, parsed.err
}

func newBuilder(n *brochure.Network) (*builder, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	b := &builder{n: n, fonts: fs, blocks: map[string]int{}}
	b.hyph = b.hyphenator()
	return b, nil
}

// hyphenator returns the German hyphenator with the data's exceptions (leaflet.hyphenation);
// each bad entry is an error at its place, and the good ones still apply.
func (b *builder) hyphenator() *hyphen.Hyphenator {
	good := map[string]string{}
	for _, word := range slices.Sorted(maps.Keys(b.n.Leaflet.Hyphenation)) {
		marked := b.n.Leaflet.Hyphenation[word]
		if err := hyphen.ExceptionError(word, marked); err != nil {
			path := brochure.Path("leaflet", "hyphenation", word)
			b.errs = append(b.errs, brochure.Diagnostic{File: b.n.File, Pos: b.n.Positions.At(path), Path: path, Msg: err.Error(),
				Hint: "write the word as it stands in the text, then the same word with a hyphen where a line may break: Wohnumfeldverbesserung: Wohn-umfeld-ver-bes-se-rung, or the word itself to keep it whole"})
			continue
		}
		good[word] = marked
	}
	h, err := hyphen.Default().WithExceptions(good)
	if err != nil {
		// Two words that differ only in case; the build stops with the errors anyway.
		path := brochure.Path("leaflet", "hyphenation")
		b.errs = append(b.errs, brochure.Diagnostic{File: b.n.File, Pos: b.n.Positions.At(path), Path: path, Msg: err.Error(),
			Hint: "list each word once; case does not matter"})
		return hyphen.Default()
	}
	return h
}
