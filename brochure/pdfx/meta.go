package pdfx

import (
	"fmt"
	"time"
)

// PDFXVersion is the value of /GTS_PDFXVersion that Finish writes.
const PDFXVersion = "PDF/X-3:2002"

// Rect is a rectangle in millimetres, measured from the top-left corner of the page
// (fpdf's coordinates).
type Rect struct {
	X, Y, W, H float64
}

// Grow returns r enlarged by d millimetres on every side.
func (r Rect) Grow(d float64) Rect {
	return Rect{r.X - d, r.Y - d, r.W + 2*d, r.H + 2*d}
}

// Meta is what Finish writes into a print file besides the page content.
type Meta struct {
	// Title goes into the Info dictionary; PDF/X requires it.
	Title   string
	Author  string
	Subject string
	Creator string
	// Created and Modified are the document's dates; PDF/X requires both. They come
	// from the data, never from the clock, so that the bytes are reproducible.
	Created, Modified time.Time
	// Condition is the identifier of the registered output condition (see Conditions);
	// empty means DefaultCondition.
	Condition string
	// Trim is the trimmed sheet on every page, in millimetres from the media's
	// top-left corner.
	Trim Rect
	// Bleed is how far the BleedBox reaches beyond the trim on every side, in mm.
	Bleed float64
	// Slug, when set, enlarges every page to that margin around the trim (in mm; at least
	// what the marks need outside the bleed) and draws crop marks at the corners and dashed
	// fold marks at Folds in the registration colour there, outside the bleed: the variant
	// with marks of the same print file.
	Slug float64
	// Folds gives by page (1-based) the folds in mm from the left trim, for the marks.
	Folds map[int][]float64
	// SRGBImages tags the images in device RGB as sRGB, with the ICC profile embedded, which
	// PDF/X-3 accepts where it forbids device RGB: the images of the file are taken to be
	// sRGB, as JPEG and PNG files without a profile are.
	SRGBImages bool
	// Rotate gives by page (1-based) the page's /Rotate, a multiple of 90 degrees clockwise
	// in which viewers and printers show the page; the content, the boxes and the marks stay
	// as they are in the page's own space.
	Rotate map[int]int
}

func (m Meta) validate() error {
	switch {
	case m.Title == "":
		return fmt.Errorf("pdf/x needs a title")
	case m.Created.IsZero() || m.Modified.IsZero():
		return fmt.Errorf("pdf/x needs a creation and a modification date")
	case m.Trim.W <= 0 || m.Trim.H <= 0:
		return fmt.Errorf("trim box %v has no area", m.Trim)
	case m.Bleed < 0:
		return fmt.Errorf("bleed %g mm is negative", m.Bleed)
	}
	for p, r := range m.Rotate {
		if r%90 != 0 {
			return fmt.Errorf("page %d: rotation %d° is not a multiple of 90°", p, r)
		}
	}
	return nil
}
