package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// checkOverview notes every edit of the overview sheet: it is written from the data file
// (the network, the Stand, the office's websites, the sources) and not read back, so an edit
// there is not applied and must not go unnoticed. The counts are left out: they follow from
// the lists and are written anew by the next build.
func (e *Edit) checkOverview(n *brochure.Network) {
	if e.overview == nil {
		return
	}
	defs := sheetDefs()
	if e.withChanges {
		defs = append([]sheet{{name: sheetChanges, columns: changeColumns}}, defs...)
	}
	want := overviewRows(n, defs, styles{})
	rows := max(len(want), len(e.overview))
	var edited []place
	for r := 0; r < rows; r++ {
		var w []ovCell
		var got []rawCell
		if r < len(want) {
			w = want[r]
		}
		if r < len(e.overview) {
			got = e.overview[r]
		}
		for c := 0; c < max(len(w), len(got)); c++ {
			var oc ovCell
			if c < len(w) {
				oc = w[c]
			}
			rc := rawCell{at: e.overviewAt.cellAt(r+1, c+1)}
			if c < len(got) {
				rc = got[c]
			}
			if _, count := oc.value.(int); count || sameOverviewCell(oc, rc) {
				continue
			}
			edited = append(edited, rc.at)
		}
	}
	hint := i18n.T("roster.overview.hint")
	if len(edited) > maxOverviewNotes {
		e.notes.add(edited[0], i18n.T("roster.overview.many", len(edited)), hint)
		return
	}
	for _, at := range edited {
		e.notes.add(at, i18n.T("roster.overview.edited"), hint)
	}
}

// maxOverviewNotes is the most edits of the overview noted one by one; more are noted as one.
const maxOverviewNotes = 3

// sameOverviewCell reports whether a cell of the overview holds what the roster writes.
func sameOverviewCell(oc ovCell, rc rawCell) bool {
	switch v := oc.value.(type) {
	case brochure.Date:
		if v.IsZero() {
			return isEmpty(rc)
		}
		d, ok := (&Edit{}).date(rc)
		return ok && d == v
	case string:
		return rc.formula == "" && textOf(rc.text) == textOf(truncate(v))
	case spanText:
		return sameOverviewCell(ovCell{value: string(v)}, rc)
	case nil:
		return isEmpty(rc)
	}
	return true
}
