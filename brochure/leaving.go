package brochure

import (
	"fmt"
	"strings"
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

// ParseLeaving reads a date ("2012", "2012-06", "2012-06-30") or LeftUnknown.
func ParseLeaving(s string) (Leaving, error) {
	if strings.TrimSpace(s) == LeftUnknown {
		return Leaving{Unknown: true}, nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return Leaving{}, err
	}
	return Leaving{Date: d}, nil
}

// leavingHint says how to write `left` after a value that is neither a date nor unknown.
func leavingHint(s string) string {
	if strings.ContainsAny(s, "0123456789") {
		return ""
	}
	return fmt.Sprintf("write %s (in small letters) when the city has left but no source gives the year", LeftUnknown)
}
