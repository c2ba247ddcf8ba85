package roster

import (
	"github.com/staedtenetz-nrw/brochure/brochure/internal/typeset"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// Page geometry of the member list (roster.pdf), in millimetres: A4 portrait.
const (
	listPageW, listPageH = 210.0, 297.0
	listMarginX          = 18.0
	listContentW         = listPageW - 2*listMarginX
	listHeadTop          = 9.0   // top of the running head's first line
	listHeadGap          = 5.0   // from the rule under the running head to the body
	listBottom           = 280.0 // the body ends here
	listFootBaseline     = 288.0 // baseline of "Seite X von Y"
	listRuleThin         = 0.2 * units.MMPerPt
	listRuleHead         = 0.6 * units.MMPerPt
)

// Table cells: padding inside a cell, in millimetres.
const (
	listPadX = 1.2
	listPadY = 1.1
)

// listStyle is a type style of the member list: a face of package fonts, a size in points,
// the leading in millimetres and whether it is printed grey.
type listStyle struct {
	font    string
	size    float64
	leading float64
	grey    bool
}

// The member list's type styles.
var (
	lsTitle    = listStyle{font: "semibold", size: 16, leading: 7.2}
	lsSubtitle = listStyle{font: "regular", size: 11, leading: 5.2}
	lsSection  = listStyle{font: "semibold", size: 12, leading: 5.6}
	lsBody     = listStyle{font: "regular", size: 9, leading: 4.1}
	lsStrong   = listStyle{font: "semibold", size: 9, leading: 4.1}
	lsColumn   = listStyle{font: "semibold", size: 7.5, leading: 3.4, grey: true}
	lsSmall    = listStyle{font: "regular", size: 7.5, leading: 3.3, grey: true}
)

// listPlan is the member list laid out: what goes where on each page, in millimetres from
// the page's top left corner. The painter draws it without measuring again.
type listPlan struct {
	pages []*listPage
	// head is the running head on every page, above a rule at headRule; foot the style
	// of "Seite X von Y".
	head     []listText
	headRule float64
}

// listPage is one page of the member list.
type listPage struct {
	texts []listText
	rules []listRule
	marks []listMark
}

// listText is one line of text: its words at x plus each word's X, on the baseline.
type listText struct {
	style    listStyle
	x        float64
	baseline float64
	words    []typeset.Word
	link     string // a URL the line links to, or ""
}

// listRule is a horizontal rule.
type listRule struct {
	x, y, w, weight float64
}

// listMark is a bookmark of the PDF's outline: a section's title at y.
type listMark struct {
	title string
	y     float64
}

// width is the width of the line's words.
func (t listText) width() float64 {
	if len(t.words) == 0 {
		return 0
	}
	last := t.words[len(t.words)-1]
	return last.X + last.Width
}
