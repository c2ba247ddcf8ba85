package roster

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// openpyxlCells prints, as JSON, the type and value of every cell of the first sheet.
const openpyxlCells = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
json.dump([[[type(c.value).__name__, str(c.value)] for c in row] for row in ws.iter_rows()], sys.stdout)
`

// TestCSVDoubleClickLibreOffice opens the members' CSV files the way a double-click in a
// German LibreOffice does (semicolon, UTF-8, German locale, columns as "Standard", the Text
// Import dialog's defaults) and records what becomes of the cells, as docs/outputs.md says:
// the AGS loses its leading zero, a day and a year become a date and a number, a decimal
// comma a number. The XLSX, which keeps them all, is the file for people.
func TestCSVDoubleClickLibreOffice(t *testing.T) {
	soffice := testkit.Tool(t, "soffice")
	python := testkit.Tool(t, "/usr/bin/python3")
	files, err := CSVFiles(testNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// 59: semicolon, 34: double quote, 76: UTF-8, 1: from the first line, column formats
	// standard, 1031: German (Germany).
	args := []string{"-env:UserInstallation=file://" + t.TempDir(), "--headless", "--norestore",
		"--infilter=CSV:59,34,76,1,,1031", "--convert-to", "xlsx", "--outdir", dir}
	for _, f := range files[:2] {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	log, _ := exec.Command(soffice, args...).CombinedOutput()
	var got [][][][]string
	for _, f := range files[:2] {
		path := filepath.Join(dir, f.Name)
		out, err := exec.Command(python, "-c", openpyxlCells, path[:len(path)-len(".csv")]+".xlsx").Output()
		if err != nil {
			t.Fatalf("%s: %v\n%s%s", f.Name, err, log, exitText(err))
		}
		var rows [][][]string
		if err := json.Unmarshal(out, &rows); err != nil {
			t.Fatal(err)
		}
		got = append(got, rows)
	}
	members, former := got[0], got[1]
	for _, tc := range []struct {
		what string
		cell []string
		want [2]string
	}{
		{"AGS 05334002", members[1][1], [2]string{"int", "5334002"}},
		{"joined 1999", members[1][4], [2]string{"int", "1999"}},
		{"joined 15.03.1999", members[14][4], [2]string{"datetime", "1999-03-15 00:00:00"}},
		{"latitude 50,773516", members[1][10], [2]string{"float", "50.773516"}},
		{"left 12.2010", former[3][13], [2]string{"str", "12.2010"}},
	} {
		if tc.cell[0] != tc.want[0] || tc.cell[1] != tc.want[1] {
			t.Errorf("%s becomes %q, want %q", tc.what, tc.cell, tc.want)
		}
	}
}
