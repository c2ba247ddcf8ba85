package edition

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestFormats builds the default data in every format the data may ask for: each build
// must pass its own preflight (with the bleed asked for) and give all outputs.
func TestFormats(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name         string
		fold         string
		bleed, inset *float64
	}{
		{"wickelfalz bleed 0", brochure.FoldWickelfalz, f(0), f(97)},
		{"wickelfalz bleed 5 inset 96", brochure.FoldWickelfalz, f(5), f(96)},
		{"zickzack", brochure.FoldZickzack, f(3), f(97)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := testnet.Default(t)
			n.Leaflet.Fold, n.Leaflet.BleedMM, n.Leaflet.InsetMM = tc.fold, tc.bleed, tc.inset
			files, err := Files(n)
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 11 {
				t.Errorf("%d files", len(files))
			}
		})
	}
}
