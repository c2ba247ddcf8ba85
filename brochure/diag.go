package brochure

import (
	"fmt"
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// Diagnostic is one problem found in a data file, with where it stands and what to do. Its
// texts are messages of the catalogue (package i18n): Format renders it in a language.
type Diagnostic struct {
	File string
	// Pos is the line and column in File; zero where the file has no lines (a workbook).
	Pos Pos
	// Path is the value's path in the data, e.g. "members[3].ags" (counted from 0, as in
	// Positions), or its cell in a workbook, e.g. "Mitglieder!B7"; empty for problems of the
	// file as a whole.
	Path string
	// Where says for people which value Path is: members by their city, lists counted
	// from 1, e.g. `member "Bonn" (no. 4), ags`.
	Where []i18n.Text
	Msg   i18n.Text
	// Hint says what to do, where that is not plain from Msg.
	Hint i18n.Text
}

// Place names where the diagnostic is: "file:line:column", or the file alone where Pos is
// zero.
func (d Diagnostic) Place() string {
	if d.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d", d.File, d.Pos.Line, d.Pos.Column)
	}
	return d.File
}

// Format renders the diagnostic in language l as "file:line:column: where: message" (without
// line and column when Pos is zero), with the hint on a line of its own.
func (d Diagnostic) Format(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(d.Place() + ": ")
	if w := d.WhereIn(l); w != "" {
		b.WriteString(w + ": ")
	}
	b.WriteString(d.Msg.In(l))
	if !d.Hint.IsZero() {
		b.WriteString("\n\t" + i18n.T("diag.hint", d.Hint).In(l))
	}
	return b.String()
}

// WhereIn renders Where in language l; it is empty for problems of the file as a whole.
func (d Diagnostic) WhereIn(l i18n.Lang) string {
	parts := make([]string, len(d.Where))
	for i, w := range d.Where {
		parts[i] = w.In(l)
	}
	return strings.Join(parts, ", ")
}

// String renders the diagnostic in English.
func (d Diagnostic) String() string { return d.Format(i18n.English) }

// Diagnostics is a list of problems; as an error it reports all of them, sorted by place.
type Diagnostics []Diagnostic

// MaxShown caps the diagnostics that are listed: a file of thousands of broken entries is
// answered with the first 200, in the order of the file, and the number of the rest.
const MaxShown = 200

// Shown returns the diagnostics to list, at most MaxShown, and how many more there are.
func (ds Diagnostics) Shown() (shown Diagnostics, more int) {
	if len(ds) <= MaxShown {
		return ds, 0
	}
	return ds[:MaxShown], len(ds) - MaxShown
}

// Error lists the diagnostics in English (see In).
func (ds Diagnostics) Error() string { return ds.In(i18n.English) }

// In lists the diagnostics each on its own line, in language l, at most MaxShown of them and
// then how many more there are.
func (ds Diagnostics) In(l i18n.Lang) string {
	shown, more := ds.Shown()
	lines := make([]string, len(shown), len(shown)+1)
	for i, d := range shown {
		lines[i] = d.Format(l)
	}
	if more > 0 {
		lines = append(lines, i18n.T("diag.more", more).In(l))
	}
	return strings.Join(lines, "\n")
}

// Sort orders the diagnostics by file, line, column, path and message.
func (ds Diagnostics) Sort() {
	msgs := make(map[*Diagnostic]string, len(ds))
	msg := func(d *Diagnostic) string {
		m, ok := msgs[d]
		if !ok {
			m = d.Msg.String()
			msgs[d] = m
		}
		return m
	}
	idx := make([]int, len(ds))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &ds[idx[i]], &ds[idx[j]]
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
		return msg(a) < msg(b)
	})
	sorted := make(Diagnostics, len(ds))
	for i, k := range idx {
		sorted[i] = ds[k]
	}
	copy(ds, sorted)
}

// Sorted sorts the diagnostics (see Sort) and drops exact duplicates.
func (ds Diagnostics) Sorted() Diagnostics {
	ds.Sort()
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d.String() == ds[i-1].String() {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Diagnostic makes a diagnostic of the value at path in n's data file: its place and how
// people name it come from the file.
func (n *Network) Diagnostic(path string, msg, hint i18n.Text) Diagnostic {
	return Diagnostic{File: n.File, Pos: n.Positions.At(path), Path: path, Where: n.where(path), Msg: msg, Hint: hint}
}

// collector gathers diagnostics for one file.
type collector struct {
	file string
	pos  Positions
	// n is the network being decoded, to name members by their city; nil before decoding.
	n    *Network
	list Diagnostics
	// flagged holds the paths whose values could not be decoded; within those that lie
	// above one. The rules do not judge those values again.
	flagged, within map[string]bool
	// rules is set once decoding is done: the rules' own problems do not hide each other.
	rules bool
}

// at records a problem at a position.
func (c *collector) at(p Pos, path string, msg i18n.Text, hint ...i18n.Text) {
	d := Diagnostic{File: c.file, Pos: p, Path: path, Msg: msg}
	if len(hint) > 0 {
		d.Hint = hint[0]
	}
	c.list = append(c.list, d)
	if path != "" && !c.rules {
		c.flag(path)
	}
}

// flag marks the value at path as one that could not be decoded, without a diagnostic of
// its own: another diagnostic says why.
func (c *collector) flag(path string) {
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
func (c *collector) add(path string, msg i18n.Text, hint ...i18n.Text) {
	if !c.has(path) {
		c.at(c.pos.At(path), path, msg, hint...)
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

// err returns the diagnostics as an error, sorted and with the values named for people, or
// nil when there are none.
func (c *collector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	for i := range c.list {
		if d := &c.list[i]; d.Where == nil && d.Path != "" {
			d.Where = c.n.where(d.Path)
		}
	}
	c.list.Sort()
	return c.list
}
