// Package layout computes where everything on the folded leaflet goes, in millimetres, before
// anything is painted.
//
// Build turns a [brochure.Network] into a [Plan]: two pages (outside, inside), each cut into
// three panels by the fold type, and on them the items to paint: backgrounds, text lines with
// the x position of every word, map shapes and markers, QR modules, links and outline entries.
// All text is measured and broken by package typeset; the layout only decides where the lines
// go and whether they fit. Plan.Dump writes the plan as readable text for golden tests.
//
// A block never flows from one panel to the next: the data says which block goes on which
// panel, so a paragraph is never cut by a fold and has no widows or orphans by construction.
// A block whose text does not fit its panel is a [brochure.Diagnostic] that names the panel,
// the block, its place in the data and the overflow in millimetres and lines; Build collects
// all such problems before it returns them as [brochure.Diagnostics].
package layout
