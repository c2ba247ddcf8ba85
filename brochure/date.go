package brochure

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Date is a calendar date that may be known only to the year or the month. Month and Day
// are 0 where unknown. The zero Date means "not given".
type Date struct {
	Year, Month, Day int
}

// ParseDate reads a date as the data file may write it: ISO ("2015", "2015-06",
// "2015-06-30") or German ("30.06.2015", "06.2015", "Juni 2015", "30. Juni 2015"). Its error
// is an i18n.Text.
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if !err.IsZero() {
		return Date{}, err
	}
	return d, nil
}

var (
	isoDateRE    = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	germanDateRE = regexp.MustCompile(`^(?:(\d{1,2})\.\s?)?(\d{1,2})\.\s?(\d+)$`)
	namedDateRE  = regexp.MustCompile(`^(?:(\d{1,2})\.\s*)?(\pL+)\.?\s+(\d+)$`)
)

// parseDate reads a date; a zero Text means it is one.
func parseDate(s string) (Date, i18n.Text) {
	t := strings.TrimSpace(s)
	var day, month, year string
	switch m := isoDateRE.FindStringSubmatch(t); {
	case m != nil:
		year, month, day = m[1], m[2], m[3]
	case germanDateRE.MatchString(t):
		m := germanDateRE.FindStringSubmatch(t)
		day, month, year = m[1], m[2], m[3]
	case namedDateRE.MatchString(t):
		m := namedDateRE.FindStringSubmatch(t)
		mon := monthByName(m[2])
		if mon == 0 {
			return Date{}, i18n.T("date.month.name", s, m[2])
		}
		day, month, year = m[1], strconv.Itoa(mon), m[3]
	default:
		return Date{}, i18n.T("date.invalid", s)
	}
	if len(year) != 4 {
		return Date{}, i18n.T("date.year.digits", s)
	}
	var d Date
	d.Year, _ = strconv.Atoi(year)
	if month != "" {
		d.Month, _ = strconv.Atoi(month)
	}
	if day != "" {
		d.Day, _ = strconv.Atoi(day)
	}
	if d.Year < 1 {
		return Date{}, i18n.T("date.year.zero", s)
	}
	if month != "" && (d.Month < 1 || d.Month > 12) {
		return Date{}, i18n.T("date.month.range", s)
	}
	if day != "" {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, i18n.T("date.day.range", s, fmt.Sprintf("%04d-%02d", d.Year, d.Month), d.Day)
		}
	}
	return d, i18n.Text{}
}

// monthByName returns the month (1 to 12) that a German or English month name or its
// abbreviation (Jan, Feb, Mär, Mrz, Sept, …) names, or 0.
func monthByName(name string) int {
	n := strings.ToLower(name)
	for i, m := range germanMonths {
		full := strings.ToLower(m)
		if n == full || len([]rune(n)) >= 3 && strings.HasPrefix(full, n) {
			return i + 1
		}
	}
	switch n {
	case "mrz", "maerz":
		return 3
	case "january", "february", "march", "may", "june", "july", "october", "december", "oct", "dec":
		return map[string]int{"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
			"october": 10, "oct": 10, "december": 12, "dec": 12}[n]
	}
	return 0
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String writes the date in ISO form: 2015, 2015-06 or 2015-06-30.
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
