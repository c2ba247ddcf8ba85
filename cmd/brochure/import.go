package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/changes"
	"github.com/staedtenetz-nrw/brochure/brochure/edition"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runImport applies an edited roster to the data file: it reads the roster, applies it,
// splices the changes into the data file, checks the result as `validate` does, prints the
// change list, and writes the file in place (through a temporary file), unless -dry-run is
// given or nothing changed. On any problem nothing is written.
func runImport(c *cli, args []string) int {
	fset := c.flags()
	dataName := fset.String("data", "", c.say(i18n.T("cli.flag.importdata", initFile, projectFile)))
	dry := fset.Bool("dry-run", false, c.say(i18n.T("cli.flag.dryrun")))
	asJSON := fset.Bool("json", false, c.say(i18n.T("cli.flag.json")))
	if code, ok := c.parse(fset, args); !ok {
		return code
	}
	if fset.NArg() == 0 {
		c.usageError(i18n.T("cli.import.noroster"))
		c.cmdUsage(c.stderr)
		return exitUsage
	}
	file, err := dataFile(*dataName)
	switch {
	case err != nil:
		c.noData(err)
		return exitInput
	case file == "":
		c.errorf(i18n.T("cli.import.example"), i18n.T("cli.import.example.hint", initFile))
		return exitUsage
	}
	edit, code := c.readRoster(fset.Args())
	if edit == nil {
		return code
	}
	src, err := brochure.ReadFile(file)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	old, err := brochure.Load(file, src)
	if err != nil {
		c.fail(err)
		return exitInput
	}
	c.said(file, old)
	applied, err := edit.Apply(old)
	if err != nil {
		c.problems(err, "cli.import.problems", file)
		return exitInput
	}
	c.notes(applied.Notes)
	out, got, err := update.Rewrite(file, src, old, applied.Network)
	var tooLarge *update.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		c.errorf(i18n.T("cli.import.unchangedafter", tooLarge, file), i18n.T("cli.import.toolarge.hint"))
		return exitInput
	case errors.Is(err, update.ErrMismatch):
		c.errorf(i18n.T("cli.import.unchangedafter", err, file), i18n.T("cli.import.mismatch.hint"))
		return exitInput
	case err != nil:
		c.problems(c.updated(applied.Relocate(err), file), "cli.import.updated", file)
		return exitInput
	}
	if _, err := edition.Layout(got); err != nil {
		c.problems(c.updated(applied.Relocate(err), file), "cli.import.layout", file)
		return exitInput
	}
	list := changes.Between(old, got)
	if err := c.printChanges(list, *asJSON); err != nil {
		c.fail(err)
		return exitInput
	}
	switch {
	case bytes.Equal(out, src):
		c.println(c.stderr, i18n.T("cli.import.unchanged", file))
	case *dry:
		c.println(c.stderr, i18n.T("cli.import.dryrun", file))
	default:
		if err := fileset.WriteFile(file, out, true); err != nil {
			c.fail(err)
			return exitInput
		}
		c.println(c.stderr, i18n.T("cli.import.wrote", file, len(list.Changes)))
	}
	return exitOK
}

// readRoster reads the roster the arguments name: one workbook, or CSV files. A nil edit
// ends the run with code.
func (c *cli) readRoster(args []string) (*roster.Edit, int) {
	csv := 0
	for _, a := range args {
		if strings.EqualFold(filepath.Ext(a), ".csv") {
			csv++
		}
	}
	if csv != len(args) && (csv > 0 || len(args) > 1) {
		c.usageError(i18n.T("cli.import.args"))
		return nil, exitUsage
	}
	if csv == 0 {
		data, ok := c.readLimited(args[0], roster.MaxWorkbookSize)
		if !ok {
			return nil, exitInput
		}
		return roster.ReadXLSX(args[0], data), exitOK
	}
	var files []brochure.File
	for _, a := range args {
		data, ok := c.readLimited(a, roster.MaxCSVSize)
		if !ok {
			return nil, exitInput
		}
		files = append(files, brochure.File{Name: a, Data: data})
	}
	return roster.ReadCSV(files), exitOK
}

// readLimited reads a roster file, at most limit+1 bytes of it: the reader refuses what is
// larger.
func (c *cli) readLimited(name string, limit int) ([]byte, bool) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		c.errorf(i18n.T("cli.nofile", name), i18n.T("cli.import.nofile.hint"))
		return nil, false
	}
	if err == nil {
		defer f.Close()
		var data []byte
		if data, err = io.ReadAll(io.LimitReader(f, int64(limit)+1)); err == nil {
			return data, true
		}
	}
	c.errorf(i18n.T("cli.import.read", name, err))
	return nil, false
}

// problems reports the problems of an import, then a summary line: the message id (one of
// cli.import.problems, cli.import.updated, cli.import.layout) with the count and the data
// file's name.
func (c *cli) problems(err error, id, file string) {
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		c.fail(err)
		return
	}
	fmt.Fprintln(c.stderr, ds.In(c.lang))
	var summary i18n.Text
	switch id {
	case "cli.import.updated":
		summary = i18n.T("cli.import.updated", len(ds), file)
	case "cli.import.layout":
		summary = i18n.T("cli.import.layout", len(ds), file)
	default:
		summary = i18n.T("cli.import.problems", len(ds), file)
	}
	c.println(c.stderr, summary)
}

// updated marks the problems that keep their place in the data file as places in the file
// as the roster would change it, which was not written.
func (c *cli) updated(err error, file string) error {
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	for i := range ds {
		if ds[i].File == file {
			ds[i].File = c.say(i18n.T("cli.import.asupdated", file))
		}
	}
	return ds
}

// printChanges writes a change list for people, in the run's language, or as JSON.
func (c *cli) printChanges(l changes.List, asJSON bool) error {
	if !asJSON {
		c.writeChanges(l)
		return nil
	}
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return err
	}
	_, err = c.stdout.Write(append(b, '\n'))
	return err
}
