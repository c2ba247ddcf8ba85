package pdfx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// CMYK is a process colour in percent of cyan, magenta, yellow and black (0 to 100 each).
type CMYK struct {
	C, M, Y, K float64
}

// Black is 100 % K, the colour of all text in a print file.
var Black = CMYK{K: 100}

// White is no ink at all.
var White = CMYK{}

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
