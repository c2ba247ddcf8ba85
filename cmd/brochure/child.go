package main

import (
	"fmt"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/isolate"
)

// childMain does the job this process was started for as a child of brochure (see
// internal/isolate); ok is false in the program started by the user.
func childMain() (code int, ok bool) {
	switch job := isolate.Job(); job {
	case "":
		return 0, false
	case preflightJob:
		return isolate.Serve(servePreflight), true
	default:
		fmt.Fprintln(os.Stderr, i18n.T("cli.child.job", job).In(language(os.Getenv)))
		return exitUsage, true
	}
}
