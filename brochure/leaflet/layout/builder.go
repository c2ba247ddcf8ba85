package layout

import (
	"fmt"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen"
	"github.com/staedtenetz-nrw/brochure/brochure/internal/typeset"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// builder holds what Build needs while it lays out one network.
type builder struct {
	n      *brochure.Network
	plan   *Plan
	fonts  map[string]*typeset.Font
	hyph   *hyphen.Hyphenator
	blocks map[string]int // block id → index in leaflet.blocks
	// listedOn names the panel the data lists each block on, for messages.
	listedOn map[string]string
	geo      Geography
	errs     brochure.Diagnostics
	// numbers maps the members that the map numbers (their names do not fit on it) to
	// their numbers, for the member list.
	numbers map[string]int
	// urlParts maps the parts of web addresses broken over lines to the whole address.
	urlParts map[string]string
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
	return &builder{n: n, fonts: fs, hyph: hyphen.Default(), blocks: map[string]int{}, listedOn: map[string]string{}, urlParts: map[string]string{}, numbers: map[string]int{}}, nil
}
