package layout

import (
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestLooseNotesAreBounded checks the notes of a page with many loose lines: the first eight
// are noted (the first with the hint), one more note counts the rest; a page of fewer than ten
// justified lines, whose median is no measure, gets none.
func TestLooseNotesAreBounded(t *testing.T) {
	n, err := brochure.Load(testkit.NetworkName, testkit.Network)
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{n: n}
	page := func(even, loose int) Page {
		pg := Page{Name: "inside", Panels: []Panel{{Name: "inside 2", X: 0, W: 100}}}
		line := func(gap float64, justified bool) *Line {
			l := &Line{Size: 9, Space: 1, Justified: justified, Path: "leaflet.blocks[0].paragraphs[0]"}
			for i := range 4 {
				l.Words = append(l.Words, Word{Text: "Wort", X: 7 + float64(i)*(10+gap), W: 10})
			}
			return l
		}
		for range even {
			pg.Items = append(pg.Items, line(1, true))
		}
		for range loose {
			pg.Items = append(pg.Items, line(2, true))
		}
		pg.Items = append(pg.Items, line(1, false))
		return pg
	}
	notes := b.looseNotes(&Plan{Pages: []Page{page(14, 11)}})
	if len(notes) != maxNoted+1 {
		t.Fatalf("%d notes, want %d:\n%v", len(notes), maxNoted+1, notes)
	}
	for i, d := range notes[:maxNoted] {
		msg := d.Format(i18n.English)
		if !strings.Contains(msg, "panel inside 2: line ") || !strings.Contains(msg, "100 % wider") || d.Hint.IsZero() != (i > 0) {
			t.Errorf("note %d: %s", i, msg)
		}
	}
	if got := notes[maxNoted].Format(i18n.English); !strings.HasSuffix(got, ": and 3 more lines are set loose") {
		t.Errorf("last note: %s", got)
	}
	if notes := b.looseNotes(&Plan{Pages: []Page{page(5, 4)}}); len(notes) != 0 {
		t.Errorf("a page of 9 lines: %v", notes)
	}
}
