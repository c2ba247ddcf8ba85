package paint

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// item paints one item of the plan.
func (p *painter) item(it layout.Item) {
	pdf := p.pdf
	o := p.off
	switch v := it.(type) {
	case *layout.Fill:
		p.overprint("", 0)
		r := v.Rect
		if p.v != Screen || !v.Bleeds {
			p.fill(v.Colour)
			pdf.Rect(r.X+o, r.Y+o, r.W, r.H, "F")
			return
		}
		// The screen file has no bleed: keep the fill on the page.
		x0, y0 := max(r.X, 0), max(r.Y, 0)
		x1, y1 := min(r.X+r.W, p.plan.TrimW), min(r.Y+r.H, p.plan.TrimH)
		p.fill(v.Colour)
		pdf.Rect(x0, y0, x1-x0, y1-y0, "F")
	case *layout.Line:
		p.overprint(v.Colour, 0)
		p.fill(v.Colour)
		p.setFont(v.Font, v.Size)
		// Each word is followed by a space, so that text extraction and screen readers
		// read words, not one run of letters; the space at the end of a line is painted
		// alone (and, blank, is not text a preflight measures). No space follows a line
		// that ends in a hyphen. The line's glyphs are set at the horizontal scale the
		// breaker chose (font expansion) and their letters spaced as it chose (Tc, in
		// points; both are part of the graphics state, so they hold for the Text calls and
		// are reset after).
		scaled := v.Scale != 0 && v.Scale != 1
		if scaled {
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tz", 100*v.Scale))
		}
		if v.Track != 0 {
			pdf.RawWriteStr(fmt.Sprintf("%.4f Tc", units.MMToPt(v.Track)))
		}
		last := len(v.Words) - 1
		for i, w := range v.Words {
			p.tag.word(v, i)
			text := w.Text
			if i < last {
				text += " "
			} else if v.HyphenAdded && p.v == Screen {
				// The same glyph, read as a soft hyphen: "Nord-" "rhein" reads "Nordrhein".
				text = strings.TrimSuffix(text, "-") + "\u00ad"
			}
			pdf.Text(w.X+o, v.Baseline+o, text)
		}
		if last >= 0 && !v.Hyphenated {
			w := v.Words[last]
			pdf.Text(w.X+w.W+o, v.Baseline+o, " ")
		}
		if scaled {
			pdf.RawWriteStr("100 Tz")
		}
		if v.Track != 0 {
			pdf.RawWriteStr("0 Tc")
		}
	case *layout.Shape:
		if v.Width > 0 {
			pdf.SetLineWidth(v.Width)
		}
		pdf.SetLineJoinStyle("round")
		pdf.SetLineCapStyle("round")
		if v.Fill == "" {
			p.overprint(v.Stroke, v.Width)
		} else {
			p.overprint("", 0)
		}
		style := ""
		if v.Fill != "" {
			p.fill(v.Fill)
			style += "F"
		}
		if v.Stroke != "" {
			p.stroke(v.Stroke)
			style += "D"
		}
		if v.Closed {
			// All rings make one path filled by the even-odd rule, so that a ring inside
			// another is a hole, as geomap lays outlines out.
			drawn := false
			for _, ring := range v.Rings {
				if len(ring) < 3 {
					continue
				}
				pdf.MoveTo(ring[0].X+o, ring[0].Y+o)
				for _, pt := range ring[1:] {
					pdf.LineTo(pt.X+o, pt.Y+o)
				}
				pdf.ClosePath()
				drawn = true
			}
			if drawn && style == "D" {
				pdf.DrawPath("D")
			} else if drawn {
				pdf.DrawPath(style + "*")
			}
			break
		}
		for _, ring := range v.Rings {
			if len(ring) < 2 {
				continue
			}
			pdf.MoveTo(ring[0].X+o, ring[0].Y+o)
			for _, pt := range ring[1:] {
				pdf.LineTo(pt.X+o, pt.Y+o)
			}
			pdf.DrawPath("D")
		}
	case *layout.Marker:
		p.marker(v)
	case *layout.Image:
		p.image(v)
	case *layout.Rule:
		p.overprint(v.Colour, v.Width)
		pdf.SetLineWidth(v.Width)
		pdf.SetLineCapStyle("butt")
		p.stroke(v.Colour)
		pdf.Line(v.From.X+o, v.From.Y+o, v.To.X+o, v.To.Y+o)
	case *layout.Modules:
		p.overprint("", 0)
		p.fill(v.Colour)
		for _, r := range v.Rects {
			pdf.Rect(r.X+o, r.Y+o, r.W, r.H, "F")
		}
	case *layout.Link:
		if p.v == Screen {
			pdf.LinkString(v.X+o, v.Y+o, v.W, v.H, v.URL)
		}
	case *layout.Bookmark:
		if p.v == Screen {
			pdf.Bookmark(v.Title, v.Level, v.Y+o)
		}
	}
}

// marker paints a city on the map: a dot or a ring, its leader line and its number (see
// layout.Marker and layout.LeaderWidth).
func (p *painter) marker(m *layout.Marker) {
	pdf, o := p.pdf, p.off
	if len(m.Leader) >= 2 {
		p.overprint(layout.Text, layout.LeaderWidth)
		pdf.SetLineWidth(layout.LeaderWidth)
		pdf.SetLineCapStyle("round")
		p.stroke(layout.Text)
		for i := 1; i < len(m.Leader); i++ {
			a, b := m.Leader[i-1], m.Leader[i]
			pdf.Line(a.X+o, a.Y+o, b.X+o, b.Y+o)
		}
	}
	p.overprint("", 0)
	if m.Current {
		p.fill(m.Colour)
		pdf.Circle(m.At.X+o, m.At.Y+o, m.Radius, "F")
	} else {
		r, width := m.Ring()
		p.fill(layout.Paper)
		p.stroke(m.Colour)
		pdf.SetLineWidth(width)
		pdf.Circle(m.At.X+o, m.At.Y+o, r, "FD")
	}
	if m.Label != "" {
		p.overprint(layout.Text, 0)
		p.fill(layout.Text)
		p.setFont(m.Font, m.Size)
		pdf.Text(m.LabelAt.X+o, m.LabelAt.Y+o, m.Label)
	}
}

// image paints a picture clipped to its frame. Print files tag RGB pictures as sRGB when
// they are finished (pdfx.Meta.SRGBImages).
func (p *painter) image(im *layout.Image) {
	pdf, o := p.pdf, p.off
	typ := "JPG"
	if im.Format == "PNG" {
		typ = "PNG"
	}
	opt := fpdf.ImageOptions{ImageType: typ}
	if pdf.GetImageInfo(im.Name) == nil {
		pdf.RegisterImageOptionsReader(im.Name, opt, bytes.NewReader(im.Data))
	}
	pdf.ClipRect(im.Frame.X+o, im.Frame.Y+o, im.Frame.W, im.Frame.H, false)
	pdf.ImageOptions(im.Name, im.At.X+o, im.At.Y+o, im.At.W, im.At.H, false, opt, 0, "")
	pdf.ClipEnd()
}
