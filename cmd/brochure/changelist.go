package main

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// writeChanges writes a change list for people in the run's language: a heading, the
// counts, then one line per change. The values are the documents' own (German dates).
func (c *cli) writeChanges(l changes.List) {
	if l.OldStand == l.NewStand {
		c.println(c.stdout, i18n.T("changes.heading.same", l.NewStand))
	} else {
		c.println(c.stdout, i18n.T("changes.heading", l.OldStand, l.NewStand))
	}
	n := l.Counts
	c.println(c.stdout, i18n.T("changes.counts", count(n.Current), count(n.Former), count(n.Areas), count(n.Institutions)))
	if l.Empty() {
		c.println(c.stdout, i18n.T("changes.none"))
		return
	}
	for _, ch := range l.Changes {
		c.println(c.stdout, i18n.T("changes.line", changeText(ch)))
	}
}

// count writes a count before and after: "31", or "31 → 32".
func count(n [2]int) i18n.Text {
	if n[0] == n[1] {
		return i18n.T("changes.count", n[0])
	}
	return i18n.T("changes.count.changed", n[0], n[1])
}

// changeText words one change.
func changeText(c changes.Change) i18n.Text {
	switch c.Kind {
	case changes.Stand:
		return i18n.T("changes.stand", c.Old, c.New)
	case changes.Joined:
		switch {
		case c.New == brochure.StatusFormer:
			return i18n.T("changes.joined.former", c.Subject, c.Date)
		case c.Date != "":
			return i18n.T("changes.joined.since", c.Subject, c.Date)
		}
		return i18n.T("changes.joined", c.Subject)
	case changes.Left:
		return i18n.T("changes.left", c.Subject, c.Date)
	case changes.Rejoined:
		return i18n.T("changes.rejoined", c.Subject, c.Date)
	case changes.Removed:
		if c.Old == brochure.StatusFormer {
			return i18n.T("changes.removed.former", c.Subject)
		}
		return i18n.T("changes.removed", c.Subject)
	case changes.Member:
		return i18n.T("changes.member", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.AreaAdded:
		if c.New == "" {
			return i18n.T("changes.area.added", c.Subject, c.Field)
		}
		return i18n.T("changes.area.added.span", c.Subject, c.Field, c.New)
	case changes.AreaRemoved:
		if c.Old == "" {
			return i18n.T("changes.area.removed", c.Subject, c.Field)
		}
		return i18n.T("changes.area.removed.span", c.Subject, c.Field, c.Old)
	case changes.Area:
		i := strings.LastIndexByte(c.Field, '.')
		return i18n.T("changes.area", c.Subject, c.Field[:i], c.Field[i+1:], fromTo(c.Old, c.New))
	case changes.InstitutionAdded:
		return i18n.T("changes.institution.added", c.Subject)
	case changes.InstitutionRemoved:
		return i18n.T("changes.institution.removed", c.Subject)
	case changes.Institution:
		return i18n.T("changes.institution", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.Office:
		switch {
		case c.Field == "people" && c.Old == "":
			return i18n.T("changes.office.person.added", c.New)
		case c.Field == "people":
			return i18n.T("changes.office.person.removed", c.Old)
		}
		return i18n.T("changes.office", c.Field, fromTo(c.Old, c.New))
	case changes.Source:
		switch {
		case c.Field == "" && c.Old == "":
			return i18n.T("changes.source.added", c.Subject, c.New)
		case c.Field == "":
			return i18n.T("changes.source.removed", c.Subject)
		}
		return i18n.T("changes.source", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.Text:
		if c.Old != "" || c.New != "" {
			return i18n.T("changes.text.values", c.Subject, c.Field, c.Removed, c.Added, fromTo(c.Old, c.New))
		}
		return i18n.T("changes.text", c.Subject, c.Field, c.Removed, c.Added)
	case changes.Leaflet:
		switch {
		case c.Field == "blocks" && c.Old == "":
			return i18n.T("changes.block.added", c.New)
		case c.Field == "blocks":
			return i18n.T("changes.block.removed", c.Old)
		}
	}
	return i18n.T("changes.value", c.Field, fromTo(c.Old, c.New))
}

// fromTo writes a value's change: "a" → "b", with (none) for an empty value.
func fromTo(old, new string) i18n.Text {
	return i18n.T("changes.fromto", value(old), value(new))
}

// value writes one value of a change in quotes, or (none).
func value(s string) i18n.Text {
	if s == "" {
		return i18n.T("changes.novalue")
	}
	return i18n.T("changes.quoted", s)
}
