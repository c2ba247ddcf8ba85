package preflight

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Rules on overprint and the registration colour, in print files. PDF/X-3 allows overprint
// (black text that overprints is what print shops expect), but white that overprints
// vanishes on press; and the registration colour (/Separation /All) prints on every plate,
// so it belongs to crop and fold marks in the slug, beyond the bleed, only.
const (
	RuleOverprint    = "overprint"    // nothing white is painted with overprint on
	RuleRegistration = "registration" // the registration colour only outside the bleed
)

// isWhite reports whether the colour operands a in a colour space of family give no ink:
// gray and RGB at 1, process and separation tints at 0. Operands that are not numbers (a
// pattern name) give no white.
func isWhite(family string, a []operand) bool {
	n := 0
	for _, o := range a {
		if o.kind != kNum {
			return false
		}
		switch family {
		case "gray", "rgb":
			if o.num < 1 {
				return false
			}
		case "cmyk", "spot", "registration":
			if o.num > 0 {
				return false
			}
		default:
			return false
		}
		n++
	}
	return n > 0
}

// overprintParams follows the overprint parameters of the graphics state dictionary d: /OP
// sets stroke overprint and, unless /op is given, fill overprint too.
func (p *pageRun) overprintParams(g *gstate, d types.Dict) {
	if d == nil {
		return
	}
	flag := func(k string) (bool, bool) {
		o, _ := p.xt.Dereference(d[k])
		b, ok := o.(types.Boolean)
		return bool(b), ok
	}
	if v, ok := flag("OP"); ok {
		g.OP, g.op = v, v
	}
	if v, ok := flag("op"); ok {
		g.op = v
	}
}

// checkOverprint reports white painted with overprint on: it would leave the inks under it
// and so not show at all.
func (p *pageRun) checkOverprint(c colour, overprint bool, what, at string) {
	if p.opt.PrintFile && overprint && c.white {
		p.add(RuleOverprint, at, "white %s is set to overprint, so it would not print (%s)", what, c.desc)
	}
}

// checkRegistration reports the registration colour painted over the area b unless b lies
// wholly outside the bleed (the BleedBox, else the TrimBox or MediaBox): in the slug, where
// crop and fold marks stand.
func (p *pageRun) checkRegistration(what, at string, b box) {
	outer := p.bleed
	if outer == nil {
		outer = p.ref
	}
	const eps = 0.01
	if b.set && (b.x1 <= outer.LL.X+eps || b.x0 >= outer.UR.X-eps || b.y1 <= outer.LL.Y+eps || b.y0 >= outer.UR.Y-eps) {
		return
	}
	p.add(RuleRegistration, at, "%s in the registration colour (Separation /All, ink on every plate) reaches into the bleed; keep it to crop and fold marks in the slug", what)
}
