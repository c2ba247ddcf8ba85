package roster

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// readCSV parses a roster CSV file as a program would: it checks and drops the byte order
// mark and reads semicolon-separated records.
func readCSV(t testing.TB, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(bom)) {
		t.Fatalf("no UTF-8 byte order mark at the start")
	}
	r := csv.NewReader(bytes.NewReader(data[len(bom):]))
	r.Comma = ';'
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v", err)
	}
	return records
}

// csvDump shows every file as its name and records, one per line, cells joined by " | ".
func csvDump(t testing.TB, files []brochure.File) string {
	var b strings.Builder
	for _, f := range files {
		b.WriteString("file " + f.Name + "\n")
		for _, rec := range readCSV(t, f.Data) {
			b.WriteString("  " + strings.Join(rec, " | ") + "\n")
		}
	}
	return b.String()
}

func TestCSVGolden(t *testing.T) {
	files, err := CSVFiles(testNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "testdata/default.csv.golden", csvDump(t, files))
}

func TestCSVFormat(t *testing.T) {
	files, err := CSVFiles(testNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		body := f.Data[len(bom):]
		if bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) || !bytes.HasSuffix(body, []byte("\r\n")) {
			t.Errorf("%s: lines do not all end in CRLF", f.Name)
		}
		header, _, _ := bytes.Cut(body, []byte("\r\n"))
		if !bytes.Contains(header, []byte(";")) || bytes.Contains(header, []byte(",")) {
			t.Errorf("%s: header %q is not separated by semicolons", f.Name, header)
		}
	}
	want := "roster-mitglieder.csv roster-ehemalige-mitglieder.csv roster-programmgebiete.csv roster-institutionen.csv roster-geschaeftsstelle.csv roster-quellen.csv"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files %s, want %s", got, want)
	}
	members := readCSV(t, files[0].Data)
	if got := members[1][:2]; got[0] != "Aachen" || got[1] != "05334002" {
		t.Errorf("first member %q, want Aachen with AGS 05334002 (leading zero kept)", got)
	}
	former := readCSV(t, files[1].Data)
	if len(former) != 4 || former[0][13] != "Ausgeschieden" {
		t.Fatalf("former members: %q", former)
	}
	for _, rec := range former[1:] {
		if rec[0] == "Münster" && rec[13] != "12.2010" {
			t.Errorf("Münster left %q, want 12.2010 (month known)", rec[13])
		}
	}
}

// TestCSVHostile checks that nothing from the data can start a formula when the CSV is
// opened, and that the original text comes back with RestoreCell.
func TestCSVHostile(t *testing.T) {
	n := hostileNetwork()
	files, err := CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, rec := range readCSV(t, f.Data) {
			for _, c := range rec {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					t.Errorf("%s: cell %q would run as a formula", f.Name, c)
				}
			}
		}
	}
	member := readCSV(t, files[0].Data)[1]
	if member[0] != `'=HYPERLINK("http://example.org","x")` || RestoreCell(member[0]) != n.Members[0].City {
		t.Errorf("city cell %q", member[0])
	}
	if member[6] != "'=1+1" || member[9] != "'\t=2" {
		t.Errorf("contact cells %q, %q", member[6], member[9])
	}
	inst := readCSV(t, files[3].Data)[1]
	if inst[0] != "''=quoted" || RestoreCell(inst[0]) != "'=quoted" {
		t.Errorf("institution cell %q", inst[0])
	}
}

func TestInertCell(t *testing.T) {
	for in, want := range map[string]string{
		"":         "",
		"Essen":    "Essen",
		"=1+1":     "'=1+1",
		"+49 201":  "'+49 201",
		"-5":       "'-5",
		"@SUM(A1)": "'@SUM(A1)",
		"\t=1":     "'\t=1",
		"\r=1":     "'\r=1",
		"'=1":      "''=1",
		"'Essen":   "'Essen",
		"'":        "'",
		"a=b":      "a=b",
	} {
		got := InertCell(in)
		if got != want {
			t.Errorf("InertCell(%q) = %q, want %q", in, got, want)
		}
		if back := RestoreCell(got); back != in {
			t.Errorf("RestoreCell(%q) = %q, want %q", got, back, in)
		}
	}
}

// FuzzCSV checks the round trip of any cells: written as a roster CSV sheet, parsed with
// encoding/csv (';'), every cell comes back as written after RestoreCell, with its line
// breaks (CRLF, CR) as LF; and no cell begins with a formula character.
func FuzzCSV(f *testing.F) {
	f.Add("Essen", "05113000", "=1+1")
	f.Add("'=x", "+49", "a;b\"c\r\nd")
	f.Add("", " lead", "\t")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		in := []string{a, b, c}
		s := sheet{
			columns: []column{{header: "A"}, {header: "B"}, {header: "C"}},
			rows:    1,
			each:    func(emit func([]cell) error) error { return emit([]cell{{text: a}, {text: b}, {text: c}}) },
		}
		var buf bytes.Buffer
		if err := writeCSV(&buf, s); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(buf.Bytes()[len(bom):]))
		r.Comma = ';'
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("parse %q: %v", buf.Bytes(), err)
		}
		if len(records) != 2 || len(records[1]) != 3 {
			t.Fatalf("records %q from %q", records, buf.Bytes())
		}
		for i, got := range records[1] {
			if got != "" && strings.IndexByte(formulaStarts, got[0]) >= 0 {
				t.Errorf("cell %q begins with a formula character", got)
			}
			want := strings.ReplaceAll(strings.ReplaceAll(in[i], "\r\n", "\n"), "\r", "\n")
			if back := RestoreCell(got); back != want {
				t.Errorf("cell %q came back as %q (read %q)", in[i], back, got)
			}
		}
	})
}
