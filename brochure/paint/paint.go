package paint

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/layout"
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

// Leaflet lays out the network's leaflet and paints it as variant v. Layout errors are
// returned as layout.Errors.
func Leaflet(n *brochure.Network, v Variant) ([]byte, error) {
	plan, err := layout.Build(n)
	if err != nil {
		return nil, err
	}
	return Paint(plan, v)
}

// Paint paints the plan as variant v and returns the PDF file.
func Paint(plan *layout.Plan, v Variant) ([]byte, error) {
	if v < Print || v > Screen {
		return nil, fmt.Errorf("paint: unknown %s", v)
	}
	off := 0.0 // distance from the media's corner to the trim's
	switch v {
	case Print:
		off = plan.BleedMM
	case PrintMarks:
		off = max(slug, plan.BleedMM)
	}
	w, h := plan.TrimW+2*off, plan.TrimH+2*off
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetCatalogSort(true)
	when := time.Date(plan.Year, time.Month(max(plan.Month, 1)), max(plan.Day, 1), 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(false)
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
		}
	}
	p := &painter{pdf: pdf, plan: plan, v: v, off: off}
	for _, page := range plan.Pages {
		pdf.AddPage()
		for _, it := range page.Items {
			p.item(it)
		}
		if v == PrintMarks {
			p.marks(page)
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("paint %s: %w", v, err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("paint %s: %w", v, err)
	}
	if v == Screen {
		return buf.Bytes(), nil
	}
	out, err := pdfx.Finish(buf.Bytes(), pdfx.Meta{
		Title: plan.Title, Author: plan.Author, Subject: plan.Subject, Creator: "brochure",
		Created: when, Modified: when, Condition: plan.OutputCondition,
		Trim:  pdfx.Rect{X: off, Y: off, W: plan.TrimW, H: plan.TrimH},
		Bleed: plan.BleedMM,
	})
	if err != nil {
		return nil, fmt.Errorf("paint %s: %w", v, err)
	}
	return out, nil
}

// painter paints the items of one plan into one file.
type painter struct {
	pdf  *fpdf.Fpdf
	plan *layout.Plan
	v    Variant
	off  float64
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
	pdfx.SetFill(p.pdf, c.CMYK)
}

// stroke makes role the colour of lines.
func (p *painter) stroke(role string) {
	c := p.colour(role)
	if p.v == Screen {
		p.pdf.RawWriteStr(fmt.Sprintf("%s %s %s RG", unit(c.R), unit(c.G), unit(c.B)))
		return
	}
	pdfx.SetStroke(p.pdf, c.CMYK)
}

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
