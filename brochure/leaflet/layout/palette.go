package layout

import (
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Colour roles that items name.
const (
	Text   = "text"
	Accent = "accent"
	Dark   = "dark"
	Tint   = "tint"
	Muted  = "muted"
	Water  = "water"
	Paper  = "paper"
)

// Colour is a colour as process CMYK in percent of each ink (for print) and RGB (for
// screens).
type Colour struct {
	C, M, Y, K float64
	R, G, B    uint8
}

// Palette maps colour roles to colours.
type Palette map[string]Colour

// palette takes the colours of a loaded network, which has every role with CMYK and RGB
// (brochure.Load fills in defaults and checks the values).
func palette(p brochure.Palette) Palette {
	out := Palette{}
	for role, c := range map[string]*brochure.Colour{
		Text: p.Text, Accent: p.Accent, Dark: p.Dark, Tint: p.Tint, Muted: p.Muted, Water: p.Water, Paper: p.Paper,
	} {
		v := c.CMYK
		col := Colour{C: v[0], M: v[1], Y: v[2], K: v[3]}
		rgb, _ := strconv.ParseUint(strings.TrimPrefix(c.RGB, "#"), 16, 32)
		col.R, col.G, col.B = uint8(rgb>>16), uint8(rgb>>8), uint8(rgb)
		out[role] = col
	}
	return out
}
