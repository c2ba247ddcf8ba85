package roster

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// writePDFBytes writes the member list of n to memory.
func writePDFBytes(t testing.TB, n *brochure.Network) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, n); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writePDFTemp writes the member list of n to a temporary file.
func writePDFTemp(t *testing.T, n *brochure.Network) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "roster.pdf")
	if err := os.WriteFile(path, writePDFBytes(t, n), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfPages returns the text of each page as pdftotext reads it, in its layout.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	text := testkit.Run(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(text, "\f")
	return pages[:len(pages)-1] // after the last page's form feed
}

// TestPDFText compares the text of the member list, as poppler reads it, with the golden
// file: title, counts, the tables in the data's order with their headers, the office and
// the credit lines.
func TestPDFText(t *testing.T) {
	n := testNetwork(t)
	n.Members[1].Contact = &brochure.Person{Name: "Dr. Eva Schmidt-Hohenlimburg", Role: "Leiterin des Amtes für Stadtentwicklung und Wohnen",
		Email: "eva.schmidt-hohenlimburg@stadterneuerung.ahlen.de", Phone: "02382 59-0"}
	n.Members[19].Left = brochure.Leaving{Unknown: true} // Leverkusen
	path := writePDFTemp(t, n)
	testkit.Golden(t, filepath.Join("testdata", "roster.pdf.txt.golden"), strings.Join(pdfPages(t, path), "\f\n"))
	info := testkit.Run(t, "pdfinfo", path)
	for _, want := range []string{"Title:           Städtenetz Soziale Stadt NRW – Mitgliederverzeichnis",
		"Subject:         Mitgliederverzeichnis, Stand: Juni 2015", "Author:          Stadt Essen",
		"CreationDate:    Mon Jun  1 00:00:00 2015 UTC", "Page size:       595.28 x 841.89 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// TestPDFFontsEmbedded checks with pdffonts that both faces are embedded. (fpdf embeds only
// the glyphs used but does not give the fonts the subset prefix pdffonts looks for.)
func TestPDFFontsEmbedded(t *testing.T) {
	out := testkit.Run(t, "pdffonts", writePDFTemp(t, testNetwork(t)))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("want the two Open Sans faces:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if !strings.Contains(strings.ToLower(f[0]), "opensans") || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
}

// TestPDFChecks runs qpdf's structural check and Ghostscript over the member list of 500
// members, and renders its pages: none may be blank.
func TestPDFChecks(t *testing.T) {
	path := writePDFTemp(t, syntheticNetwork(500))
	testkit.Run(t, "qpdf", "--check", path)
	testkit.Run(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-sDEVICE=nullpage", path)
	dir := t.TempDir()
	testkit.Run(t, "pdftoppm", "-r", "20", "-gray", "-f", "1", "-l", "3", path, filepath.Join(dir, "p"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	if len(pngs) != 3 {
		t.Fatalf("rendered %d pages, want 3", len(pngs))
	}
	for _, p := range pngs {
		img, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.ContainsFunc(img[20:], func(r rune) bool { return r < 128 }) {
			t.Errorf("%s is blank", p)
		}
	}
}

// TestPDF500Paginates lays out 500 members and reads the pages back: every page has the
// running head and "Seite X von Y", every page of a table has its header row, every member
// appears once, and a member's row (city, contact, e-mail and phone) is never split across
// pages.
func TestPDF500Paginates(t *testing.T) {
	n := syntheticNetwork(500)
	pages := pdfPages(t, writePDFTemp(t, n))
	if len(pages) < 10 {
		t.Fatalf("%d pages for 500 members", len(pages))
	}
	city := regexp.MustCompile(`Stadt (\d{6})`)
	seen := map[int]int{}
	for i, pg := range pages {
		lines := strings.Split(strings.TrimLeft(pg, "\n"), "\n")
		if !strings.HasPrefix(lines[0], "Synthetisches Netz") || !strings.HasSuffix(lines[0], "Mitgliederverzeichnis · Stand: 01.01.2025") {
			t.Errorf("page %d: running head %q", i+1, lines[0])
		}
		if want := fmt.Sprintf("Seite %d von %d", i+1, len(pages)); !strings.Contains(pg, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		cities := city.FindAllStringSubmatch(pg, -1)
		if len(cities) > 0 && !regexp.MustCompile(`(?m)^Stadt +Kreis +Mitglied seit +(Programmgebiete +Ansprechperson|Ausgeschieden +Programmgebiete)$`).MatchString(pg) {
			t.Errorf("page %d has rows of members but no header row:\n%s", i+1, pg)
		}
		for _, c := range cities {
			k, _ := strconv.Atoi(c[1])
			seen[k]++
			if n.Members[k].Current() {
				for _, want := range []string{fmt.Sprintf("Person %d\n", k), n.Members[k].Contact.Email, n.Members[k].Contact.Phone} {
					if !strings.Contains(pg, want) {
						t.Errorf("page %d: the row of Stadt %06d lacks %q: split across pages?", i+1, k, want)
					}
				}
			}
		}
	}
	for k := range n.Members {
		if seen[k] != 1 {
			t.Errorf("Stadt %06d appears %d times", k, seen[k])
		}
	}
}

// TestPDFDeterministic writes the member list twice: the same bytes.
func TestPDFDeterministic(t *testing.T) {
	n := testNetwork(t)
	if !bytes.Equal(writePDFBytes(t, n), writePDFBytes(t, n)) {
		t.Fatal("two writes of the same network differ")
	}
}

// TestPDFProblems checks that what the list cannot set is reported at its place in the
// data, all at once, and nothing is written: a character the font lacks, a row higher than
// a page.
func TestPDFProblems(t *testing.T) {
	n := testNetwork(t)
	n.File = "net.yaml"
	n.Positions = brochure.Positions{"members[2].kreis": {Line: 40, Column: 12}, "members[3].areas": {Line: 50, Column: 5}}
	n.Members[2].Kreis = "Städteregion Aachen 🏙"
	n.Members[4].Contact = &brochure.Person{Name: "Anna", Role: "Leitung ☃"}
	for i := range 400 {
		n.Members[3].Areas = append(n.Members[3].Areas, brochure.Area{Name: "Gebiet " + strconv.Itoa(i)})
	}
	var buf bytes.Buffer
	err := WritePDF(&buf, n)
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) || buf.Len() != 0 {
		t.Fatalf("want diagnostics and nothing written, got %v and %d bytes", err, buf.Len())
	}
	got := ds.Error()
	for _, want := range []string{
		"net.yaml:40:12: member \"Baesweiler\" (no. 3), kreis: the font Open Sans regular of the member list (roster.pdf) has no '🏙' (U+1F3D9)\n\thint: remove the character",
		"net.yaml:50:5: member \"Bonn\" (no. 4), areas: the row of Bonn in the member list (roster.pdf) is ",
		"member \"Brühl\" (no. 5), contact.role: the font Open Sans regular of the member list (roster.pdf) has no '☃' (U+2603)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics\n%s\nlack\n%s", got, want)
		}
	}
	if len(ds) != 3 {
		t.Errorf("%d diagnostics, want 3:\n%s", len(ds), got)
	}
	if CheckPDF(n) == nil {
		t.Error("CheckPDF finds no problem")
	}
}

// TestPDFLongWords checks that an address or a word too long for its column is broken
// rather than refused or drawn across the next column.
func TestPDFLongWords(t *testing.T) {
	n := testNetwork(t)
	long := strings.Repeat("x", 120)
	n.Members[0].Contact = &brochure.Person{Name: long, Email: "ein.sehr.langer.name.fuer.eine.adresse@stadtverwaltung-irgendwo.example.org"}
	plan, err := layoutList(n)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, tx := range plan.pages[0].texts {
		if tx.width() > 48-2*listPadX+0.01 && tx.x > listMarginX+100 {
			t.Errorf("line %v is %.1f mm wide in a column of %.1f mm", tx.words, tx.width(), 48-2*listPadX)
		}
		if tx.x > listMarginX+100 && len(tx.words) == 1 {
			lines = append(lines, tx.words[0].Text)
		}
	}
	joined := strings.Join(lines, "")
	if !strings.Contains(joined, long) || !strings.Contains(joined, n.Members[0].Contact.Email) {
		t.Errorf("the broken lines %q do not hold the name and the address", lines)
	}
}

// TestPDFOddNetworks writes the member list of a network whose texts a spreadsheet would
// take for formulas (they are printed as they are) and of an empty one (its tables say
// "keine").
func TestPDFOddNetworks(t *testing.T) {
	hostile := strings.Join(pdfPages(t, writePDFTemp(t, hostileNetwork())), "")
	for _, want := range []string{`=HYPERLINK("http`, `.org","x")`, "+SUM(1;2)", "=1+1", "a&b@example.org", " =2\n", "'=quoted", "@Host"} {
		if !strings.Contains(hostile, want) {
			t.Errorf("the member list lacks %q:\n%s", want, hostile)
		}
	}
	empty := strings.Join(pdfPages(t, writePDFTemp(t, &brochure.Network{Network: brochure.Info{Name: "Leeres Netz"},
		Edition: brochure.Edition{Stand: brochure.Date{Year: 2020}}})), "")
	for _, want := range []string{"Leeres Netz", "Stand: 2020", "0 aktuelle Mitglieder, 0 ehemalige Mitglieder, 0 Programmgebiete",
		"Aktuelle Mitglieder (0)\nkeine", "Ehemalige Mitglieder (0)\nkeine", "Institutionen\nkeine", "Seite 1 von 1"} {
		if !strings.Contains(empty, want) {
			t.Errorf("the empty member list lacks %q:\n%s", want, empty)
		}
	}
}
