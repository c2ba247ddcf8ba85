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
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
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
	code, _ := preflightFile(c, fs.Arg(0), opt)
	return code
}

// preflightRequest is what the child that reads the PDF gets: the file, the options and
// the language its own messages are in.
type preflightRequest struct {
	File    string
	Options preflight.Options
	Lang    i18n.Lang
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
		c.errorf(i18n.T("cli.other", err))
		return exitInput, isolate.Usage{}
	}
	lim := isolate.Limits{Timeout: preflightTimeout, Memory: preflightMemory + size}
	if mb, err := strconv.Atoi(os.Getenv("BROCHURE_PREFLIGHT_MEMORY_MB")); err == nil && mb > 0 {
		lim.Memory = int64(mb) << 20
	}
	req, err := json.Marshal(preflightRequest{File: name, Options: opt, Lang: c.lang})
	if err != nil {
		c.errorf(i18n.T("cli.preflight.error", name, err))
		return exitInput, isolate.Usage{}
	}
	out, u, err := isolate.Run(context.Background(), preflightJob, req, lim)
	var death *isolate.DeathError
	if errors.As(err, &death) {
		c.errorf(i18n.T("cli.preflight.unsafe", name, deathText(death, lim)))
		return exitInput, u
	}
	if err != nil {
		c.errorf(i18n.T("cli.preflight.error", name, err))
		return exitInput, u
	}
	var res preflightResult
	if err := json.Unmarshal(out, &res); err != nil || (res.Report == nil && res.Error == "") {
		c.errorf(i18n.T("cli.preflight.noresult", name))
		return exitInput, u
	}
	if res.Error != "" {
		c.errorf(i18n.T("cli.preflight.error", name, res.Error))
		return exitInput, u
	}
	r := res.Report
	if !r.OK() {
		fmt.Fprintf(c.stdout, "%s", r.String())
		c.println(c.stderr, i18n.T("cli.preflight.fails", name, r.Count()))
		return exitInput, u
	}
	c.println(c.stdout, i18n.T("cli.preflight.passes", name))
	return exitOK, u
}

// deathText says in the user's words why the child that read the PDF under lim did not
// finish.
func deathText(d *isolate.DeathError, lim isolate.Limits) i18n.Text {
	switch d.Cause {
	case isolate.OutOfMemory:
		return i18n.T("cli.preflight.memory", int(lim.Memory>>20))
	case isolate.TimedOut:
		return i18n.T("cli.preflight.timeout", int(lim.Timeout/time.Second))
	case isolate.Cancelled:
		return i18n.T("cli.preflight.cancelled")
	case isolate.TooMuchOutput:
		return i18n.T("cli.preflight.output", isolate.MaxOutput>>20)
	case isolate.BadInput:
		return i18n.T("cli.preflight.input", d.Detail)
	}
	return i18n.T("cli.preflight.crash", d.Detail)
}

// preflightJob names the child's job of reading a PDF.
const preflightJob = "preflight"

// servePreflight is the child's part: it reads the request, then the PDF, checks it and
// writes the result, its own messages in the language of the request.
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
		res.Error = i18n.Localise(err, req.Lang)
	}
	return json.NewEncoder(out).Encode(res)
}
