package pdfua_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfua"
	"github.com/staedtenetz-nrw/brochure/fonts"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// sample writes one page with a heading (MCID 0), a paragraph (MCID 1) whose link word
// (MCID 2) carries a link annotation, and a rule as an artifact.
func sample(t *testing.T) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A5", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.AddUTF8FontFromBytes("Open Sans", "", fonts.Regular)
	pdf.SetFont("Open Sans", "", 12)
	pdf.AddPage()
	pdf.RawWriteStr("/H1 <</MCID 0>> BDC")
	pdf.Text(20, 20, "Städtenetz")
	pdf.RawWriteStr("EMC /Artifact BMC")
	pdf.Line(20, 22, 100, 22)
	pdf.RawWriteStr("EMC /P <</MCID 1>> BDC")
	pdf.Text(20, 30, "Mehr unter ")
	pdf.RawWriteStr("EMC /Link <</MCID 2>> BDC")
	pdf.Text(45, 30, "www.soziale-stadt.nrw.de")
	pdf.RawWriteStr("EMC")
	pdf.LinkString(45, 26, 50, 5, "https://www.soziale-stadt.nrw.de")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var date = time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)

var meta = pdfua.Meta{Title: "Städtenetz", Author: "Geschäftsstelle", Lang: "de", Created: date, Modified: date}

// tree is the sample's structure; mcids replaces the paragraph's MCIDs, annot its link.
func tree(mcids []int, annot *pdfua.Annot) *pdfua.Node {
	p := &pdfua.Node{Role: "P"}
	for _, id := range mcids {
		p.Kids = append(p.Kids, &pdfua.Node{Page: 1, MCID: id})
	}
	p.Kids = append(p.Kids, &pdfua.Node{Role: "Link", Annot: annot, Kids: []*pdfua.Node{{Page: 1, MCID: 2}}})
	return &pdfua.Node{Role: "Document", Kids: []*pdfua.Node{
		{Role: "H1", Kids: []*pdfua.Node{{Page: 1, MCID: 0}}},
		p,
	}}
}

func TestFinish(t *testing.T) {
	link := &pdfua.Annot{Page: 1, Index: 0, Contents: "www.soziale-stadt.nrw.de"}
	out, err := pdfua.Finish(sample(t), tree([]int{1}, link), meta)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := pdfua.Finish(sample(t), tree([]int{1}, link), meta)
	if !bytes.Equal(out, again) {
		t.Error("two runs gave different bytes")
	}
	name := filepath.Join(t.TempDir(), "ua.pdf")
	if err := os.WriteFile(name, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if check := testkit.Run(t, "qpdf", "--check", name); !strings.Contains(check, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	got := testkit.Run(t, "pdfinfo", "-struct-text", name)
	want := "Document\n  H1 (block)\n    \"Städtenetz\"\n  P (block)\n    \"Mehr unter \"\n    Link (inline)\n      \"www.soziale-stadt.nrw.de\"\n      Object"
	if !strings.HasPrefix(got, want) {
		t.Errorf("pdfinfo -struct-text:\n%s\nwant it to begin\n%s", got, want)
	}
	info := testkit.Run(t, "pdfinfo", name)
	for _, w := range []string{"Tagged:          yes", "PDF version:     1.7", "Title:           Städtenetz"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
}

func TestFinishRefuses(t *testing.T) {
	link := &pdfua.Annot{Page: 1, Index: 0, Contents: "x"}
	for _, tt := range []struct {
		name string
		root *pdfua.Node
		meta pdfua.Meta
		want string
	}{
		{"an MCID twice", tree([]int{1, 0}, link), meta, "marked content 0 on page 1 stands twice"},
		{"an MCID left out", tree(nil, link), meta, "names marked content 2 but only 2 pieces"},
		{"an untagged link", tree([]int{1}, nil), meta, "page 1: annotation 0 is not in the structure"},
		{"a link the page lacks", tree([]int{1}, &pdfua.Annot{Page: 1, Index: 3}), meta, "annotation 0 is not in the structure"},
		{"no language", tree([]int{1}, link), pdfua.Meta{Title: "x"}, "needs the document's language"},
	} {
		_, err := pdfua.Finish(sample(t), tt.root, tt.meta)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
