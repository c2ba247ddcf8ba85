package brochure

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date that may be known only to the year or the month. Month and Day
// are 0 where unknown. The zero Date means "not given".
type Date struct {
	Year, Month, Day int
}

// ParseDate reads "2015", "2015-06" or "2015-06-30".
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || parts[0] == "" {
		return Date{}, fmt.Errorf("%q is not a date; write a year (2015), a month (2015-06) or a day (2015-06-30)", s)
	}
	var nums [3]int
	widths := [3]int{4, 2, 2}
	for i, p := range parts {
		if len(p) != widths[i] {
			return Date{}, fmt.Errorf("%q is not a date; write a year (2015), a month (2015-06) or a day (2015-06-30)", s)
		}
		n, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("%q is not a date; write a year (2015), a month (2015-06) or a day (2015-06-30)", s)
		}
		nums[i] = n
	}
	d := Date{nums[0], nums[1], nums[2]}
	if d.Year < 1 {
		return Date{}, fmt.Errorf("%q: the year must be 1 or later", s)
	}
	if len(parts) >= 2 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("%q: the month must be 01 to 12", s)
	}
	if len(parts) == 3 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, fmt.Errorf("%q: %d-%02d has no day %d", s, d.Year, d.Month, d.Day)
		}
	}
	return d, nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String writes the date as it is written in the data: 2015, 2015-06 or 2015-06-30.
func (d Date) String() string {
	return d.format("%04[1]d", "%04[1]d-%02[2]d", "%04[1]d-%02[2]d-%02[3]d")
}

// germanMonths are the month names of German.
var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// German writes the date as a German reader expects it: "2015", "Juni 2015", "30.06.2015".
func (d Date) German() string {
	return d.format("%[1]d", "%[4]s %[1]d", "%02[3]d.%02[2]d.%04[1]d")
}

// Numeric writes the date with figures the German way, as precisely as it is known:
// "2015", "06.2015" or "30.06.2015".
func (d Date) Numeric() string {
	return d.format("%04[1]d", "%02[2]d.%04[1]d", "%02[3]d.%02[2]d.%04[1]d")
}

// format writes the date with the pattern for its precision: known to the year, the month
// or the day. The patterns take year, month, day and the month's German name as arguments
// 1 to 4; a zero date is empty.
func (d Date) format(year, month, day string) string {
	pattern := day
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		pattern = year
	case d.Day == 0:
		pattern = month
	}
	name := ""
	if d.Month >= 1 && d.Month <= 12 {
		name = germanMonths[d.Month-1]
	}
	return fmt.Sprintf(pattern, d.Year, d.Month, d.Day, name)
}

// First is the first day the date may stand for.
func (d Date) First() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day the date may stand for.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Before reports whether d certainly lies before e: every day d may stand for comes before
// every day e may stand for.
func (d Date) Before(e Date) bool { return d.Last().Before(e.First()) }
