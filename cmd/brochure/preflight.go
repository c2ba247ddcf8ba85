package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/isolate"
)

// The limits of the child process that reads a PDF (docs/preflight.md): by design the
// reading stays far below them; they catch what the design missed. The memory is
// preflightMemory plus the size of the file; BROCHURE_PREFLIGHT_MEMORY_MB sets it in MB
// instead (for tests).
const (
	preflightTimeout = 60 * time.Second
	preflightMemory  = 1 << 30
)

// runPreflight checks a PDF against the print rules.
func runPreflight(c *cli, args []string) int {
	fs := c.flags("preflight", "[-fold KIND] [-inset MM] [-screen] FILE.pdf", "Check a PDF against a print shop's rules: page boxes, bleed, fonts, colour, transparency, image resolution, type size, safety zone, PDF/X")
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
		if *inset < 90 || *inset > 99 {
			fmt.Fprintf(c.stderr, "brochure preflight: -inset is 90 to 99 mm, not %g\n", *inset)
			return exitUsage
		}
		opt.Folds = layout.Folds(brochure.Leaflet{Fold: *fold, InsetMM: inset})
	default:
		fmt.Fprintf(c.stderr, "brochure preflight: -fold is wickelfalz or zickzack, not %q\n", *fold)
		return exitUsage
	}
	code, _ := preflightFile(c, fs.Arg(0), opt)
	return code
}

// preflightRequest is what the child that reads the PDF gets.
type preflightRequest struct {
	File    string
	Options preflight.Options
}

// preflightResult is what it answers.
type preflightResult struct {
	Report *preflight.Report
	Error  string
}

// preflightFile checks the PDF name in a child process, so that a file made to crash,
// hang or exhaust the reader ends the child, not this program, and prints the findings.
// It returns the exit code and what the child took.
func preflightFile(c *cli, name string, opt preflight.Options) (int, isolate.Usage) {
	size, err := pdfFileSize(name)
	if err != nil {
		c.fail(err)
		return exitInput, isolate.Usage{}
	}
	lim := isolate.Limits{Timeout: preflightTimeout, Memory: preflightMemory + size}
	if mb, err := strconv.Atoi(os.Getenv("BROCHURE_PREFLIGHT_MEMORY_MB")); err == nil && mb > 0 {
		lim.Memory = int64(mb) << 20
	}
	req, err := json.Marshal(preflightRequest{File: name, Options: opt})
	if err != nil {
		c.fail(err)
		return exitInput, isolate.Usage{}
	}
	out, u, err := isolate.Run(context.Background(), preflightJob, req, lim)
	var death *isolate.DeathError
	if errors.As(err, &death) {
		c.fail(fmt.Errorf("%s: the PDF could not be read safely: %s; the file may be damaged, or made to break checkers", name, death.Reason))
		return exitInput, u
	}
	if err != nil {
		c.fail(err)
		return exitInput, u
	}
	var res preflightResult
	if err := json.Unmarshal(out, &res); err != nil || (res.Report == nil && res.Error == "") {
		c.fail(fmt.Errorf("%s: the check gave no readable result", name))
		return exitInput, u
	}
	if res.Error != "" {
		c.fail(fmt.Errorf("%s: %s", name, res.Error))
		return exitInput, u
	}
	r := res.Report
	if !r.OK() {
		fmt.Fprintf(c.stdout, "%s", r.String())
		fmt.Fprintf(c.stderr, "brochure: %s fails the preflight (%d findings)\n", name, r.Count())
		return exitInput, u
	}
	fmt.Fprintf(c.stdout, "%s: passes the preflight\n", name)
	return exitOK, u
}

// preflightJob names the child's job of reading a PDF.
const preflightJob = "preflight"

// servePreflight is the child's part: it reads the request, then the PDF, checks it and
// writes the result.
func servePreflight(in io.Reader, out io.Writer) error {
	var req preflightRequest
	if err := json.NewDecoder(io.LimitReader(in, 1<<20)).Decode(&req); err != nil {
		return fmt.Errorf("read the request: %w", err)
	}
	var res preflightResult
	pdf, err := readPDFFile(req.File)
	if err == nil {
		res.Report, err = preflight.Check(pdf, req.Options)
	}
	if err != nil {
		res.Error = err.Error()
	}
	return json.NewEncoder(out).Encode(res)
}
