// Package roster writes the member rosters of a network: an Excel workbook (WriteXLSX) with an
// overview sheet and one sheet per list, one CSV file per list (CSVFiles), and the printed
// member list, an A4 PDF (WritePDF).
//
// The workbook and the CSV files are built from the same sheet definitions, so they always
// carry the same columns and rows. The member list is set with the leaflet's fonts (package
// fonts) and typesetting engine (brochure/internal/typeset); it imports nothing of the
// leaflet. The same network gives the same bytes: every date in the files comes from the
// data (Edition.Stand), never from the clock.
package roster
