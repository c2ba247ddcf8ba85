package main

import (
	"fmt"
	"path/filepath"

	"github.com/staedtenetz-nrw/brochure/brochure/build"
	"github.com/staedtenetz-nrw/brochure/brochure/output"
)

// runBuild makes every output and writes the set into the output directory.
func runBuild(c *cli, args []string) int {
	fs := c.flags("build", "[-data FILE] [-out DIR]", "Make the leaflet (PDF) and the rosters (XLSX, CSV) from the data")
	dataFile := fs.String("data", "", "the data `file` (default data/network.yaml, else the built-in data)")
	out := fs.String("out", "output", "the `directory` to write into")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "brochure build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	n, ok := c.load(*dataFile)
	if !ok {
		return exitInput
	}
	files, err := build.Files(n)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	w := &output.Writer{Dir: *out}
	if err := w.WriteAll(files); err != nil {
		c.fail(err)
		return exitInput
	}
	for _, f := range files {
		fmt.Fprintf(c.stdout, "wrote %s (%d bytes)\n", filepath.Join(*out, f.Name), len(f.Data))
	}
	return exitOK
}
