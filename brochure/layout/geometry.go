package layout

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Sheet and margin sizes in millimetres.
const (
	trimW = 297.0
	trimH = 210.0
	// safety is the distance text keeps from the trim and from every fold.
	safety = 5.0
	// marginTop and marginBottom leave generous white space above and below the content.
	marginTop    = 14.0
	marginBottom = 12.0
	// marginSide is the side margin of the content inside a panel; it is at least safety.
	marginSide = safety
)

// defaults of the leaflet's format.
const (
	defaultBleed = brochure.DefaultBleedMM
	defaultInset = brochure.DefaultInsetMM
)

// format is the leaflet's fold, bleed and panel widths.
type format struct {
	fold  string
	bleed float64
	// outside and inside are the panel widths from left to right.
	outside, inside [3]float64
}

// readFormat reads the fold type, bleed and inset from the data and checks them.
func readFormat(l brochure.Leaflet, pos brochure.Positions) (format, []Error) {
	f := format{fold: l.Fold, bleed: defaultBleed}
	var errs []Error
	if f.fold == "" {
		f.fold = brochure.FoldWickelfalz
	}
	if l.BleedMM != nil {
		f.bleed = *l.BleedMM
		if f.bleed < 0 || f.bleed > 5 {
			errs = append(errs, Error{Pos: pos.At("leaflet.bleed_mm"), Msg: fmt.Sprintf("bleed %g mm is out of range; give 0 to 5 mm", f.bleed)})
			f.bleed = defaultBleed
		}
	}
	inset := defaultInset
	if l.InsetMM != nil {
		inset = *l.InsetMM
		if inset < 90 || inset > 99 {
			errs = append(errs, Error{Pos: pos.At("leaflet.inset_mm"), Msg: fmt.Sprintf("inset %g mm is out of range; give 90 to 99 mm", inset)})
			inset = defaultInset
		}
	}
	switch f.fold {
	case brochure.FoldWickelfalz:
		rest := (trimW - inset) / 2
		f.outside = [3]float64{inset, rest, rest}
		f.inside = [3]float64{rest, rest, inset}
	case brochure.FoldZickzack:
		w := trimW / 3
		f.outside = [3]float64{w, w, w}
		f.inside = f.outside
	default:
		errs = append(errs, Error{Pos: pos.At("leaflet.fold"), Msg: fmt.Sprintf("fold %q is unknown; give wickelfalz or zickzack", f.fold)})
		f.fold = brochure.FoldWickelfalz
		f.outside = [3]float64{defaultInset, 100, 100}
		f.inside = [3]float64{100, 100, defaultInset}
	}
	return f, errs
}

// panelNames name the panels of each side in messages and dumps.
var panelNames = map[string][3]string{
	"outside": {"outside 1 (flap)", "outside 2 (back)", "outside 3 (front)"},
	"inside":  {"inside 1", "inside 2", "inside 3"},
}

// panels cuts one side of the sheet into its panels and returns them with the folds.
func panels(side string, widths [3]float64) ([]Panel, []float64) {
	var ps []Panel
	var folds []float64
	x := 0.0
	for i, w := range widths {
		ps = append(ps, Panel{
			Name:    panelNames[side][i],
			X:       x,
			W:       w,
			Content: Rect{X: x + marginSide, Y: marginTop, W: w - 2*marginSide, H: trimH - marginTop - marginBottom},
		})
		x += w
		if i < 2 {
			folds = append(folds, x)
		}
	}
	return ps, folds
}

// Folds gives the folds of each page of a leaflet in format l (page 1 outside, page 2
// inside), in mm from the left trim, as the preflight wants them.
func Folds(l brochure.Leaflet) map[int][]float64 {
	f, _ := readFormat(l, nil)
	_, out := panels("outside", f.outside)
	_, in := panels("inside", f.inside)
	return map[int][]float64{1: out, 2: in}
}
