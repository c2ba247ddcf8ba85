package preflight

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"errors"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
)

// Check reads pdf and reports every broken print rule with its page and position.
// An error means the file could not be read at all; a file that breaks rules gives a
// Report with findings and no error.
func Check(pdf []byte, opt Options) (*Report, error) {
	opt = opt.withDefaults()
	ctx, err := pdfx.Read(pdf)
	if err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}
	xt := ctx.XRefTable
	c := &collector{}
	if opt.PrintFile {
		checkDocument(xt, c)
	}
	fonts, forms := map[string]*font{}, map[int][]byte{}
	for n := 1; n <= xt.PageCount; n++ {
		if err := checkPage(xt, n, opt, c, fonts, forms); err != nil {
			return nil, fmt.Errorf("preflight: page %d: %w", n, err)
		}
	}
	return c.report(), nil
}

// checkDocument checks the PDF/X keys and what PDF/X forbids in the catalog.
func checkDocument(xt *model.XRefTable, c *collector) {
	add := func(rule, format string, args ...any) {
		c.add(Finding{Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	if xt.Encrypt != nil {
		add(RuleForbidden, "the file is encrypted")
	}
	if len(xt.ID) != 2 {
		add(RulePDFX, "the trailer has no /ID")
	}
	info := types.Dict{}
	if xt.Info != nil {
		if d, err := xt.DereferenceDict(*xt.Info); err == nil && d != nil {
			info = d
		}
	}
	text := func(k string) string {
		s, _ := xt.DereferenceText(info[k])
		return s
	}
	version := text("GTS_PDFXVersion")
	switch {
	case version == "":
		add(RulePDFX, "the Info dictionary has no /GTS_PDFXVersion")
	case !strings.HasPrefix(version, "PDF/X-"):
		add(RulePDFX, "/GTS_PDFXVersion %q is not a PDF/X version", version)
	case xt.HeaderVersion != nil && (strings.HasPrefix(version, "PDF/X-3:2002") || strings.HasPrefix(version, "PDF/X-1a:2001")) && *xt.HeaderVersion > model.V13:
		add(RulePDFX, "%s needs PDF 1.3, the file is PDF %s", version, xt.HeaderVersion.String())
	}
	if text("Title") == "" {
		add(RulePDFX, "the Info dictionary has no /Title")
	}
	for _, k := range []string{"CreationDate", "ModDate"} {
		if text(k) == "" {
			add(RulePDFX, "the Info dictionary has no /%s", k)
		}
	}
	if t, _ := xt.Dereference(info["Trapped"]); t == nil {
		add(RulePDFX, "the Info dictionary has no /Trapped (True or False)")
	} else if n, _ := t.(types.Name); n != "True" && n != "False" {
		add(RulePDFX, "/Trapped is %s, want /True or /False", t)
	}

	cat, err := xt.Catalog()
	if err != nil {
		add(RulePDFX, "no catalog: %v", err)
		return
	}
	checkOutputIntent(xt, cat, func(format string, args ...any) { add(RulePDFX, format, args...) })
	for _, k := range []string{"OCProperties", "AcroForm", "AA"} {
		if cat[k] != nil {
			add(RuleForbidden, "the catalog has /%s (%s)", k, map[string]string{"OCProperties": "layers", "AcroForm": "form fields", "AA": "actions"}[k])
		}
	}
	if oa, _ := xt.Dereference(cat["OpenAction"]); oa != nil {
		if d, ok := oa.(types.Dict); ok {
			add(RuleForbidden, "the catalog has an /OpenAction action %v", d["S"])
		}
	}
	if names, _ := xt.DereferenceDict(cat["Names"]); names != nil {
		if names["JavaScript"] != nil {
			add(RuleForbidden, "the file carries JavaScript")
		}
		if ef, _ := xt.DereferenceDict(names["EmbeddedFiles"]); ef != nil {
			if arr, _ := xt.DereferenceArray(ef["Names"]); len(arr) > 0 || ef["Kids"] != nil {
				add(RuleForbidden, "the file has attachments")
			}
		}
	}
}

// checkOutputIntent wants an output intent /GTS_PDFX with a registered condition or a
// profile.
func checkOutputIntent(xt *model.XRefTable, cat types.Dict, add func(string, ...any)) {
	ois, _ := xt.DereferenceArray(cat["OutputIntents"])
	var found int
	for _, o := range ois {
		d, _ := xt.DereferenceDict(o)
		if d == nil {
			continue
		}
		if s := d.NameEntry("S"); s == nil || *s != "GTS_PDFX" {
			continue
		}
		found++
		id, _ := xt.DereferenceText(d["OutputConditionIdentifier"])
		if id == "" {
			add("the output intent has no /OutputConditionIdentifier")
			continue
		}
		if d["DestOutputProfile"] != nil {
			continue
		}
		if _, err := pdfx.LookupCondition(id); err != nil {
			add("the output intent names %q, which is not a registered condition, and embeds no profile", id)
		}
		if reg, _ := xt.DereferenceText(d["RegistryName"]); reg == "" {
			add("the output intent for %s has no /RegistryName", id)
		}
	}
	switch {
	case found == 0:
		add("the catalog has no output intent /GTS_PDFX")
	case found > 1:
		add("the catalog has %d output intents /GTS_PDFX, want one", found)
	}
}

// checkPage checks the boxes and annotations of page n and interprets its content.
func checkPage(xt *model.XRefTable, n int, opt Options, c *collector, fonts map[string]*font, forms map[int][]byte) error {
	d, _, inh, err := xt.PageDict(n, false)
	if err != nil {
		return err
	}
	add := func(rule, format string, args ...any) {
		c.add(Finding{Rule: rule, Page: n, Message: fmt.Sprintf(format, args...)})
	}
	media := inh.MediaBox
	if media == nil {
		add(RuleBoxes, "no MediaBox")
		return nil
	}
	trim := pageBox(xt, d, "TrimBox")
	bleed := pageBox(xt, d, "BleedBox")
	if opt.PrintFile {
		checkBoxes(media, bleed, trim, opt.MinBleedMM, add)
		if annots, _ := xt.DereferenceArray(d["Annots"]); len(annots) > 0 {
			add(RuleForbidden, "%d annotations (links or comments)", len(annots))
		}
		if d["AA"] != nil {
			add(RuleForbidden, "the page has actions (/AA)")
		}
		if grp, _ := xt.DereferenceDict(d["Group"]); grp != nil {
			if s := grp.NameEntry("S"); s != nil && *s == "Transparency" {
				add(RuleTransparency, "the page is a transparency group")
			}
		}
	}
	ref := trim
	if ref == nil {
		ref = media
	}
	content, err := xt.PageContent(d, n)
	if err != nil && err != model.ErrNoContent {
		return err
	}
	run := &pageRun{c: c, opt: opt, xt: xt, num: n, ref: ref, bleed: bleed, folds: opt.Folds[n], fonts: fonts, forms: forms}
	err = run.run(content, inh.Resources, identity, 0, "the page content")
	if errors.Is(err, errTooComplex) {
		add(RuleComplexity, "the page needs more than %d operators or %d MB of content to draw (forms drawn within forms); the rest of it is not checked",
			maxOpsPerPage, maxBytesPerPage>>20)
		return nil
	}
	return err
}

func pageBox(xt *model.XRefTable, d types.Dict, key string) *types.Rectangle {
	arr, err := xt.DereferenceArray(d[key])
	if err != nil || len(arr) != 4 {
		return nil
	}
	var v [4]float64
	for k := range v {
		if v[k], err = xt.DereferenceNumber(arr[k]); err != nil {
			return nil
		}
	}
	return types.NewRectangle(v[0], v[1], v[2], v[3])
}

// checkBoxes wants TrimBox inside BleedBox inside MediaBox and enough bleed.
func checkBoxes(media, bleed, trim *types.Rectangle, minBleed float64, add func(string, string, ...any)) {
	if trim == nil {
		add(RuleBoxes, "no TrimBox")
	}
	if bleed == nil {
		add(RuleBoxes, "no BleedBox")
	}
	const eps = 0.01
	within := func(in, out *types.Rectangle) bool {
		return in.LL.X >= out.LL.X-eps && in.LL.Y >= out.LL.Y-eps && in.UR.X <= out.UR.X+eps && in.UR.Y <= out.UR.Y+eps
	}
	if bleed != nil && !within(bleed, media) {
		add(RuleBoxes, "BleedBox %s is not inside MediaBox %s", mm(bleed), mm(media))
	}
	if trim == nil || bleed == nil {
		return
	}
	if !within(trim, bleed) {
		add(RuleBoxes, "TrimBox %s is not inside BleedBox %s", mm(trim), mm(bleed))
		return
	}
	for _, s := range []struct {
		side string
		d    float64
	}{{"left", trim.LL.X - bleed.LL.X}, {"bottom", trim.LL.Y - bleed.LL.Y}, {"right", bleed.UR.X - trim.UR.X}, {"top", bleed.UR.Y - trim.UR.Y}} {
		if d := s.d / units.PtPerMM; d < minBleed-0.05 {
			add(RuleBleed, "%.1f mm bleed at the %s, want %g mm", d, s.side, minBleed)
		}
	}
}

// mm formats a box as its size and origin in millimetres.
func mm(r *types.Rectangle) string {
	return fmt.Sprintf("[%.1f %.1f %.1f %.1f] mm", r.LL.X/units.PtPerMM, r.LL.Y/units.PtPerMM, r.UR.X/units.PtPerMM, r.UR.Y/units.PtPerMM)
}
