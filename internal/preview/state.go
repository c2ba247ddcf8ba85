package preview

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/svg"
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
)

// snapshot is what the page shows of one version of the data, as the page reads it
// (GET /state); its problems are rendered for each request in the page's language.
type snapshot struct {
	// Version counts the versions the preview has shown, from 1.
	Version int    `json:"version"`
	Data    string `json:"data"`
	Title   string `json:"title"`
	Stand   string `json:"stand"`
	// OK tells whether this version has no problems; otherwise Pages, Tables and Lines are
	// those of the last version without problems (PagesVersion), if any.
	OK       bool      `json:"ok"`
	Problems []problem `json:"problems"`
	// Notes are remarks on this version that are no problems (see layout.Plan.Notes).
	Notes        []problem `json:"notes"`
	PagesVersion int       `json:"pagesVersion"`
	Pages        []page    `json:"pages"`
	Tables       []table   `json:"tables"`
	// Lines holds the data file's lines that the pages' texts come from, by number.
	Lines map[int]string `json:"lines"`
	// TookMS is how long reading, checking, laying out and painting took.
	TookMS int64 `json:"tookMs"`

	// failure is the problem of this version: brochure.Diagnostics, or an error of the
	// file as a whole (unreadable) or of the program (a bug); src the data it was found in.
	failure error
	src     []string
	notes   brochure.Diagnostics
}

// problem is one problem of the data, rendered in a language.
type problem struct {
	File   string `json:"file"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"col,omitempty"`
	// Path is the value's path in the data; Where says which value that is for people.
	Path  string `json:"path,omitempty"`
	Where string `json:"where,omitempty"`
	Msg   string `json:"msg"`
	Hint  string `json:"hint,omitempty"`
	// Source is the text of the problem's line in the data file.
	Source string `json:"source,omitempty"`
}

// page is one side of the leaflet.
type page struct {
	Name string `json:"name"`
	SVG  string `json:"svg"`
}

// table is one roster sheet.
type table struct {
	Sheet  string     `json:"sheet"`
	File   string     `json:"file"`
	Header []string   `json:"header"`
	Rows   [][]string `json:"rows"`
}

// maxSourceLine is how much of a line of the data file the page shows.
const maxSourceLine = 200

// makeSnapshot reads, checks and lays out the data src read from the file name (readErr
// when it could not be read) and paints the pages. The result has no version yet.
func makeSnapshot(name string, src []byte, readErr error) *snapshot {
	start := time.Now()
	s := &snapshot{Data: name, Lines: map[int]string{}}
	defer func() {
		if r := recover(); r != nil {
			// A bug: show it as the file's problem rather than stop the preview.
			*s = snapshot{Data: name, failure: i18n.T("preview.internal", r)}
		}
		s.TookMS = time.Since(start).Milliseconds()
	}()
	if readErr != nil {
		s.failure = readErr
		return s
	}
	s.src = brochure.Lines(src)
	n, err := brochure.Load(name, src)
	var plan *layout.Plan
	if err == nil {
		s.Title, s.Stand = n.Network.Name, n.Edition.Stand.German()
		plan, err = edition.Layout(n)
	}
	if err == nil {
		s.notes = plan.Notes
		err = s.paint(n, plan)
	}
	if err != nil {
		s.failure = err
		return s
	}
	for _, t := range roster.Tables(n) {
		s.Tables = append(s.Tables, table{Sheet: t.Sheet, File: t.File, Header: t.Header, Rows: t.Rows})
	}
	s.OK = true
	return s
}

// paint paints the plan's pages, each text and marker with its line in the data.
func (s *snapshot) paint(n *brochure.Network, plan *layout.Plan) error {
	opt := svg.Options{Guides: true, Source: func(path string) int {
		l := n.Positions.At(path).Line
		s.Lines[l] = sourceLine(s.src, l)
		return l
	}}
	for i, pg := range plan.Pages {
		b, err := svg.Page(plan, i, opt)
		if err != nil {
			return err
		}
		s.Pages = append(s.Pages, page{Name: pg.Name, SVG: string(b)})
	}
	return nil
}

// in returns the snapshot with its problems rendered in language l.
func (s *snapshot) in(l i18n.Lang) *snapshot {
	out := *s
	out.Problems = problems(s.Data, s.failure, s.src, l)
	if s.failure == nil {
		out.Notes = rendered(s.notes, s.src, l)
	}
	return &out
}

// problems renders the diagnostics in err, or err itself as a problem of the whole file, in
// language l, each with the text of its line in src.
func problems(name string, err error, src []string, l i18n.Lang) []problem {
	if err == nil {
		return nil
	}
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		return []problem{{File: name, Msg: i18n.Localise(err, l)}}
	}
	return rendered(ds, src, l)
}

// rendered renders diagnostics in language l, each with the text of its line in src.
func rendered(ds brochure.Diagnostics, src []string, l i18n.Lang) []problem {
	ps := make([]problem, len(ds))
	for i, d := range ds {
		ps[i] = problem{File: d.File, Line: d.Pos.Line, Column: d.Pos.Column, Path: d.Path, Where: d.WhereIn(l),
			Msg: d.Msg.In(l), Hint: d.Hint.In(l), Source: sourceLine(src, d.Pos.Line)}
	}
	return ps
}

// sourceLine returns line l (from 1) of the data file, cut to maxSourceLine characters.
func sourceLine(lines []string, l int) string {
	if l < 1 || l > len(lines) {
		return ""
	}
	s := strings.TrimRight(lines[l-1], "\r")
	if utf8.RuneCountInString(s) > maxSourceLine {
		s = string([]rune(s)[:maxSourceLine]) + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
