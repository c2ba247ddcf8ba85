package roster_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/roster"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestTablesMatchCSV checks that the tables a preview shows hold what the CSV files hold,
// cell for cell, read back with encoding/csv.
func TestTablesMatchCSV(t *testing.T) {
	n := testnet.Default(t)
	files, err := roster.CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	tables := roster.Tables(n)
	if len(tables) != len(files) {
		t.Fatalf("%d tables, %d CSV files", len(tables), len(files))
	}
	rows := 0
	for i, tb := range tables {
		if tb.File != files[i].Name {
			t.Errorf("table %d is %s, CSV file %s", i, tb.File, files[i].Name)
		}
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files[i].Data, []byte("\ufeff"))))
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(recs[0], tb.Header) {
			t.Errorf("%s: header %q, CSV %q", tb.Sheet, tb.Header, recs[0])
		}
		if len(recs)-1 != len(tb.Rows) {
			t.Errorf("%s: %d rows, CSV %d", tb.Sheet, len(tb.Rows), len(recs)-1)
			continue
		}
		for j, row := range tb.Rows {
			for k := range row {
				if want := roster.RestoreCell(recs[j+1][k]); row[k] != want {
					t.Errorf("%s row %d column %s: %q, CSV %q", tb.Sheet, j+1, tb.Header[k], row[k], want)
				}
			}
		}
		rows += len(tb.Rows)
	}
	if tables[0].Sheet != "Mitglieder" || len(tables[0].Rows) != 28 || tables[0].Rows[0][0] != "Aachen" || tables[0].Rows[0][1] != "05334002" {
		t.Errorf("the members' table starts %q with %d rows", tables[0].Rows[0], len(tables[0].Rows))
	}
	if rows < 40 {
		t.Errorf("only %d rows in all tables", rows)
	}
}
