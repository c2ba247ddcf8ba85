package main

import (
	"fmt"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
)

// runPreflight checks a PDF against the print rules. The findings are the print shop's
// technical terms and stay in English; what the command says around them is in the user's
// language.
func runPreflight(c *cli, args []string) int {
	fs := c.flags()
	fold := fs.String("fold", "", c.say(i18n.T("cli.flag.fold")))
	inset := fs.Float64("inset", brochure.DefaultInsetMM, c.say(i18n.T("cli.flag.inset")))
	screen := fs.Bool("screen", false, c.say(i18n.T("cli.flag.screen")))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		c.usageError(i18n.T("cli.preflight.args"))
		return exitUsage
	}
	opt := preflight.Options{PrintFile: !*screen}
	switch *fold {
	case "":
	case brochure.FoldWickelfalz, brochure.FoldZickzack:
		if *inset < brochure.MinInsetMM || *inset > brochure.MaxInsetMM {
			c.usageError(i18n.T("cli.preflight.inset", brochure.MinInsetMM, brochure.MaxInsetMM, *inset))
			return exitUsage
		}
		opt.Folds = layout.Folds(brochure.Leaflet{Fold: *fold, InsetMM: inset})
	default:
		c.usageError(i18n.T("cli.preflight.fold", *fold))
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
		c.errorf(i18n.T("cli.preflight.error", name, err))
		return exitInput
	}
	if !r.OK() {
		fmt.Fprintf(c.stdout, "%s", r.String())
		c.println(c.stderr, i18n.T("cli.preflight.fails", name, len(r.Findings)))
		return exitInput
	}
	c.println(c.stdout, i18n.T("cli.preflight.passes", name))
	return exitOK
}
