package main

import "fmt"

// runPreflight checks a PDF against the print rules.
func runPreflight(c *cli, args []string) int {
	fs := c.flags("preflight", "FILE.pdf", "Check a PDF against a print shop's rules: boxes, bleed, fonts, colour, transparency, resolution, type size, safety zone, PDF/X")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(c.stderr, "brochure preflight: name one PDF file\n")
		return exitUsage
	}
	fmt.Fprintf(c.stderr, "brochure preflight: not wired yet\n")
	return exitInput
}
