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
	geo    Geography
	errs   brochure.Diagnostics
	placed map[panelKey][]*placed // the blocks laid out on each panel, for the structure
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
	return &builder{n: n, fonts: fs, hyph: hyphen.Default(), blocks: map[string]int{}, placed: map[panelKey][]*placed{}}, nil
}
