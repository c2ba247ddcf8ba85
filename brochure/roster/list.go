package roster

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// WritePDF writes the printed member list of n to w: an A4 portrait PDF with the network,
// the Stand and the counts, then tables of the current members (city, Kreis, member since,
// programme areas, contact), the former members (with the date they left) and the
// institutions, the office and the sources' credit lines. It is set in the leaflet's fonts
// with the same typesetting; every page repeats the running head, a table's header row is
// repeated on every page it runs onto, a row is never split across pages, and the foot
// says "Seite X von Y". Text the fonts cannot set, and a row higher than a page, come back
// as brochure.Diagnostics. The same network gives the same bytes.
func WritePDF(w io.Writer, n *brochure.Network) error {
	plan, err := layoutList(n)
	if err != nil {
		return err
	}
	return paintList(w, n, plan)
}

// CheckPDF lays the member list of n out without painting it, and reports what WritePDF
// would report about the data.
func CheckPDF(n *brochure.Network) error {
	_, err := layoutList(n)
	return err
}

// paintList paints the plan with fpdf.
func paintList(w io.Writer, n *brochure.Network, plan *listPlan) error {
	stand := n.Edition.Stand.First()
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: listPageW, Ht: listPageH}})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(stand)
	pdf.SetModificationDate(stand)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	author := n.Network.Author
	if author == "" {
		author = n.Office.Host
	}
	pdf.SetTitle(n.Network.Name+" – Mitgliederverzeichnis", true)
	pdf.SetSubject("Mitgliederverzeichnis, Stand: "+n.Edition.Stand.German(), true)
	pdf.SetAuthor(author, true)
	pdf.SetKeywords(keywords(n), true)
	pdf.SetCreator("brochure", true)
	pdf.SetProducer("brochure", true)
	if n.Edition.Language != "" {
		pdf.SetLang(n.Edition.Language)
	}
	pdf.SetDisplayMode("fullwidth", "OneColumn")
	for _, f := range fonts.Faces {
		pdf.AddUTF8FontFromBytes(listFamily(f.Name), "", f.Data)
	}
	total := strconv.Itoa(len(plan.pages))
	for i, pg := range plan.pages {
		pdf.AddPage()
		for _, t := range plan.head {
			paintText(pdf, t)
		}
		paintRule(pdf, listRule{x: listMarginX, y: plan.headRule, w: listContentW, weight: listRuleThin})
		for _, m := range pg.marks {
			pdf.Bookmark(m.title, 0, m.y)
		}
		for _, r := range pg.rules {
			paintRule(pdf, r)
		}
		for _, t := range pg.texts {
			paintText(pdf, t)
		}
		foot := "Seite " + strconv.Itoa(i+1) + " von " + total
		pdf.SetFont(listFamily(lsSmall.font), "", lsSmall.size)
		fw := pdf.GetStringWidth(foot)
		setGrey(pdf, true)
		pdf.Text(listPageW-listMarginX-fw, listFootBaseline, foot)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("paint %s: %w", listFile, err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("paint %s: %w", listFile, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// listFamily is the name fpdf knows an embedded face by.
func listFamily(face string) string { return "OpenSans-" + face }

// paintText paints one line, and its link.
func paintText(pdf *fpdf.Fpdf, t listText) {
	if len(t.words) == 0 {
		return
	}
	pdf.SetFont(listFamily(t.style.font), "", t.style.size)
	setGrey(pdf, t.style.grey)
	for _, w := range t.words {
		pdf.Text(t.x+w.X, t.baseline, w.Text)
	}
	if t.link != "" {
		h := t.style.leading
		pdf.LinkString(t.x, t.baseline-0.75*h, t.width(), h, t.link)
	}
}

// setGrey makes text black or grey.
func setGrey(pdf *fpdf.Fpdf, grey bool) {
	if grey {
		pdf.SetTextColor(89, 89, 89)
		return
	}
	pdf.SetTextColor(0, 0, 0)
}

// paintRule paints a horizontal rule.
func paintRule(pdf *fpdf.Fpdf, r listRule) {
	pdf.SetDrawColor(128, 128, 128)
	if r.weight >= listRuleHead {
		pdf.SetDrawColor(0, 0, 0)
	}
	pdf.SetLineWidth(r.weight)
	pdf.Line(r.x, r.y, r.x+r.w, r.y)
}

// keywords are the keywords of the roster's documents, the workbook's and the member
// list's: the network's short name and what they hold.
func keywords(n *brochure.Network) string {
	k := "Mitgliederverzeichnis, Mitglieder, Programmgebiete"
	if n.Network.ShortName != "" {
		k = n.Network.ShortName + ", " + k
	}
	return k
}
