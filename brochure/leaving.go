package brochure

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// LeftUnknown is what the data writes as `left` for a city that has left the network when
// no source gives the date: `left: unknown`.
const LeftUnknown = "unknown"

// Leaving is when a former member left the network: a date known to the year, the month or
// the day, or Unknown when the city has left but no source says when. The zero Leaving means
// that `left` was not given, which for a former member is an error: a missing date is never
// taken for an unknown one.
type Leaving struct {
	Date Date
	// Unknown is set by `left: unknown`.
	Unknown bool
}

// IsZero reports whether `left` was not given at all.
func (l Leaving) IsZero() bool { return l.Date.IsZero() && !l.Unknown }

// String writes the leaving as it is written in the data: a date such as 2012 or 2012-06,
// or unknown.
func (l Leaving) String() string {
	if l.Unknown {
		return LeftUnknown
	}
	return l.Date.String()
}

// ParseLeaving reads a date in any form a Date takes ("2012", "06.2012", "Juni 2012", …) or
// LeftUnknown.
func ParseLeaving(s string) (Leaving, error) {
	l, problem := parseLeaving(s)
	if !problem.IsZero() {
		return Leaving{}, problem
	}
	return l, nil
}

// parseLeaving reads a leaving as ParseLeaving does; problem says what is wrong, if anything.
func parseLeaving(s string) (Leaving, i18n.Text) {
	if strings.TrimSpace(s) == LeftUnknown {
		return Leaving{Unknown: true}, i18n.Text{}
	}
	d, problem := parseDate(s)
	if !problem.IsZero() {
		return Leaving{}, problem
	}
	return Leaving{Date: d}, i18n.Text{}
}

// leavingHint says how to write `left` after a value s that is neither a date nor unknown.
func leavingHint(s string, problem i18n.Text) i18n.Text {
	if strings.ContainsAny(s, "0123456789") {
		return dateHint(problem)
	}
	return i18n.T("leaving.unknown.hint", LeftUnknown)
}
