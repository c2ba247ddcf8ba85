package layout

import (
	"math"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// looseNotes makes a note of every loose line of the plan's pages (see MeasureEvenness): the
// paragraph's place in the data, the panel, the line's text and how much wider its word
// spaces are than the page's median. Such a line is no error: the breaker found no more
// even breaking within its rules, and only a change to the text or the layout can give one.
func (b *builder) looseNotes(plan *Plan) brochure.Diagnostics {
	var notes brochure.Diagnostics
	for _, pg := range plan.Pages {
		e, ok := MeasureEvenness(pg)
		if !ok {
			continue
		}
		for _, l := range e.Loose {
			words := make([]string, len(l.Line.Words))
			for i, w := range l.Line.Words {
				words[i] = w.Text
			}
			wider := int(math.Round(100 * (l.Ratio - 1)))
			d := b.n.Diagnostic(l.Line.Path, i18n.T("layout.loose", l.Number, strings.Join(words, " "), wider), i18n.T("layout.loose.hint"))
			if pn := panelAt(pg, l.Line.Words[0].X); pn != nil {
				d.Where = append(d.Where, panelLabel(pn.Name))
			}
			notes = append(notes, d)
		}
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
