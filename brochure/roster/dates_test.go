package roster

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// TestExcelSerial checks the serial numbers Excel shows for the ends of its date range and
// that dates outside it are refused (and so written as text).
func TestExcelSerial(t *testing.T) {
	for _, tt := range []struct {
		d      brochure.Date
		serial int64
		ok     bool
	}{
		{brochure.Date{Year: 1900, Month: 3, Day: 1}, 61, true},
		{brochure.Date{Year: 1900, Month: 2, Day: 28}, 60, false}, // Excel shows 27 February
		{brochure.Date{Year: 1900}, 2, false},
		{brochure.Date{Year: 1850}, -18260, false},
		{brochure.Date{Year: 1999, Month: 3, Day: 15}, 36234, true},
		{brochure.Date{Year: 1607}, -107014, false},
		{brochure.Date{Year: 2500, Month: 6}, 219299, true},
		{brochure.Date{Year: 9999, Month: 12, Day: 31}, 2958465, true},
		{brochure.Date{Year: 10000}, 2958466, false},
	} {
		serial, ok := excelSerial(tt.d)
		if serial != tt.serial || ok != tt.ok {
			t.Errorf("excelSerial(%s) = %d, %v, want %d, %v", tt.d, serial, ok, tt.serial, tt.ok)
		}
	}
}
