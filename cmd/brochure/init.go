package main

import (
	"errors"
	"fmt"

	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runInit writes the default data as a starter file.
func runInit(c *cli, args []string) int {
	fs := c.flags()
	force := fs.Bool("force", false, "replace the file if it exists")
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(c.stderr, "brochure init: one file at most, got %d\n", fs.NArg())
		return exitUsage
	}
	file := initFile
	if fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if err := fileset.WriteFile(file, data.Network, *force); err != nil {
		if errors.Is(err, fileset.ErrExists) {
			fmt.Fprintf(c.stderr, "brochure: error: %s exists; nothing was written\nbrochure: hint: run `brochure init -force %s` to replace it\n", file, file)
			return exitInput
		}
		c.fail(err)
		return exitInput
	}
	if file == initFile {
		fmt.Fprintf(c.stdout, "wrote %s; edit it, then run `brochure validate` and `brochure build` in this folder\n", file)
	} else {
		fmt.Fprintf(c.stdout, "wrote %s; edit it, then run `brochure validate -data %s`\n", file, file)
	}
	return exitOK
}
