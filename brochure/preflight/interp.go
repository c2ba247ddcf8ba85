package preflight

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
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
	c     *collector
	opt   Options
	xt    *model.XRefTable
	num   int
	ref   *types.Rectangle // TrimBox, else MediaBox: where positions are measured from
	bleed *types.Rectangle // BleedBox, if any
	folds []float64
	fonts map[string]*font // by resource dictionary and name
	forms map[int][]byte   // decoded form and pattern streams by object number
	ops   int              // operators interpreted on the page so far
	bytes int              // content stream bytes read on the page so far
}

// Limits of the work on one page: forms that draw forms many times over multiply the
// operators to interpret; a page that needs more is reported, not interpreted further.
const (
	maxOpsPerPage   = 1_000_000
	maxBytesPerPage = 64 << 20
)

// errTooComplex stops the interpretation of a page that exceeds the limits.
var errTooComplex = errors.New("page too complex")

// where formats a device point as millimetres from the top-left of the trim.
func (p *pageRun) where(x, y float64) string {
	return fmt.Sprintf("at (%.1f, %.1f) mm", (x-p.ref.LL.X)/units.PtPerMM, (p.ref.UR.Y-y)/units.PtPerMM)
}

func (p *pageRun) add(rule, where, format string, args ...any) {
	p.c.add(Finding{Rule: rule, Page: p.num, Where: where, Message: fmt.Sprintf(format, args...)})
}

// run interprets a content stream with its resources under the matrix ctm; stream names
// it in findings ("the page content", "form /F1").
func (p *pageRun) run(content []byte, res types.Dict, ctm matrix, depth int, stream string) error {
	if depth > 8 {
		return fmt.Errorf("forms nested deeper than 8")
	}
	if p.bytes += len(content); p.bytes > maxBytesPerPage {
		return errTooComplex
	}
	compat := 0 // BX … EX nesting
	black := colour{family: "gray", desc: "default black"}
	g := gstate{ctm: ctm, fill: black, stroke: black, th: 100}
	var stack []gstate
	var tm, tlm matrix
	var path box
	var cur [2]float64 // current point, device space
	l := lexer{b: content}
	for {
		o, ok, err := l.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if p.ops++; p.ops > maxOpsPerPage {
			return errTooComplex
		}
		switch o.name {
		case "BX":
			compat++
		case "EX":
			compat = max(0, compat-1)
		}
		if msg := syntaxError(o, compat > 0); msg != "" {
			p.add(RuleSyntax, fmt.Sprintf("at byte %d of %s", o.pos, stream), "%s", msg)
			if !setsColour[o.name] {
				continue
			}
		}
		a := o.args
		num := func(i int) float64 {
			if i < len(a) && a[i].kind == kNum {
				return a[i].num
			}
			return 0
		}
		pt := func(x, y float64) {
			dx, dy := g.ctm.apply(x, y)
			path.add(dx, dy)
			cur = [2]float64{dx, dy}
		}
		switch o.name {
		case "q":
			stack = append(stack, g)
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
		case "g":
			g.fill = colour{family: "gray", desc: "g", white: isWhite("gray", a)}
		case "G":
			g.stroke = colour{family: "gray", desc: "G", white: isWhite("gray", a)}
		case "rg", "RG":
			c := colour{family: "rgb", desc: fmt.Sprintf("%s %g %g %g", o.name, num(0), num(1), num(2)), white: isWhite("rgb", a)}
			if o.name == "rg" {
				g.fill = c
			} else {
				g.stroke = c
			}
		case "k":
			g.fill = colour{family: "cmyk", desc: "k", white: isWhite("cmyk", a)}
		case "K":
			g.stroke = colour{family: "cmyk", desc: "K", white: isWhite("cmyk", a)}
		case "cs", "CS":
			if len(a) == 0 || a[0].kind != kName {
				continue
			}
			c := p.colourSpace(types.Name(a[0].s), res)
			if o.name == "cs" {
				g.fill = c
			} else {
				g.stroke = c
			}
		case "sc", "SC":
			c := &g.fill
			if o.name == "SC" {
				c = &g.stroke
			}
			c.white = isWhite(c.family, a)
		case "scn", "SCN":
			c := &g.fill
			if o.name == "SCN" {
				c = &g.stroke
			}
			c.white = isWhite(c.family, a)
			if c.family == "pattern" && len(a) > 0 && a[len(a)-1].kind == kName {
				pc, err := p.pattern(res, a[len(a)-1].s, *c, ctm, depth)
				if err != nil {
					return err
				}
				*c = pc
			}
		case "m", "l":
			pt(num(0), num(1))
		case "c":
			pt(num(0), num(1))
			pt(num(2), num(3))
			pt(num(4), num(5))
		case "v", "y":
			pt(num(0), num(1))
			pt(num(2), num(3))
		case "re":
			x, y, w, h := num(0), num(1), num(2), num(3)
			pt(x, y)
			pt(x+w, y+h)
			pt(x+w, y)
			pt(x, y+h)
		case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "n":
			if path.set {
				at := p.where(path.x0, path.y1)
				if strings.ContainsAny(o.name[:1], "fFBb") {
					p.checkColour(g.fill, "fill", at, path)
					p.checkOverprint(g.fill, g.op, "fill", at)
				}
				if strings.ContainsAny(o.name[:1], "SsBb") {
					p.checkColour(g.stroke, "stroke", at, path)
					p.checkOverprint(g.stroke, g.OP, "stroke", at)
				}
			}
			path = box{}
		case "sh":
			if len(a) > 0 {
				if sd := p.resource(res, "Shading", a[0].s); sd != nil {
					p.checkColour(p.colourSpace(sd["ColorSpace"], res), "shading", p.where(cur[0], cur[1]), box{})
				}
			}
		case "gs":
			if len(a) > 0 {
				gs := p.resource(res, "ExtGState", a[0].s)
				p.extGState(gs, a[0].s, p.where(cur[0], cur[1]))
				p.overprintParams(&g, gs)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(a) >= 2 {
				g.font = p.font(res, a[0].s)
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0)
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tr":
			g.render = int(num(0))
		case "Td", "TD":
			if o.name == "TD" {
				g.tl = -num(1)
			}
			tlm = translate(num(0), num(1)).mul(tlm)
			tm = tlm
		case "Tm":
			tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
			tm = tlm
		case "T*":
			tlm = translate(0, -g.tl).mul(tlm)
			tm = tlm
		case "Tj", "'", "\"", "TJ":
			if o.name != "Tj" && o.name != "TJ" {
				tlm = translate(0, -g.tl).mul(tlm)
				tm = tlm
			}
			if o.name == "\"" {
				g.tw, g.tc = num(0), num(1)
			}
			if len(a) == 0 {
				continue
			}
			parts := []operand{a[len(a)-1]}
			if o.name == "TJ" {
				parts = a[0].arr
			}
			tm = p.showText(&g, tm, parts)
		case "Do":
			if len(a) > 0 {
				if err := p.xobject(res, a[0].s, g, depth); err != nil {
					return err
				}
			}
		case "BI":
			if len(a) > 0 {
				p.inlineImage(a[0], g, res)
			}
		}
	}
}

// showText checks one show-text operation and returns the text matrix after it.
func (p *pageRun) showText(g *gstate, tm matrix, parts []operand) matrix {
	f := g.font
	if f == nil {
		f = &font{name: "no font", embedded: true, widths: map[int]float64{}, dflt: 600}
	}
	var adv float64
	var text strings.Builder
	for _, part := range parts {
		switch part.kind {
		case kNum:
			adv -= part.num / 1000 * g.size * g.th / 100
		case kStr:
			text.WriteString(f.text(part.s))
			for _, code := range f.codes(part.s) {
				w := f.width(code)/1000*g.size + g.tc
				if code == 32 && !f.twoByte {
					w += g.tw
				}
				adv += w * g.th / 100
			}
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
	at := p.where(x0, y0)
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
func (p *pageRun) safety(b box, s, at string) {
	k := units.PtPerMM
	left, right := (b.x0-p.ref.LL.X)/k, (b.x1-p.ref.LL.X)/k
	top, bottom := (p.ref.UR.Y-b.y1)/k, (p.ref.UR.Y-b.y0)/k
	w, h := p.ref.Width()/k, p.ref.Height()/k
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
func (p *pageRun) checkColour(c colour, what, at string, b box) {
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
func (p *pageRun) resource(res types.Dict, category, name string) types.Dict {
	if res == nil {
		return nil
	}
	cat, err := p.xt.DereferenceDict(res[category])
	if err != nil || cat == nil {
		return nil
	}
	o, err := p.xt.Dereference(cat[name])
	if err != nil || o == nil {
		return nil
	}
	switch v := o.(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

// colourSpace classifies a colour space given by name or array.
func (p *pageRun) colourSpace(o types.Object, res types.Dict) colour {
	o, _ = p.xt.Dereference(o)
	switch v := o.(type) {
	case types.Name:
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
		if res != nil {
			if cat, _ := p.xt.DereferenceDict(res["ColorSpace"]); cat != nil && cat[string(v)] != nil {
				return p.colourSpace(cat[string(v)], nil)
			}
		}
		return colour{family: "other", desc: string(v)}
	case types.Array:
		if len(v) == 0 {
			return colour{family: "other", desc: "empty array"}
		}
		fam, _ := v[0].(types.Name)
		switch fam {
		case "ICCBased":
			if len(v) > 1 {
				if sd, _, err := p.xt.DereferenceStreamDict(v[1]); err == nil && sd != nil {
					n, _ := p.xt.DereferenceNumber(sd.Dict["N"])
					switch n {
					case 1:
						return colour{family: "gray", desc: "ICCBased gray"}
					case 3:
						return iccRGB()
					case 4:
						return colour{family: "cmyk", desc: "ICCBased CMYK"}
					}
				}
			}
		case "CalRGB":
			return colour{family: "rgb", desc: "CalRGB"}
		case "CalGray":
			return colour{family: "gray", desc: "CalGray"}
		case "Indexed", "I":
			if len(v) > 1 {
				c := p.colourSpace(v[1], res)
				c.desc = "Indexed " + c.desc
				return c
			}
		case "Separation", "DeviceN":
			if len(v) > 1 {
				names := []types.Object{v[1]}
				if arr, err := p.xt.DereferenceArray(v[1]); err == nil && arr != nil {
					names = arr
				}
				var spot []string
				all := 0
				for _, n := range names {
					n, _ := p.xt.Dereference(n)
					switch s, _ := n.(types.Name); s {
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
				b := p.colourSpace(v[1], res)
				c.base = &b
			}
			return c
		}
		return colour{family: "other", desc: string(fam)}
	}
	return colour{family: "other", desc: "unknown"}
}

// font returns the font resource name, cached.
func (p *pageRun) font(res types.Dict, name string) *font {
	fonts, _ := p.xt.DereferenceDict(res["Font"])
	if fonts == nil {
		return &font{name: name + " (missing)", widths: map[int]float64{}, dflt: 600}
	}
	o := fonts[name]
	key := name
	if ref, ok := o.(types.IndirectRef); ok {
		key = ref.String()
	}
	if f, ok := p.fonts[key]; ok {
		return f
	}
	f := loadFont(p.xt, o)
	p.fonts[key] = f
	return f
}

// extGState reports transparency in a graphics state parameter dictionary.
func (p *pageRun) extGState(d types.Dict, name, at string) {
	if d == nil || !p.opt.PrintFile {
		return
	}
	for _, k := range []string{"CA", "ca"} {
		if d[k] != nil {
			if v, err := p.xt.DereferenceNumber(d[k]); err == nil && v < 1 {
				p.add(RuleTransparency, at, "graphics state /%s sets /%s %g (opacity below 1)", name, k, v)
			}
		}
	}
	if bm, _ := p.xt.Dereference(d["BM"]); bm != nil {
		mode := strings.Trim(bm.String(), "[]/ ")
		if mode != "Normal" && mode != "Compatible" {
			p.add(RuleTransparency, at, "graphics state /%s sets blend mode %s", name, mode)
		}
	}
	if sm, _ := p.xt.Dereference(d["SMask"]); sm != nil {
		if n, ok := sm.(types.Name); !ok || n != "None" {
			p.add(RuleTransparency, at, "graphics state /%s sets a soft mask", name)
		}
	}
}

// xobject checks an image or interprets a form drawn with Do.
func (p *pageRun) xobject(res types.Dict, name string, g gstate, depth int) error {
	cat, _ := p.xt.DereferenceDict(res["XObject"])
	if cat == nil {
		return nil
	}
	sd, _, err := p.xt.DereferenceStreamDict(cat[name])
	if err != nil || sd == nil {
		return nil
	}
	switch st := sd.Dict.NameEntry("Subtype"); {
	case st != nil && *st == "Image":
		w, _ := p.xt.DereferenceNumber(sd.Dict["Width"])
		h, _ := p.xt.DereferenceNumber(sd.Dict["Height"])
		mask := false
		if b, _ := p.xt.Dereference(sd.Dict["ImageMask"]); b != nil {
			mask = b.String() == "true"
		}
		cs := g.fill
		if !mask {
			cs = p.colourSpace(sd.Dict["ColorSpace"], res)
		}
		p.image("/"+name, w, h, cs, sd.Dict["SMask"] != nil, mask, g)
	case st != nil && *st == "Form":
		if grp, _ := p.xt.DereferenceDict(sd.Dict["Group"]); grp != nil && p.opt.PrintFile {
			if s := grp.NameEntry("S"); s != nil && *s == "Transparency" {
				x, y := g.ctm.apply(0, 0)
				p.add(RuleTransparency, p.where(x, y), "form /%s is a transparency group", name)
			}
		}
		content, err := p.decoded(cat[name], sd)
		if err != nil {
			return fmt.Errorf("form /%s: %w", name, err)
		}
		m := identity
		if arr, _ := p.xt.DereferenceArray(sd.Dict["Matrix"]); len(arr) == 6 {
			for k := range m {
				m[k], _ = p.xt.DereferenceNumber(arr[k])
			}
		}
		fres, _ := p.xt.DereferenceDict(sd.Dict["Resources"])
		if fres == nil {
			fres = res
		}
		if err := p.run(content, fres, m.mul(g.ctm), depth+1, "form /"+name); err != nil {
			return fmt.Errorf("form /%s: %w", name, err)
		}
	}
	return nil
}

// pattern returns the colour that pattern name paints with in the pattern colour space
// cur: a shading pattern's colour space, or the underlying colour space of an uncoloured
// tiling pattern. A coloured tiling pattern's own content is interpreted in pattern space
// (base) and the pattern colour itself is returned.
func (p *pageRun) pattern(res types.Dict, name string, cur colour, base matrix, depth int) (colour, error) {
	cat, _ := p.xt.DereferenceDict(res["Pattern"])
	if cat == nil {
		return cur, nil
	}
	o, err := p.xt.Dereference(cat[name])
	if err != nil || o == nil {
		return cur, nil
	}
	var d types.Dict
	var sd *types.StreamDict
	switch v := o.(type) {
	case types.Dict:
		d = v
	case types.StreamDict:
		d, sd = v.Dict, &v
	default:
		return cur, nil
	}
	m := identity
	if arr, _ := p.xt.DereferenceArray(d["Matrix"]); len(arr) == 6 {
		for k := range m {
			m[k], _ = p.xt.DereferenceNumber(arr[k])
		}
	}
	switch t, _ := p.xt.DereferenceNumber(d["PatternType"]); t {
	case 2:
		sh, _ := p.xt.Dereference(d["Shading"])
		var shd types.Dict
		switch v := sh.(type) {
		case types.Dict:
			shd = v
		case types.StreamDict:
			shd = v.Dict
		}
		if shd == nil {
			return cur, nil
		}
		c := p.colourSpace(shd["ColorSpace"], res)
		c.desc = "shading pattern /" + name + " in " + c.desc
		return c, nil
	case 1:
		if paint, _ := p.xt.DereferenceNumber(d["PaintType"]); paint == 2 {
			if cur.base != nil {
				return *cur.base, nil
			}
			return cur, nil
		}
		if sd == nil {
			return cur, nil
		}
		content, err := p.decoded(cat[name], sd)
		if err != nil {
			return cur, fmt.Errorf("pattern /%s: %w", name, err)
		}
		pres, _ := p.xt.DereferenceDict(d["Resources"])
		if err := p.run(content, pres, m.mul(base), depth+1, "pattern /"+name); err != nil {
			return cur, fmt.Errorf("pattern /%s: %w", name, err)
		}
	}
	return cur, nil
}

// decoded returns the decoded content of the stream ref, decoding it once per Check.
func (p *pageRun) decoded(ref types.Object, sd *types.StreamDict) ([]byte, error) {
	r, ok := ref.(types.IndirectRef)
	if ok {
		if c, ok := p.forms[r.ObjectNumber.Value()]; ok {
			return c, nil
		}
	}
	if err := sd.Decode(); err != nil {
		return nil, err
	}
	if ok {
		p.forms[r.ObjectNumber.Value()] = sd.Content
	}
	return sd.Content, nil
}

// inlineImage checks an image given inline with BI … ID … EI.
func (p *pageRun) inlineImage(d operand, g gstate, res types.Dict) {
	w, _ := d.get("W", "Width")
	h, _ := d.get("H", "Height")
	mask := false
	if m, ok := d.get("IM", "ImageMask"); ok {
		mask = m.s == "true"
	}
	cs := g.fill
	if c, ok := d.get("CS", "ColorSpace"); ok && !mask && c.kind == kName {
		cs = p.colourSpace(types.Name(c.s), res)
	}
	p.image("inline image", w.num, h.num, cs, false, mask, g)
}

// image checks the colour, transparency and resolution of an image placed by the CTM.
func (p *pageRun) image(name string, w, h float64, cs colour, smask, mask bool, g gstate) {
	var b box
	for _, c := range [][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		b.add(g.ctm.apply(c[0], c[1]))
	}
	at := p.where(b.x0, b.y1)
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
