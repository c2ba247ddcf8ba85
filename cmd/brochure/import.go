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
	"github.com/staedtenetz-nrw/brochure/brochure/roster"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runImport applies an edited roster to the data file: it reads the roster, applies it,
// splices the changes into the data file, checks the result as `validate` does, prints the
// change list, and writes the file in place (through a temporary file), unless -dry-run is
// given or nothing changed. On any problem nothing is written.
func runImport(c *cli, args []string) int {
	fset := c.flags("import", importArgs, importHelp)
	dataName := fset.String("data", "", flagImportData)
	dry := fset.Bool("dry-run", false, flagDryRun)
	asJSON := fset.Bool("json", false, flagJSON)
	if code, ok := c.parse(fset, args); !ok {
		return code
	}
	if fset.NArg() == 0 {
		fmt.Fprint(c.stderr, msgNoRoster)
		c.cmdUsage(c.stderr)
		return exitUsage
	}
	file, err := dataFile(*dataName)
	switch {
	case err != nil:
		c.noData(err)
		return exitInput
	case file == "":
		fmt.Fprintf(c.stderr, msgExample, initFile)
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
		c.problems(err, msgRosterProbs, file)
		return exitInput
	}
	for _, d := range applied.Notes {
		fmt.Fprintf(c.stderr, msgNote, d.File, strings.TrimPrefix(d.String(), d.File+": "))
	}
	out, got, err := update.Rewrite(file, src, old, applied.Network)
	var tooLarge *update.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		fmt.Fprintf(c.stderr, msgTooLarge, err, file)
		return exitInput
	case errors.Is(err, update.ErrMismatch):
		fmt.Fprintf(c.stderr, msgMismatch, err, file)
		return exitInput
	case err != nil:
		c.problems(updated(applied.Relocate(err), file), msgUpdatedProbs, file)
		return exitInput
	}
	if _, err := edition.Layout(got); err != nil {
		c.problems(updated(applied.Relocate(err), file), msgLayoutProbs, file)
		return exitInput
	}
	list := changes.Between(old, got)
	if err := printChanges(c.stdout, list, *asJSON); err != nil {
		c.fail(err)
		return exitInput
	}
	switch {
	case bytes.Equal(out, src):
		fmt.Fprintf(c.stderr, msgUnchanged, file)
	case *dry:
		fmt.Fprintf(c.stderr, msgDryRun, file)
	default:
		if err := fileset.WriteFile(file, out, true); err != nil {
			c.fail(err)
			return exitInput
		}
		fmt.Fprintf(c.stderr, msgWrote, file, changeCount(len(list.Changes)))
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
		fmt.Fprint(c.stderr, msgRosterArgs)
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
		fmt.Fprintf(c.stderr, msgNoSuchRoster, name)
		return nil, false
	}
	if err == nil {
		defer f.Close()
		var data []byte
		if data, err = io.ReadAll(io.LimitReader(f, int64(limit)+1)); err == nil {
			return data, true
		}
	}
	fmt.Fprintf(c.stderr, msgRosterRead, name, err)
	return nil, false
}

// problems reports the problems of an import, then a summary line built from format with
// the count and the data file's name.
func (c *cli) problems(err error, format, file string) {
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		c.fail(err)
		return
	}
	for _, d := range ds {
		fmt.Fprintln(c.stderr, d.String())
	}
	fmt.Fprintf(c.stderr, format, len(ds), problems(len(ds)), file)
}

// updated marks the problems that keep their place in the data file as places in the file
// as the roster would change it, which was not written.
func updated(err error, file string) error {
	var ds brochure.Diagnostics
	if !errors.As(err, &ds) {
		return err
	}
	for i := range ds {
		if ds[i].File == file {
			ds[i].File += msgAsUpdated
		}
	}
	return ds
}

// printChanges writes a change list for people, or as JSON.
func printChanges(w io.Writer, l changes.List, asJSON bool) error {
	if !asJSON {
		writeChanges(w, l)
		return nil
	}
	b, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
