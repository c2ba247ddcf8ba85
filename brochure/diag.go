package brochure

import (
	"fmt"
	"sort"
	"strings"
)

// Diagnostic is one problem found in a data file, with where it stands and what to do.
type Diagnostic struct {
	File string
	// Pos is the line and column in File; zero where the file has no lines (a workbook).
	Pos Pos
	// Path is the value's path in the data, e.g. "members[3].ags", or its cell in a
	// workbook, e.g. "Mitglieder!B7"; empty for problems of the file as a whole.
	Path string
	Msg  string
	// Hint says what to do, where that is not plain from Msg.
	Hint string
}

// String formats the diagnostic as "file:line:column: path: message" (without line and
// column when Pos is zero), with the hint on a line of its own.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, "%s:%d:%d: ", d.File, d.Pos.Line, d.Pos.Column)
	} else {
		fmt.Fprintf(&b, "%s: ", d.File)
	}
	if d.Path != "" {
		b.WriteString(d.Path + ": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString("\n\thint: " + d.Hint)
	}
	return b.String()
}

// Diagnostics is a list of problems; as an error it reports all of them, sorted by place.
type Diagnostics []Diagnostic

// Error lists every diagnostic on its own line.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the diagnostics by file, line, column and message.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Msg < b.Msg
	})
}

// Sorted sorts the diagnostics (see Sort) and drops exact duplicates.
func (ds Diagnostics) Sorted() Diagnostics {
	ds.Sort()
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// collector gathers diagnostics for one file.
type collector struct {
	file string
	pos  Positions
	list Diagnostics
	// flagged holds the paths whose values could not be decoded; within those that lie
	// above one. The rules do not judge those values again.
	flagged, within map[string]bool
	// rules is set once decoding is done: the rules' own problems do not hide each other.
	rules bool
}

// at records a problem at a position.
func (c *collector) at(p Pos, path, hint, format string, args ...any) {
	c.list = append(c.list, Diagnostic{File: c.file, Pos: p, Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint})
	if path == "" || c.rules {
		return
	}
	if c.flagged == nil {
		c.flagged, c.within = map[string]bool{}, map[string]bool{}
	}
	c.flagged[path] = true
	for a := parent(path); a != ""; a = parent(a) {
		c.within[a] = true
	}
}

// add records a problem that a rule finds with the value at path, unless that value (or a
// value inside it or around it) could not be decoded: it is not judged again.
func (c *collector) add(path, hint, format string, args ...any) {
	if !c.has(path) {
		c.at(c.pos.At(path), path, hint, format, args...)
	}
}

// has reports whether the value at path, a value inside it or a value around it could not
// be decoded.
func (c *collector) has(path string) bool {
	if c.within[path] {
		return true
	}
	for a := path; a != ""; a = parent(a) {
		if c.flagged[a] {
			return true
		}
	}
	return false
}

// parent cuts the last key or index off a path: "members[3].city" → "members[3]" →
// "members" → "".
func parent(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// err returns the diagnostics as an error, sorted, or nil when there are none.
func (c *collector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	c.list.Sort()
	return c.list
}
