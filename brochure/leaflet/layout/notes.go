package layout

import (
	"math"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Notes on loose lines: a page's median needs minNoted lines to be a measure; after
// maxNoted notes one more says how many lines it leaves out.
const (
	minNoted = 10
	maxNoted = 8
)

// looseNotes makes a note of every loose line of the plan's pages (see MeasureEvenness): the
// paragraph's place in the data, the panel, the line's number in its paragraph and text, and
// how much wider its word spaces are than the page's median; the first note says what to do.
// Such a line is no error: the breaker found no more even breaking within its rules, and
// only a change to the text or the layout can give one.
func (b *builder) looseNotes(plan *Plan) brochure.Diagnostics {
	var notes brochure.Diagnostics
	left := 0
	for _, pg := range plan.Pages {
		e, ok := MeasureEvenness(pg)
		if !ok || e.Lines < minNoted {
			continue
		}
		for _, l := range e.Loose {
			if len(notes) == maxNoted {
				left++
				continue
			}
			words := make([]string, len(l.Line.Words))
			for i, w := range l.Line.Words {
				words[i] = w.Text
			}
			wider := int(math.Round(100 * (l.Ratio - 1)))
			var hint i18n.Text
			if len(notes) == 0 {
				hint = i18n.T("layout.loose.hint")
			}
			d := b.n.Diagnostic(l.Line.Path, i18n.T("layout.loose", l.Number, strings.Join(words, " "), wider), hint)
			if pn := panelAt(pg, l.Line.Words[0].X); pn != nil {
				d.Where = append(d.Where, panelLabel(pn.Name))
			}
			notes = append(notes, d)
		}
	}
	if left > 0 {
		notes = append(notes, brochure.Diagnostic{File: b.n.File, Msg: i18n.T("layout.loose.more", left)})
	}
	return notes
}

// panelAt returns the panel of pg that x lies on, or nil.
func panelAt(pg Page, x float64) *Panel {
	for i := range pg.Panels {
		if p := &pg.Panels[i]; x >= p.X && x < p.X+p.W {
			return p
		}
	}
	return nil
}
