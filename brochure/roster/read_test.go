package roster

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// apply applies an edit to n, failing the test on problems.
func apply(t testing.TB, e *Edit, n *brochure.Network) *Applied {
	t.Helper()
	a, err := e.Apply(n)
	if err != nil {
		t.Fatalf("apply:\n%v", err)
	}
	return a
}

// TestRoundTrip reads back the roster of the fixture, unedited, as workbook and as CSV
// files: the data file comes back byte for byte.
func TestRoundTrip(t *testing.T) {
	n := testnet.Default(t)
	for name, e := range readBack(t, n) {
		a := apply(t, e, n)
		if len(a.Notes) > 0 {
			t.Errorf("%s: notes on an unedited roster: %v", name, a.Notes)
		}
		out, _, err := update.Rewrite("network.yaml", testkit.Network, n, a.Network)
		if err != nil {
			t.Fatalf("%s: %v", name, a.Relocate(err))
		}
		if !bytes.Equal(out, testkit.Network) {
			t.Errorf("%s: the data file changed although the roster was not edited", name)
		}
	}
}

// TestRoundTripOddValues reads back the roster of a network with values that are hard to
// keep: dates Excel cannot show, an ampersand, more decimals than the roster shows.
func TestRoundTripOddValues(t *testing.T) {
	n := testNetwork(t)
	n.Members[0].Location.Lat += 1e-8
	for name, e := range readBack(t, n) {
		a := apply(t, e, n)
		if path, differ := update.FirstDifference(n, a.Network); differ {
			t.Errorf("%s: the network changed at %s although the roster was not edited", name, path)
		}
	}
}

// TestRoundTripOddFiles builds and reads back the rosters of the odd data files of package
// edition (500 members, emoji, right-to-left text, years 0 and 9999, an 80-character city,
// combining accents, no members): each data file comes back byte for byte.
func TestRoundTripOddFiles(t *testing.T) {
	paths, err := filepath.Glob("../edition/testdata/odd/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no odd files: %v", err)
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n, err := brochure.Load(filepath.Base(path), src)
		if err != nil {
			continue // the files the loader refuses
		}
		t.Run(filepath.Base(path), func(t *testing.T) {
			files, err := CSVFiles(n)
			if err != nil {
				t.Fatal(err)
			}
			for name, e := range map[string]*Edit{"xlsx": ReadXLSX("roster.xlsx", writeXLSXBytes(t, n)), "csv": ReadCSV(files)} {
				a := apply(t, e, n)
				out, _, err := update.Rewrite(filepath.Base(path), src, n, a.Network)
				if err != nil {
					t.Fatalf("%s: %v", name, a.Relocate(err))
				}
				if !bytes.Equal(out, src) {
					t.Errorf("%s: the data file changed:\n%s", name, testkit.LineDiff(string(src), string(out)))
				}
			}
		})
	}
}

// TestPlaceNew puts new cities in German alphabetical order among the cities of the data,
// and after the city they follow where the data is not in that order.
func TestPlaceNew(t *testing.T) {
	rowsOf := func(cities ...string) []*readMember {
		var rows []*readMember
		for i, c := range cities {
			old := i
			if strings.HasPrefix(c, "+") {
				c, old = c[1:], -1
			}
			rows = append(rows, &readMember{old: old, m: brochure.Member{City: c}})
		}
		return rows
	}
	for _, tc := range []struct {
		rows []string
		want string
	}{
		{[]string{"Aachen", "Bonn", "Essen", "+Bochum", "+Zülpich", "+Ahlen", "+Öhringen"}, "Aachen Ahlen Bochum Bonn Essen Öhringen Zülpich"},
		{[]string{"Münster", "Mönchengladbach", "Aachen", "+Moers"}, "Moers Münster Mönchengladbach Aachen"},
		{[]string{"+Köln", "+Bonn"}, "Bonn Köln"},
	} {
		rows := rowsOf(tc.rows...)
		order := make([]int, len(rows))
		for i := range order {
			order[i] = i
		}
		var got []string
		for _, r := range placeNew(rows, order) {
			got = append(got, r.m.City)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: got %q, want %q", tc.rows, strings.Join(got, " "), tc.want)
		}
	}
}

// readBack writes the roster of n as workbook and as CSV files and reads each back, unedited.
func readBack(t *testing.T, n *brochure.Network) map[string]*Edit {
	t.Helper()
	files, err := CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Edit{
		"xlsx": ReadXLSX("roster.xlsx", writeXLSXBytes(t, n)),
		"csv":  ReadCSV(files),
	}
}
