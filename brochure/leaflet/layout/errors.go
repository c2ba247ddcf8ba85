package layout

import (
	"fmt"
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Error is a problem that keeps the leaflet from being laid out: text that does not fit its
// panel, a character the font lacks, a block that names nothing. Pos is where the data that
// causes it stands in the YAML file.
type Error struct {
	File string
	Pos  brochure.Pos
	// Path is the value's path in the data, as brochure.Path builds it.
	Path  string
	Panel string
	Block string
	Msg   string
}

// Error writes the error as "file:12:5: leaflet.blocks[4].paragraphs[1]: panel inside 2:
// block about: …".
func (e Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ":")
	}
	fmt.Fprintf(&b, "%d:%d: ", e.Pos.Line, e.Pos.Column)
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	if e.Panel != "" {
		fmt.Fprintf(&b, "panel %s: ", e.Panel)
	}
	if e.Block != "" {
		fmt.Fprintf(&b, "block %s: ", e.Block)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found, sorted by position in the data.
type Errors []Error

// Error lists every problem on its own line.
func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Diagnostics converts the errors into the data's diagnostics, for reporting them together
// with the loader's.
func (es Errors) Diagnostics() brochure.Diagnostics {
	ds := make(brochure.Diagnostics, len(es))
	for i, e := range es {
		msg := e.Msg
		if e.Block != "" {
			msg = "block " + e.Block + ": " + msg
		}
		if e.Panel != "" {
			msg = "panel " + e.Panel + ": " + msg
		}
		ds[i] = brochure.Diagnostic{File: e.File, Pos: e.Pos, Path: e.Path, Msg: msg}
	}
	return ds
}

// sortErrors orders errors by position, then by message, and drops exact duplicates.
func sortErrors(es []Error) Errors {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.Error() < b.Error()
	})
	out := es[:0]
	for i, e := range es {
		if i > 0 && e == es[i-1] {
			continue
		}
		out = append(out, e)
	}
	return Errors(out)
}
