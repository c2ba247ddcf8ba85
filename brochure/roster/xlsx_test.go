package roster

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run with -update and read the diff:\n%s", name, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl []byte
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if !bytes.Equal(wl, gl) {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + string(wl) + "\n  got  " + string(gl)
		}
	}
	return ""
}

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
			checkGolden(t, tc.name+".xlsx.golden", dumpXLSX(t, writeXLSXBytes(t, tc.network)))
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
