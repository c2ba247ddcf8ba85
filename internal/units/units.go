// Package units converts between the lengths of the project: millimetres, in which the data
// and the layout measure, and PostScript points (1/72 inch), in which fonts and PDF files do.
package units

// PtPerMM is the number of points in a millimetre.
const PtPerMM = 72 / 25.4

// MMPerInch is the length of an inch in millimetres.
const MMPerInch = 25.4

// MMPerPt is the length of a point in millimetres.
const MMPerPt = 25.4 / 72

// PtToMM converts points to millimetres.
func PtToMM(pt float64) float64 { return pt * 25.4 / 72 }

// MMToPt converts millimetres to points.
func MMToPt(mm float64) float64 { return mm * PtPerMM }
