package main

import (
	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// runDiff prints what changed between two data files.
func runDiff(c *cli, args []string) int {
	fset := c.flags()
	asJSON := fset.Bool("json", false, c.say(i18n.T("cli.flag.json")))
	if code, ok := c.parse(fset, args); !ok {
		return code
	}
	if fset.NArg() != 2 {
		c.usageError(i18n.T("cli.diff.args"))
		c.cmdUsage(c.stderr)
		return exitUsage
	}
	var nets [2]*brochure.Network
	for i, name := range fset.Args() {
		n, err := brochure.LoadFile(name)
		if err != nil {
			c.fail(err)
			return exitInput
		}
		nets[i] = n
	}
	if err := c.printChanges(changes.Between(nets[0], nets[1]), *asJSON); err != nil {
		c.fail(err)
		return exitInput
	}
	return exitOK
}
