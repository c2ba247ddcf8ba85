package paint_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestPreflight runs the project's preflight over both print variants and the screen file.
func TestPreflight(t *testing.T) {
	plan, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	folds := plan.Folds()
	for _, v := range []paint.Variant{paint.Print, paint.PrintMarks, paint.Screen} {
		b, err := paint.Paint(plan, v)
		if err != nil {
			t.Fatal(err)
		}
		print := v != paint.Screen
		if print {
			for _, key := range []string{"/GTS_PDFXVersion", "/OutputIntents", "/Trapped"} {
				if !bytes.Contains(b, []byte(key)) {
					t.Errorf("%s: lacks %s", v, key)
				}
			}
		}
		rep, err := preflight.Check(b, preflight.Options{PrintFile: print, Folds: folds})
		if err != nil {
			t.Fatalf("%s: preflight: %v", v, err)
		}
		for _, f := range rep.Findings {
			t.Errorf("%s: preflight: %s", v, fmt.Sprint(f))
		}
	}
}
