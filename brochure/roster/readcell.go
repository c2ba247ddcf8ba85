package roster

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// dateForms are the forms a date may be written in, in a roster.
const dateForms = "TT.MM.JJJJ, MM.JJJJ or JJJJ (30.06.2024, 06.2024, 2024)"

// hintDate says how to write a date in a roster.
const hintDate = "write the date as " + dateForms + ", or enter it as a date"

// value reads a raw cell as a cell of its column. Problems are recorded; ok is false then.
func (e *Edit) value(col column, rc rawCell) (c cell, ok bool) {
	if rc.formula != "" {
		e.probs.add(rc.at, "write the value itself (in Excel: copy the cell, then Paste Values)", "the cell holds a formula (=%s); a roster holds values", rc.formula)
		return cell{}, false
	}
	if rc.kind == rawOther {
		e.probs.add(rc.at, "write the value this column holds: "+col.legend, "the cell holds %s, which is not a value", rc.text)
		return cell{}, false
	}
	if rc.kind == rawEmpty || strings.TrimSpace(rc.text) == "" {
		return cell{}, true
	}
	switch col.kind {
	case kindDate:
		d, ok := e.date(rc)
		return cell{date: d}, ok
	case kindDegrees:
		s := strings.TrimSpace(rc.text)
		if rc.kind == rawText {
			s = strings.Replace(s, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			e.probs.add(rc.at, "write the degrees as a number such as 51.455843 (or 51,455843)", "%q is not a number of degrees", rc.text)
			return cell{}, false
		}
		return cell{deg: f}, true
	case kindAGS:
		ags, ok := e.ags(rc)
		return cell{text: ags}, ok
	case kindPhone:
		if rc.kind == rawNumber {
			e.probs.add(rc.at, "format the cell as text (Format Cells → Text) and type the number again with its leading 0",
				"the phone number is stored as a number (%s), which has lost its leading 0", numberText(rc.text))
			return cell{}, false
		}
	}
	if rc.kind == rawNumber {
		return cell{text: numberText(rc.text)}, true
	}
	return cell{text: textOf(rc.text)}, true
}

// numberText writes a stored number as it is shown: whole numbers without a decimal point.
func numberText(s string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return strings.TrimSpace(s)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// ags reads an Amtlicher Gemeindeschlüssel. Excel stores one typed as a number without its
// leading 0; as every AGS of North Rhine-Westphalia begins with 05, a number of seven digits
// beginning with 5 is read with the 0 put back, and a note says so.
func (e *Edit) ags(rc rawCell) (string, bool) {
	s := strings.ReplaceAll(strings.TrimSpace(rc.text), " ", "")
	if rc.kind == rawNumber {
		s = numberText(s)
	}
	if strings.Trim(s, "0123456789") != "" {
		e.probs.add(rc.at, "an AGS has 8 digits, e.g. 05334002", "AGS %q is not a number", rc.text)
		return "", false
	}
	switch {
	case len(s) == 8:
		return s, true
	case len(s) == 7 && s[0] == '5':
		how := "Excel drops the leading 0 of a number"
		if rc.kind == rawNumber {
			how = "the cell holds a number, and " + how
		}
		e.notes.add(rc.at, "format the column as text (Format Cells → Text) to keep it", "AGS %s has lost its leading 0 (%s); read as 0%s", s, how, s)
		return "0" + s, true
	}
	hint := "an AGS has 8 digits, e.g. 05334002"
	if len(s) == 7 {
		hint = "an AGS has 8 digits; Excel drops a leading 0: format the column as text (Format Cells → Text) and write all 8 digits"
	}
	e.probs.add(rc.at, hint, "AGS %q has %d digits", s, len(s))
	return "", false
}

// date reads a date: a date cell (its number format tells whether it is known to the day,
// the month or the year), a year typed as a number, or text written TT.MM.JJJJ, MM.JJJJ,
// JJJJ or as in the data file (2024-06-30).
func (e *Edit) date(rc rawCell) (brochure.Date, bool) {
	s := strings.TrimSpace(rc.text)
	switch rc.kind {
	case rawNumber:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			break
		}
		if p := datePrecision(rc.format); p != 0 {
			d, ok := serialDate(f, p)
			if !ok {
				e.probs.add(rc.at, "write such a date as text: TT.MM.JJJJ", "the date (serial number %s) lies outside the days Excel can show", numberText(s))
			}
			return d, ok
		}
		if f == math.Trunc(f) && f >= 1000 && f <= 9999 {
			return brochure.Date{Year: int(f)}, true
		}
		e.probs.add(rc.at, hintDate, "the number %s is not a date", numberText(s))
		return brochure.Date{}, false
	case rawDate:
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return brochure.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, true
		}
		if len(s) >= 10 {
			if d, err := brochure.ParseDate(s[:10]); err == nil {
				return d, true
			}
		}
	default:
		if d, ok, msg := textDate(s); ok {
			return d, true
		} else if msg != "" {
			e.probs.add(rc.at, hintDate, "%q is not a date: %s", s, msg)
			return brochure.Date{}, false
		}
	}
	e.probs.add(rc.at, hintDate, "%q is not a date", s)
	return brochure.Date{}, false
}

var (
	dayRE   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d+)$`)
	monthRE = regexp.MustCompile(`^(\d{1,2})\.(\d+)$`)
	yearRE  = regexp.MustCompile(`^\d+$`)
	isoRE   = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
)

// textDate reads a date written as text. When the text has a date's form but is no date, msg
// says why.
func textDate(s string) (d brochure.Date, ok bool, msg string) {
	var iso string
	var year string
	switch {
	case isoRE.MatchString(s):
		iso = s
	case dayRE.MatchString(s):
		m := dayRE.FindStringSubmatch(s)
		year = m[3]
		iso = fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
	case monthRE.MatchString(s):
		m := monthRE.FindStringSubmatch(s)
		year = m[2]
		iso = fmt.Sprintf("%s-%02s", m[2], m[1])
	case yearRE.MatchString(s):
		year, iso = s, s
	default:
		return brochure.Date{}, false, ""
	}
	if year != "" && len(year) != 4 {
		return brochure.Date{}, false, "write the year with four digits"
	}
	d, err := brochure.ParseDate(iso)
	if err != nil {
		return brochure.Date{}, false, "no such day or month"
	}
	return d, true, ""
}

// Precisions of a date cell, from its number format.
const (
	precYear  = 1
	precMonth = 2
	precDay   = 3
)

// datePrecision tells from a number format code whether it shows a date, and to what
// precision: it shows a day, a month or only a year; 0 for a format that shows no date.
func datePrecision(code string) int {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++ // an escaped or padding character
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		default:
			b.WriteByte(c | 0x20) // lower case for letters
		}
	}
	f := b.String()
	switch {
	case strings.ContainsRune(f, 'd'):
		return precDay
	case strings.ContainsRune(f, 'y') && strings.ContainsRune(f, 'm'):
		return precMonth
	case strings.ContainsRune(f, 'y'):
		return precYear
	case strings.ContainsRune(f, 'm') && !strings.ContainsAny(f, "hs"):
		return precMonth
	}
	return 0
}

// serialDate turns an Excel serial number into a date of the given precision; a time of day
// is dropped.
func serialDate(f float64, prec int) (brochure.Date, bool) {
	serial := int64(math.Floor(f))
	if serial < excelFirstSerial || serial > excelLastSerial {
		return brochure.Date{}, false
	}
	t := time.Unix((serial+excelEpochUnixDay)*86400, 0).UTC()
	d := brochure.Date{Year: t.Year()}
	if prec >= precMonth {
		d.Month = int(t.Month())
	}
	if prec >= precDay {
		d.Day = t.Day()
	}
	return d, true
}
