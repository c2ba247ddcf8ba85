package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// Exit codes.
const (
	exitOK    = 0
	exitInput = 1 // bad input or an output problem
	exitUsage = 2 // the command line is wrong
)

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(c *cli, args []string) int
}

// commands lists the subcommands in the order -h shows them.
var commands = []command{
	{"build", "[-data FILE] [-out DIR]", "make the leaflet (PDF) and the rosters (XLSX, CSV) in DIR", runBuild},
	{"validate", "[-data FILE]", "check the data file and the leaflet's layout; report every problem", runValidate},
	{"init", "[-force] [FILE]", "write a starter data file (default network.yaml)", runInit},
	{"import", importArgsShort, importSummary, runImport},
	{"diff", diffArgsShort, diffSummary, runDiff},
	{"preflight", "[-fold KIND] FILE.pdf", "check a PDF against the print shop's rules", runPreflight},
}

// cli holds the streams a run talks to.
type cli struct {
	stdout, stderr io.Writer
	// cmdUsage writes the usage of the command being run (set by flags).
	cmdUsage func(io.Writer)
}

// run runs the tool with args and returns its exit code.
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("brochure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {} // printed below, once, to the stream that fits
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.usage(stdout)
			return exitOK
		}
		c.usage(stderr)
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(stdout, "brochure %s\n", versionString())
		return exitOK
	}
	if fs.NArg() == 0 {
		c.usage(stderr)
		return exitUsage
	}
	name := fs.Arg(0)
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd.run(c, fs.Args()[1:])
		}
	}
	if name == "help" {
		c.usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "brochure: unknown command %q\nbrochure: hint: run `brochure -h` for the commands\n", name)
	return exitUsage
}

// usage writes the overview of commands.
func (c *cli) usage(w io.Writer) {
	fmt.Fprintf(w, "brochure makes the leaflet and member rosters of a network of cities from one YAML file.\n\nUsage:\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  brochure %-9s %-24s %s\n", cmd.name, cmd.args, cmd.summary)
	}
	fmt.Fprintf(w, "  brochure %-34s %s\n\n", "-version", "print the version")
	fmt.Fprintf(w, "Without -data, the data is %s in the current folder, else %s;\n-data %s reads the example built into the program. Run `brochure COMMAND -h` for a\ncommand's flags.\nExit codes: 0 ok, 1 bad input or output problem, 2 usage error.\n", initFile, projectFile, exampleName)
}

// flags makes a command's flag set with the shared conventions.
func (c *cli) flags(name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet("brochure "+name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {} // printed by parse, once, to the stream that fits
	c.cmdUsage = func(w io.Writer) {
		fs.SetOutput(w)
		fmt.Fprintf(w, "Usage: brochure %s %s\n\n%s.\n", name, args, summary)
		if hasFlags(fs) {
			fmt.Fprintf(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
		fs.SetOutput(c.stderr)
	}
	return fs
}

// parse parses a command's flags, before and after its arguments (`init FILE -force` as
// well as `init -force FILE`); fs.Args() holds the arguments then. ok is false when the run
// is over, with code.
func (c *cli) parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	fs.SetOutput(c.stderr)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.cmdUsage(c.stdout)
				return exitOK, false
			}
			c.cmdUsage(c.stderr)
			return exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
	fs.Parse(append([]string{"--"}, positional...))
	return 0, true
}

// noArgs reports a usage error when the command got arguments besides its flags.
func (c *cli) noArgs(fs *flag.FlagSet) bool {
	if fs.NArg() == 0 {
		return true
	}
	fmt.Fprintf(c.stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
	return false
}

// hasFlags reports whether fs defines any flag.
func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// fail reports an error: every diagnostic of a data file, or a single message.
func (c *cli) fail(err error) {
	var ds brochure.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Fprintln(c.stderr, d.String())
		}
		noun := "problems"
		if len(ds) == 1 {
			noun = "problem"
		}
		fmt.Fprintf(c.stderr, "brochure: %d %s in %s; nothing was written\n", len(ds), noun, ds[0].File)
		return
	}
	var inUse *fileset.InUseError
	if errors.As(err, &inUse) {
		for _, f := range inUse.Files {
			if f.ReadOnly {
				fmt.Fprintf(c.stderr, "brochure: error: %s is write-protected: remove the protection (Properties, Read-only) and build again\n", f.Path)
			} else {
				fmt.Fprintf(c.stderr, "brochure: error: %s is open in another program (Excel? a PDF viewer?): close it and build again\n", f.Path)
			}
		}
		fmt.Fprintf(c.stderr, "brochure: nothing was written; the previous outputs are unchanged\n")
		return
	}
	var partial *fileset.PartialError
	if errors.As(err, &partial) {
		fmt.Fprintf(c.stderr, "brochure: error: %v\nbrochure: hint: close what holds %s and build again; the build then completes the set\n", err, partial.Path)
		return
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(c.stderr, "brochure: error: %s: no such file\nbrochure: hint: check the name, or run `brochure init %s` to write a starter file\n", pe.Path, pe.Path)
		return
	}
	fmt.Fprintf(c.stderr, "brochure: error: %v\n", err)
}
