// Package changes lists what changed between two editions of the data: members who joined,
// left, came back or were taken off the list, changed contacts, programme areas and other
// values, the institutions, the office, the counts, the Stand and the leaflet's texts (by
// block, with the words added and removed). Between builds the list; it says nothing in any
// language, so the command line words it (and encodes it as JSON for scripts).
package changes

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
)

// Kind says what a change is.
type Kind string

// Kinds of changes, in the order List has them.
const (
	Stand              Kind = "stand"               // the edition's date: Old, New
	Joined             Kind = "joined"              // a member that is new to the list: Subject, New (its status), Date (it joined, or for a former member, it left)
	Left               Kind = "left"                // a current member that became a former one: Subject, Date (it left)
	Rejoined           Kind = "rejoined"            // a former member that became a current one: Subject, Date (it had left)
	Removed            Kind = "removed"             // a member no longer listed: Subject, Old (its status)
	Member             Kind = "member"              // a member's value: Subject, Field, Old, New
	AreaAdded          Kind = "area-added"          // a member's new programme area: Subject, Field (the area), New (its dates)
	AreaRemoved        Kind = "area-removed"        // a programme area no longer listed: Subject, Field, Old
	Area               Kind = "area"                // a programme area's value: Subject, Field (area.since or area.until), Old, New
	InstitutionAdded   Kind = "institution-added"   // Subject
	InstitutionRemoved Kind = "institution-removed" // Subject
	Institution        Kind = "institution"         // an institution's value: Subject, Field, Old, New
	Office             Kind = "office"              // a value of the office: Field, Old, New (a person added or removed: Field "people")
	Network            Kind = "network"             // a value of the network or the edition: Field, Old, New
	Source             Kind = "source"              // a data source: Subject (its id), Field, Old, New
	Text               Kind = "text"                // a text of the leaflet: Subject (the block), Field, Old, New, Added, Removed
	Leaflet            Kind = "leaflet"             // anything else of the leaflet: Field, Old, New
)

// Change is one difference between two editions. Values are written as the documents show
// them: dates in German ("Juni 2015"), lists joined with ", ".
type Change struct {
	Kind    Kind   `json:"kind"`
	Subject string `json:"subject,omitempty"`
	Field   string `json:"field,omitempty"`
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	Date    string `json:"date,omitempty"`
	// Added and Removed count the words added to and removed from a text. Old and New
	// hold a short text whole; of a long one, the words removed and added when they are
	// few, else nothing.
	Added   int `json:"words_added,omitempty"`
	Removed int `json:"words_removed,omitempty"`
}

// Counts are the numbers the leaflet and the rosters print, before and after.
type Counts struct {
	Current, Former, Areas, Institutions [2]int
}

// List is every change between two editions, with the counts of both.
type List struct {
	OldStand string   `json:"old_stand"`
	NewStand string   `json:"new_stand"`
	Counts   Counts   `json:"counts"`
	Changes  []Change `json:"changes"`
}

// Between lists what changed from old to new. Members are paired by AGS, then by city
// (update.Pair), as a roster import pairs them; so are programme areas, institutions and
// people by name, sources and blocks by id.
func Between(old, new *brochure.Network) List {
	oc, nc := old.Count(), new.Count()
	l := List{
		OldStand: old.Edition.Stand.German(), NewStand: new.Edition.Stand.German(),
		Counts: Counts{
			Current:      [2]int{oc.Current, nc.Current},
			Former:       [2]int{oc.Former, nc.Former},
			Areas:        [2]int{oc.Areas, nc.Areas},
			Institutions: [2]int{len(old.Institutions), len(new.Institutions)},
		},
		Changes: []Change{},
	}
	if old.Edition.Stand != new.Edition.Stand {
		l.add(Change{Kind: Stand, Old: l.OldStand, New: l.NewStand})
	}
	l.members(old.Members, new.Members)
	l.institutions(old.Institutions, new.Institutions)
	l.office(old.Office, new.Office)
	l.fields(Network, "", "network", old.Network, new.Network)
	l.fields(Network, "", "edition.language", old.Edition.Language, new.Edition.Language)
	l.sources(old.Sources, new.Sources)
	l.leaflet(old, new)
	return l
}

// add appends a change.
func (l *List) add(c Change) { l.Changes = append(l.Changes, c) }

// Empty reports whether nothing changed.
func (l List) Empty() bool { return len(l.Changes) == 0 }

// members lists the changes of the members: who joined, left, came back or was removed,
// then what changed of each member, in the order of the new data.
func (l *List) members(old, new []brochure.Member) {
	pairs := update.Pair(old, new)
	paired := make([]bool, len(old))
	var later []Change
	for j, i := range pairs {
		m := &new[j]
		if i < 0 {
			c := Change{Kind: Joined, Subject: m.City, New: m.Status, Date: m.Joined.German()}
			if !m.Current() {
				c.Date = leftGerman(m.Left)
			}
			l.add(c)
			continue
		}
		paired[i] = true
		o := &old[i]
		switch {
		case o.Current() && !m.Current():
			l.add(Change{Kind: Left, Subject: m.City, Date: leftGerman(m.Left)})
		case !o.Current() && m.Current():
			l.add(Change{Kind: Rejoined, Subject: m.City, Date: leftGerman(o.Left)})
		}
		sub := &List{}
		a, b := *o, *m
		if o.Status != m.Status {
			a.Status, a.Left, b.Status, b.Left = "", brochure.Leaving{}, "", brochure.Leaving{}
		}
		a.Areas, b.Areas = nil, nil
		sub.fields(Member, m.City, "", a, b)
		sub.areas(m.City, o.Areas, m.Areas)
		later = append(later, sub.Changes...)
	}
	for i := range old {
		if !paired[i] {
			l.add(Change{Kind: Removed, Subject: old[i].City, Old: old[i].Status})
		}
	}
	l.Changes = append(l.Changes, later...)
}

// areas lists the changes of a member's programme areas.
func (l *List) areas(city string, old, new []brochure.Area) {
	pairs := update.Pair(old, new)
	paired := make([]bool, len(old))
	for j, i := range pairs {
		a := new[j]
		if i < 0 {
			l.add(Change{Kind: AreaAdded, Subject: city, Field: a.Name, New: span(a)})
			continue
		}
		paired[i] = true
		for _, c := range diff("", old[i], a) {
			l.add(Change{Kind: Area, Subject: city, Field: a.Name + "." + c.path, Old: c.old, New: c.new})
		}
	}
	for i, p := range paired {
		if !p {
			l.add(Change{Kind: AreaRemoved, Subject: city, Field: old[i].Name, Old: span(old[i])})
		}
	}
}

// leftGerman writes when a former member left as the documents do: "Juni 2015", or
// "unbekannt" for `left: unknown`.
func leftGerman(l brochure.Leaving) string {
	if l.Unknown {
		return "unbekannt"
	}
	return l.Date.German()
}

// span writes the dates of a programme area: "2008–2014", "seit 2008", "bis 2014", or "".
func span(a brochure.Area) string {
	switch {
	case !a.Since.IsZero() && !a.Until.IsZero():
		return a.Since.German() + "–" + a.Until.German()
	case !a.Since.IsZero():
		return "seit " + a.Since.German()
	case !a.Until.IsZero():
		return "bis " + a.Until.German()
	}
	return ""
}

// institutions lists the changes of the institutions.
func (l *List) institutions(old, new []brochure.Institution) {
	pairs := update.Pair(old, new)
	paired := make([]bool, len(old))
	for j, i := range pairs {
		if i < 0 {
			l.add(Change{Kind: InstitutionAdded, Subject: new[j].Name})
			continue
		}
		paired[i] = true
		l.fields(Institution, new[j].Name, "", old[i], new[j])
	}
	for i, p := range paired {
		if !p {
			l.add(Change{Kind: InstitutionRemoved, Subject: old[i].Name})
		}
	}
}

// office lists the changes of the office: its values, and its people by name.
func (l *List) office(old, new brochure.Office) {
	a, b := old, new
	a.People, b.People = nil, nil
	l.fields(Office, "", "", a, b)
	pairs := update.Pair(old.People, new.People)
	paired := make([]bool, len(old.People))
	for j, i := range pairs {
		if i < 0 {
			l.add(Change{Kind: Office, Field: "people", New: person(new.People[j])})
			continue
		}
		paired[i] = true
		l.fields(Office, "", "people["+new.People[j].Name+"]", old.People[i], new.People[j])
	}
	for i, p := range paired {
		if !p {
			l.add(Change{Kind: Office, Field: "people", Old: person(old.People[i])})
		}
	}
}

// person names a person with their role: "Margarete Meyer (Leitung)".
func person(p brochure.Person) string {
	if p.Role == "" {
		return p.Name
	}
	return p.Name + " (" + p.Role + ")"
}

// sources lists the changes of the data sources.
func (l *List) sources(old, new []brochure.Source) {
	pairs := update.Pair(old, new)
	paired := make([]bool, len(old))
	for j, i := range pairs {
		if i < 0 {
			l.add(Change{Kind: Source, Subject: new[j].ID, New: new[j].Credit})
			continue
		}
		paired[i] = true
		l.fields(Source, new[j].ID, "", old[i], new[j])
	}
	for i, p := range paired {
		if !p {
			l.add(Change{Kind: Source, Subject: old[i].ID, Old: old[i].Credit})
		}
	}
}

// fields lists a change of kind k for every value that differs between a and b.
func (l *List) fields(k Kind, subject, prefix string, a, b any) {
	for _, c := range diff(prefix, a, b) {
		l.add(Change{Kind: k, Subject: subject, Field: c.path, Old: c.old, New: c.new})
	}
}
