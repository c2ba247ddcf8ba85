package main

import (
	"errors"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// runInit writes the default data as a starter file.
func runInit(c *cli, args []string) int {
	fs := c.flags("init", "[-force] [FILE]", i18n.T("cli.init.summary", initFile))
	force := fs.Bool("force", false, c.say(i18n.T("cli.flag.force")))
	if code, ok := c.parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		c.usageError(i18n.T("cli.init.args", fs.NArg()))
		return exitUsage
	}
	file := initFile
	if fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if err := fileset.WriteFile(file, data.Network, *force); err != nil {
		if errors.Is(err, fileset.ErrExists) {
			c.errorf(i18n.T("cli.init.exists", file), i18n.T("cli.init.exists.hint", file))
			return exitInput
		}
		c.fail(err)
		return exitInput
	}
	if file == initFile {
		c.println(c.stdout, i18n.T("cli.init.wrote", file))
	} else {
		c.println(c.stdout, i18n.T("cli.init.wrote.other", file))
	}
	return exitOK
}
