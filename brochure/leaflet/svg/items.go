package svg

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
)

// item paints one item of the plan. Every kind of layout.Item has its case here; a kind
// without one is an error, so that a new kind is noticed (TestEveryItemKind).
func (p *painter) item(it layout.Item) error {
	switch v := it.(type) {
	case *layout.Fill:
		return p.fill(v)
	case *layout.Line:
		return p.line(v)
	case *layout.Shape:
		return p.shape(v)
	case *layout.Marker:
		return p.marker(v)
	case *layout.Rule:
		return p.rule(v)
	case *layout.Modules:
		return p.modules(v)
	case *layout.Image:
		p.image(v)
		return nil
	case *layout.Link:
		// The link's area, invisible; the page may show where it leads.
		fmt.Fprintf(&p.buf, `<rect class="link" x="%s" y="%s" width="%s" height="%s" fill="none" data-url="%s"/>`+"\n",
			num(v.X), num(v.Y), num(v.W), num(v.H), esc(v.URL))
		return nil
	case *layout.Bookmark:
		// An outline entry of the screen file: nothing to see on the page.
		return nil
	case nil:
		return fmt.Errorf("the plan holds a nil item")
	}
	return fmt.Errorf("the SVG painter cannot paint a %T: add it to package svg", it)
}

// fill paints a filled rectangle; one that runs into the bleed is painted whole, and the
// page's view cuts it at the trim as the screen file's page does.
func (p *painter) fill(v *layout.Fill) error {
	c, err := p.colour(v.Colour)
	if err != nil {
		return err
	}
	fmt.Fprintf(&p.buf, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(v.X), num(v.Y), num(v.W), num(v.H), c)
	return nil
}

// line sets a line of text word by word at the plan's positions.
func (p *painter) line(v *layout.Line) error {
	c, err := p.colour(v.Colour)
	if err != nil {
		return err
	}
	f, err := font(v.Font, v.Size)
	if err != nil {
		return err
	}
	b := &p.buf
	fmt.Fprintf(b, `<g class="line"%s %s fill="%s">`, p.source(v.Path), f, c)
	y := num(v.Baseline)
	// A line the typesetter expanded or condensed (font expansion, letter spacing) has its
	// glyphs scaled horizontally: each word is stretched to the width the plan gives it,
	// which includes the scale and the spacing.
	scaled := v.Scale != 0 && v.Scale != 1 || v.Track != 0
	for _, w := range v.Words {
		stretch := ""
		if scaled {
			stretch = ` textLength="` + num(w.W) + `" lengthAdjust="spacingAndGlyphs"`
		}
		fmt.Fprintf(b, `<text x="%s" y="%s"%s>%s</text>`, num(w.X), y, stretch, esc(w.Text))
	}
	b.WriteString("</g>\n")
	return nil
}

// shape paints polygons (all rings one path, filled by the even-odd rule so that a ring
// inside another is a hole) or polylines, with round joins and caps.
func (p *painter) shape(v *layout.Shape) error {
	fill, stroke := "none", "none"
	var err error
	if v.Fill != "" && v.Closed {
		if fill, err = p.colour(v.Fill); err != nil {
			return err
		}
	}
	if v.Stroke != "" {
		if stroke, err = p.colour(v.Stroke); err != nil {
			return err
		}
	}
	least := 2
	if v.Closed {
		least = 3
	}
	var d strings.Builder
	for _, ring := range v.Rings {
		if len(ring) < least {
			continue
		}
		for i, pt := range ring {
			if i == 0 {
				d.WriteString("M")
			} else {
				d.WriteString(" L")
			}
			d.WriteString(num(pt.X) + " " + num(pt.Y))
		}
		if v.Closed {
			d.WriteString(" Z")
		}
		d.WriteByte(' ')
	}
	if d.Len() == 0 {
		return nil
	}
	fmt.Fprintf(&p.buf, `<path class="shape" data-name="%s" d="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round"/>`+"\n",
		esc(v.Name), strings.TrimSpace(d.String()), fill, stroke, num(v.Width))
	return nil
}

// marker paints a member's marker: its leader, the dot or ring (see layout.Marker.Ring) and
// its number.
func (p *painter) marker(m *layout.Marker) error {
	c, err := p.colour(m.Colour)
	if err != nil {
		return err
	}
	text, err := p.colour(layout.Text)
	if err != nil {
		return err
	}
	b := &p.buf
	fmt.Fprintf(b, `<g class="marker"%s>`, p.source(m.Path))
	if len(m.Leader) >= 2 {
		fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`,
			points(m.Leader), text, num(layout.LeaderWidth))
	}
	if m.Current {
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`, num(m.At.X), num(m.At.Y), num(m.Radius), c)
	} else {
		paper, err := p.colour(layout.Paper)
		if err != nil {
			return err
		}
		r, w := m.Ring()
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"/>`, num(m.At.X), num(m.At.Y), num(r), paper, c, num(w))
	}
	if m.Label != "" {
		f, err := font(m.Font, m.Size)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, `<text x="%s" y="%s" %s fill="%s">%s</text>`, num(m.LabelAt.X), num(m.LabelAt.Y), f, text, esc(m.Label))
	}
	b.WriteString("</g>\n")
	return nil
}

// rule paints a straight line with butt ends.
func (p *painter) rule(v *layout.Rule) error {
	c, err := p.colour(v.Colour)
	if err != nil {
		return err
	}
	fmt.Fprintf(&p.buf, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-linecap="butt"/>`+"\n",
		num(v.From.X), num(v.From.Y), num(v.To.X), num(v.To.Y), c, num(v.Width))
	return nil
}

// modules paints the dark modules of a QR code as one path of rectangles.
func (p *painter) modules(v *layout.Modules) error {
	c, err := p.colour(v.Colour)
	if err != nil {
		return err
	}
	var d strings.Builder
	for _, r := range v.Rects {
		fmt.Fprintf(&d, "M%s %sh%sv%sh%sz", num(r.X), num(r.Y), num(r.W), num(r.H), num(-r.W))
	}
	// crispEdges: anti-aliased, the touching rectangles would show seams between them.
	fmt.Fprintf(&p.buf, `<path class="qr" data-text="%s" d="%s" fill="%s" shape-rendering="crispEdges"/>`+"\n", esc(v.Text), d.String(), c)
	return nil
}

// image paints a picture embedded as a data URI, placed at At and cut to its Frame (a nested
// viewport whose view box is the frame, so that inside it the plan's coordinates hold).
func (p *painter) image(v *layout.Image) {
	mime := "image/jpeg"
	if v.Format == "PNG" {
		mime = "image/png"
	}
	f := v.Frame
	fmt.Fprintf(&p.buf, `<svg class="image" x="%s" y="%s" width="%s" height="%s" viewBox="%s %s %s %s" overflow="hidden">`,
		num(f.X), num(f.Y), num(f.W), num(f.H), num(f.X), num(f.Y), num(f.W), num(f.H))
	fmt.Fprintf(&p.buf, `<image href="data:%s;base64,%s" x="%s" y="%s" width="%s" height="%s" preserveAspectRatio="none"><title>%s</title></image></svg>`+"\n",
		mime, base64.StdEncoding.EncodeToString(v.Data), num(v.At.X), num(v.At.Y), num(v.At.W), num(v.At.H), esc(v.Alt))
}
