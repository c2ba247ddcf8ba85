package roster

import (
	"slices"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// unknownLeavingNetwork is testNetwork with Krefeld's leaving date unknown (`left: unknown`).
func unknownLeavingNetwork(t *testing.T) *brochure.Network {
	t.Helper()
	n := testNetwork(t)
	for i := range n.Members {
		if n.Members[i].City == "Krefeld" {
			n.Members[i].Left = brochure.Leaving{Unknown: true}
			return n
		}
	}
	t.Fatal("the test network has no Krefeld")
	return nil
}

// TestUnknownLeavingCSV checks that a former member whose leaving date is unknown shows "—"
// in the CSV file of former members, and the others their dates.
func TestUnknownLeavingCSV(t *testing.T) {
	files, err := CSVFiles(unknownLeavingNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, rec := range readCSV(t, files[1].Data)[1:] {
		left = append(left, rec[0]+"="+rec[13])
	}
	if want := []string{"Krefeld=—", "Leverkusen=9999", "Münster=12.2010"}; !slices.Equal(left, want) {
		t.Errorf("former members' leaving %q, want %q", left, want)
	}
}

// TestUnknownLeavingOpenpyxl checks with openpyxl that the workbook shows "—" as text where
// the leaving date is unknown, and a real date where it is known.
func TestUnknownLeavingOpenpyxl(t *testing.T) {
	_, _, sheets := readOpenpyxl(t, writeTemp(t, unknownLeavingNetwork(t), "roster.xlsx"))
	former := sheets[2]
	if former.Title != sheetFormer || len(former.Rows) != 4 {
		t.Fatalf("sheet %q with %d rows, want %q with header and 3", former.Title, len(former.Rows), sheetFormer)
	}
	if got := former.Rows[0][13]; got[1] != "Ausgeschieden" {
		t.Fatalf("column O is %q, want Ausgeschieden", got)
	}
	krefeld, muenster := former.Rows[1], former.Rows[3]
	if krefeld[0][1] != "Krefeld" || !slices.Equal(krefeld[13], pyCell{"str", "—", "@"}) {
		t.Errorf("Krefeld row %q, want left as the text —", krefeld)
	}
	if muenster[0][1] != "Münster" || !slices.Equal(muenster[13], pyCell{"datetime", "2010-12-01 00:00:00", "mm.yyyy"}) {
		t.Errorf("Münster row %q, want left as a date", muenster)
	}
}
