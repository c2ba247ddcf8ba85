package main

import (
	"fmt"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
)

// runDiff prints what changed between two data files.
func runDiff(c *cli, args []string) int {
	fset := c.flags("diff", diffArgs, diffHelp)
	asJSON := fset.Bool("json", false, flagJSON)
	if code, ok := c.parse(fset, args); !ok {
		return code
	}
	if fset.NArg() != 2 {
		fmt.Fprint(c.stderr, msgDiffArgs)
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
	if err := printChanges(c.stdout, changes.Between(nets[0], nets[1]), *asJSON); err != nil {
		c.fail(err)
		return exitInput
	}
	return exitOK
}
