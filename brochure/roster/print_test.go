package roster

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/xuri/excelize/v2"
)

// pdfWord is a word of a PDF page as pdftotext -bbox reads it, with its box in points.
type pdfWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

var (
	bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxPages reads the words of every page of a PDF with pdftotext -bbox.
func bboxPages(t *testing.T, path string) [][]pdfWord {
	t.Helper()
	html := testkit.Run(t, "pdftotext", "-bbox", path, "-")
	var pages [][]pdfWord
	for _, pg := range bboxPage.Split(html, -1)[1:] {
		var words []pdfWord
		for _, m := range bboxWord.FindAllStringSubmatch(pg, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, pdfWord{text: unescapeHTML(m[5]), xMin: f(m[1]), yMin: f(m[2]), xMax: f(m[3]), yMax: f(m[4])})
		}
		pages = append(pages, words)
	}
	return pages
}

func unescapeHTML(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// calibrationXLSX is a workbook of one word in the workbook's font and size, printed at
// 100 %: the height pdftotext gives its box is what 10 pt text measures in LibreOffice's PDF.
func calibrationXLSX(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: fontFamily, Size: fontSize}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr("Sheet1", "A1", "Kalibrierung"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Sheet1", "A1", "A1", style); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// printWithLibreOffice prints the workbooks to PDF as a clerk would, with LibreOffice's
// export, and returns the PDFs' paths in the same order.
func printWithLibreOffice(t *testing.T, xlsx ...string) []string {
	t.Helper()
	soffice := testkit.Tool(t, "soffice")
	out := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + t.TempDir(), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", out}, xlsx...)
	// soffice exits 0 even when it fails: what it wrote is checked below.
	log, _ := exec.Command(soffice, args...).CombinedOutput()
	var pdfs []string
	for _, x := range xlsx {
		p := filepath.Join(out, strings.TrimSuffix(filepath.Base(x), ".xlsx")+".pdf")
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("LibreOffice printed no PDF of %s: %v\n%s", x, err, log)
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// busyNetwork is the test network with a contact, a role and a note for every member: the
// member sheets at their widest. (Longer e-mail addresses, which are never broken, would
// make the sheets print smaller; see docs/outputs.md.)
func busyNetwork(t *testing.T) *brochure.Network {
	n := testNetwork(t)
	for i := range n.Members {
		m := &n.Members[i]
		m.Contact = &brochure.Person{Name: "Dr. Margarete Meyer-Hohenlimburg", Role: "Leitung Stadterneuerung",
			Email: "soziale-stadt@" + strings.ToLower(strings.Fields(m.City)[0]) + ".de", Phone: "0201 88-68300"}
		m.Note = "auf der Mitgliederliste des Landesministeriums (um 2010–2012) und im Monitoringbericht 2008"
	}
	return n
}

// TestPrintedSheetsReadable prints the workbook with LibreOffice and measures the text in
// the PDF: every sheet prints one page wide (all its headers on its first page, the header
// row on every page) with no text under 7 pt.
func TestPrintedSheetsReadable(t *testing.T) {
	dir := t.TempDir()
	calibration := filepath.Join(dir, "calibration.xlsx")
	calibrationXLSX(t, calibration)
	cases := map[string]*brochure.Network{"default": testNetwork(t), "busy": busyNetwork(t), "synthetic": syntheticNetwork(300)}
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range cases {
			if !yield(k) {
				return
			}
		}
	})
	paths := []string{calibration}
	for _, name := range names {
		p := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(p, writeXLSXBytes(t, cases[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	pdfs := printWithLibreOffice(t, paths...)
	cal := bboxPages(t, pdfs[0])
	if len(cal) != 1 || len(cal[0]) != 1 {
		t.Fatalf("calibration: %v", cal)
	}
	perPt := (cal[0][0].yMax - cal[0][0].yMin) / fontSize // box height of 1 pt of text
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			checkPrint(t, bboxPages(t, pdfs[i+1]), dataSheets(cases[name]), perPt)
		})
	}
}

// checkPrint checks the pages of a printed workbook: text size, headers on every page.
func checkPrint(t *testing.T, pages [][]pdfWord, sheets []sheet, perPt float64) {
	t.Helper()
	bySheet := map[string][]int{}
	for p, words := range pages {
		if len(words) == 0 {
			t.Errorf("page %d is empty", p+1)
			continue
		}
		sizes := make([]float64, len(words))
		for i, w := range words {
			sizes[i] = (w.yMax - w.yMin) / perPt
		}
		sort.Float64s(sizes)
		if sizes[0] < 7 {
			t.Errorf("page %d: text of %.2f pt (median %.2f pt), want at least 7 pt", p+1, sizes[0], sizes[len(sizes)/2])
		}
		// The footer's left part names the sheet: the lowest words on the left.
		bottom := slices.MaxFunc(words, func(a, b pdfWord) int { return int(a.yMax*100) - int(b.yMax*100) })
		var foot []string
		for _, w := range words {
			if w.yMax > bottom.yMax-1 && w.xMin < 300 && w.text != "Stand:" {
				foot = append(foot, w.text)
			}
		}
		name := strings.Join(foot, " ")
		bySheet[name] = append(bySheet[name], p)
		t.Logf("page %d (%s): smallest text %.2f pt", p+1, name, sizes[0])
	}
	for _, s := range sheets {
		ps := bySheet[s.name]
		if len(ps) == 0 {
			t.Errorf("sheet %s: no page names it in its footer (pages by footer: %v)", s.name, bySheet)
			continue
		}
		for j, p := range ps {
			var text bytes.Buffer
			for _, w := range pages[p] {
				text.WriteString(w.text + " ")
			}
			for _, c := range s.columns {
				for _, word := range strings.Fields(c.header) {
					if !strings.Contains(text.String(), word+" ") {
						t.Errorf("sheet %s, page %d of %d: header %q missing: the sheet does not print one page wide with its header row", s.name, j+1, len(ps), c.header)
					}
				}
			}
		}
	}
}
