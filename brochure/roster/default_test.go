package roster

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/data"
)

// TestDefaultDataGolden dumps the roster of the project's default data, data/network.yaml.
func TestDefaultDataGolden(t *testing.T) {
	n, err := brochure.Load(data.NetworkName, data.Network)
	if err != nil {
		t.Fatalf("load the default data: %v", err)
	}
	files, err := CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "network.xlsx.golden", dumpXLSX(t, writeXLSXBytes(t, n)))
	checkGolden(t, "network.csv.golden", csvDump(t, files))
}
