// Package edition turns a loaded network into the complete set of output files: the leaflet
// in its print, print-with-marks and screen variants, and the rosters. Every print file is
// checked by the preflight before it is handed out.
package edition

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
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
)

// Files makes every output of the network in memory. Nothing is written: the caller hands
// the files to a file writer, so that either all of them appear or none. Problems with
// the data come back as brochure.Diagnostics.
func Files(n *brochure.Network) (files []brochure.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, internalError(r)
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
			if err := roster.WriteXLSX(&xlsx, n); err != nil {
				return nil, fmt.Errorf("write %s: %w", RosterXLSX, err)
			}
			return []brochure.File{{Name: RosterXLSX, Data: xlsx.Bytes()}}, nil
		},
		func() ([]brochure.File, error) { return roster.CSVFiles(n) },
	}
	const leaflets = 2 // the first jobs need the plan
	results := make([][]brochure.File, len(jobs))
	run := func(i int) (err error) {
		results[i], err = jobs[i]()
		return err
	}
	rosters := side(len(jobs)-leaflets, func(i int) error { return run(leaflets + i) })
	plan, err = Layout(n)
	if err != nil {
		// The data's problems are what to report; the rosters may only have failed by a
		// bug, which the problems in the data would otherwise hide.
		if rerr := rosters(); rerr != nil {
			return nil, rerr
		}
		var ds brochure.Diagnostics
		if errors.As(err, &ds) {
			return nil, err
		}
		return nil, fmt.Errorf("lay out the leaflet: %w", err)
	}
	pdfs := side(leaflets, run)
	if err := errors.Join(pdfs(), rosters()); err != nil {
		return nil, err
	}
	for _, r := range results {
		files = append(files, r...)
	}
	return files, nil
}

// Layout lays out the leaflet of n on the map of North Rhine-Westphalia built into the
// program.
func Layout(n *brochure.Network) (*layout.Plan, error) {
	return layout.Build(n, layout.Geography{Outline: data.Outline, River: data.River})
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
	folds := map[int][]float64{}
	for i, pg := range plan.Pages {
		folds[i+1] = pg.Folds
	}
	bleed := plan.BleedMM
	if bleed == 0 {
		bleed = -1 // none asked for
	}
	return preflight.Options{PrintFile: true, Folds: folds, MinBleedMM: bleed, SafetyMM: plan.SafetyMM}
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
	return fmt.Errorf("internal error while making the outputs (nothing was written; please report it with the data file): %v", r)
}
