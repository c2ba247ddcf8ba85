package main

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure/edition"
)

// runValidate loads the data and lays the leaflet out, reporting every problem either
// finds, and writes nothing.
func runValidate(c *cli, args []string) int {
	fs := c.flags()
	dataFile := dataFlag(fs)
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
	if _, err := edition.Layout(n); err != nil {
		c.fail(err)
		return exitInput
	}
	cnt := n.Count()
	fmt.Fprintf(c.stdout, "%s: ok: %d members (%d current, %d former), %d programme areas\n",
		n.File, len(n.Members), cnt.Current, cnt.Former, cnt.Areas)
	return exitOK
}
