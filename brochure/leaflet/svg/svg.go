package svg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// Options say what a page shows besides the plan's items.
type Options struct {
	// Guides draws the folds, and the trim for a view with the bleed, as faint dashed lines
	// (class "guides", the trim's class "trim").
	Guides bool
	// Source, when set, gives the line in the data file of a place in the data (a
	// layout.Line's or layout.Marker's Path); it is written as data-line, 0 leaves it out.
	Source func(path string) int
}

// guideColour is the colour of the guides: a grey that shows on white and on the cover's
// dark background.
const guideColour = "#9a9a9a"

// Page paints side i of the plan (0 outside, 1 inside) as an SVG document whose user unit is
// the millimetre and whose view is the trimmed sheet; the items that run into the bleed are
// painted whole, and data-bleed holds the view box that shows the bleed too.
func Page(plan *layout.Plan, i int, opt Options) ([]byte, error) {
	if i < 0 || i >= len(plan.Pages) {
		return nil, fmt.Errorf("svg: the plan has no page %d", i)
	}
	pg := &plan.Pages[i]
	p := &painter{plan: plan, opt: opt}
	b := &p.buf
	bl := plan.BleedMM
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="sheet" data-page="%s" viewBox="0 0 %s %s" width="%smm" height="%smm"`,
		esc(pg.Name), num(plan.TrimW), num(plan.TrimH), num(plan.TrimW), num(plan.TrimH))
	fmt.Fprintf(b, ` data-trim="0 0 %s %s" data-bleed="%s %s %s %s"`, num(plan.TrimW), num(plan.TrimH), num(-bl), num(-bl), num(plan.TrimW+2*bl), num(plan.TrimH+2*bl))
	b.WriteString(` text-rendering="geometricPrecision" style="font-kerning:none;font-variant-ligatures:none">` + "\n")
	// The sheet is white paper, as a PDF viewer shows the page.
	fmt.Fprintf(b, `<rect class="paper" x="%s" y="%s" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(-bl), num(-bl), num(plan.TrimW+2*bl), num(plan.TrimH+2*bl))
	for _, it := range pg.Items {
		if err := p.item(it); err != nil {
			return nil, fmt.Errorf("svg: page %s: %w", pg.Name, err)
		}
	}
	if opt.Guides {
		fmt.Fprintf(b, `<g class="guides" fill="none" stroke="%s" stroke-width="0.2" stroke-dasharray="1.5 1.5">`, guideColour)
		for _, x := range pg.Folds {
			fmt.Fprintf(b, `<line class="fold" x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x), num(-bl), num(x), num(plan.TrimH+bl))
		}
		fmt.Fprintf(b, `<rect class="trim" x="0" y="0" width="%s" height="%s"/></g>`+"\n", num(plan.TrimW), num(plan.TrimH))
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// painter writes the items of one page.
type painter struct {
	plan *layout.Plan
	opt  Options
	buf  bytes.Buffer
}

// colour returns the screen colour of a role as #rrggbb.
func (p *painter) colour(role string) (string, error) {
	c, ok := p.plan.Palette[role]
	if !ok {
		return "", fmt.Errorf("the plan names the unknown colour %q", role)
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B), nil
}

// font returns the attributes that set text in face at size pt.
func font(face string, size float64) (string, error) {
	if !known(face) {
		return "", fmt.Errorf("the plan names the unknown font %q", face)
	}
	return fmt.Sprintf(`font-family="%s, sans-serif" font-size="%s"`, Family(face), num(units.PtToMM(size))), nil
}

// source writes the data-path and data-line attributes of a place in the data.
func (p *painter) source(path string) string {
	if path == "" {
		return ""
	}
	s := ` data-path="` + esc(path) + `"`
	if p.opt.Source != nil {
		if line := p.opt.Source(path); line > 0 {
			s += ` data-line="` + strconv.Itoa(line) + `"`
		}
	}
	return s
}

// num writes a length in mm to a thousandth.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// points writes a list of points for a polyline.
func points(ps []layout.Point) string {
	var b strings.Builder
	for i, pt := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(pt.X) + "," + num(pt.Y))
	}
	return b.String()
}

// esc escapes text for an attribute value or element content; characters XML cannot hold
// become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
