package layout

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Dump writes the plan as readable text: format, palette, pages, panels and every item with
// its position in millimetres, each text line with its words' x positions and word spacing.
func (p *Plan) Dump() string {
	var b strings.Builder
	fmt.Fprintf(&b, "leaflet %q by %q, %04d-%02d-%02d, lang %s\n", p.Title, p.Author, p.Year, p.Month, p.Day, p.Lang)
	fmt.Fprintf(&b, "subject %q\n", p.Subject)
	fmt.Fprintf(&b, "fold %s, trim %s x %s mm, bleed %s mm, text %s mm from trim and folds, output condition %s\n", p.Fold, mm(p.TrimW), mm(p.TrimH), mm(p.BleedMM), mm(p.SafetyMM), p.OutputCondition)
	if p.Duplex {
		b.WriteString("duplex: the print file's inside turned by 180°\n")
	}
	roles := make([]string, 0, len(p.Palette))
	for r := range p.Palette {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	for _, r := range roles {
		c := p.Palette[r]
		fmt.Fprintf(&b, "colour %-6s cmyk %g/%g/%g/%g rgb #%02x%02x%02x\n", r, c.C, c.M, c.Y, c.K, c.R, c.G, c.B)
	}
	for _, pg := range p.Pages {
		fmt.Fprintf(&b, "\npage %s, folds at %s\n", pg.Name, mms(pg.Folds))
		for _, pn := range pg.Panels {
			c := pn.Content
			fmt.Fprintf(&b, "  panel %s: x %s w %s, content x %s y %s w %s h %s, blocks %s\n",
				pn.Name, mm(pn.X), mm(pn.W), mm(c.X), mm(c.Y), mm(c.W), mm(c.H), strings.Join(pn.Blocks, ", "))
		}
		for _, it := range pg.Items {
			dumpItem(&b, it)
		}
	}
	if len(p.Notes) > 0 {
		b.WriteString("\nnotes\n")
		for _, d := range p.Notes {
			d.File = filepath.Base(d.File) // the dump does not depend on where the file lies
			fmt.Fprintf(&b, "  %s\n", strings.ReplaceAll(d.String(), "\n", "\n  "))
		}
	}
	return b.String()
}

// dumpItem writes one item on one or more lines.
func dumpItem(b *strings.Builder, it Item) {
	switch v := it.(type) {
	case *Fill:
		bleeds := ""
		if v.Bleeds {
			bleeds = ", bleeds"
		}
		fmt.Fprintf(b, "  fill %s %s%s\n", v.Colour, rect(v.Rect), bleeds)
	case *Line:
		var flags []string
		if v.Justified {
			flags = append(flags, "justified")
		}
		if v.Hyphenated {
			flags = append(flags, "hyphenated")
		}
		if v.Scale != 1 {
			flags = append(flags, fmt.Sprintf("scale %.2f%%", 100*v.Scale))
		}
		if v.Track != 0 {
			flags = append(flags, fmt.Sprintf("track %.3f", v.Track))
		}
		words := make([]string, len(v.Words))
		for i, w := range v.Words {
			words[i] = fmt.Sprintf("%s@%s", w.Text, mm(w.X))
		}
		fmt.Fprintf(b, "  line %s y %s %s %gpt %s space %s %s| %s\n", v.Block, mm(v.Baseline), v.Font, v.Size, v.Colour,
			mm(v.Space), strings.Join(append(flags, ""), " "), strings.Join(words, " "))
	case *Shape:
		n := 0
		for _, r := range v.Rings {
			n += len(r)
		}
		x0, y0, x1, y1 := bounds(v.Rings)
		fmt.Fprintf(b, "  shape %s: %d rings, %d points, bounds %s,%s-%s,%s, fill %q stroke %q width %s\n",
			v.Name, len(v.Rings), n, mm(x0), mm(y0), mm(x1), mm(y1), v.Fill, v.Stroke, mm(v.Width))
	case *Marker:
		kind := "former"
		if v.Current {
			kind = "current"
		}
		leader := ""
		if len(v.Leader) > 0 {
			leader = " leader " + points(v.Leader)
		}
		label := ""
		if v.Label != "" {
			label = fmt.Sprintf(", label %q at %s", v.Label, point(v.LabelAt))
		}
		fmt.Fprintf(b, "  marker %s %s at %s r %s%s%s\n", kind, v.Colour, point(v.At), mm(v.Radius), label, leader)
	case *Rule:
		fmt.Fprintf(b, "  rule %s %s-%s width %s\n", v.Colour, point(v.From), point(v.To), mm(v.Width))
	case *Modules:
		x0, y0, x1, y1 := 1e9, 1e9, -1e9, -1e9
		for _, r := range v.Rects {
			x0, y0 = min(x0, r.X), min(y0, r.Y)
			x1, y1 = max(x1, r.X+r.W), max(y1, r.Y+r.H)
		}
		fmt.Fprintf(b, "  qr %q %s: %d rects within %s,%s-%s,%s\n", v.Text, v.Colour, len(v.Rects), mm(x0), mm(y0), mm(x1), mm(y1))
	case *Image:
		fmt.Fprintf(b, "  image %s: %s %s %dx%d px (%d bytes), frame %s, drawn %s, alt %q\n", v.Name, v.Format, v.Colour,
			v.PxW, v.PxH, len(v.Data), rect(v.Frame), rect(v.At), v.Alt)
	case *Link:
		fmt.Fprintf(b, "  link %s %s\n", v.URL, rect(v.Rect))
	case *Bookmark:
		fmt.Fprintf(b, "  bookmark %d %q y %s\n", v.Level, v.Title, mm(v.Y))
	}
}

// mm writes a length with two decimals, trailing zeros dropped.
func mm(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func mms(vs []float64) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = mm(v)
	}
	return strings.Join(s, ", ")
}

func point(p Point) string { return mm(p.X) + "," + mm(p.Y) }

func points(ps []Point) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = point(p)
	}
	return strings.Join(s, " ")
}

func rect(r Rect) string {
	return fmt.Sprintf("x %s y %s w %s h %s", mm(r.X), mm(r.Y), mm(r.W), mm(r.H))
}

func bounds(rings [][]Point) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = 1e9, 1e9, -1e9, -1e9
	for _, r := range rings {
		for _, p := range r {
			x0, y0 = min(x0, p.X), min(y0, p.Y)
			x1, y1 = max(x1, p.X), max(y1, p.Y)
		}
	}
	return
}
