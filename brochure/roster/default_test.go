package roster

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestDefaultDataGolden dumps the roster of the project's default data, data/network.yaml.
func TestDefaultDataGolden(t *testing.T) {
	n := testnet.Default(t)
	files, err := CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/network.xlsx.golden", dumpXLSX(t, writeXLSXBytes(t, n)))
	testkit.Golden(t, "testdata/network.csv.golden", csvDump(t, files))
}
