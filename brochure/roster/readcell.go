package roster

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// hintDate says how to write a date in a roster: TT.MM.JJJJ, MM.JJJJ or JJJJ.
var hintDate = i18n.T("roster.date.hint")

// value reads a raw cell as a cell of its column. Problems are recorded; ok is false then.
func (e *Edit) value(col column, rc rawCell) (c cell, ok bool) {
	if rc.formula != "" {
		e.probs.add(rc.at, i18n.T("roster.formula", rc.formula), i18n.T("roster.formula.hint"))
		return cell{}, false
	}
	if rc.kind == rawOther {
		e.probs.add(rc.at, i18n.T("roster.novalue", rc.text), i18n.T("roster.novalue.hint", col.legend))
		return cell{}, false
	}
	if rc.kind == rawEmpty || strings.TrimSpace(rc.text) == "" {
		return cell{}, true
	}
	switch col.kind {
	case kindDate:
		if col == leftColumn && isUnknownLeaving(rc) {
			return cell{text: unknownDate}, true
		}
		d, ok := e.date(rc)
		return cell{date: d}, ok
	case kindDegrees:
		s := strings.TrimSpace(rc.text)
		if rc.kind == rawText {
			s = strings.Replace(s, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			e.probs.add(rc.at, i18n.T("roster.degrees", rc.text), i18n.T("roster.degrees.hint"))
			return cell{}, false
		}
		return cell{deg: f}, true
	case kindAGS:
		ags, ok := e.ags(rc)
		return cell{text: ags}, ok
	case kindPhone:
		if rc.kind == rawNumber {
			e.probs.add(rc.at, i18n.T("roster.phone.number", numberText(rc.text)), i18n.T("roster.phone.number.hint"))
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
		e.probs.add(rc.at, i18n.T("roster.ags.nan", rc.text), i18n.T("roster.ags.hint"))
		return "", false
	}
	switch {
	case len(s) == 8:
		return s, true
	case len(s) == 7 && s[0] == '5':
		msg := i18n.T("roster.ags.zero", s)
		if rc.kind == rawNumber {
			msg = i18n.T("roster.ags.zero.number", s)
		}
		e.notes.add(rc.at, msg, i18n.T("roster.ags.zero.hint"))
		return "0" + s, true
	}
	hint := i18n.T("roster.ags.hint")
	if len(s) == 7 {
		hint = i18n.T("roster.ags.seven.hint")
	}
	e.probs.add(rc.at, i18n.T("roster.ags.digits", s, len(s)), hint)
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
				e.probs.add(rc.at, i18n.T("roster.date.serial", numberText(s)), i18n.T("roster.date.serial.hint"))
			}
			return d, ok
		}
		if f == math.Trunc(f) && f >= 1000 && f <= 9999 {
			return brochure.Date{Year: int(f)}, true
		}
		e.probs.add(rc.at, i18n.T("roster.date.number", numberText(s)), hintDate)
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
		if d, ok, why := textDate(s); ok {
			return d, true
		} else if !why.IsZero() {
			e.probs.add(rc.at, i18n.T("roster.date.why", s, why), hintDate)
			return brochure.Date{}, false
		}
	}
	e.probs.add(rc.at, i18n.T("roster.date.not", s), hintDate)
	return brochure.Date{}, false
}

var (
	dayRE   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d+)$`)
	monthRE = regexp.MustCompile(`^(\d{1,2})\.(\d+)$`)
	yearRE  = regexp.MustCompile(`^\d+$`)
	isoRE   = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
)

// textDate reads a date written as text. When the text has a date's form but is no date, why
// says why.
func textDate(s string) (d brochure.Date, ok bool, why i18n.Text) {
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
		return brochure.Date{}, false, i18n.Text{}
	}
	if year != "" && len(year) != 4 {
		return brochure.Date{}, false, i18n.T("roster.date.year4")
	}
	d, err := brochure.ParseDate(iso)
	if err != nil {
		return brochure.Date{}, false, i18n.T("roster.date.nosuch")
	}
	return d, true, i18n.Text{}
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

// isUnknownLeaving reports whether a cell of the column Ausgeschieden says that the date is
// unknown: „—“ as the roster writes it, a dash typed in its place, or the word itself.
func isUnknownLeaving(rc rawCell) bool {
	if rc.kind != rawText {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(rc.text)) {
	case unknownDate, "-", "–", "unbekannt", brochure.LeftUnknown:
		return true
	}
	return false
}
