package roster

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// worksheetOrder is the sequence of CT_Worksheet's child elements in ECMA-376 Part 1
// (§18.3.1.99), which Excel insists on: an element out of order makes it "repair" the file.
var worksheetOrder = []string{"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData",
	"sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
	"dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
	"dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
	"rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
	"legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
	"webPublishItems", "tableParts", "extLst"}

// worksheetParts returns the worksheet parts of a workbook by name.
func worksheetParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// children returns the names of the root element's children, in order.
func children(t *testing.T, part []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(part))
	var names []string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if depth == 1 {
				names = append(names, tk.Name.Local)
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

// TestWorksheetElementOrder checks every worksheet's elements against the order of the
// schema, and that each data sheet with numbers kept as text has its ignoredErrors.
func TestWorksheetElementOrder(t *testing.T) {
	for name, parts := range map[string]map[string][]byte{
		"default": worksheetParts(t, writeXLSXBytes(t, testNetwork(t))),
		"hostile": worksheetParts(t, writeXLSXBytes(t, hostileNetwork())),
	} {
		if len(parts) != 7 {
			t.Errorf("%s: %d worksheets", name, len(parts))
		}
		for part, data := range parts {
			got := children(t, data)
			last := -1
			for _, el := range got {
				i := slices.Index(worksheetOrder, el)
				if i < 0 || i <= last {
					t.Errorf("%s %s: element %s out of the schema's order in %v", name, part, el, got)
				}
				last = i
			}
			// sheet1 is the overview, which keeps no numbers as text.
			if name == "default" && part != "xl/worksheets/sheet1.xml" && !slices.Contains(got, "ignoredErrors") {
				t.Errorf("%s %s: no ignoredErrors in %v", name, part, got)
			}
		}
	}
}

// openpyxlIgnored reads the ignoredErrors of every worksheet part with openpyxl's own model
// of the element, by part name: sqref and numberStoredAsText of each ignoredError.
const openpyxlIgnored = `
import json, sys, zipfile
from openpyxl.xml.functions import fromstring
from openpyxl.worksheet.errors import IgnoredErrors
ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
out = {}
for name in z.namelist():
    if name.startswith("xl/worksheets/sheet"):
        el = fromstring(z.read(name)).find(ns + "ignoredErrors")
        out[name] = [] if el is None else [[str(e.sqref), str(e.numberStoredAsText)] for e in IgnoredErrors.from_tree(el).ignoredError]
json.dump(out, sys.stdout)
`

// TestOpenpyxlIgnoredErrorsAndLinks checks with openpyxl which ranges Excel's
// "number stored as text" warning is off for (AGS, phone numbers, postcodes) and that
// websites and sources are links.
func TestOpenpyxlIgnoredErrorsAndLinks(t *testing.T) {
	path := writeTemp(t, testNetwork(t), "roster.xlsx")
	python := testkit.Tool(t, "/usr/bin/python3")
	out, err := exec.Command(python, "-c", openpyxlIgnored, path).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, exitText(err))
	}
	var ignored map[string][][]string
	if err := json.Unmarshal(out, &ignored); err != nil {
		t.Fatal(err)
	}
	// excelize names the parts in the order of the sheets.
	for part, want := range map[string][][]string{
		"xl/worksheets/sheet1.xml": {},
		"xl/worksheets/sheet2.xml": {{"B2:B29 J2:J29", "True"}},
		"xl/worksheets/sheet3.xml": {{"B2:B4 J2:J4", "True"}},
		"xl/worksheets/sheet4.xml": {{"B2:B12", "True"}},
		"xl/worksheets/sheet5.xml": {{"H2:H2", "True"}},
		"xl/worksheets/sheet6.xml": {{"D2:D5 I2:I5", "True"}},
		"xl/worksheets/sheet7.xml": {{"B2:B33", "True"}},
	} {
		if got := ignored[part]; !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: ignoredErrors %q, want %q", part, got, want)
		}
	}
	props, sheets := readOpenpyxlProps(t, path)
	if want := "Soziale Stadt NRW, Mitgliederverzeichnis, Mitglieder, Programmgebiete"; props.Keywords != want {
		t.Errorf("keywords %q, want %q", props.Keywords, want)
	}
	for _, tc := range []struct{ sheet, cell, target string }{
		{sheetOverview, "B5", "https://www.soziale-stadt.nrw.de"},
		{sheetOverview, "C30", "https://www.naturalearthdata.com"},
		{sheetInstitutions, "D2", "https://difu.de"},
		{sheetSources, "C2", ministryList},
		{sheetSources, "C3", "https://soziale-stadt-nrw.de/stadtteile-und-projekte/aachen-nord"},
		{sheetMembers, "I15", "mailto:staedtenetz@amt68.essen.de"},
	} {
		i := slices.IndexFunc(sheets, func(s pySheet) bool { return s.Title == tc.sheet })
		if i < 0 {
			t.Fatalf("no sheet %s", tc.sheet)
		}
		if got := sheets[i].Links[tc.cell]; got != tc.target {
			t.Errorf("%s!%s links to %q, want %q", tc.sheet, tc.cell, got, tc.target)
		}
	}
	if n := len(sheets[slices.IndexFunc(sheets, func(s pySheet) bool { return s.Title == sheetSources })].Rows); n != 33 {
		t.Errorf("sources sheet: %d rows, want the header and one per source of each city (32)", n)
	}
}
