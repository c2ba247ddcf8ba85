package preflight

import (
	"errors"
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/internal/pdfread"
)

// MaxFileSize is the largest PDF that Check reads.
const MaxFileSize = pdfread.MaxFileSize

// Limits of the work of interpreting content, beside the limits of reading the file
// (pdfread.DefaultLimits); docs/preflight.md explains each. Forms that draw forms many
// times over multiply the operators to interpret; what exceeds a limit is reported, not
// interpreted further.
const (
	maxOpsPerPage       = 1_000_000
	maxOpsPerDocument   = 4_000_000
	maxBytesPerPage     = 64 << 20  // content bytes interpreted on a page, a form's each time it is drawn
	maxBytesPerDocument = 128 << 20 // the same for the whole document
	maxFormDepth        = 8         // forms and patterns drawn within forms and patterns
	maxFormCache        = 64 << 20  // decoded forms and patterns kept for drawing again
	textPerOp           = 32        // bytes of text shown that count as much work as an operator
)

// errTooComplex stops the interpretation of a page that exceeds the limits of a page.
var errTooComplex = errors.New("page too complex")

// errDocTooComplex stops the interpretation of the document.
var errDocTooComplex = errors.New("document too complex")

// ErrInternal marks an error of the preflight itself (a panic recovered), not of the file.
var ErrInternal = errors.New("internal error of the preflight")

// budget is the work done so far on the document.
type budget struct {
	ops   int
	bytes int
	forms map[int][]byte // decoded form and pattern streams by object number
	cache int            // bytes in forms
	fonts map[string]*font
}

func newBudget() *budget {
	return &budget{forms: map[int][]byte{}, fonts: map[string]*font{}}
}

func complexityMessage(err error) string {
	if errors.Is(err, errDocTooComplex) {
		return fmt.Sprintf("the document needs more than %d operators or %d MB of content to draw (forms drawn within forms); the rest of it is not checked",
			maxOpsPerDocument, maxBytesPerDocument>>20)
	}
	return fmt.Sprintf("the page needs more than %d operators or %d MB of content to draw (forms drawn within forms); the rest of it is not checked",
		maxOpsPerPage, maxBytesPerPage>>20)
}
