// Package layout computes where everything on the folded leaflet goes, in millimetres, before
// anything is painted.
//
// Build turns a [brochure.Network] into a [Plan]: two pages (outside, inside), each cut into
// three panels by the fold type, and on them the items to paint: backgrounds, text lines with
// the x position of every word, map shapes and markers, QR modules, images, links and outline
// entries.
// All text is measured and broken by package typeset; the layout only decides where the lines
// go and whether they fit. Plan.Dump writes the plan as readable text for golden tests.
//
// The panels the data names in leaflet.flow (by default the inside's three) make one column
// of text that continues from panel to panel: the layout ends each panel where the panels end
// most level, never after a heading and never with fewer than two lines of a paragraph on
// either side of the fold, and spreads what room is left between the blocks. The other panels
// stand their blocks one under the other; a QR code and the office's date line stand at the
// foot and the room left is spread between the blocks. All panels hang from one baseline grid
// of half the body's leading (grid.go), so that lines and headings of neighbouring panels
// stand level. The map names its cities where it can, numbers them where it cannot (the
// member list keys the numbers), and shows a cluster too dense even for numbers in an inset.
//
// Text that does not fit is a [brochure.Diagnostic] that names the panel, the block, its
// place in the data and the overflow in millimetres and lines; in a flow, at the block where
// the text that fits nowhere begins. Build collects all such problems before it returns them
// as [brochure.Diagnostics].
package layout
