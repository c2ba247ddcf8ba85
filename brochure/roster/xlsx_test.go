package roster

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// writeXLSXBytes writes the workbook of n to memory.
func writeXLSXBytes(t testing.TB, n *brochure.Network) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, n); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		network *brochure.Network
	}{
		{"default", testNetwork(t)},
		{"hostile", hostileNetwork()},
		{"empty", &brochure.Network{Network: brochure.Info{Name: "Leeres Netz"}, Edition: brochure.Edition{Stand: brochure.Date{Year: 2020}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testkit.Golden(t, filepath.Join("testdata", tc.name+".xlsx.golden"), dumpXLSX(t, writeXLSXBytes(t, tc.network)))
		})
	}
}

// TestXLSXDeterministic writes each workbook twice and compares the bytes; the large one
// spills excelize's streams to temporary files and holds several streamed sheets, whose
// parts excelize hands over in map order.
func TestXLSXDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name    string
		network *brochure.Network
	}{
		{"default", testNetwork(t)},
		{"synthetic-40000", syntheticNetwork(40000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := writeXLSXBytes(t, tc.network), writeXLSXBytes(t, tc.network)
			if !bytes.Equal(a, b) {
				t.Fatalf("two writes of the same network differ (%d and %d bytes)", len(a), len(b))
			}
		})
	}
}
