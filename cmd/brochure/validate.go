package main

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure/edition"
)

// runValidate loads the data and lays the leaflet and the member list out, reporting every
// problem they find, and writes nothing.
func runValidate(c *cli, args []string) int {
	fs := c.flags("validate", "[-data FILE]", "Check the data file and report every problem at once")
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
	if err := edition.Check(n); err != nil {
		c.fail(err)
		return exitInput
	}
	cnt := n.Count()
	fmt.Fprintf(c.stdout, "%s: ok: %d members (%d current, %d former), %d programme areas\n",
		n.File, len(n.Members), cnt.Current, cnt.Former, cnt.Areas)
	return exitOK
}
