package layout

import (
	"math"

	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// The baseline grid: every panel's text hangs from one grid of half the body's leading,
// counted from the first body line under the content area's top, so that lines of
// neighbouring panels stand level and a heading stands on the same baseline in every panel.

// gridStep is the grid's pitch in mm: half a line of body text.
var gridStep = units.PtToMM(bodyLeading) / 2

// snap returns the first grid line at or below y, for a column whose content starts at top
// and whose first body line's capitals touch top.
func (b *builder) snap(y, top float64) float64 {
	origin := top + b.capHeight(bodySize)
	k := math.Ceil((y-origin)/gridStep - 1e-6)
	return origin + k*gridStep
}

// firstBaseline is where the first line of a column stands when its capitals, cap mm high,
// are to stand as near the column's top as the grid allows.
func (b *builder) firstBaseline(cap, top float64) float64 {
	return b.snap(top+cap, top)
}
