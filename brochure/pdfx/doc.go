// Package pdfx makes fpdf output fit for a print shop: process CMYK colour operators
// (CMYK), overprint for black (Overprint), PDF/X-3:2002 finishing of the written file
// (Finish) with a registered output condition (Conditions), and the geometry of crop and
// fold marks (CropMarks, FoldMarks), which Finish draws in the registration colour
// /Separation /All.
//
// # Painting in CMYK with fpdf
//
// fpdf has only RGB and gray colour setters. A print file must never contain an RGB
// operator, so the painter follows one recipe:
//
//   - Never call SetDrawColor, SetFillColor or SetTextColor (nor the spot colour setters).
//     fpdf's colour state then stays at its defaults ("0 G" and "0 g"), and fpdf writes
//     no colour operator of its own: AddPage writes colours only when they differ from
//     those defaults, and Cell, CellFormat, MultiCell and Text wrap their text in
//     "q <text colour> … Q" only when the text colour differs from the fill colour.
//   - Set colours with SetFill and SetStroke (or write CMYK.Fill and CMYK.Stroke with
//     RawWriteStr). They write the CMYK operators "c m y k k" and "c m y k K" into the
//     page's content stream, and fpdf's following operators paint with them: Rect,
//     Line, paths and cell borders use the stroke colour, filled shapes and cell
//     backgrounds the fill colour, and text is painted with the current fill colour.
//     So set the text colour (Black: 100 % K) with SetFill right before the text, after
//     any filled background.
//   - A colour set inside fpdf's own q … Q pairs (TransformBegin/TransformEnd, clipping)
//     ends with them; set it again afterwards.
//   - Each page starts with the PDF default colour (gray black); set colours after
//     AddPage.
//   - For 100 % K text and thin black lines, call Overprint(w, true) before and
//     Overprint(w, false) before anything else: black then prints over the colours under
//     it. Never let white overprint. Finish defines the graphics states Overprint names.
//   - Do not use SetAlpha or blend modes (transparency), links (annotations), layers,
//     attachments, JavaScript or AddOutputIntent in a print file; Finish rejects them.
//
// The preflight package checks the result: an RGB operator that slipped in is an error.
package pdfx
