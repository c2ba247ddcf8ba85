package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/fileset"
)

// Exit codes.
const (
	exitOK    = 0
	exitInput = 1 // bad input or an output problem
	exitUsage = 2 // the command line is wrong
)

// command is one subcommand: its name, its arguments as the usage line shows them, a summary
// for the overview, what its own -h says, and the function that runs it.
type command struct {
	name, args       string
	summary, details i18n.Text
	run              func(c *cli, args []string) int
}

// commands lists the subcommands in the order -h shows them. It is the one place their usage
// is written: the overview and each command's -h both print from it.
var commands = []command{
	{"build", "[-data FILE] [-out DIR] [-since OLD.yaml] [-only leaflet|roster]", i18n.T("cli.cmd.build"), i18n.T("cli.build.summary"), runBuild},
	{"validate", "[-data FILE]", i18n.T("cli.cmd.validate"), i18n.T("cli.validate.summary"), runValidate},
	{"preview", "[-data FILE] [-addr HOST:PORT] [-out DIR] [-no-open]", i18n.T("cli.cmd.preview"), i18n.T("cli.preview.summary"), runPreview},
	{"init", "[-example] [-force] [FILE]", i18n.T("cli.cmd.init"), i18n.T("cli.init.summary", initFile, brochure.SchemaFile), runInit},
	{"import", "[-data FILE] [-dry-run] [-json] ROSTER.xlsx | FILE.csv...", i18n.T("cli.cmd.import"), i18n.T("cli.import.summary"), runImport},
	{"diff", "[-json] OLD.yaml NEW.yaml", i18n.T("cli.cmd.diff"), i18n.T("cli.diff.summary"), runDiff},
	{"preflight", "[-fold KIND] [-inset MM] [-screen] FILE.pdf", i18n.T("cli.cmd.preflight"), i18n.T("cli.preflight.summary"), runPreflight},
}

// cli holds the streams a run talks to and the language it talks in.
type cli struct {
	stdout, stderr io.Writer
	lang           i18n.Lang
	// cmd is the command being run.
	cmd command
	// cmdUsage writes the usage of the command being run (set by flags).
	cmdUsage func(io.Writer)
}

// run runs the tool with args and returns its exit code. The messages are in the language
// of -lang, else of the environment (see language).
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr, lang: language(os.Getenv)}
	if v, ok := langFlag(args); ok {
		l, known := i18n.Parse(v)
		if !known {
			c.usageError(i18n.T("cli.lang.bad", v))
			return exitUsage
		}
		c.lang = l
	}
	fs := flag.NewFlagSet("brochure", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	showVersion := fs.Bool("version", false, c.say(i18n.T("cli.flag.version")))
	c.langFlag(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.usage(stdout)
			return exitOK
		}
		c.flagError(err)
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
			c.cmd = cmd
			return cmd.run(c, fs.Args()[1:])
		}
	}
	if name == "help" {
		c.usage(stdout)
		return exitOK
	}
	c.errorf(i18n.T("cli.command.unknown", name), i18n.T("cli.command.unknown.hint"))
	return exitUsage
}

// say renders a message in the run's language.
func (c *cli) say(t i18n.Text) string { return t.In(c.lang) }

// println writes a message as a line to w.
func (c *cli) println(w io.Writer, t i18n.Text) { fmt.Fprintln(w, c.say(t)) }

// errorf reports an error on stderr, with a hint on a line of its own.
func (c *cli) errorf(msg i18n.Text, hint ...i18n.Text) {
	c.println(c.stderr, i18n.T("cli.error", msg))
	for _, h := range hint {
		c.println(c.stderr, i18n.T("cli.hint", h))
	}
}

// notes reports remarks that are no problems on stderr, each as "file:line:column: note: …".
func (c *cli) notes(ds brochure.Diagnostics) {
	for _, d := range ds {
		c.println(c.stderr, i18n.T("cli.note", d.Place(), strings.TrimPrefix(d.Format(c.lang), d.Place()+": ")))
	}
}

// usageError reports a mistake in the command line.
func (c *cli) usageError(msg i18n.Text) { c.println(c.stderr, msg) }

// langFlag defines -lang on fs; its value was read before parsing (see langFlag).
func (c *cli) langFlag(fs *flag.FlagSet) {
	fs.String("lang", "", c.say(i18n.T("cli.flag.lang")))
}

// usage writes the overview of commands.
func (c *cli) usage(w io.Writer) {
	fmt.Fprint(w, c.say(i18n.T("cli.usage.intro")))
	for _, cmd := range commands {
		fmt.Fprintf(w, "  brochure %-9s %s\n  %19s %s\n", cmd.name, cmd.args, "", c.say(cmd.summary))
	}
	fmt.Fprintf(w, "  brochure -version\n  %19s %s\n", "", c.say(i18n.T("cli.flag.version")))
	fmt.Fprintf(w, "  brochure -lang de|en COMMAND …\n  %19s %s\n\n", "", strings.ReplaceAll(c.say(i18n.T("cli.flag.lang")), "`", ""))
	fmt.Fprint(w, c.say(i18n.T("cli.usage.outro", initFile, projectFile, exampleName)))
}

// flags makes the flag set of the command being run, with the shared conventions; its usage
// comes from the commands table.
func (c *cli) flags() *flag.FlagSet {
	name, args, summary := c.cmd.name, c.cmd.args, c.cmd.details
	fs := flag.NewFlagSet("brochure "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // printed by parse, once, to the stream that fits
	c.langFlag(fs)
	c.cmdUsage = func(w io.Writer) {
		fmt.Fprint(w, c.say(i18n.T("cli.usage.cmd", name, args, summary)))
		fmt.Fprint(w, c.say(i18n.T("cli.usage.flags")))
		fs.VisitAll(func(f *flag.Flag) {
			kind, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  -%s", f.Name)
			if kind != "" {
				fmt.Fprintf(w, " %s", kind)
			}
			fmt.Fprintf(w, "\n    \t%s", strings.ReplaceAll(usage, "\n", "\n    \t"))
			if f.DefValue != "" && f.DefValue != "false" {
				fmt.Fprintf(w, " %s", c.say(i18n.T("cli.flag.default", f.DefValue)))
			}
			fmt.Fprintln(w)
		})
	}
	return fs
}

// parse parses a command's flags, before and after its arguments (`init FILE -force` as
// well as `init -force FILE`); fs.Args() holds the arguments then. ok is false when the run
// is over, with code.
func (c *cli) parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.cmdUsage(c.stdout)
				return exitOK, false
			}
			c.flagError(err)
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

// flagErrors match the errors of package flag that a user is told in their language.
var flagErrors = []struct {
	re *regexp.Regexp
	id string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S+)$`), "cli.flag.unknown"},
	{regexp.MustCompile(`^flag needs an argument: (-\S+)$`), "cli.flag.noarg"},
	{regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?(-\S+): .*$`), "cli.flag.invalid"},
}

// flagError reports a mistake that package flag found in the command line.
func (c *cli) flagError(err error) {
	msg := err.Error()
	for _, fe := range flagErrors {
		m := fe.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		switch fe.id {
		case "cli.flag.unknown":
			c.usageError(i18n.T("cli.flag.unknown", m[1]))
		case "cli.flag.noarg":
			c.usageError(i18n.T("cli.flag.noarg", m[1]))
		default:
			c.usageError(i18n.T("cli.flag.invalid", m[1], m[2]))
		}
		return
	}
	c.usageError(i18n.T("cli.flag.other", msg))
}

// noArgs reports a usage error when the command got arguments besides its flags.
func (c *cli) noArgs(fs *flag.FlagSet) bool {
	if fs.NArg() == 0 {
		return true
	}
	c.usageError(i18n.T("cli.args.unexpected", fs.Name(), fs.Arg(0)))
	return false
}

// fail reports an error: every diagnostic of a data file, or a single message.
func (c *cli) fail(err error) {
	var ds brochure.Diagnostics
	if errors.As(err, &ds) {
		fmt.Fprintln(c.stderr, ds.In(c.lang))
		c.println(c.stderr, i18n.T("cli.problems", len(ds), ds[0].File))
		return
	}
	var inUse *fileset.InUseError
	if errors.As(err, &inUse) {
		for _, f := range inUse.Files {
			if f.ReadOnly {
				c.errorf(i18n.T("cli.readonly", f.Path))
			} else {
				c.errorf(i18n.T("cli.inuse", f.Path))
			}
		}
		c.println(c.stderr, i18n.T("cli.unchanged"))
		return
	}
	var partial *fileset.PartialError
	if errors.As(err, &partial) {
		c.errorf(i18n.T("cli.other", err), i18n.T("cli.partial.hint", partial.Path))
		return
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		c.errorf(i18n.T("cli.nofile", pe.Path), i18n.T("cli.nofile.hint", pe.Path))
		return
	}
	c.errorf(i18n.T("cli.other", err))
}
