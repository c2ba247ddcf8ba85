package main

import (
	"flag"
	"os"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/data"
)

// The data rule that every command shares: -data names the file; without it the file is
// network.yaml in the current folder (where `brochure init` writes it), else
// data/network.yaml (the project's default data). The example built into the program is
// read only when asked for by name, never in place of a file that is missing.
const (
	initFile    = "network.yaml"
	projectFile = "data/network.yaml"
	exampleName = "example"
)

// dataFlag defines the -data flag that the commands reading data share.
func (c *cli) dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", c.say(i18n.T("cli.flag.data", initFile, projectFile, exampleName)))
}

// errNoData reports that no -data was given and neither default file exists.
var errNoData = i18n.T("cli.nodata", initFile, projectFile)

// dataFile applies the rule: it returns the file to read, or "" for the built-in example.
func dataFile(flagValue string) (string, error) {
	switch {
	case flagValue == exampleName:
		return "", nil
	case flagValue != "":
		return flagValue, nil
	case fileExists(initFile):
		return initFile, nil
	case fileExists(projectFile):
		return projectFile, nil
	}
	return "", errNoData
}

// load reads the network the rule names, says on stderr which data it read, and reports
// problems on stderr.
func (c *cli) load(flagValue string) (*brochure.Network, bool) {
	file, err := dataFile(flagValue)
	if err != nil {
		c.noData(err)
		return nil, false
	}
	var n *brochure.Network
	if file == "" {
		n, err = brochure.Load(c.say(i18n.T("cli.example.file", data.NetworkName)), data.Network)
	} else {
		n, err = brochure.LoadFile(file)
	}
	if err != nil {
		c.fail(err)
		return nil, false
	}
	c.said(file, n)
	return n, true
}

// noData reports that the data rule found no file.
func (c *cli) noData(err error) {
	c.errorf(i18n.T("cli.other", err), i18n.T("cli.nodata.hint", initFile, exampleName))
}

// said says on stderr which data was read: file, or the built-in example when file is "".
func (c *cli) said(file string, n *brochure.Network) {
	what := i18n.T("cli.data.file", file)
	if file == "" {
		what = i18n.T("cli.data.example")
	}
	c.println(c.stderr, i18n.T("cli.data", what, n.Network.Name, n.Edition.Stand.German()))
}

// fileExists reports whether name is an existing regular file.
func fileExists(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}
