package preflight

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/internal/pdfread"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// colour is the colour space family of a fill or stroke colour.
type colour struct {
	family string  // gray, rgb, icc (see iccRGB), cmyk, spot, registration, pattern, other
	desc   string  // for messages, e.g. "rg 0.8 0 0" or "Separation HKS 43"
	base   *colour // the underlying colour space of [/Pattern base], for uncoloured patterns
	white  bool    // no ink: white (see overprint.go)
}

// setsColour are the operators that set a colour: one with bad operands still sets the
// colour space it names, so that its colour is checked too.
var setsColour = map[string]bool{"g": true, "G": true, "rg": true, "RG": true, "k": true, "K": true}

// gstate is the part of the graphics state that the checks follow.
type gstate struct {
	ctm                        matrix
	fill, stroke               colour
	font                       *font
	size, tc, tw, th, tl, rise float64
	render                     int
	op, OP                     bool // fill and stroke overprint
}

// pageRun interprets the content of one page (and the forms it draws).
type pageRun struct {
	c       *collector
	opt     Options
	f       *pdfread.File
	num     int
	ref     rect // TrimBox, else MediaBox: where positions are measured from
	bleed   rect // BleedBox, else ref: the registration colour belongs beyond it
	folds   []float64
	doc     *budget
	ops     int          // operators interpreted on the page so far
	bytes   int          // content stream bytes read on the page so far
	drawing map[int]bool // forms and patterns being drawn, by object number
}

// place is a point in device space where a finding is, written only when the finding is
// made; the zero place is none.
type place struct {
	x, y float64
	set  bool
}

// where is the place of a device point.
func where(x, y float64) place { return place{x, y, true} }

// add makes a finding at a place on the page, measured in millimetres from the top-left
// of the trim.
func (p *pageRun) add(rule string, at place, format string, args ...any) {
	if !p.c.room(p.num, rule) {
		return
	}
	f := Finding{Rule: rule, Page: p.num, Message: fmt.Sprintf(format, args...)}
	if at.set {
		f.Where = fmt.Sprintf("at (%.1f, %.1f) mm", (at.x-p.ref.x0)/units.PtPerMM, (p.ref.y1-at.y)/units.PtPerMM)
	}
	p.c.add(f)
}

// problem reports what keeps a stream from being read: a limit exceeded, or broken
// structure or syntax.
func (p *pageRun) problem(err error, rule string) {
	var le *pdfread.LimitError
	if errors.As(err, &le) {
		rule = RuleComplexity
	}
	p.add(rule, place{}, "%v", err)
}

// num returns operand i as a number, or 0.
func num(a []pdfread.Object, i int) float64 {
	if i >= 0 && i < len(a) {
		if n, ok := a[i].(pdfread.Number); ok {
			return float64(n)
		}
	}
	return 0
}

// name returns operand i as a name, or "".
func name(a []pdfread.Object, i int) string {
	if i >= 0 && i < len(a) {
		if n, ok := a[i].(pdfread.Name); ok {
			return string(n)
		}
	}
	return ""
}

// run interprets a content stream with its resources under the matrix ctm; stream names
// it in findings ("the page content", "form /F1"). It returns errTooComplex or
// errDocTooComplex when the work exceeds a limit; what the stream itself gets wrong is
// reported.
func (p *pageRun) run(content []byte, res pdfread.Dict, ctm matrix, depth int, stream string) error {
	if p.bytes += len(content); p.bytes > maxBytesPerPage {
		return errTooComplex
	}
	if p.doc.bytes += len(content); p.doc.bytes > maxBytesPerDocument {
		return errDocTooComplex
	}
	compat := 0 // BX … EX nesting
	black := colour{family: "gray", desc: "default black"}
	g := gstate{ctm: ctm, fill: black, stroke: black, th: 100}
	var stack []gstate
	var tm, tlm matrix
	var path box
	var cur [2]float64 // current point, device space
	l := pdfread.NewContent(content, stream, pdfread.DefaultLimits().Depth)
	for {
		o, ok, err := l.Next()
		if err != nil {
			var le *pdfread.LimitError
			if errors.As(err, &le) {
				p.add(RuleComplexity, place{}, "%v; the rest of it is not checked", err)
			} else {
				p.add(RuleSyntax, place{}, "%s: %v; the rest of it is not checked", stream, err)
			}
			return nil
		}
		if !ok {
			return nil
		}
		if p.ops++; p.ops > maxOpsPerPage {
			return errTooComplex
		}
		if p.doc.ops++; p.doc.ops > maxOpsPerDocument {
			return errDocTooComplex
		}
		switch o.Name {
		case "BX":
			compat++
		case "EX":
			compat = max(0, compat-1)
		}
		if msg := syntaxError(o, compat > 0); msg != "" {
			if p.c.room(p.num, RuleSyntax) {
				p.c.add(Finding{Rule: RuleSyntax, Page: p.num, Where: fmt.Sprintf("at byte %d of %s", o.Pos, stream), Message: msg})
			}
			if !setsColour[o.Name] {
				continue
			}
		}
		a := o.Args
		pt := func(x, y float64) {
			dx, dy := g.ctm.apply(x, y)
			path.add(dx, dy)
			cur = [2]float64{dx, dy}
		}
		switch o.Name {
		case "q":
			stack = append(stack, g)
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			g.ctm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}.mul(g.ctm)
		case "g":
			g.fill = colour{family: "gray", desc: "g", white: isWhite("gray", a)}
		case "G":
			g.stroke = colour{family: "gray", desc: "G", white: isWhite("gray", a)}
		case "rg", "RG":
			c := colour{family: "rgb", desc: fmt.Sprintf("%s %g %g %g", o.Name, num(a, 0), num(a, 1), num(a, 2)), white: isWhite("rgb", a)}
			if o.Name == "rg" {
				g.fill = c
			} else {
				g.stroke = c
			}
		case "k":
			g.fill = colour{family: "cmyk", desc: "k", white: isWhite("cmyk", a)}
		case "K":
			g.stroke = colour{family: "cmyk", desc: "K", white: isWhite("cmyk", a)}
		case "cs", "CS":
			c := p.colourSpace(pdfread.Name(name(a, 0)), res)
			if o.Name == "cs" {
				g.fill = c
			} else {
				g.stroke = c
			}
		case "sc", "SC":
			c := &g.fill
			if o.Name == "SC" {
				c = &g.stroke
			}
			c.white = isWhite(c.family, a)
		case "scn", "SCN":
			c := &g.fill
			if o.Name == "SCN" {
				c = &g.stroke
			}
			c.white = isWhite(c.family, a)
			if pat := name(a, len(a)-1); c.family == "pattern" && pat != "" {
				pc, err := p.pattern(res, pat, *c, ctm, depth)
				if err != nil {
					return err
				}
				*c = pc
			}
		case "m", "l":
			pt(num(a, 0), num(a, 1))
		case "c":
			pt(num(a, 0), num(a, 1))
			pt(num(a, 2), num(a, 3))
			pt(num(a, 4), num(a, 5))
		case "v", "y":
			pt(num(a, 0), num(a, 1))
			pt(num(a, 2), num(a, 3))
		case "re":
			x, y, w, h := num(a, 0), num(a, 1), num(a, 2), num(a, 3)
			pt(x, y)
			pt(x+w, y+h)
			pt(x+w, y)
			pt(x, y+h)
		case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n":
			if path.set {
				at := where(path.x0, path.y1)
				if strings.ContainsAny(o.Name[:1], "fFBb") {
					p.checkColour(g.fill, "fill", at, path)
					p.checkOverprint(g.fill, g.op, "fill", at)
				}
				if strings.ContainsAny(o.Name[:1], "SsBb") {
					p.checkColour(g.stroke, "stroke", at, path)
					p.checkOverprint(g.stroke, g.OP, "stroke", at)
				}
			}
			path = box{}
		case "sh":
			if sd := p.resource(res, "Shading", name(a, 0)); sd != nil {
				p.checkColour(p.colourSpace(sd["ColorSpace"], res), "shading", where(cur[0], cur[1]), box{})
			}
		case "gs":
			if n := name(a, 0); n != "" {
				gs := p.resource(res, "ExtGState", n)
				p.extGState(gs, n, where(cur[0], cur[1]))
				p.overprintParams(&g, gs)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(a) >= 2 {
				g.font = p.font(res, name(a, 0))
				g.size = num(a, 1)
			}
		case "Tc":
			g.tc = num(a, 0)
		case "Tw":
			g.tw = num(a, 0)
		case "Tz":
			g.th = num(a, 0)
		case "TL":
			g.tl = num(a, 0)
		case "Ts":
			g.rise = num(a, 0)
		case "Tr":
			g.render = int(num(a, 0))
		case "Td", "TD":
			if o.Name == "TD" {
				g.tl = -num(a, 1)
			}
			tlm = translate(num(a, 0), num(a, 1)).mul(tlm)
			tm = tlm
		case "Tm":
			tlm = matrix{num(a, 0), num(a, 1), num(a, 2), num(a, 3), num(a, 4), num(a, 5)}
			tm = tlm
		case "T*":
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
		case "Tj", "'", "\"", "TJ":
			if o.Name != "Tj" && o.Name != "TJ" {
				tlm = translate(0, -g.tl).mul(tlm)
				tm = tlm
			}
			if o.Name == "\"" {
				g.tw, g.tc = num(a, 0), num(a, 1)
			}
			if len(a) == 0 {
				continue
			}
			parts := []pdfread.Object{a[len(a)-1]}
			if o.Name == "TJ" {
				parts, _ = a[0].(pdfread.Array)
			}
			tm = p.showText(&g, tm, parts)
		case "Do":
			if n := name(a, 0); n != "" {
				if err := p.xobject(res, n, g, depth); err != nil {
					return err
				}
			}
		case "BI":
			if len(a) > 0 {
				d, _ := a[0].(pdfread.Dict)
				p.inlineImage(d, g, res)
			}
		}
	}
}

// showText checks one show-text operation and returns the text matrix after it.
func (p *pageRun) showText(g *gstate, tm matrix, parts []pdfread.Object) matrix {
	f := g.font
	if f == nil {
		f = &font{name: "no font", embedded: true, widths: map[int]float64{}, dflt: 600}
	}
	var adv float64
	var text strings.Builder
	shown := 0 // bytes of the strings shown
	defer func() { p.work(shown / textPerOp) }()
	for _, part := range parts {
		switch v := part.(type) {
		case pdfread.Number:
			adv -= float64(v) / 1000 * g.size * g.th / 100
		case pdfread.String:
			if text.Len() < 256 {
				text.WriteString(f.text(string(v[:min(len(v), 256)])))
			}
			shown += len(v)
			f.each(string(v), func(code int) {
				w := f.width(code)/1000*g.size + g.tc
				if code == 32 && !f.twoByte {
					w += g.tw
				}
				adv += w * g.th / 100
			})
		}
	}
	m := tm.mul(g.ctm)
	snippet := []rune(strings.TrimSpace(text.String()))
	if len(snippet) > 30 {
		snippet = append(snippet[:29], '…')
	}
	s := string(snippet)
	if g.render == 3 || g.render == 7 || s == "" {
		return translate(adv, 0).mul(tm)
	}
	var b box
	for _, c := range [][2]float64{{0, -0.25}, {0, 0.75}, {1, -0.25}, {1, 0.75}} {
		b.add(m.apply(c[0]*adv, g.rise+c[1]*g.size))
	}
	x0, y0 := m.apply(0, g.rise)
	at := where(x0, y0)
	if !f.embedded {
		p.add(RuleFonts, at, "font %s is not embedded (text %q)", f.name, s)
	}
	if size := g.size * m.yScale(); size < p.opt.MinTextPt-0.005 {
		p.add(RuleTextSize, at, "text %q is %.1f pt, below %g pt", s, size, p.opt.MinTextPt)
	}
	if g.render == 0 || g.render == 2 || g.render == 4 || g.render == 6 {
		p.checkColour(g.fill, "text", at, b)
		p.checkOverprint(g.fill, g.op, "text", at)
	} else {
		p.checkColour(g.stroke, "text outline", at, b)
		p.checkOverprint(g.stroke, g.OP, "text outline", at)
	}
	p.safety(b, s, at)
	return translate(adv, 0).mul(tm)
}

// safety reports text that comes closer than SafetyMM to the trim or a fold.
func (p *pageRun) safety(b box, s string, at place) {
	k := units.PtPerMM
	left, right := (b.x0-p.ref.x0)/k, (b.x1-p.ref.x0)/k
	top, bottom := (p.ref.y1-b.y1)/k, (p.ref.y1-b.y0)/k
	w, h := p.ref.width()/k, p.ref.height()/k
	if right < 0 || left > w || bottom < 0 || top > h {
		return // outside the trim: slug or marks
	}
	z := p.opt.SafetyMM - 0.05
	for _, e := range []struct {
		d    float64
		edge string
	}{{left, "left"}, {w - right, "right"}, {top, "top"}, {h - bottom, "bottom"}} {
		if e.d < z {
			p.add(RuleSafety, at, "text %q is %.1f mm from the %s trim (keep %g mm)", s, e.d, e.edge, p.opt.SafetyMM)
		}
	}
	for _, f := range p.folds {
		switch {
		case left < f && right > f:
			p.add(RuleSafety, at, "text %q crosses the fold at %g mm", s, f)
		case left >= f && left-f < z:
			p.add(RuleSafety, at, "text %q is %.1f mm from the fold at %g mm (keep %g mm)", s, left-f, f, p.opt.SafetyMM)
		case right <= f && f-right < z:
			p.add(RuleSafety, at, "text %q is %.1f mm from the fold at %g mm (keep %g mm)", s, f-right, f, p.opt.SafetyMM)
		}
	}
}

// checkColour reports a colour a print file must not use, painted over the area b (an
// empty box when the area is not known).
func (p *pageRun) checkColour(c colour, what string, at place, b box) {
	if !p.opt.PrintFile {
		return
	}
	switch c.family {
	case "registration":
		p.checkRegistration(what, at, b)
	case "rgb":
		p.add(RuleRGB, at, "%s in RGB (%s)", what, c.desc)
	case "spot":
		p.add(RuleSpot, at, "%s in spot colour %s", what, c.desc)
	}
}

// resource returns the dictionary (or stream dictionary) named name in category.
func (p *pageRun) resource(res pdfread.Dict, category, name string) pdfread.Dict {
	if res == nil || name == "" {
		return nil
	}
	return p.f.Dict(p.f.Dict(res[pdfread.Name(category)])[pdfread.Name(name)])
}

// colourSpace classifies a colour space given by name or array; depth counts the colour
// spaces it stands within.
func (p *pageRun) colourSpace(o pdfread.Object, res pdfread.Dict) colour {
	return p.colourSpaceIn(o, res, 0)
}

func (p *pageRun) colourSpaceIn(o pdfread.Object, res pdfread.Dict, depth int) colour {
	if depth > 4 {
		return colour{family: "other", desc: "colour spaces nested too deep"}
	}
	switch v := p.f.Resolve(o).(type) {
	case pdfread.Name:
		switch v {
		case "DeviceGray", "G":
			return colour{family: "gray", desc: string(v)}
		case "DeviceRGB", "RGB":
			return colour{family: "rgb", desc: string(v)}
		case "DeviceCMYK", "CMYK":
			return colour{family: "cmyk", desc: string(v)}
		case "Pattern":
			return colour{family: "pattern", desc: "Pattern"}
		}
		if cs := p.f.Dict(res["ColorSpace"])[v]; cs != nil {
			return p.colourSpaceIn(cs, nil, depth+1)
		}
		return colour{family: "other", desc: string(v)}
	case pdfread.Array:
		if len(v) == 0 {
			return colour{family: "other", desc: "empty array"}
		}
		fam := p.f.Name(v[0])
		switch fam {
		case "ICCBased":
			if len(v) > 1 {
				n, _ := p.f.Number(p.f.Dict(v[1])["N"])
				switch n {
				case 1:
					return colour{family: "gray", desc: "ICCBased gray"}
				case 3:
					return iccRGB()
				case 4:
					return colour{family: "cmyk", desc: "ICCBased CMYK"}
				}
			}
		case "CalRGB":
			return colour{family: "rgb", desc: "CalRGB"}
		case "CalGray":
			return colour{family: "gray", desc: "CalGray"}
		case "Indexed", "I":
			if len(v) > 1 {
				c := p.colourSpaceIn(v[1], res, depth+1)
				c.desc = "Indexed " + c.desc
				return c
			}
		case "Separation", "DeviceN":
			if len(v) > 1 {
				names := []pdfread.Object{v[1]}
				if arr := p.f.Array(v[1]); arr != nil {
					names = arr
				}
				var spot []string
				all := 0
				for _, n := range names {
					switch s := p.f.Name(n); s {
					case "All":
						all++
					case "None", "Cyan", "Magenta", "Yellow", "Black":
					default:
						spot = append(spot, string(s))
					}
				}
				if len(spot) > 0 {
					return colour{family: "spot", desc: string(fam) + " " + strings.Join(spot, ", ")}
				}
				if all > 0 {
					return colour{family: "registration", desc: string(fam) + " All"}
				}
				return colour{family: "cmyk", desc: string(fam)}
			}
		case "Pattern":
			c := colour{family: "pattern", desc: "Pattern"}
			if len(v) > 1 {
				b := p.colourSpaceIn(v[1], res, depth+1)
				c.base = &b
			}
			return c
		}
		return colour{family: "other", desc: string(fam)}
	}
	return colour{family: "other", desc: "unknown"}
}

// font returns the font resource name, read once per document.
func (p *pageRun) font(res pdfread.Dict, name string) *font {
	fonts := p.f.Dict(res["Font"])
	if fonts == nil {
		return &font{name: name + " (missing)", widths: map[int]float64{}, dflt: 600}
	}
	o := fonts[pdfread.Name(name)]
	key := name
	if ref, ok := o.(pdfread.Ref); ok {
		key = ref.String()
	}
	if f, ok := p.doc.fonts[key]; ok {
		return f
	}
	f := loadFont(p.f, o)
	p.doc.fonts[key] = f
	return f
}

// extGState reports transparency in a graphics state parameter dictionary.
func (p *pageRun) extGState(d pdfread.Dict, name string, at place) {
	if d == nil || !p.opt.PrintFile {
		return
	}
	for _, k := range []pdfread.Name{"CA", "ca"} {
		if v, ok := p.f.Number(d[k]); ok && v < 1 {
			p.add(RuleTransparency, at, "graphics state /%s sets /%s %g (opacity below 1)", name, k, v)
		}
	}
	if bm := p.f.Resolve(d["BM"]); bm != nil {
		mode := strings.Trim(pdfread.Describe(bm), "[]/ ")
		if a, ok := bm.(pdfread.Array); ok && len(a) > 0 {
			mode = string(p.f.Name(a[0]))
		}
		if mode != "Normal" && mode != "Compatible" {
			p.add(RuleTransparency, at, "graphics state /%s sets blend mode %s", name, mode)
		}
	}
	if sm := p.f.Resolve(d["SMask"]); sm != nil {
		if n, ok := sm.(pdfread.Name); !ok || n != "None" {
			p.add(RuleTransparency, at, "graphics state /%s sets a soft mask", name)
		}
	}
}

// xobject checks an image or interprets a form drawn with Do.
func (p *pageRun) xobject(res pdfread.Dict, name string, g gstate, depth int) error {
	o := p.f.Dict(res["XObject"])[pdfread.Name(name)]
	sd := p.f.Stream(o)
	if sd == nil {
		return nil
	}
	d := sd.Dict
	switch p.f.Name(d["Subtype"]) {
	case "Image":
		w, _ := p.f.Number(d["Width"])
		h, _ := p.f.Number(d["Height"])
		mask := p.f.Resolve(d["ImageMask"]) == pdfread.Bool(true)
		cs := g.fill
		if !mask {
			cs = p.colourSpace(d["ColorSpace"], res)
		}
		p.image("/"+name, w, h, cs, d["SMask"] != nil, mask, g)
	case "Form":
		if grp := p.f.Dict(d["Group"]); grp != nil && p.opt.PrintFile && p.f.Name(grp["S"]) == "Transparency" {
			x, y := g.ctm.apply(0, 0)
			p.add(RuleTransparency, where(x, y), "form /%s is a transparency group", name)
		}
		fres := p.f.Dict(d["Resources"])
		if fres == nil {
			fres = res
		}
		return p.draw(sd, "form /"+name, fres, p.matrix(d).mul(g.ctm), depth)
	}
	return nil
}

// matrix reads the /Matrix of a form or pattern.
func (p *pageRun) matrix(d pdfread.Dict) matrix {
	m := identity
	if arr := p.f.Array(d["Matrix"]); len(arr) == 6 {
		for k := range m {
			m[k], _ = p.f.Number(arr[k])
		}
	}
	return m
}

// draw interprets the content of a form or tiling pattern, unless it is being drawn
// already (it would draw itself for ever) or drawn within more than maxFormDepth others.
func (p *pageRun) draw(s *pdfread.Stream, what string, res pdfread.Dict, ctm matrix, depth int) error {
	if depth >= maxFormDepth {
		p.add(RuleComplexity, place{}, "%s (%s) is drawn within more than %d forms and patterns; it is not checked", what, s.Ref, maxFormDepth)
		return nil
	}
	if p.drawing[s.Ref.Num] {
		p.add(RuleStructure, place{}, "%s (%s) draws itself; it is checked once", what, s.Ref)
		return nil
	}
	content, ok := p.decoded(s, what)
	if !ok {
		return nil
	}
	p.drawing[s.Ref.Num] = true
	defer delete(p.drawing, s.Ref.Num)
	return p.run(content, res, ctm, depth+1, what)
}

// pattern returns the colour that pattern name paints with in the pattern colour space
// cur: a shading pattern's colour space, or the underlying colour space of an uncoloured
// tiling pattern. A coloured tiling pattern's own content is interpreted in pattern space
// (base) and the pattern colour itself is returned.
func (p *pageRun) pattern(res pdfread.Dict, name string, cur colour, base matrix, depth int) (colour, error) {
	o := p.f.Resolve(p.f.Dict(res["Pattern"])[pdfread.Name(name)])
	var d pdfread.Dict
	var sd *pdfread.Stream
	switch v := o.(type) {
	case pdfread.Dict:
		d = v
	case *pdfread.Stream:
		d, sd = v.Dict, v
	default:
		return cur, nil
	}
	switch t, _ := p.f.Number(d["PatternType"]); t {
	case 2:
		shd := p.f.Dict(d["Shading"])
		if shd == nil {
			return cur, nil
		}
		c := p.colourSpace(shd["ColorSpace"], res)
		c.desc = "shading pattern /" + name + " in " + c.desc
		return c, nil
	case 1:
		if paint, _ := p.f.Number(d["PaintType"]); paint == 2 {
			if cur.base != nil {
				return *cur.base, nil
			}
			return cur, nil
		}
		if sd == nil {
			return cur, nil
		}
		if err := p.draw(sd, "pattern /"+name, p.f.Dict(d["Resources"]), p.matrix(d).mul(base), depth); err != nil {
			return cur, err
		}
	}
	return cur, nil
}

// decoded returns the decoded content of a form or pattern stream, decoding it once per
// document while the cache holds less than maxFormCache; a stream that cannot be decoded
// is reported.
func (p *pageRun) decoded(s *pdfread.Stream, what string) ([]byte, bool) {
	if c, ok := p.doc.forms[s.Ref.Num]; ok {
		return c, true
	}
	content, err := p.f.Decode(s)
	if err != nil {
		p.problem(fmt.Errorf("%s: %w", what, err), RuleStructure)
		var de *pdfread.DamagedError
		if !errors.As(err, &de) {
			return nil, false
		}
	}
	if p.doc.cache+len(content) <= maxFormCache {
		p.doc.forms[s.Ref.Num] = content
		p.doc.cache += len(content)
	}
	return content, true
}

// inlineImage checks an image given inline with BI … ID … EI.
func (p *pageRun) inlineImage(d pdfread.Dict, g gstate, res pdfread.Dict) {
	get := func(keys ...pdfread.Name) pdfread.Object {
		for _, k := range keys {
			if v, ok := d[k]; ok {
				return v
			}
		}
		return nil
	}
	w, _ := get("W", "Width").(pdfread.Number)
	h, _ := get("H", "Height").(pdfread.Number)
	mask := get("IM", "ImageMask") == pdfread.Bool(true)
	cs := g.fill
	if c := get("CS", "ColorSpace"); c != nil && !mask {
		cs = p.colourSpace(c, res)
	}
	p.image("inline image", float64(w), float64(h), cs, false, mask, g)
}

// image checks the colour, transparency and resolution of an image placed by the CTM.
func (p *pageRun) image(name string, w, h float64, cs colour, smask, mask bool, g gstate) {
	var b box
	for _, c := range [][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		b.add(g.ctm.apply(c[0], c[1]))
	}
	at := where(b.x0, b.y1)
	p.checkColour(cs, "image "+name, at, b)
	if smask && p.opt.PrintFile {
		p.add(RuleTransparency, at, "image %s has a soft mask", name)
	}
	if mask || !p.opt.PrintFile {
		return
	}
	ws, hs := g.ctm.xScale(), g.ctm.yScale()
	if ws == 0 || hs == 0 {
		return
	}
	dpi := math.Min(w/(ws/72), h/(hs/72))
	if dpi < p.opt.MinImageDPI-0.5 {
		p.add(RuleImageDPI, at, "image %s (%g × %g px) is %.0f dpi at %.1f × %.1f mm, below %g dpi",
			name, w, h, dpi, ws/units.PtPerMM, hs/units.PtPerMM, p.opt.MinImageDPI)
	}
}

// work counts n operators more of work on the page and in the document (text shown
// counts one for every textPerOp bytes); the limits are checked at the next operator.
func (p *pageRun) work(n int) {
	p.ops += n
	p.doc.ops += n
}
