// Package build turns a loaded network into the complete set of output files: the leaflet
// in its print, print-with-marks and screen variants, and the rosters. Every print file is
// checked by the preflight before it is handed out.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/output"
	"github.com/staedtenetz-nrw/brochure/brochure/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
)

// Names of the outputs.
const (
	LeafletPrint  = "leaflet.pdf"
	LeafletMarks  = "leaflet-marks.pdf"
	LeafletScreen = "leaflet-screen.pdf"
	RosterXLSX    = "roster.xlsx"
)

// Files makes every output of the network in memory. Nothing is written: the caller hands
// the files to an output.Writer, so that either all of them appear or none. Problems with
// the data come back as brochure.Diagnostics.
func Files(n *brochure.Network) (files []output.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, internalError(r)
		}
	}()
	// The rosters, the layout and then the leaflet's three variants are independent of each
	// other: make them side by side, each into its own slot, so the order of the files stays
	// fixed. The rosters start first; the layout runs meanwhile.
	var plan *layout.Plan
	jobs := []func() ([]output.File, error){
		func() ([]output.File, error) { return leaflet(plan, LeafletPrint, paint.Print) },
		func() ([]output.File, error) { return leaflet(plan, LeafletMarks, paint.PrintMarks) },
		func() ([]output.File, error) { return leaflet(plan, LeafletScreen, paint.Screen) },
		func() ([]output.File, error) {
			var xlsx bytes.Buffer
			if err := roster.WriteXLSX(&xlsx, n); err != nil {
				return nil, fmt.Errorf("write %s: %w", RosterXLSX, err)
			}
			return []output.File{{Name: RosterXLSX, Data: xlsx.Bytes()}}, nil
		},
		func() ([]output.File, error) { return roster.CSVFiles(n) },
	}
	const leaflets = 3 // the first jobs need the plan
	results := make([][]output.File, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	start := func(i int) {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[i] = internalError(r)
				}
			}()
			results[i], errs[i] = jobs[i]()
		})
	}
	for i := leaflets; i < len(jobs); i++ {
		start(i)
	}
	plan, err = layout.Build(n)
	if err != nil {
		wg.Wait()
		var les layout.Errors
		if errors.As(err, &les) {
			return nil, les.Diagnostics()
		}
		return nil, fmt.Errorf("lay out the leaflet: %w", err)
	}
	for i := range leaflets {
		start(i)
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for _, r := range results {
		files = append(files, r...)
	}
	return files, nil
}

// leaflet paints one variant of the leaflet; a print file must pass the preflight.
func leaflet(plan *layout.Plan, name string, v paint.Variant) ([]output.File, error) {
	pdf, err := paint.Paint(plan, v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if v != paint.Screen {
		if err := checkPrint(name, pdf, plan); err != nil {
			return nil, err
		}
	}
	return []output.File{{Name: name, Data: pdf}}, nil
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

// PreflightOptions are the print rules for the leaflet of plan: its folds on each page and
// the bleed the data asks for.
func PreflightOptions(plan *layout.Plan) preflight.Options {
	folds := map[int][]float64{}
	for i, pg := range plan.Pages {
		folds[i+1] = pg.Folds
	}
	bleed := plan.BleedMM
	if bleed == 0 {
		bleed = -1 // none asked for
	}
	return preflight.Options{PrintFile: true, Folds: folds, MinBleedMM: bleed}
}

// internalError turns a panic, which is a bug, into an error that the command line reports;
// the outputs are then not written.
func internalError(r any) error {
	return fmt.Errorf("internal error while making the outputs (nothing was written; please report it with the data file): %v", r)
}
