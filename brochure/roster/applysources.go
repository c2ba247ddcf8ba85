package roster

import (
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Columns of the sources sheet.
const (
	colSourceCity = iota
	colSourceAGS
	colSourceURL
)

// sources applies the sources sheet: each row is a web address that documents the
// membership of the member with its AGS (else its city), as the programme areas are matched.
// A member whose rows give the addresses of the data, in any order, keeps its list as it is;
// else its list becomes the addresses of its rows, in the order of the sheet. A member
// without rows has no sources.
func (a *applier) sources(s *rawSheet) {
	a.out.Members = slices.Clone(a.out.Members)
	members := a.out.Members
	groups := a.byMember(s, colSourceCity, colSourceAGS, func(r rawRow, cells []cell) bool {
		if cells[colSourceURL].text == "" {
			a.probs.add(r.cells[colSourceURL].at, i18n.T("roster.empty", "Quelle"), i18n.T("roster.source.hint"))
			return false
		}
		return true
	})
	for k := range members {
		var urls []string
		at := map[string]place{}
		for _, r := range groups[k] {
			u := r.cells[colSourceURL].text
			urls = append(urls, u)
			if _, ok := at[u]; !ok {
				at[u] = r.raw.cells[colSourceURL].at
			}
		}
		if old := a.oldMember(k); old != nil && sameNames(old.Sources, urls) {
			urls = old.Sources
		}
		members[k].Sources = urls
		for n, u := range urls {
			a.places[brochure.Path("members", k, "sources", n)] = at[u]
		}
	}
}
