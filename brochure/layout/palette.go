package layout

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
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

// Colour is a colour as process CMYK (for print) and RGB (for screens).
type Colour struct {
	pdfx.CMYK
	R, G, B uint8
}

// Palette maps colour roles to colours.
type Palette map[string]Colour

// defaultPalette is a deep petrol accent on white, used for every role the data leaves out.
var defaultPalette = map[string][4]float64{
	Text:   {0, 0, 0, 100},
	Accent: {90, 20, 40, 25},
	Dark:   {95, 40, 50, 55},
	Tint:   {12, 0, 5, 0},
	Muted:  {0, 0, 0, 55},
	Water:  {45, 5, 0, 0},
	Paper:  {0, 0, 0, 0},
}

// resolvePalette fills the roles the data leaves out with defaults and derives missing RGB
// values from CMYK.
func resolvePalette(p brochure.Palette, pos brochure.Positions) (Palette, []Error) {
	given := map[string]*brochure.Colour{
		Text: p.Text, Accent: p.Accent, Dark: p.Dark, Tint: p.Tint,
		Muted: p.Muted, Water: p.Water, Paper: p.Paper,
	}
	out := Palette{}
	var errs []Error
	for role, cmyk := range defaultPalette {
		c := fromCMYK(cmyk)
		if g := given[role]; g != nil {
			path := brochure.Path("leaflet", "palette", role)
			if len(g.CMYK) != 4 {
				errs = append(errs, Error{Pos: pos.At(path), Msg: fmt.Sprintf("colour %s needs four CMYK percentages, not %d", role, len(g.CMYK))})
				continue
			}
			c = fromCMYK([4]float64{g.CMYK[0], g.CMYK[1], g.CMYK[2], g.CMYK[3]})
			if err := c.CMYK.Validate(); err != nil {
				errs = append(errs, Error{Pos: pos.At(path + ".cmyk"), Msg: fmt.Sprintf("colour %s: %v", role, err)})
				continue
			}
			if g.RGB != "" {
				r, gg, b, err := parseRGB(g.RGB)
				if err != nil {
					errs = append(errs, Error{Pos: pos.At(path + ".rgb"), Msg: fmt.Sprintf("colour %s: %v", role, err)})
					continue
				}
				c.R, c.G, c.B = r, gg, b
			}
		}
		out[role] = c
	}
	return out, errs
}

// fromCMYK makes a colour from CMYK percentages, with RGB derived by pdfx.
func fromCMYK(v [4]float64) Colour {
	c := Colour{CMYK: pdfx.CMYK{C: v[0], M: v[1], Y: v[2], K: v[3]}}
	c.R, c.G, c.B = c.CMYK.RGB()
	return c
}

// parseRGB reads "#1a5c6b".
func parseRGB(s string) (r, g, b uint8, err error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) != 6 {
		return 0, 0, 0, fmt.Errorf("rgb %q is not of the form #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("rgb %q is not of the form #rrggbb", s)
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v), nil
}
