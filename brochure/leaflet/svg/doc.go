// Package svg paints a leaflet's layout plan as SVG, one picture per side of the sheet, for
// the preview in a web browser.
//
// It is the second painter of the plan beside package paint, and like it it decides nothing
// about where things go: every word, line, shape and marker stands where the plan puts it,
// in millimetres, in the colours the palette gives for screens (RGB) and in the fonts of
// package fonts, which the page that shows the SVG loads with the @font-face rules of
// FontFaces. Kerning and ligatures are switched off, as in the PDF files, so that a word is
// as wide as the layout measured it.
//
// Each text line and member marker carries the place in the data it comes from
// (data-path), and, when Options.Source says so, its line in the data file (data-line).
// An item of a kind the painter does not know is an error, not a gap in the picture.
package svg
