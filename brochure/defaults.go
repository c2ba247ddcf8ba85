package brochure

import (
	"fmt"
	"math"
)

// Defaults of the leaflet's format.
const (
	DefaultBleedMM         = 3.0
	DefaultInsetMM         = 97.0
	DefaultOutputCondition = "FOGRA39"
	DefaultLanguage        = "de"
	DefaultSafetyMM        = 7.0
)

// DefaultOfficeLabels are the words of a composed office block that the data leaves out.
var DefaultOfficeLabels = OfficeLabels{Lead: "Geschäftsstelle", Phone: "Tel.:", Email: "E-Mail:", Stand: "Stand:"}

// The safety distance of text from trim and folds lies in this range: print shops ask for 5 mm
// at least; more than 12 mm leaves too narrow a column.
const (
	MinSafetyMM = 5.0
	MaxSafetyMM = 12.0
)

// The width of a wickelfalz's inset panel, the one that folds in, lies in this range.
const (
	MinInsetMM = 90.0
	MaxInsetMM = 99.0
)

// OutputConditions are the identifiers of the registered print conditions that a leaflet
// may name as its output_condition; package pdfx holds what the PDF/X files say of each.
var OutputConditions = []string{"FOGRA29", "FOGRA39", "FOGRA40", "FOGRA47", "FOGRA51", "FOGRA52"}

// defaultPalette is used for every colour the data leaves out.
var defaultPalette = Palette{
	Text:   &Colour{CMYK: []float64{0, 0, 0, 100}, RGB: "#1d1d1b"},
	Accent: &Colour{CMYK: []float64{100, 20, 40, 20}, RGB: "#00707a"},
	Dark:   &Colour{CMYK: []float64{100, 45, 45, 55}, RGB: "#0e3c45"},
	Tint:   &Colour{CMYK: []float64{8, 0, 4, 0}, RGB: "#eaf5f3"},
	Muted:  &Colour{CMYK: []float64{0, 0, 0, 60}, RGB: "#6f6f6e"},
	Water:  &Colour{CMYK: []float64{45, 5, 0, 0}, RGB: "#8cc8ec"},
	Paper:  &Colour{CMYK: []float64{0, 0, 0, 0}, RGB: "#ffffff"},
}

// applyDefaults fills in what the data may leave out, so that users of a loaded Network
// find every setting present: fold, bleed, inset, output condition, language, the labels of
// an office block composed from the office's data and every palette colour with both CMYK
// and RGB.
func applyDefaults(n *Network) {
	l := &n.Leaflet
	if l.Fold == "" {
		l.Fold = FoldWickelfalz
	}
	if l.BleedMM == nil {
		v := DefaultBleedMM
		l.BleedMM = &v
	}
	if l.InsetMM == nil {
		v := DefaultInsetMM
		l.InsetMM = &v
	}
	if l.OutputCondition == "" {
		l.OutputCondition = DefaultOutputCondition
	}
	if l.SafetyMM == nil {
		v := DefaultSafetyMM
		l.SafetyMM = &v
	}
	if l.Outside == nil && l.Inside == nil {
		l.Outside, l.Inside = StandardPlan(l.Blocks)
	}
	if l.Flow == nil {
		l.Flow = defaultFlow(l)
	}
	for i := range l.Blocks {
		if b := &l.Blocks[i]; b.Kind == KindImage && b.Fit == "" {
			b.Fit = FitContain
		}
		if b := &l.Blocks[i]; b.Kind == KindOffice && len(b.Paragraphs) == 0 {
			b.Labels = officeLabels(b.Labels)
		}
	}
	if n.Edition.Language == "" {
		n.Edition.Language = DefaultLanguage
	}
	have, def := l.Palette.entries(), defaultPalette.entries()
	for i, e := range have {
		c := e.c
		if c == nil {
			cp := *def[i].c
			c = &cp
		}
		if c.RGB == "" {
			c.RGB = CMYKToRGB(c.CMYK)
		}
		*l.Palette.slot(i) = c
	}
}

// officeLabels returns the labels given with every one the data leaves out filled in.
func officeLabels(given *OfficeLabels) *OfficeLabels {
	l := DefaultOfficeLabels
	if given != nil {
		for _, f := range []struct{ have, into *string }{
			{&given.Lead, &l.Lead}, {&given.Phone, &l.Phone}, {&given.Email, &l.Email}, {&given.Stand, &l.Stand},
		} {
			if *f.have != "" {
				*f.into = *f.have
			}
		}
	}
	return &l
}

// slot returns the field of the i-th entry of entries.
func (pl *Palette) slot(i int) **Colour {
	return [...]**Colour{&pl.Text, &pl.Accent, &pl.Dark, &pl.Tint, &pl.Muted, &pl.Water, &pl.Paper}[i]
}

// CMYKToRGB derives a screen colour from CMYK percentages the naive way, as "#rrggbb". It is
// an approximation for screens; give rgb in the data where the colour matters.
func CMYKToRGB(cmyk []float64) string {
	ch := func(v float64) int {
		k := cmyk[3] / 100
		return int(math.Round(255 * (1 - v/100) * (1 - k)))
	}
	return fmt.Sprintf("#%02x%02x%02x", ch(cmyk[0]), ch(cmyk[1]), ch(cmyk[2]))
}
