package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// problemsOf applies an edit to the fixture and returns its problems, one per line; the
// test fails when there are none.
func problemsOf(t *testing.T, e *Edit) string {
	t.Helper()
	_, err := e.Apply(testnet.Default(t))
	if err == nil {
		t.Fatal("the roster was accepted")
	}
	ds, ok := err.(brochure.Diagnostics)
	if !ok {
		t.Fatalf("not diagnostics: %v", err)
	}
	var lines []string
	for _, d := range ds {
		lines = append(lines, d.File+": "+d.Path+": "+d.Msg.String())
	}
	return strings.Join(lines, "\n")
}

// wantProblem checks that the problems name what they should.
func wantProblem(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("the problems do not say %q:\n%s", w, got)
		}
	}
}

// zipOf makes a zip file of the named parts.
func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHostileWorkbooks(t *testing.T) {
	good := writeXLSXBytes(t, testnet.Default(t))
	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"not a zip", []byte("Stadt;AGS\nAachen;05334002\n"), []string{"roster.xlsx: : the file is not an Excel workbook (.xlsx)"}},
		{"empty", nil, []string{"not an Excel workbook"}},
		{"old xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), []string{"old Excel workbook (.xls) or protected by a password"}},
		{"cut short", good[:len(good)/2], []string{"not a readable workbook"}},
		{"zip of something else", zipOf(t, map[string][]byte{"readme.txt": []byte("hello")}), []string{"not a readable workbook"}},
		{"zip bomb", zipOf(t, map[string][]byte{"xl/worksheets/sheet1.xml": bytes.Repeat([]byte(" "), MaxUnpackedSize+1)}),
			[]string{"unpacks to more than 128 MiB (xl/worksheets/sheet1.xml alone has 128 MiB)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantProblem(t, problemsOf(t, ReadXLSX("roster.xlsx", c.data)), c.want...)
		})
	}
}

// TestManyRows refuses a sheet of 100,000 rows before reading its cells, in about a second.
func TestManyRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for _, d := range sheetDefs() {
		if _, err := f.NewSheet(d.name); err != nil {
			t.Fatal(err)
		}
		for i, c := range d.columns {
			ref, _ := excelize.CoordinatesToCellName(i+1, 1)
			f.SetCellStr(d.name, ref, c.header)
		}
	}
	sw, err := f.NewStreamWriter(sheetMembers)
	if err != nil {
		t.Fatal(err)
	}
	header := make([]any, len(memberColumns))
	for i, c := range memberColumns {
		header[i] = c.header
	}
	sw.SetRow("A1", header)
	for r := 2; r <= 100001; r++ {
		ref, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(ref, []any{fmt.Sprintf("Stadt %d", r), fmt.Sprintf("05%06d", r), "kreisfrei", "Köln"})
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got := problemsOf(t, ReadXLSX("roster.xlsx", b.Bytes()))
	wantProblem(t, got, "roster.xlsx: Mitglieder, row 20002: the sheet has more than 20000 data rows")
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refusing took %v", d)
	}
}

func TestHostileCSV(t *testing.T) {
	files, err := CSVFiles(testnet.Default(t))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	members, former := byName["roster-mitglieder.csv"], byName["roster-ehemalige-mitglieder.csv"]
	cases := []struct {
		name  string
		files []brochure.File
		want  []string
	}{
		{"alone", []brochure.File{{Name: "roster-mitglieder.csv", Data: members}},
			[]string{"roster-ehemalige-mitglieder.csv: : the file of former members is missing"}},
		{"not a roster", []brochure.File{{Name: "liste.csv", Data: []byte("Name;Ort\nA;B\n")}},
			[]string{"liste.csv: : the file is not a roster CSV file"}},
		{"binary", []brochure.File{{Name: "x.csv", Data: []byte("Stadt\x00AGS")}}, []string{"NUL bytes"}},
		{"broken quotes", []brochure.File{{Name: "roster-mitglieder.csv", Data: []byte("Stadt;AGS\n\"Aachen;05334002\n")}}, []string{"extraneous or missing \" in quoted-field"}},
		{"twice", []brochure.File{{Name: "a.csv", Data: members}, {Name: "b.csv", Data: members}, {Name: "c.csv", Data: former}},
			[]string{`b.csv: : the file holds the sheet "Mitglieder", as a.csv does`}},
		{"bad cells", []brochure.File{{Name: "roster-mitglieder.csv", Data: bytes.Replace(bytes.Replace(members,
			[]byte("05334002"), []byte("0533400X"), 1), []byte("50,773516"), []byte("fünfzig"), 1)}, {Name: "roster-ehemalige-mitglieder.csv", Data: former}},
			[]string{`roster-mitglieder.csv: B2: AGS "0533400X" is not a number`, `roster-mitglieder.csv: K2: "fünfzig" is not a number of degrees`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantProblem(t, problemsOf(t, ReadCSV(c.files)), c.want...)
		})
	}
}

// TestCSVSavedByExcel reads CSV files as Excel saves them: Windows-1252, the AGS without its
// leading 0, the formula guard's apostrophe where the file had one.
func TestCSVSavedByExcel(t *testing.T) {
	n := testnet.Default(t)
	n.Members[0].Note = "-- nur intern --"
	files, err := CSVFiles(n)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		if f.Name != "roster-mitglieder.csv" {
			continue
		}
		if !bytes.Contains(f.Data, []byte(";'-- nur intern --")) {
			t.Fatalf("the formula guard is missing:\n%s", f.Data[:400])
		}
		data := bytes.Replace(bytes.TrimPrefix(f.Data, []byte(bom)), []byte(";05334002;"), []byte(";5334002;"), 1)
		if files[i].Data, err = charmap.Windows1252.NewEncoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	a := apply(t, ReadCSV(files), n)
	if a.Network.Members[0].AGS != "05334002" || a.Network.Members[0].Note != "-- nur intern --" || a.Network.Members[2].Kreis != "Städteregion Aachen" {
		t.Errorf("read back: %+v", a.Network.Members[0])
	}
	notes := fmt.Sprint(a.Notes)
	wantProblem(t, notes, "read as Windows-1252", "AGS 5334002 has lost its leading 0")
}

// FuzzReadCSV feeds any bytes to the reader as the file of current members: it must never
// panic, and either apply the roster or report problems that name the file.
func FuzzReadCSV(f *testing.F) {
	files, err := CSVFiles(testnet.Default(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(files[0].Data)
	f.Add([]byte("Stadt;AGS\n\"Aachen;05334002\n"))
	f.Add([]byte("\xEF\xBB\xBFStadt,AGS,Kreis\n5334002,x,=1\n"))
	n := testnet.Default(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		e := ReadCSV([]brochure.File{{Name: "roster-mitglieder.csv", Data: data}, files[1]})
		_, err := e.Apply(n)
		if err == nil {
			return
		}
		ds, ok := err.(brochure.Diagnostics)
		if !ok || len(ds) == 0 {
			t.Fatalf("not diagnostics: %v", err)
		}
		for _, d := range ds {
			if d.File == "" || d.Msg.IsZero() {
				t.Fatalf("a problem without its file: %+v", d)
			}
		}
	})
}
