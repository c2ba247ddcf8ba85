package pdfread

import "fmt"

// Limits bound what reading one file may take, so that a file made to exhaust memory or
// time is reported instead of read. docs/preflight.md explains each.
type Limits struct {
	FileSize      int64 // bytes of the file
	StreamSize    int64 // decoded bytes of one stream (a page's content streams count as one)
	Decoded       int64 // decoded bytes of all streams of the file together
	ObjectMemory  int64 // estimated bytes of the objects parsed and held
	Depth         int   // nesting of arrays and dictionaries in an object or content stream
	XRefSections  int   // cross-reference sections in the chain of /Prev
	Pages         int   // pages in the page tree
	PageTreeDepth int   // levels of /Pages nodes
	Objects       int   // objects in the cross-reference table
	Parse         int64 // work of parsing objects, all together: a byte read counts 1, a value 32
}

// MaxFileSize is the largest file the preflight reads: a print PDF of a leaflet has a
// few MB, a brochure with images at 300 dpi rarely 100 MB.
const MaxFileSize = 256 << 20

// DefaultLimits are the limits of the preflight.
func DefaultLimits() Limits {
	return Limits{
		FileSize:      MaxFileSize,
		StreamSize:    64 << 20,
		Decoded:       256 << 20,
		ObjectMemory:  64 << 20,
		Depth:         64,
		XRefSections:  256,
		Pages:         10_000,
		PageTreeDepth: 64,
		Objects:       1_000_000,
		Parse:         128 << 20,
	}
}

// LimitError reports a limit that the file exceeds, naming where.
type LimitError struct {
	Where string // "object 12", "the cross-reference table"
	What  string // "arrays and dictionaries nested deeper than 64"
}

func (e *LimitError) Error() string { return e.Where + ": " + e.What }

func limitf(where, format string, args ...any) *LimitError {
	return &LimitError{Where: where, What: fmt.Sprintf(format, args...)}
}

// mb writes a byte count in MB for messages.
func mb(n int64) string {
	return fmt.Sprintf("%d MB", n>>20)
}
