// Package build turns a loaded network into the complete set of output files: the leaflet
// in its print, print-with-marks and screen variants, and the rosters. Every print file is
// checked by the preflight before it is handed out.
package build

import (
	"bytes"
	"errors"
	"fmt"

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
func Files(n *brochure.Network) ([]output.File, error) {
	plan, err := layout.Build(n)
	if err != nil {
		var les layout.Errors
		if errors.As(err, &les) {
			return nil, les.Diagnostics()
		}
		return nil, fmt.Errorf("lay out the leaflet: %w", err)
	}
	var files []output.File
	for _, v := range []struct {
		name    string
		variant paint.Variant
	}{{LeafletPrint, paint.Print}, {LeafletMarks, paint.PrintMarks}, {LeafletScreen, paint.Screen}} {
		pdf, err := paint.Paint(plan, v.variant)
		if err != nil {
			return nil, fmt.Errorf("paint %s: %w", v.name, err)
		}
		if v.variant != paint.Screen {
			if err := checkPrint(v.name, pdf, plan); err != nil {
				return nil, err
			}
		}
		files = append(files, output.File{Name: v.name, Data: pdf})
	}
	var xlsx bytes.Buffer
	if err := roster.WriteXLSX(&xlsx, n); err != nil {
		return nil, fmt.Errorf("write %s: %w", RosterXLSX, err)
	}
	files = append(files, output.File{Name: RosterXLSX, Data: xlsx.Bytes()})
	csvs, err := roster.CSVFiles(n)
	if err != nil {
		return nil, err
	}
	return append(files, csvs...), nil
}

// checkPrint runs the preflight on a print file and refuses it when anything is found.
func checkPrint(name string, pdf []byte, plan *layout.Plan) error {
	r, err := preflight.Check(pdf, PreflightOptions(plan))
	if err != nil {
		return fmt.Errorf("preflight %s: %w", name, err)
	}
	if !r.OK() {
		return fmt.Errorf("preflight of %s failed, the file was not written:\n%s", name, r.String())
	}
	return nil
}

// PreflightOptions are the print rules for the leaflet of plan: its folds on each page.
func PreflightOptions(plan *layout.Plan) preflight.Options {
	folds := map[int][]float64{}
	for i, pg := range plan.Pages {
		folds[i+1] = pg.Folds
	}
	return preflight.Options{PrintFile: true, Folds: folds}
}
