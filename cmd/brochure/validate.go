package main

import "fmt"

// runValidate loads the data and reports every problem, writing nothing.
func runValidate(c *cli, args []string) int {
	fs := c.flags("validate", "[-data FILE]", "Check the data file and report every problem at once")
	dataFile := fs.String("data", "", "the data `file` (default data/network.yaml, else the built-in data)")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "brochure validate: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	n, ok := c.load(*dataFile)
	if !ok {
		return exitInput
	}
	cnt := n.Count()
	fmt.Fprintf(c.stdout, "%s: ok: %d members (%d current, %d former), %d programme areas\n",
		n.File, len(n.Members), cnt.Current, cnt.Former, cnt.Areas)
	return exitOK
}
