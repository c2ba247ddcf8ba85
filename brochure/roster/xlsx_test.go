package roster

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/xuri/excelize/v2"
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

// TestChangesSheet dumps the sheet of changes that a roster made with an earlier edition
// carries: the counts, then a row per change, in German.
func TestChangesSheet(t *testing.T) {
	old, n := testNetwork(t), testNetwork(t)
	n.Edition.Stand = brochure.Date{Year: 2024, Month: 7}
	n.Members[1].Status, n.Members[1].Left = brochure.StatusFormer, brochure.Leaving{Date: brochure.Date{Year: 2024, Month: 6, Day: 30}}
	n.Members[2].Contact = &brochure.Person{Name: "Erika Muster", Email: "e.muster@example.org"}
	n.Members[0].Areas = append(n.Members[0].Areas[:1:1], brochure.Area{Name: "Aachen-Süd", Since: brochure.Date{Year: 2023}})
	n.Members = append(n.Members[:5:5], n.Members[6:]...)
	n.Office.People[1].Role = "Sachbearbeitung"
	l := changes.Between(old, n)
	var buf bytes.Buffer
	if err := WriteXLSXWithChanges(&buf, n, &l); err != nil {
		t.Fatal(err)
	}
	dump := dumpXLSX(t, buf.Bytes())
	start := strings.Index(dump, "\nsheet \""+sheetChanges+"\"")
	end := strings.Index(dump[start+1:], "\nsheet ")
	if start < 0 || end < 0 {
		t.Fatalf("no sheet %q after the overview:\n%s", sheetChanges, dump)
	}
	testkit.Golden(t, filepath.Join("testdata", "changes.xlsx.golden"), dump[start+1:start+1+end])
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

// TestLongTextsWrap checks that the rows whose long texts wrap are as high as their lines,
// since not every spreadsheet grows them on its own, and that plain rows keep the default.
func TestLongTextsWrap(t *testing.T) {
	n := testNetwork(t)
	n.Members[0].Note = strings.Repeat("eine lange Anmerkung ", 8)
	f, err := excelize.OpenReader(bytes.NewReader(writeXLSXBytes(t, n)))
	if err != nil {
		t.Fatal(err)
	}
	high, err := f.GetRowHeight(sheetMembers, 2)
	if err != nil {
		t.Fatal(err)
	}
	if high < 4*lineHeight {
		t.Errorf("a row with a 168-character note in a 32-character column is %.2f pt high, want at least 4 lines", high)
	}
	st, _ := f.GetCellStyle(sheetMembers, "M2")
	if s, _ := f.GetStyle(st); s == nil || s.Alignment == nil || !s.Alignment.WrapText {
		t.Error("the note does not wrap")
	}
}
