package preflight

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// The rules that Check applies; every Finding names one.
const (
	RuleBoxes        = "boxes"            // MediaBox, BleedBox and TrimBox present and nested
	RuleBleed        = "bleed"            // the BleedBox reaches far enough beyond the trim
	RuleFonts        = "font-embedded"    // every font used is embedded
	RuleRGB          = "rgb-colour"       // no RGB colour in a print file
	RuleSpot         = "spot-colour"      // no spot colours in a print file
	RuleTransparency = "transparency"     // no transparency in a print file
	RuleImageDPI     = "image-resolution" // images at MinImageDPI or more at their placed size
	RuleTextSize     = "text-size"        // no text below MinTextPt
	RuleSafety       = "safety-zone"      // text keeps SafetyMM from trim and folds
	RulePDFX         = "pdfx"             // output intent and the PDF/X keys
	RuleForbidden    = "forbidden"        // what PDF/X forbids: annotations, actions, encryption, layers
	RuleSyntax       = "syntax"           // operators with the operands they take; no unknown operators outside BX … EX
	RuleComplexity   = "complexity"       // the file stays within the limits of the preflight (docs/preflight.md)
	RuleStructure    = "structure"        // the file's structure is sound: cross-references, page tree, streams
)

// Options say what to check. Zero numbers mean the defaults of the leaflet spec.
type Options struct {
	// PrintFile applies the print-only rules (boxes, bleed, colour, transparency,
	// image resolution, PDF/X). Without it, only fonts, text size and the safety zone
	// are checked.
	PrintFile bool
	// SafetyMM is the distance text keeps from trim and folds (default 5 mm).
	SafetyMM float64
	// Folds gives by page (1-based) the x positions of the folds in mm from the left
	// trim.
	Folds map[int][]float64
	// MinBleedMM is the least bleed on every side (default 3 mm; a negative value asks
	// for none, for a leaflet made deliberately without bleed).
	MinBleedMM float64
	// MinTextPt is the smallest type size allowed (default 6 pt).
	MinTextPt float64
	// MinImageDPI is the least image resolution at the placed size (default 300).
	MinImageDPI float64
}

func (o Options) withDefaults() Options {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.SafetyMM, 5)
	def(&o.MinBleedMM, 3)
	def(&o.MinTextPt, 6)
	def(&o.MinImageDPI, 300)
	return o
}

// Finding is one broken rule. Page is 1-based, or 0 for the document as a whole.
type Finding struct {
	Rule    string
	Page    int
	Where   string
	Message string
}

// String formats the finding as "page 2: rgb-colour: message at (12.0, 30.5) mm".
func (f Finding) String() string {
	s := "document"
	if f.Page > 0 {
		s = fmt.Sprintf("page %d", f.Page)
	}
	s += ": " + f.Rule + ": " + f.Message
	if f.Where != "" {
		s += " " + f.Where
	}
	return s
}

// Report is what Check found.
type Report struct {
	Findings []Finding
	// More counts the findings on pages beyond the first 1000 (the findings of the
	// document as a whole are all kept).
	More int
}

// OK reports whether the file broke no rule.
func (r *Report) OK() bool { return len(r.Findings) == 0 }

// Count is the number of findings, those beyond the first 1000 included.
func (r *Report) Count() int { return len(r.Findings) + r.More }

// Rules returns the names of the rules broken, sorted, each once.
func (r *Report) Rules() []string {
	seen := map[string]bool{}
	var rules []string
	for _, f := range r.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			rules = append(rules, f.Rule)
		}
	}
	sort.Strings(rules)
	return rules
}

// String lists the findings, one a line, or says that the file passed.
func (r *Report) String() string {
	if r.OK() {
		return "no findings\n"
	}
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	if r.More > 0 {
		fmt.Fprintf(&b, "and %d more findings on later pages\n", r.More)
	}
	return b.String()
}

// Caps of the findings kept: of one rule on one page, and on all pages together (those
// of the document as a whole are few and all kept). The rest are counted.
const (
	maxPerRule     = 10
	maxPageFinding = 1000
)

// maxMessage caps the bytes of a finding's message: it may quote names and texts of the
// file, which can be megabytes long.
const maxMessage = 500

// clip cuts a message to maxMessage bytes at a character boundary.
func clip(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// ruleOnPage keys the count of a rule's findings on a page.
type ruleOnPage struct {
	page int
	rule string
}

// collector gathers findings, drops exact repeats and caps each rule per page and the
// findings of all pages.
type collector struct {
	findings []Finding
	seen     map[Finding]bool
	count    map[ruleOnPage]int
	onPages  int // findings of pages kept
	more     int // findings of pages beyond maxPageFinding
}

// room reports whether a finding of rule on page would be kept, and counts it when it
// would not: callers skip the work of writing it.
func (c *collector) room(page int, rule string) bool {
	if c.count == nil {
		c.seen, c.count = map[Finding]bool{}, map[ruleOnPage]int{}
	}
	k := ruleOnPage{page, rule}
	if c.count[k] >= maxPerRule {
		c.count[k]++
		return false
	}
	return true
}

func (c *collector) add(f Finding) {
	if !c.room(f.Page, f.Rule) {
		return
	}
	f.Message, f.Where = clip(f.Message), clip(f.Where)
	if c.seen[f] {
		return
	}
	c.seen[f] = true
	c.count[ruleOnPage{f.Page, f.Rule}]++
	if f.Page > 0 {
		if c.onPages == maxPageFinding {
			c.more++
			return
		}
		c.onPages++
	}
	c.findings = append(c.findings, f)
}

func (c *collector) report() *Report {
	for k, n := range c.count {
		if n > maxPerRule {
			c.findings = append(c.findings, Finding{Rule: k.rule, Page: k.page, Message: fmt.Sprintf("and %d more", n-maxPerRule)})
		}
	}
	sort.SliceStable(c.findings, func(i, j int) bool {
		a, b := c.findings[i], c.findings[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Rule < b.Rule
	})
	return &Report{Findings: c.findings, More: c.more}
}
