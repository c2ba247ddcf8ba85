package roster

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// writeTemp writes the workbook of n to a temporary directory.
func writeTemp(t *testing.T, n *brochure.Network, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, writeXLSXBytes(t, n), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openpyxlScript prints, as JSON, what openpyxl reads from every sheet.
const openpyxlScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"creator": wb.properties.creator, "created": wb.properties.created.isoformat(), "keywords": wb.properties.keywords, "sheets": []}
for ws in wb.worksheets:
    pr = ws.sheet_properties.pageSetUpPr
    out["sheets"].append({
        "title": ws.title,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "titles": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paper": str(ws.page_setup.paperSize),
        "fitToPage": bool(pr and pr.fitToPage),
        "fitToWidth": str(ws.page_setup.fitToWidth),
        "footer": [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
        "rows": [[None if c.value is None else [type(c.value).__name__, str(c.value), c.number_format] for c in row] for row in ws.iter_rows()],
        "links": {c.coordinate: c.hyperlink.target for row in ws.iter_rows() for c in row if c.hyperlink},
    })
json.dump(out, sys.stdout)
`

type pyCell = []string

type pySheet struct {
	Title, Freeze, Filter, Titles, Orientation, Paper, FitToWidth string
	FitToPage                                                     bool
	Footer                                                        []string
	Rows                                                          [][]pyCell
	Links                                                         map[string]string
}

// readOpenpyxl reads a workbook with Debian's openpyxl.
func readOpenpyxl(t *testing.T, path string) (creator, created string, sheets []pySheet) {
	t.Helper()
	p, sheets := readOpenpyxlProps(t, path)
	return p.Creator, p.Created, sheets
}

// pyProps are the document properties openpyxl reads.
type pyProps struct{ Creator, Created, Keywords string }

// readOpenpyxlProps reads a workbook's properties and sheets with Debian's openpyxl.
func readOpenpyxlProps(t *testing.T, path string) (pyProps, []pySheet) {
	t.Helper()
	python := testkit.Tool(t, "/usr/bin/python3")
	out, err := exec.Command(python, "-c", openpyxlScript, path).Output()
	if err != nil {
		t.Fatalf("openpyxl cannot read the workbook: %v\n%s", err, exitText(err))
	}
	var got struct {
		pyProps
		Sheets []pySheet
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	return got.pyProps, got.Sheets
}

func exitText(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

func TestOpenpyxlReadsWorkbook(t *testing.T) {
	creator, created, sheets := readOpenpyxl(t, writeTemp(t, testNetwork(t), "roster.xlsx"))
	if creator != "Stadt Essen" || created != "2015-06-01T00:00:00" {
		t.Errorf("properties: creator %q, created %q", creator, created)
	}
	var titles []string
	for _, s := range sheets {
		titles = append(titles, s.Title)
		if s.Orientation != "landscape" || s.Paper != "9" || !s.FitToPage || s.FitToWidth != "1" {
			t.Errorf("%s: print set-up %s paper %s fitToPage %v fitToWidth %s", s.Title, s.Orientation, s.Paper, s.FitToPage, s.FitToWidth)
		}
		if want := []string{"&A", "Stand: Juni 2015", "Seite &P von &N"}; !slices.Equal(s.Footer, want) {
			t.Errorf("%s: footer %q, want %q", s.Title, s.Footer, want)
		}
		if s.Title == sheetOverview {
			continue
		}
		if s.Freeze != "A2" || s.Filter == "" || s.Titles != "$1:$1" {
			t.Errorf("%s: freeze %q, filter %q, print titles %q", s.Title, s.Freeze, s.Filter, s.Titles)
		}
	}
	want := []string{sheetOverview, sheetMembers, sheetFormer, sheetAreas, sheetInstitutions, sheetOffice, sheetSources}
	if !slices.Equal(titles, want) {
		t.Fatalf("sheets %q, want %q", titles, want)
	}
	members := sheets[1]
	if len(members.Rows) != 29 {
		t.Errorf("members: %d rows, want header and 28", len(members.Rows))
	}
	aachen := members.Rows[1]
	if !slices.Equal(aachen[1], pyCell{"str", "05334002", "@"}) {
		t.Errorf("AGS cell %q, want text 05334002", aachen[1])
	}
	if !slices.Equal(aachen[4], pyCell{"datetime", "1999-01-01 00:00:00", "yyyy"}) {
		t.Errorf("joined cell %q, want a date shown as year", aachen[4])
	}
	if got := members.Links["I15"]; got != "mailto:staedtenetz@amt68.essen.de" {
		t.Errorf("link of I15 %q", got)
	}
	muenster := sheets[2].Rows[3]
	if muenster[0][1] != "Münster" || !slices.Equal(muenster[13], pyCell{"datetime", "2010-12-01 00:00:00", "mm.yyyy"}) {
		t.Errorf("Münster row %q", muenster)
	}
	essen := sheets[1].Rows[14]
	if essen[0][1] != "Essen" || !slices.Equal(essen[4], pyCell{"datetime", "1999-03-15 00:00:00", "dd.mm.yyyy"}) {
		t.Errorf("Essen row %q", essen)
	}
	// Excel's dates end in 9999 and are wrong before March 1900: 1850 stays text.
	leverkusen := sheets[2].Rows[2]
	if leverkusen[0][1] != "Leverkusen" || !slices.Equal(leverkusen[13], pyCell{"datetime", "9999-01-01 00:00:00", "yyyy"}) {
		t.Errorf("Leverkusen row %q, want left 9999-01-01 shown as year", leverkusen)
	}
	bonn := members.Rows[4]
	if bonn[0][1] != "Bonn" || !slices.Equal(bonn[4], pyCell{"str", "1850", "@"}) {
		t.Errorf("Bonn row %q, want joined as text 1850", bonn)
	}
}

func TestOpenpyxlHostileIsText(t *testing.T) {
	_, _, sheets := readOpenpyxl(t, writeTemp(t, hostileNetwork(), "hostile.xlsx"))
	row := sheets[1].Rows[1]
	for _, i := range []int{0, 6, 9} {
		if row[i][0] != "str" || strings.HasPrefix(row[i][2], "=") {
			t.Errorf("cell %d %q is not plain text", i, row[i])
		}
	}
	if row[0][1] != `=HYPERLINK("http://example.org","x")` || row[6][1] != "=1+1" {
		t.Errorf("cells %q", row)
	}
	if got := sheets[1].Links["I2"]; got != "mailto:a&b@example.org" {
		t.Errorf("link %q", got)
	}
	if len(sheets[2].Rows) != 1 {
		t.Errorf("former members of a network without any: %d rows, want the header only", len(sheets[2].Rows))
	}
}

// convertLibreOffice converts every sheet of the workbook to CSV (one file per sheet, cells
// as shown) and returns the records by sheet name.
func convertLibreOffice(t *testing.T, path string) map[string][][]string {
	t.Helper()
	soffice := testkit.Tool(t, "soffice")
	out := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1",
		"--outdir", out, path)
	// soffice exits 0 even when it fails: what it wrote is checked below.
	log, _ := cmd.CombinedOutput()
	base := strings.TrimSuffix(filepath.Base(path), ".xlsx")
	sheets := make(map[string][][]string)
	for _, name := range []string{sheetOverview, sheetMembers, sheetFormer, sheetAreas, sheetInstitutions, sheetOffice, sheetSources} {
		f, err := os.Open(filepath.Join(out, base+"-"+name+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no CSV for sheet %s: %v\n%s", name, err, log)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		records, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		sheets[name] = records
	}
	return sheets
}

// TestLibreOfficeMatchesData converts each sheet with LibreOffice and compares it with the
// roster's own CSV files: the same cells, dates shown the German way.
func TestLibreOfficeMatchesData(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    *brochure.Network
	}{{"default", testNetwork(t)}, {"hostile", hostileNetwork()}} {
		t.Run(tc.name, func(t *testing.T) {
			got := convertLibreOffice(t, writeTemp(t, tc.n, tc.name+".xlsx"))
			files, err := CSVFiles(tc.n)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range dataSheets(tc.n) {
				want := readCSV(t, files[i].Data)
				for r, rec := range want {
					for j := range rec {
						rec[j] = RestoreCell(rec[j])
						if r > 0 && s.columns[j].kind == kindDegrees {
							// LibreOffice runs in an English locale here: decimal point
							rec[j] = strings.Replace(rec[j], ",", ".", 1)
						}
					}
				}
				if !slices.EqualFunc(got[s.name], want, slices.Equal) {
					t.Errorf("sheet %s as LibreOffice shows it:\n%q\nwant\n%q", s.name, got[s.name], want)
				}
			}
			overview := got[sheetOverview]
			text := ""
			for _, rec := range overview {
				text += strings.Join(rec, ";") + "\n"
			}
			if tc.name == "default" {
				for _, want := range []string{"Stand;06.2015", "Aktuelle Mitglieder;28", "Ehemalige Mitglieder;3",
					"Programmgebiete;11", "Düsseldorf;10;1;1\nKöln;5;1;5\nMünster;7;1;1\nDetmold;1;0;0\nArnsberg;5;0;4", destatisCredit} {
					if !strings.Contains(text, want) {
						t.Errorf("overview lacks %q:\n%s", want, text)
					}
				}
			}
		})
	}
}
