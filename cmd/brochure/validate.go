package main

import (
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// runValidate loads the data and lays the leaflet and the member list out, reporting every
// problem they find, and writes nothing.
func runValidate(c *cli, args []string) int {
	fs := c.flags()
	dataFile := c.dataFlag(fs)
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
	notes, err := edition.Check(n)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	c.notes(notes)
	cnt := n.Count()
	c.println(c.stdout, i18n.T("cli.validate.ok", n.File, len(n.Members), cnt.Current, cnt.Former, cnt.Areas))
	return exitOK
}
