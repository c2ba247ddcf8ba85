package preview

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// BenchmarkSnapshot measures what a save costs the server: read data checked, laid out and
// both pages painted as SVG, the rosters as tables.
func BenchmarkSnapshot(b *testing.B) {
	for b.Loop() {
		if s := makeSnapshot("network.yaml", testkit.Network, nil); !s.OK {
			b.Fatal(s.failure)
		}
	}
}
