package preflight

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight/internal/pdfread"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// Check reads pdf and reports every broken print rule with its page and position.
// An error means the file could not be read at all; a file that breaks rules, or whose
// structure is broken, or that exceeds a limit of the preflight, gives a Report with
// findings and no error. A panic of the preflight itself comes back as an error wrapping
// ErrInternal.
func Check(pdf []byte, opt Options) (rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("preflight: %w: %v\n%s", ErrInternal, r, firstFrames(debug.Stack()))
		}
	}()
	opt = opt.withDefaults()
	f, err := pdfread.Open(pdf, pdfread.DefaultLimits())
	if err != nil {
		return nil, fmt.Errorf("preflight: %w", err)
	}
	c := &collector{}
	seen := 0 // problems of the file reported so far
	problems := func(page int) {
		for _, err := range f.Problems()[seen:] {
			rule := RuleStructure
			var le *pdfread.LimitError
			if errors.As(err, &le) {
				rule = RuleComplexity
			}
			c.add(Finding{Rule: rule, Page: page, Message: err.Error()})
		}
		seen = len(f.Problems())
	}
	problems(0)
	if opt.PrintFile {
		checkDocument(f, c)
	}
	pages, reached := f.Pages()
	problems(0)
	if len(pages) == 0 {
		c.add(Finding{Rule: RuleStructure, Message: "the file has no pages"})
	}
	doc := newBudget()
	for i, pg := range pages {
		err := checkPage(f, i+1, pg, opt, c, doc)
		problems(i + 1)
		if errors.Is(err, errDocTooComplex) {
			c.add(Finding{Rule: RuleComplexity, Page: i + 1, Message: complexityMessage(err) +
				fmt.Sprintf(" (pages %d to %d)", i+1, len(pages))})
			break
		}
	}
	for _, r := range f.Unreached(reached) {
		c.add(Finding{Rule: RuleStructure, Message: fmt.Sprintf("%s is a page that the page tree does not reach: a viewer or printer may show it or not; it is not checked", r)})
	}
	problems(0)
	if n := f.Dropped(); n > 0 {
		c.add(Finding{Rule: RuleStructure, Message: fmt.Sprintf("and %d more problems of the file's structure", n)})
	}
	return c.report(), nil
}

// firstFrames keeps the top of a stack trace for the message of an internal error.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	return strings.Join(lines[:min(len(lines), 16)], "\n")
}

// checkDocument checks the PDF/X keys and what PDF/X forbids in the catalog.
func checkDocument(f *pdfread.File, c *collector) {
	add := func(rule, format string, args ...any) {
		c.add(Finding{Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	if f.Encrypted() {
		add(RuleForbidden, "the file is encrypted")
	}
	if len(f.Array(f.Trailer()["ID"])) != 2 {
		add(RulePDFX, "the trailer has no /ID")
	}
	info := f.Dict(f.Trailer()["Info"])
	text := func(k pdfread.Name) string { return f.Text(info[k]) }
	version := text("GTS_PDFXVersion")
	header, _ := strconv.ParseFloat(f.Version(), 64)
	switch {
	case version == "":
		add(RulePDFX, "the Info dictionary has no /GTS_PDFXVersion")
	case !strings.HasPrefix(version, "PDF/X-"):
		add(RulePDFX, "/GTS_PDFXVersion %q is not a PDF/X version", version)
	case (strings.HasPrefix(version, "PDF/X-3:2002") || strings.HasPrefix(version, "PDF/X-1a:2001")) && header > 1.3:
		add(RulePDFX, "%s needs PDF 1.3, the file is PDF %s", version, f.Version())
	}
	if text("Title") == "" {
		add(RulePDFX, "the Info dictionary has no /Title")
	}
	for _, k := range []pdfread.Name{"CreationDate", "ModDate"} {
		if text(k) == "" {
			add(RulePDFX, "the Info dictionary has no /%s", k)
		}
	}
	if t := f.Resolve(info["Trapped"]); t == nil {
		add(RulePDFX, "the Info dictionary has no /Trapped (True or False)")
	} else if n, _ := t.(pdfread.Name); n != "True" && n != "False" {
		add(RulePDFX, "/Trapped is %s, want /True or /False", pdfread.Describe(t))
	}

	cat := f.Catalog()
	checkOutputIntent(f, cat, func(format string, args ...any) { add(RulePDFX, format, args...) })
	for _, k := range []pdfread.Name{"OCProperties", "AcroForm", "AA"} {
		if cat[k] != nil {
			add(RuleForbidden, "the catalog has /%s (%s)", k, map[pdfread.Name]string{"OCProperties": "layers", "AcroForm": "form fields", "AA": "actions"}[k])
		}
	}
	if oa, ok := f.Resolve(cat["OpenAction"]).(pdfread.Dict); ok {
		add(RuleForbidden, "the catalog has an /OpenAction action /%s", f.Name(oa["S"]))
	}
	if names := f.Dict(cat["Names"]); names != nil {
		if names["JavaScript"] != nil {
			add(RuleForbidden, "the file carries JavaScript")
		}
		if ef := f.Dict(names["EmbeddedFiles"]); ef != nil {
			if len(f.Array(ef["Names"])) > 0 || ef["Kids"] != nil {
				add(RuleForbidden, "the file has attachments")
			}
		}
	}
}

// checkOutputIntent wants an output intent /GTS_PDFX with a registered condition or a
// profile.
func checkOutputIntent(f *pdfread.File, cat pdfread.Dict, add func(string, ...any)) {
	var found int
	for _, o := range f.Array(cat["OutputIntents"]) {
		d := f.Dict(o)
		if d == nil || f.Name(d["S"]) != "GTS_PDFX" {
			continue
		}
		found++
		id := f.Text(d["OutputConditionIdentifier"])
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
		if f.Text(d["RegistryName"]) == "" {
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

// checkPage checks the boxes and annotations of page n and interprets its content. It
// returns errDocTooComplex when the document's limits are exceeded.
func checkPage(f *pdfread.File, n int, pg pdfread.Page, opt Options, c *collector, doc *budget) error {
	d := pg.Dict
	add := func(rule, format string, args ...any) {
		c.add(Finding{Rule: rule, Page: n, Message: fmt.Sprintf(format, args...)})
	}
	media, ok := pageBox(f, pg.MediaBox)
	if !ok {
		add(RuleBoxes, "no MediaBox")
		return nil
	}
	trim, hasTrim := pageBox(f, d["TrimBox"])
	bleed, hasBleed := pageBox(f, d["BleedBox"])
	if opt.PrintFile {
		checkBoxes(media, bleed, trim, hasBleed, hasTrim, opt.MinBleedMM, add)
		if annots := f.Array(d["Annots"]); len(annots) > 0 {
			add(RuleForbidden, "%d annotations (links or comments)", len(annots))
		}
		if d["AA"] != nil {
			add(RuleForbidden, "the page has actions (/AA)")
		}
		if grp := f.Dict(d["Group"]); grp != nil && f.Name(grp["S"]) == "Transparency" {
			add(RuleTransparency, "the page is a transparency group")
		}
	}
	ref := media
	if hasTrim {
		ref = trim
	}
	if doc.ops >= maxOpsPerDocument || doc.bytes >= maxBytesPerDocument {
		return errDocTooComplex // before decoding what would not be read
	}
	outer := ref
	if hasBleed {
		outer = bleed
	}
	run := &pageRun{c: c, opt: opt, f: f, num: n, ref: ref, bleed: outer, folds: opt.Folds[n], doc: doc, drawing: map[int]bool{}}
	content, problems := f.Contents(d["Contents"], "the page content")
	for _, err := range problems {
		run.problem(err, RuleStructure)
	}
	if content == nil {
		return nil
	}
	err := run.run(content, pg.Resources, identity, 0, "the page content")
	if errors.Is(err, errTooComplex) {
		add(RuleComplexity, "%s", complexityMessage(err))
		return nil
	}
	return err
}

// pageBox reads a box of four numbers, normalised so that x0 ≤ x1 and y0 ≤ y1.
func pageBox(f *pdfread.File, o pdfread.Object) (rect, bool) {
	arr := f.Array(o)
	if len(arr) != 4 {
		return rect{}, false
	}
	var v [4]float64
	for k := range v {
		var ok bool
		if v[k], ok = f.Number(arr[k]); !ok {
			return rect{}, false
		}
	}
	return rect{min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3])}, true
}

// checkBoxes wants TrimBox inside BleedBox inside MediaBox and enough bleed.
func checkBoxes(media, bleed, trim rect, hasBleed, hasTrim bool, minBleed float64, add func(string, string, ...any)) {
	if !hasTrim {
		add(RuleBoxes, "no TrimBox")
	}
	if !hasBleed {
		add(RuleBoxes, "no BleedBox")
	}
	const eps = 0.01
	within := func(in, out rect) bool {
		return in.x0 >= out.x0-eps && in.y0 >= out.y0-eps && in.x1 <= out.x1+eps && in.y1 <= out.y1+eps
	}
	if hasBleed && !within(bleed, media) {
		add(RuleBoxes, "BleedBox %s is not inside MediaBox %s", mm(bleed), mm(media))
	}
	if !hasTrim || !hasBleed {
		return
	}
	if !within(trim, bleed) {
		add(RuleBoxes, "TrimBox %s is not inside BleedBox %s", mm(trim), mm(bleed))
		return
	}
	for _, s := range []struct {
		side string
		d    float64
	}{{"left", trim.x0 - bleed.x0}, {"bottom", trim.y0 - bleed.y0}, {"right", bleed.x1 - trim.x1}, {"top", bleed.y1 - trim.y1}} {
		if d := s.d / units.PtPerMM; d < minBleed-0.05 {
			add(RuleBleed, "%.1f mm bleed at the %s, want %g mm", d, s.side, minBleed)
		}
	}
}

// mm formats a box as its corners in millimetres.
func mm(r rect) string {
	return fmt.Sprintf("[%.1f %.1f %.1f %.1f] mm", r.x0/units.PtPerMM, r.y0/units.PtPerMM, r.x1/units.PtPerMM, r.y1/units.PtPerMM)
}
