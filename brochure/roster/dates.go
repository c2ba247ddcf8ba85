package roster

import "github.com/staedtenetz-nrw/brochure/brochure"

// Serial numbers of Excel's 1900 date system: day 0 is 30 December 1899 for every day from
// 1 March 1900 on. Excel counts a 29 February 1900 that never was, so earlier serials name
// the wrong day, and it has no days after 31 December 9999.
const (
	excelEpochUnixDay = -25569  // 1899-12-30 in days since 1970-01-01
	excelFirstSerial  = 61      // 1900-03-01
	excelLastSerial   = 2958465 // 9999-12-31
)

// excelSerial returns the serial number of the first day d stands for, and false when Excel
// cannot show that day: then the date is written as text (d.Numeric()).
func excelSerial(d brochure.Date) (int64, bool) {
	// Every Date.First is midnight UTC, so the division is exact, also before 1970.
	serial := d.First().Unix()/86400 - excelEpochUnixDay
	return serial, serial >= excelFirstSerial && serial <= excelLastSerial
}
