// Package paint turns a [layout.Plan] into PDF bytes with fpdf.
//
// Paint draws exactly what the plan says, item by item: every word at the x position the
// layout gave it, so a test can read the positions back and compare them with the plan. The
// Variant chooses the file: Print (CMYK only, bleed, TrimBox and BleedBox, no annotations),
// PrintMarks (the same on a larger sheet with crop and fold marks in the slug) or Screen
// (trimmed, RGB, live links, an outline and full metadata). In the print files 100 % K text
// and thin black lines overprint. The screen file is tagged (PDF/UA-1): the tagger marks
// every item as the plan's structure names it, or as an artifact, and package pdfua writes
// the structure tree. The same plan gives the same bytes: creation dates come from the plan,
// never the clock.
package paint
