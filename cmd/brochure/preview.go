package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/preview"
)

// runPreview serves the live preview of the data until Ctrl+C.
func runPreview(c *cli, args []string) int {
	fs := c.flags()
	dataFlagValue := c.dataFlag(fs)
	addr := fs.String("addr", preview.DefaultAddr, c.say(i18n.T("cli.flag.addr")))
	out := fs.String("out", "output", c.say(i18n.T("cli.flag.preview.out")))
	noOpen := fs.Bool("no-open", false, c.say(i18n.T("cli.flag.noopen")))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if !c.noArgs(fs) {
		return exitUsage
	}
	file, err := dataFile(*dataFlagValue)
	if err != nil {
		c.errorf(i18n.T("cli.other", err), i18n.T("cli.nodata.hint", initFile, exampleName))
		return exitInput
	}
	if file != "" {
		// Read as every command reads it; later problems of the file the page shows.
		if _, err := brochure.ReadFile(file); err != nil {
			c.fail(err)
			return exitInput
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := preview.Config{File: file, Builtin: data.Network, BuiltinName: c.say(i18n.T("cli.example.file", data.NetworkName)), Out: *out,
		Lang: c.lang, Log: func(t i18n.Text) { c.println(c.stderr, i18n.T("cli.preview.log", t)) }}
	srv, err := preview.Start(ctx, cfg, *addr)
	if err != nil {
		c.errorf(i18n.T("cli.other", err))
		return exitUsage
	}
	what := i18n.T("cli.data.file", file)
	if file == "" {
		what = i18n.T("cli.data.example")
	}
	c.println(c.stdout, i18n.T("cli.preview.at", what, srv.URL()))
	if !*noOpen {
		if err := openBrowser(srv.URL()); err != nil {
			c.println(c.stderr, i18n.T("cli.preview.noopen", err, srv.URL()))
		}
	}
	if err := srv.Wait(); err != nil {
		c.errorf(i18n.T("cli.other", err))
		return exitInput
	}
	c.println(c.stdout, i18n.T("cli.preview.stopped"))
	return exitOK
}
