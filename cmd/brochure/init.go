package main

import (
	"errors"
	"path/filepath"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// schemaLine is the first line of a file that init writes: it points editors to the schema
// beside it.
const schemaLine = "# yaml-language-server: $schema=" + brochure.SchemaFile + "\n"

// runInit writes the starter file (or the built-in example) and the schema of the data
// beside it.
func runInit(c *cli, args []string) int {
	fs := c.flags()
	example := fs.Bool("example", false, c.say(i18n.T("cli.flag.example")))
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
	content := data.Starter
	if *example {
		content = append([]byte(schemaLine+"\n"), data.Network...)
	}
	if err := fileset.WriteFile(file, content, *force); err != nil {
		if errors.Is(err, fileset.ErrExists) {
			c.errorf(i18n.T("cli.init.exists", file), i18n.T("cli.init.exists.hint", file))
			return exitInput
		}
		c.fail(err)
		return exitInput
	}
	schema := filepath.Join(filepath.Dir(file), brochure.SchemaFile)
	if err := fileset.WriteFile(schema, brochure.Schema(), true); err != nil {
		c.fail(err)
		return exitInput
	}
	if file == initFile {
		c.println(c.stdout, i18n.T("cli.init.wrote", file))
	} else {
		c.println(c.stdout, i18n.T("cli.init.wrote.other", file))
	}
	c.println(c.stdout, i18n.T("cli.init.schema", schema))
	return exitOK
}
