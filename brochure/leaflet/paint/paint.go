package paint

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfua"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// Variant is the kind of PDF file to paint.
type Variant int

// The variants of the leaflet.
const (
	// Print is the print file: CMYK, bleed, no marks.
	Print Variant = iota
	// PrintMarks is the print file on a sheet with a slug that carries crop and fold marks.
	PrintMarks
	// Screen is the file for e-mail and the website: trimmed, RGB, links and outline.
	Screen
)

// String names the variant.
func (v Variant) String() string {
	switch v {
	case Print:
		return "print"
	case PrintMarks:
		return "print with marks"
	case Screen:
		return "screen"
	}
	return fmt.Sprintf("variant %d", int(v))
}

// slug is the margin outside the trim that carries the marks of PrintMarks.
const slug = 10.0

// Paint paints the plan as variant v and returns the PDF file. To make both print files,
// PrintFiles paints once.
func Paint(plan *layout.Plan, v Variant) ([]byte, error) {
	switch v {
	case Screen:
		return screenFile(plan)
	case Print, PrintMarks:
		print, marks, err := PrintFiles(plan)
		if v == Print {
			return print, err
		}
		return marks, err
	}
	return nil, fmt.Errorf("paint: unknown %s", v)
}

// PrintFiles paints the plan once and finishes it twice as PDF/X: the print file, and the
// same on a larger sheet with crop and fold marks in its slug. Their content is the same by
// construction. When the plan asks for duplex, the print file's inside is turned by 180°
// (its /Rotate) for office duplex printers; the file with marks, which goes to print shops
// only, stays upright.
func PrintFiles(plan *layout.Plan) (print, marks []byte, err error) {
	raw, _, err := paint(plan, Print)
	if err != nil {
		return nil, nil, err
	}
	meta := pdfx.Meta{
		Title: plan.Title, Author: plan.Author, Subject: plan.Subject, Creator: "brochure",
		Created: date(plan), Modified: date(plan), Condition: plan.OutputCondition,
		Trim:  pdfx.Rect{X: plan.BleedMM, Y: plan.BleedMM, W: plan.TrimW, H: plan.TrimH},
		Bleed: plan.BleedMM, Folds: plan.Folds(), SRGBImages: true,
	}
	if plan.Duplex {
		meta.Rotate = map[int]int{2: 180}
	}
	if print, err = pdfx.Finish(raw, meta); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", Print, err)
	}
	meta.Rotate = nil // the marks are for print shops, which want upright pages
	meta.Slug = max(slug, plan.BleedMM)
	if marks, err = pdfx.Finish(raw, meta); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", PrintMarks, err)
	}
	return print, marks, nil
}

// date is the edition's date, the documents' creation date.
func date(plan *layout.Plan) time.Time {
	return time.Date(plan.Year, time.Month(max(plan.Month, 1)), max(plan.Day, 1), 0, 0, 0, 0, time.UTC)
}

// screenFile paints the screen file with its content marked and finishes it as PDF/UA with
// the plan's structure.
func screenFile(plan *layout.Plan) ([]byte, error) {
	raw, tags, err := paint(plan, Screen)
	if err != nil {
		return nil, err
	}
	if plan.Structure == nil {
		return nil, fmt.Errorf("paint %s: the plan has no structure", Screen)
	}
	root, err := tags.nodes(plan.Structure)
	if err != nil {
		return nil, fmt.Errorf("paint %s: %w", Screen, err)
	}
	meta := pdfua.Meta{Title: plan.Title, Author: plan.Author, Subject: plan.Subject, Keywords: plan.Keywords,
		Creator: "brochure", Lang: plan.Lang, Created: date(plan), Modified: date(plan)}
	pdf, err := pdfua.Finish(raw, root, meta)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Screen, err)
	}
	return pdf, nil
}

// paint paints the plan with fpdf: for Print the trimmed sheet with its bleed, in CMYK, to
// be finished as PDF/X; for Screen the trimmed sheet in RGB with links and an outline, its
// content marked for the structure tree by the tagger it returns.
func paint(plan *layout.Plan, v Variant) ([]byte, *tagger, error) {
	off := 0.0 // distance from the media's corner to the trim's
	if v == Print {
		off = plan.BleedMM
	}
	w, h := plan.TrimW+2*off, plan.TrimH+2*off
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(date(plan))
	pdf.SetModificationDate(date(plan))
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true) // content streams; zlib gives the same bytes for the same page
	pdf.SetTitle(plan.Title, true)
	pdf.SetAuthor(plan.Author, true)
	pdf.SetSubject(plan.Subject, true)
	pdf.SetKeywords(plan.Keywords, true)
	pdf.SetCreator("brochure", true)
	pdf.SetProducer("brochure", true)
	if v == Screen {
		pdf.SetLang(plan.Lang)
		pdf.SetDisplayMode("fullpage", "TwoPageLeft")
	}
	// Embedding a font costs time even when it is not used: embed only the plan's.
	used := usedFonts(plan)
	for _, f := range fonts.Faces {
		if used[f.Name] {
			pdf.AddUTF8FontFromBytes(family(f.Name), "", f.Data)
			if pdf.GetFontFamily() == "" {
				// fpdf writes bookmarks as UTF-16 only once a UTF-8 font is set; the
				// first one would otherwise go out as raw UTF-8 bytes.
				pdf.SetFont(family(f.Name), "", 9)
			}
		}
	}
	p := &painter{pdf: pdf, plan: plan, v: v, off: off}
	if v == Screen {
		p.tag = newTagger(pdf, plan.Structure)
	}
	for _, page := range plan.Pages {
		pdf.AddPage()
		p.op = false // every page starts with the default graphics state
		p.tag.newPage()
		for _, it := range page.Items {
			p.tag.item(it)
			p.item(it)
		}
		p.tag.end()
	}
	if err := pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("paint %s: %w", v, err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, nil, fmt.Errorf("paint %s: %w", v, err)
	}
	return buf.Bytes(), p.tag, nil
}

// painter paints the items of one plan into one file.
type painter struct {
	pdf  *fpdf.Fpdf
	plan *layout.Plan
	v    Variant
	off  float64
	op   bool    // overprint is on
	tag  *tagger // marks the screen file's content; nil for print
}

// family is the name fpdf knows the embedded font face by.
func family(face string) string { return "OpenSans-" + face }

// usedFonts lists the fonts the plan's items name.
func usedFonts(plan *layout.Plan) map[string]bool {
	used := map[string]bool{}
	for _, pg := range plan.Pages {
		for _, it := range pg.Items {
			switch v := it.(type) {
			case *layout.Line:
				used[v.Font] = true
			case *layout.Marker:
				if v.Label != "" {
					used[v.Font] = true
				}
			}
		}
	}
	return used
}

// setFont selects the plan's font name at size pt.
func (p *painter) setFont(name string, size float64) {
	for _, f := range fonts.Faces {
		if f.Name == name {
			p.pdf.SetFont(family(f.Name), "", size)
			return
		}
	}
	p.pdf.SetError(fmt.Errorf("plan names unknown font %q", name))
}

// fill makes role the fill and text colour.
func (p *painter) fill(role string) {
	c := p.colour(role)
	if p.v == Screen {
		p.pdf.RawWriteStr(fmt.Sprintf("%s %s %s rg", unit(c.R), unit(c.G), unit(c.B)))
		return
	}
	pdfx.SetFill(p.pdf, ink(c))
}

// stroke makes role the colour of lines.
func (p *painter) stroke(role string) {
	c := p.colour(role)
	if p.v == Screen {
		p.pdf.RawWriteStr(fmt.Sprintf("%s %s %s RG", unit(c.R), unit(c.G), unit(c.B)))
		return
	}
	pdfx.SetStroke(p.pdf, ink(c))
}

// thinLine is the widest line, in mm (1 pt), that overprints when it is 100 % K.
const thinLine = 0.353

// overprint makes the following painting in the print file overprint when the colour role
// is 100 % K and the painting is text or a line no wider than thinLine (pass width 0 for
// text), and knock out otherwise. Black then prints over the colours under it, so no white
// hairline shows where the plates shift; everything else, white above all, knocks out.
func (p *painter) overprint(role string, width float64) {
	on := p.v != Screen && role != "" && pdfx.OverprintsBlack(ink(p.colour(role))) && width <= thinLine
	if on != p.op && p.v != Screen {
		pdfx.Overprint(p.pdf, on)
		p.op = on
	}
}

// ink is the process colour of c.
func ink(c layout.Colour) pdfx.CMYK { return pdfx.CMYK{C: c.C, M: c.M, Y: c.Y, K: c.K} }

// colour returns the plan's colour of role.
func (p *painter) colour(role string) layout.Colour {
	c, ok := p.plan.Palette[role]
	if !ok {
		p.pdf.SetError(fmt.Errorf("plan names unknown colour %q", role))
	}
	return c
}

// unit writes an 8-bit channel as a fraction with at most three decimals.
func unit(v uint8) string {
	return fmt.Sprintf("%.3f", float64(v)/255)
}
