// Package roster writes the member rosters of a network: an Excel workbook (WriteXLSX) with an
// overview sheet and one sheet per list, and one CSV file per list (CSVFiles).
//
// Both outputs are built from the same sheet definitions, so the workbook and the CSV files
// always carry the same columns and rows. The same network gives the same bytes: every date
// in the files comes from the data (Edition.Stand), never from the clock.
package roster
