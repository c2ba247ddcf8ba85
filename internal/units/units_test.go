package units

import (
	"math"
	"testing"
)

func TestConversions(t *testing.T) {
	// An A4 page is 210 × 297 mm, 595.28 × 841.89 pt.
	if got := MMToPt(210); math.Abs(got-595.2756) > 1e-3 {
		t.Errorf("210 mm = %g pt", got)
	}
	if got := PtToMM(841.8898); math.Abs(got-297) > 1e-3 {
		t.Errorf("841.89 pt = %g mm", got)
	}
	if got := PtToMM(MMToPt(3.7)); math.Abs(got-3.7) > 1e-12 {
		t.Errorf("round trip: %g", got)
	}
}
