package layout

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
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
	// placed holds the blocks laid out on each panel, for the structure.
	placed map[panelKey][]*placed
	// keys names the panels of the plan for placed.
	keys map[*Panel]panelKey
	// widths gives the texts of a flow over panels of different widths the widths of
	// their lines, by path (see reflow); set uses them instead of the width it is given.
	widths map[string]lineWidths
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
	b := &builder{n: n, fonts: fs, blocks: map[string]int{}, listedOn: map[string]string{}, urlParts: map[string]string{},
		numbers: map[string]int{}, placed: map[panelKey][]*placed{}, keys: map[*Panel]panelKey{}}
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
			b.errorf(brochure.Path("leaflet", "hyphenation", word), "", "", exceptionMessage(err), i18n.T("layout.hyphenation.hint"))
			continue
		}
		good[word] = marked
	}
	h, err := hyphen.Default().WithExceptions(good)
	if err != nil {
		// Two words that differ only in case; the build stops with the errors anyway.
		b.errorf(brochure.Path("leaflet", "hyphenation"), "", "", exceptionMessage(err), i18n.T("layout.hyphenation.twice.hint"))
		return hyphen.Default()
	}
	return h
}

// exceptionMessage is the message of a hyphenation exception that the hyphenator refuses.
func exceptionMessage(err error) i18n.Text {
	var bad *hyphen.BadException
	if !errors.As(err, &bad) {
		return i18n.T("layout.hyphenation.other", err)
	}
	switch bad.Reason {
	case hyphen.NotLetters:
		return i18n.T("layout.hyphenation.letters", bad.Word, string(bad.Rune))
	case hyphen.Empty:
		return i18n.T("layout.hyphenation.empty")
	case hyphen.HyphenPlace:
		return i18n.T("layout.hyphenation.place", bad.Word, bad.Marked)
	case hyphen.NotSameWord:
		return i18n.T("layout.hyphenation.same", bad.Word, bad.Marked)
	}
	return i18n.T("layout.hyphenation.twice", bad.Word, bad.Other)
}
