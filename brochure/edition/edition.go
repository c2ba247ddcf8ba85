// Package edition turns a loaded network into the complete set of output files: the leaflet
// in its print, print-with-marks and screen variants, and the rosters (workbook, CSV files
// and the printed member list). Every print file of the leaflet is checked by the
// preflight before it is handed out.
package edition

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
	"github.com/staedtenetz-nrw/brochure/data"
)

// Names of the outputs.
const (
	LeafletPrint  = "leaflet.pdf"
	LeafletMarks  = "leaflet-marks.pdf"
	LeafletScreen = "leaflet-screen.pdf"
	RosterXLSX    = "roster.xlsx"
	RosterPDF     = "roster.pdf"
)

// Files makes every output of the network in memory. Nothing is written: the caller hands
// the files to a file writer, so that either all of them appear or none. Problems with
// the data come back as brochure.Diagnostics.
func Files(n *brochure.Network) (files []brochure.File, err error) {
	return FilesSince(n, nil)
}

// FilesSince makes every output as Files does; when since, an earlier edition of the data,
// is given, the roster workbook lists what changed since then on a sheet of its own.
func FilesSince(n, since *brochure.Network) (files []brochure.File, err error) {
	return FilesOf(n, since, All)
}

// Part names the outputs that a build makes.
type Part string

// The parts a build can make.
const (
	All     Part = ""        // every output
	Leaflet Part = "leaflet" // the leaflet's three PDFs
	Roster  Part = "roster"  // the workbook, the CSV files and the printed member list
)

// Parts are the parts that can be made alone, as `build -only` names them.
var Parts = []Part{Leaflet, Roster}

// FilesOf makes the outputs of part as FilesSince does. Only the part's own problems are
// reported: the rosters of a network too large for the leaflet's member list can be made.
func FilesOf(n, since *brochure.Network, part Part) ([]brochure.File, error) {
	e, err := Make(n, since, part)
	if err != nil {
		return nil, err
	}
	return e.Files, nil
}

// Edition is what a build makes: the files in a fixed order, and notes on them that are no
// problems (the leaflet's loose lines, see layout.Plan.Notes), at their places in the data.
type Edition struct {
	Files []brochure.File
	Notes brochure.Diagnostics
}

// Make makes the outputs of part as FilesOf does, with the notes on them.
func Make(n, since *brochure.Network, part Part) (e *Edition, err error) {
	var l *changes.List
	if since != nil {
		cl := changes.Between(since, n)
		l = &cl
	}
	defer func() {
		if r := recover(); r != nil {
			e, err = nil, internalError(r)
		}
	}()
	// The rosters, the layout and then the leaflet's variants are independent of each
	// other: make them side by side, each into its own slot, so the order of the files stays
	// fixed. The rosters start first; the layout runs meanwhile.
	var plan *layout.Plan
	jobs := []func() ([]brochure.File, error){
		func() ([]brochure.File, error) { return printFiles(plan) },
		func() ([]brochure.File, error) {
			pdf, err := paint.Paint(plan, paint.Screen)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", LeafletScreen, err)
			}
			return []brochure.File{{Name: LeafletScreen, Data: pdf}}, nil
		},
		func() ([]brochure.File, error) {
			var xlsx bytes.Buffer
			if err := roster.WriteXLSXWithChanges(&xlsx, n, l); err != nil {
				return nil, fmt.Errorf("write %s: %w", RosterXLSX, err)
			}
			return []brochure.File{{Name: RosterXLSX, Data: xlsx.Bytes()}}, nil
		},
		func() ([]brochure.File, error) { return roster.CSVFiles(n) },
		func() ([]brochure.File, error) {
			var pdf bytes.Buffer
			if err := roster.WritePDF(&pdf, n); err != nil {
				var ds brochure.Diagnostics
				if errors.As(err, &ds) {
					return nil, err
				}
				return nil, fmt.Errorf("write %s: %w", RosterPDF, err)
			}
			return []brochure.File{{Name: RosterPDF, Data: pdf.Bytes()}}, nil
		},
	}
	const leaflets = 2 // the first jobs need the plan
	results := make([][]brochure.File, len(jobs))
	run := func(i int) (err error) {
		results[i], err = jobs[i]()
		return err
	}
	switch part {
	case Roster:
		problems, bugs := split(side(len(jobs)-leaflets, func(i int) error { return run(leaflets + i) })())
		if len(bugs) > 0 {
			return nil, errors.Join(bugs...)
		}
		if len(problems) > 0 {
			return nil, problems.Sorted()
		}
		return &Edition{Files: concat(results)}, nil
	case Leaflet:
		jobs = jobs[:leaflets]
	}
	rosters := side(len(jobs)-leaflets, func(i int) error { return run(leaflets + i) })
	plan, err = Layout(n)
	if err != nil {
		// The data's problems are what to report, the leaflet's and the member list's
		// together; the rosters may otherwise only have failed by a bug, which the problems
		// in the data would hide.
		problems, bugs := split(rosters())
		if len(bugs) > 0 {
			return nil, errors.Join(bugs...)
		}
		var ds brochure.Diagnostics
		if errors.As(err, &ds) {
			return nil, append(append(brochure.Diagnostics(nil), ds...), problems...).Sorted()
		}
		return nil, fmt.Errorf("lay out the leaflet: %w", err)
	}
	pdfs := side(leaflets, run)
	perr := pdfs()
	problems, bugs := split(rosters())
	if err := errors.Join(perr, errors.Join(bugs...)); err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems.Sorted()
	}
	return &Edition{Files: concat(results), Notes: plan.Notes}, nil
}

// concat returns the files of all results in order.
func concat(results [][]brochure.File) (files []brochure.File) {
	for _, r := range results {
		files = append(files, r...)
	}
	return files
}

// Layout lays out the leaflet of n on the map of North Rhine-Westphalia built into the
// program.
func Layout(n *brochure.Network) (*layout.Plan, error) {
	return layout.Build(n, layout.Geography{Outline: data.Outline, River: data.River})
}

// Check lays out the leaflet and the printed member list of n without painting them, and
// reports every problem with the data that Files would report there; without problems it
// returns the notes that Make would give.
func Check(n *brochure.Network) (notes brochure.Diagnostics, err error) {
	var lerr error
	wait := side(1, func(int) error { lerr = roster.CheckPDF(n); return nil })
	plan, err := Layout(n)
	wait()
	problems, bugs := split(lerr)
	if len(bugs) > 0 {
		return nil, errors.Join(bugs...)
	}
	var ds brochure.Diagnostics
	if errors.As(err, &ds) {
		return nil, append(append(brochure.Diagnostics(nil), ds...), problems...).Sorted()
	}
	if err != nil {
		return nil, fmt.Errorf("lay out the leaflet: %w", err)
	}
	if len(problems) > 0 {
		return nil, problems.Sorted()
	}
	return plan.Notes, nil
}

// printFiles paints the two print files, which must pass the preflight.
func printFiles(plan *layout.Plan) ([]brochure.File, error) {
	print, marks, err := paint.PrintFiles(plan)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", LeafletPrint, err)
	}
	files := []brochure.File{{Name: LeafletPrint, Data: print}, {Name: LeafletMarks, Data: marks}}
	if err := side(len(files), func(i int) error { return checkPrint(files[i].Name, files[i].Data, plan) })(); err != nil {
		return nil, err
	}
	return files, nil
}

// checkPrint runs the preflight on a print file and refuses it when anything is found.
func checkPrint(name string, pdf []byte, plan *layout.Plan) error {
	r, err := preflight.Check(pdf, PreflightOptions(plan))
	if err != nil {
		return fmt.Errorf("check %s: %w", name, err)
	}
	if !r.OK() {
		return fmt.Errorf("preflight of %s failed, the file was not written:\n%s", name, r.String())
	}
	return nil
}

// PreflightOptions are the print rules for the leaflet of plan: its folds on each page, the
// bleed the data asks for, and the distance its text keeps from trim and folds.
func PreflightOptions(plan *layout.Plan) preflight.Options {
	bleed := plan.BleedMM
	if bleed == 0 {
		bleed = -1 // none asked for
	}
	return preflight.Options{PrintFile: true, Folds: plan.Folds(), MinBleedMM: bleed, SafetyMM: plan.SafetyMM}
}

// split sorts the errors joined in err into the data's problems and all others.
func split(err error) (problems brochure.Diagnostics, others []error) {
	if err == nil {
		return nil, nil
	}
	if ds, ok := err.(brochure.Diagnostics); ok {
		return ds, nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			p, o := split(e)
			problems, others = append(problems, p...), append(others, o...)
		}
		return problems, others
	}
	return nil, []error{err}
}

// side starts job(0) … job(n-1) side by side and returns a function that waits for all of
// them and returns their errors joined; a job's panic becomes an internal error.
func side(n int, job func(i int) error) (wait func() error) {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = internalError(r)
				}
			}()
			errs[i] = job(i)
		})
	}
	return func() error {
		wg.Wait()
		return errors.Join(errs...)
	}
}

// internalError turns a panic, which is a bug, into an error that the command line reports;
// the outputs are then not written.
func internalError(r any) error {
	return i18n.T("edition.internal", fmt.Sprint(r))
}
