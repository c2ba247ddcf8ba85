package main

import (
	"path/filepath"
	"slices"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runBuild makes every output, or those of the part -only names, and writes the set into the
// output directory.
func runBuild(c *cli, args []string) int {
	fs := c.flags()
	dataFile := c.dataFlag(fs)
	out := fs.String("out", "output", c.say(i18n.T("cli.flag.out")))
	since := fs.String("since", "", c.say(i18n.T("cli.flag.since")))
	only := fs.String("only", "", c.say(i18n.T("cli.flag.only")))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if !c.noArgs(fs) {
		return exitUsage
	}
	part := edition.Part(*only)
	if part != edition.All && !slices.Contains(edition.Parts, part) {
		c.usageError(i18n.T("cli.only.bad", *only))
		c.cmdUsage(c.stderr)
		return exitUsage
	}
	n, ok := c.load(*dataFile)
	if !ok {
		return exitInput
	}
	var old *brochure.Network
	if *since != "" {
		var err error
		if old, err = brochure.LoadFile(*since); err != nil {
			c.fail(err)
			return exitInput
		}
	}
	ed, err := edition.Make(n, old, part)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	files := ed.Files
	set := make([]fileset.File, len(files))
	for i, f := range files {
		set[i] = fileset.File(f)
	}
	w := &fileset.Writer{Dir: *out}
	if err := w.WriteAll(set); err != nil {
		c.fail(err)
		return exitInput
	}
	for _, f := range files {
		c.println(c.stdout, i18n.T("cli.wrote.bytes", filepath.Join(*out, f.Name), len(f.Data)))
	}
	c.notes(ed.Notes)
	return exitOK
}
