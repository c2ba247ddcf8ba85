package pdfx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// Finish turns a PDF written by fpdf (PDF 1.3, uncompressed cross-reference table, no
// encryption) into a PDF/X-3:2002 file: it adds the output intent for meta's registered
// condition, writes the Info dictionary (title, dates, /Trapped /False,
// /GTS_PDFXVersion), sets TrimBox and BleedBox on every page, defines the graphics states
// that Overprint names and the registration colour of the marks, tags the embedded font
// subsets, tags device RGB images as sRGB when meta asks for it, turns the pages that
// meta.Rotate names (their /Rotate), removes fpdf's empty attachment list, and writes a new
// cross-reference table and a trailer /ID that is a hash of the content. All other objects
// are copied byte for byte. The same input gives the same bytes. Finish does not check the
// content; the preflight package does.
func Finish(pdf []byte, meta Meta) ([]byte, error) {
	out, err := finish(pdf, meta)
	if err != nil {
		return nil, fmt.Errorf("pdf/x: %w", err)
	}
	return out, nil
}

func finish(pdf []byte, meta Meta) ([]byte, error) {
	if err := meta.validate(); err != nil {
		return nil, err
	}
	if meta.Condition == "" {
		meta.Condition = DefaultCondition
	}
	cond, err := LookupCondition(meta.Condition)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.3")) {
		return nil, fmt.Errorf("header %q: PDF/X-3 needs PDF 1.3 (fpdf raises the version for transparency, output intents and some page layouts)", firstLine(pdf))
	}
	doc, err := pdfedit.Open(pdf)
	if err != nil {
		if errors.Is(err, pdfedit.ErrEncrypted) {
			return nil, fmt.Errorf("the file is encrypted, which PDF/X forbids")
		}
		return nil, err
	}
	xt := doc.XRef
	var shift types.IndirectRef // the stream that moves the content into an enlarged page
	extra := 0.0                // mm added to the media on every side

	// Pages: the boxes, and the graphics states and colour space the content may name.
	for p := 1; p <= xt.PageCount; p++ {
		d, _, inh, err := doc.Page(p)
		if err != nil {
			return nil, err
		}
		if inh.MediaBox == nil {
			return nil, fmt.Errorf("page %d has no MediaBox", p)
		}
		media := inh.MediaBox
		if p == 1 && meta.Slug > 0 {
			extra = max(meta.Slug, minSlug(meta.Bleed)) - meta.Trim.X
			shift = doc.AddStream(nil, fmt.Appendf(nil, "q 1 0 0 1 %s %s cm\n", num(extra*units.PtPerMM), num(extra*units.PtPerMM)), true)
		}
		trimMM := meta.Trim
		if extra > 0 {
			media = types.NewRectangle(media.LL.X, media.LL.Y, round2(media.UR.X+2*extra*units.PtPerMM), round2(media.UR.Y+2*extra*units.PtPerMM))
			trimMM.X, trimMM.Y = trimMM.X+extra, trimMM.Y+extra
		}
		trim := toPDF(trimMM, media)
		bleed := toPDF(trimMM.Grow(meta.Bleed), media)
		if !inside(bleed, media) {
			return nil, fmt.Errorf("page %d: trim %v mm with %g mm bleed does not fit the %.1f × %.1f mm media", p, meta.Trim, meta.Bleed, media.Width()/units.PtPerMM, media.Height()/units.PtPerMM)
		}
		for _, k := range []string{"TrimBox", "BleedBox", "ArtBox", "CropBox", "Rotate"} {
			delete(d, k)
		}
		d["MediaBox"] = boxArray(media)
		d["TrimBox"] = boxArray(trim)
		d["BleedBox"] = boxArray(bleed)
		if r := (meta.Rotate[p]%360 + 360) % 360; r != 0 {
			d["Rotate"] = types.Integer(r)
		}
		if err := addResources(doc, d); err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		if extra > 0 {
			contents := types.Array{shift}
			switch c := d["Contents"].(type) {
			case types.IndirectRef:
				contents = append(contents, c)
			case types.Array:
				contents = append(contents, c...)
			default:
				return nil, fmt.Errorf("page %d has no content stream", p)
			}
			marks := marksContent(trimMM, meta.Bleed, meta.Folds[p], media.UR.Y)
			d["Contents"] = append(contents, doc.AddStream(nil, []byte(marks), true))
		}
	}

	// Catalog: the output intent.
	cat, err := doc.Catalog()
	if err != nil {
		return nil, err
	}
	if err := doc.DropEmptyNames(cat); err != nil {
		return nil, fmt.Errorf("catalog /Names: %w", err)
	}
	cat["OutputIntents"] = types.Array{types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputCondition":           pdfedit.TextString(cond.Info),
		"OutputConditionIdentifier": pdfedit.TextString(cond.Identifier),
		"RegistryName":              pdfedit.TextString(RegistryName),
		"Info":                      pdfedit.TextString(cond.Info),
	}}

	// Info.
	info, err := doc.Edit(xt.Info.ObjectNumber.Value())
	if err != nil {
		return nil, fmt.Errorf("info: %w", err)
	}
	prod, hasProd := info["Producer"]
	clear(info)
	info["Title"] = pdfedit.TextString(meta.Title)
	info["CreationDate"] = types.StringLiteral(pdfedit.Date(meta.Created))
	info["ModDate"] = types.StringLiteral(pdfedit.Date(meta.Modified))
	info["Trapped"] = types.Name("False")
	info["GTS_PDFXVersion"] = types.StringLiteral(PDFXVersion)
	for k, v := range map[string]string{"Author": meta.Author, "Subject": meta.Subject, "Creator": meta.Creator} {
		if v != "" {
			info[k] = pdfedit.TextString(v)
		}
	}
	if hasProd {
		info["Producer"] = prod
	}
	if err := doc.TagSubsetFonts(); err != nil {
		return nil, err
	}
	if meta.SRGBImages {
		if err := tagRGBImages(doc); err != nil {
			return nil, err
		}
	}
	return doc.Write("%PDF-1.3")
}

// toPDF converts r (mm from the top left) to PDF user space on a page with media.
func toPDF(r Rect, media *types.Rectangle) *types.Rectangle {
	top := media.UR.Y
	llx := media.LL.X + r.X*units.PtPerMM
	urx := media.LL.X + (r.X+r.W)*units.PtPerMM
	ury := top - r.Y*units.PtPerMM
	lly := top - (r.Y+r.H)*units.PtPerMM
	return types.NewRectangle(round2(llx), round2(lly), round2(urx), round2(ury))
}

func inside(in, out *types.Rectangle) bool {
	const eps = 0.01
	return in.LL.X >= out.LL.X-eps && in.LL.Y >= out.LL.Y-eps && in.UR.X <= out.UR.X+eps && in.UR.Y <= out.UR.Y+eps
}

func boxArray(r *types.Rectangle) types.Array {
	return types.NewNumberArray(round2(r.LL.X), round2(r.LL.Y), round2(r.UR.X), round2(r.UR.Y))
}

func round2(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 2, 64), 64)
	return f + 0 // no negative zero
}

func firstLine(b []byte) string {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		b = b[:i]
	}
	if len(b) > 20 {
		b = b[:20]
	}
	return string(b)
}
