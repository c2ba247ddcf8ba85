package main

import (
	"fmt"
	"path/filepath"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runBuild makes every output and writes the set into the output directory.
func runBuild(c *cli, args []string) int {
	fs := c.flags("build", "[-data FILE] [-out DIR] [-since OLD.yaml]", "Make the leaflet (PDF) and the rosters (XLSX, CSV) from the data")
	dataFile := dataFlag(fs)
	out := fs.String("out", "output", "the `directory` to write into")
	since := fs.String("since", "", flagSince)
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if !c.noArgs(fs) {
		return exitUsage
	}
	n, ok := c.load(*dataFile)
	if !ok {
		return exitInput
	}
	var old *brochure.Network
	if *since != "" {
		var err error
		if old, err = brochure.LoadFile(*since); err != nil {
			c.fail(err)
			return exitInput
		}
	}
	files, err := edition.FilesSince(n, old)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	set := make([]fileset.File, len(files))
	for i, f := range files {
		set[i] = fileset.File(f)
	}
	w := &fileset.Writer{Dir: *out}
	if err := w.WriteAll(set); err != nil {
		c.fail(err)
		return exitInput
	}
	for _, f := range files {
		fmt.Fprintf(c.stdout, "wrote %s (%d bytes)\n", filepath.Join(*out, f.Name), len(f.Data))
	}
	return exitOK
}
