package pdfx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MaxInk is the highest total ink coverage, in percent, that a print colour may have.
const MaxInk = 300

// CMYK is a process colour in percent of cyan, magenta, yellow and black (0 to 100 each).
type CMYK struct {
	C, M, Y, K float64
}

// Black is 100 % K, the colour of all text in a print file.
var Black = CMYK{K: 100}

// White is no ink at all.
var White = CMYK{}

// Registration prints on every plate (400 % ink). It is for crop and fold marks outside
// the trim only; Validate rejects it like any colour over MaxInk.
var Registration = CMYK{C: 100, M: 100, Y: 100, K: 100}

// TotalInk returns the sum of the four inks in percent.
func (c CMYK) TotalInk() float64 {
	return c.C + c.M + c.Y + c.K
}

// Validate reports a component outside 0 to 100 % or a total ink over MaxInk.
func (c CMYK) Validate() error {
	for _, p := range []struct {
		name string
		v    float64
	}{{"cyan", c.C}, {"magenta", c.M}, {"yellow", c.Y}, {"black", c.K}} {
		if math.IsNaN(p.v) || p.v < 0 || p.v > 100 {
			return fmt.Errorf("cmyk %s: %s is %g %%, want 0 to 100", c, p.name, p.v)
		}
	}
	if t := c.TotalInk(); t > MaxInk {
		return fmt.Errorf("cmyk %s: total ink %g %% is over %d %%", c, t, MaxInk)
	}
	return nil
}

// String returns the colour as "C/M/Y/K" in percent, e.g. "100/60/0/10".
func (c CMYK) String() string {
	return fmt.Sprintf("%s/%s/%s/%s", pct(c.C), pct(c.M), pct(c.Y), pct(c.K))
}

// Fill returns the content stream operator that sets c as the fill colour (also used
// for text): "c m y k k" with components from 0 to 1.
func (c CMYK) Fill() string {
	return c.operands() + " k"
}

// Stroke returns the content stream operator that sets c as the stroke colour:
// "c m y k K".
func (c CMYK) Stroke() string {
	return c.operands() + " K"
}

func (c CMYK) operands() string {
	return strings.Join([]string{unit(c.C), unit(c.M), unit(c.Y), unit(c.K)}, " ")
}

// RGB returns the colour for screens as 8-bit red, green and blue, by the naive
// conversion without a colour profile (r = 255 × (1−c) × (1−k) and so on). It is close
// enough for a screen version, not a proof.
func (c CMYK) RGB() (r, g, b uint8) {
	k := 1 - clamp(c.K)/100
	ch := func(v float64) uint8 {
		return uint8(math.Round(255 * (1 - clamp(v)/100) * k))
	}
	return ch(c.C), ch(c.M), ch(c.Y)
}

// RawWriter is the part of *fpdf.Fpdf that writes operators into the current page.
type RawWriter interface {
	RawWriteStr(string)
}

// SetFill makes c the fill and text colour of the current page of w.
func SetFill(w RawWriter, c CMYK) {
	w.RawWriteStr(c.Fill())
}

// SetStroke makes c the colour of lines drawn on the current page of w.
func SetStroke(w RawWriter, c CMYK) {
	w.RawWriteStr(c.Stroke())
}

// unit formats a percentage as a fraction of 1 with at most 4 decimals, without
// trailing zeros, so that the same colour always gives the same bytes.
func unit(p float64) string {
	return strconv.FormatFloat(math.Round(clamp(p)*100)/10000, 'f', -1, 64)
}

func pct(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64)
}

func clamp(p float64) float64 {
	return math.Max(0, math.Min(100, p))
}
