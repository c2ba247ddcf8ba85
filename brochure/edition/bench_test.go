package edition

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// BenchmarkFiles makes every output of the default data: the leaflet in three variants with
// the preflight of the two print files, the workbook and the CSV files.
func BenchmarkFiles(b *testing.B) {
	n := testnet.Default(b)
	for b.Loop() {
		if _, err := Files(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadAndFiles adds loading and checking the data file to BenchmarkFiles: what
// `brochure build` does apart from writing.
func BenchmarkLoadAndFiles(b *testing.B) {
	for b.Loop() {
		n, err := brochure.Load(testkit.NetworkName, testkit.Network)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Files(n); err != nil {
			b.Fatal(err)
		}
	}
}
