package layout

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Sheet and margin sizes in millimetres.
const (
	trimW = 297.0
	trimH = 210.0
	// marginTop and marginBottom leave generous white space above and below the content;
	// the side margins are the safety distance from trim and folds (leaflet.safety_mm).
	marginTop    = 14.0
	marginBottom = 12.0
)

// format is the leaflet's fold, bleed, safety distance and panel widths.
type format struct {
	fold   string
	bleed  float64
	safety float64
	// outside and inside are the panel widths from left to right.
	outside, inside [3]float64
}

// readFormat reads the fold type, bleed and inset of a loaded network (brochure.Load has
// filled in the defaults and checked the ranges).
func readFormat(l brochure.Leaflet) format {
	f := format{fold: l.Fold, bleed: *l.BleedMM, safety: brochure.DefaultSafetyMM}
	if l.SafetyMM != nil {
		f.safety = *l.SafetyMM
	}
	f.outside, f.inside = panelWidths(l)
	return f
}

// panelWidths gives the widths of the panels of the outside and the inside, left to right.
// A wickelfalz's inside mirrors its outside.
func panelWidths(l brochure.Leaflet) (outside, inside [3]float64) {
	if l.Fold == brochure.FoldZickzack {
		w := trimW / 3
		return [3]float64{w, w, w}, [3]float64{w, w, w}
	}
	inset := *l.InsetMM
	rest := (trimW - inset) / 2
	return [3]float64{inset, rest, rest}, [3]float64{rest, rest, inset}
}

// panelNames name the panels of each side in messages and dumps.
var panelNames = map[string][3]string{
	"outside": {"outside 1 (flap)", "outside 2 (back)", "outside 3 (front)"},
	"inside":  {"inside 1", "inside 2", "inside 3"},
}

// panelName names panel i of a side; a zickzack fold has no flap.
func panelName(side string, i int, fold string) string {
	if fold == brochure.FoldZickzack && side == "outside" && i == 0 {
		return "outside 1"
	}
	return panelNames[side][i]
}

// panels cuts one side of the sheet into its panels, with content areas safety mm from the
// trim and the folds, and returns them with the folds.
func panels(side string, widths [3]float64, fold string, safety float64) ([]Panel, []float64) {
	var ps []Panel
	var folds []float64
	x := 0.0
	for i, w := range widths {
		ps = append(ps, Panel{
			Name:    panelName(side, i, fold),
			X:       x,
			W:       w,
			Content: Rect{X: x + safety, Y: marginTop, W: w - 2*safety, H: trimH - marginTop - marginBottom},
		})
		x += w
		if i < 2 {
			folds = append(folds, x)
		}
	}
	return ps, folds
}

// Folds gives the folds of each page of a leaflet in format l (page 1 outside, page 2
// inside), in mm from the left trim, as the preflight wants them. Fold and InsetMM must be
// set, as in a loaded network.
func Folds(l brochure.Leaflet) map[int][]float64 {
	ow, iw := panelWidths(l)
	_, out := panels("outside", ow, l.Fold, brochure.DefaultSafetyMM)
	_, in := panels("inside", iw, l.Fold, brochure.DefaultSafetyMM)
	return map[int][]float64{1: out, 2: in}
}
