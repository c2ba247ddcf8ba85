package main

import (
	"fmt"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
)

// runPreflight checks a PDF against the print rules.
func runPreflight(c *cli, args []string) int {
	fs := c.flags()
	fold := fs.String("fold", "", "check the safety zone at the folds of a `kind` of leaflet: wickelfalz or zickzack (default: no folds)")
	inset := fs.Float64("inset", brochure.DefaultInsetMM, "width of the panel that folds in, for -fold wickelfalz, in `mm`")
	screen := fs.Bool("screen", false, "check as a screen file: fonts, type size and safety zone only")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(c.stderr, "brochure preflight: name one PDF file\n")
		return exitUsage
	}
	opt := preflight.Options{PrintFile: !*screen}
	switch *fold {
	case "":
	case brochure.FoldWickelfalz, brochure.FoldZickzack:
		if *inset < brochure.MinInsetMM || *inset > brochure.MaxInsetMM {
			fmt.Fprintf(c.stderr, "brochure preflight: -inset is %g to %g mm, not %g\n", brochure.MinInsetMM, brochure.MaxInsetMM, *inset)
			return exitUsage
		}
		opt.Folds = layout.Folds(brochure.Leaflet{Fold: *fold, InsetMM: inset})
	default:
		fmt.Fprintf(c.stderr, "brochure preflight: -fold is wickelfalz or zickzack, not %q\n", *fold)
		return exitUsage
	}
	name := fs.Arg(0)
	pdf, err := os.ReadFile(name)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	r, err := preflight.Check(pdf, opt)
	if err != nil {
		c.fail(fmt.Errorf("%s: %w", name, err))
		return exitInput
	}
	if !r.OK() {
		fmt.Fprintf(c.stdout, "%s", r.String())
		fmt.Fprintf(c.stderr, "brochure: %s fails the preflight (%d findings)\n", name, len(r.Findings))
		return exitInput
	}
	fmt.Fprintf(c.stdout, "%s: passes the preflight\n", name)
	return exitOK
}
