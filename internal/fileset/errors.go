package fileset

import (
	"errors"
	"fmt"
	"strings"
)

// errReadOnly marks an output that is write-protected rather than held open.
var errReadOnly = errors.New("the file is write-protected")

// Blocked is one existing output that cannot be replaced.
type Blocked struct {
	Path string
	// ReadOnly is set when the file is write-protected; otherwise another program holds it
	// open (on Windows, Excel or a PDF viewer keep their files so).
	ReadOnly bool
	Err      error
}

// InUseError reports the outputs that cannot be replaced, found before anything was
// written: nothing in the directory has changed.
type InUseError struct {
	Files []Blocked
}

func (e *InUseError) Error() string {
	var b strings.Builder
	for i, f := range e.Files {
		if i > 0 {
			b.WriteString("; ")
		}
		if f.ReadOnly {
			fmt.Fprintf(&b, "%s is write-protected", f.Path)
		} else {
			fmt.Fprintf(&b, "%s is open in another program", f.Path)
		}
	}
	b.WriteString("; nothing was replaced")
	return b.String()
}

// Unwrap returns the operating system's errors.
func (e *InUseError) Unwrap() []error {
	errs := make([]error, len(e.Files))
	for i, f := range e.Files {
		errs[i] = f.Err
	}
	return errs
}

// PartialError reports a rename that failed after others had succeeded: the directory holds
// part of the new set, and the journal stays, so that the next write completes the set.
type PartialError struct {
	Path string
	// Done counts the outputs already replaced by the new set.
	Done int
	// Resumed is set when completing an earlier, interrupted set failed.
	Resumed bool
	Err     error
}

func (e *PartialError) Error() string {
	if e.Resumed {
		return fmt.Sprintf("complete the outputs of an interrupted build: put %s in place: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("put %s in place after %d other outputs were replaced (the next build completes the set): %v", e.Path, e.Done, e.Err)
}

// Unwrap returns the operating system's error.
func (e *PartialError) Unwrap() error { return e.Err }
