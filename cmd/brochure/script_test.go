package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// binary is the brochure program the scripts run: a copy of this test binary, which acts as
// brochure when started under that name (see TestMain). No `go build` is needed, so the
// scripts run wherever the test binary runs, under Wine too.
var binary string

func TestMain(m *testing.M) {
	if code, ok := childMain(); ok {
		os.Exit(code)
	}
	if strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe") == "brochure" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(testMain(m))
}

// testMain puts the copy of the test binary in place and runs the tests.
func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "brochure-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer testkit.RemoveTree(dir)
	binary = filepath.Join(dir, "brochure")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	self, err := os.Executable()
	if err == nil {
		err = copyFile(self, binary)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "set up the brochure binary: %v\n", err)
		return 1
	}
	return m.Run()
}

// copyFile copies the executable from to a new executable file to.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

// TestScripts runs the command-line scripts in testdata/script. Besides testscript's own
// commands they have:
//
//	brochure ARGS...   run the program; it must exit 0, or non-zero after !
//	status N           the exit code of the last brochure run was N
//	fixture FILE       write the frozen test data (31 members, Stand Juni 2015) to FILE
//	replace FILE OLD NEW   replace the first OLD in FILE by NEW (Go-quoted strings allowed)
//	hold FILE / release FILE   (Windows) hold FILE open as Excel does: no sharing of deletion
//	only DIR NAME...   DIR holds exactly the NAMEs
//	xlsx FILE OP ARGS...   edit a workbook with excelize: set SHEET!CELL TEXT, num SHEET!CELL
//	                   NUMBER, formula SHEET!CELL FORMULA, rename SHEET NEW, new (an empty one)
//	linediff OLD NEW   print the lines that differ between two files (testkit.LineDiff)
//	[have:TOOL]        TOOL is installed (have:openpyxl: Debian's python3 can import it);
//	                   under CI=true a missing TOOL fails the script
func TestScripts(t *testing.T) {
	p := testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireUniqueNames:  true,
		RequireExplicitExec: true,
		UpdateScripts:       *testkit.Update, // -update rewrites the files that cmp compares with
		Setup: func(e *testscript.Env) error {
			e.Values[statusKey{}] = new(int)
			// English unless a script sets a locale (env LANG=de_DE.UTF-8), also on a
			// system whose own language is German.
			e.Setenv("LANG", "C")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"brochure": cmdBrochure,
			"status":   cmdStatus,
			"fixture":  cmdFixture,
			"replace":  cmdReplace,
			"hold":     cmdHold,
			"release":  cmdRelease,
			"only":     cmdOnly,
			"xlsx":     cmdXLSX,
			"linediff": cmdLineDiff,
		},
		Condition: func(cond string) (bool, error) {
			tool, ok := strings.CutPrefix(cond, "have:")
			if !ok {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			var err error
			if tool == "openpyxl" {
				err = exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run()
			} else {
				_, err = exec.LookPath(tool)
			}
			if err != nil {
				if os.Getenv("CI") == "true" && runtime.GOOS != "windows" {
					return false, fmt.Errorf("%s is required when CI=true: %v", tool, err)
				}
				return false, nil
			}
			return true, nil
		},
	}
	if runtime.GOOS == "windows" {
		// testscript removes its work folders with os.RemoveAll, which fails under Wine;
		// keep them in a folder of our own that is removed entry by entry.
		p.WorkdirRoot = testkit.TempDir(t)
	}
	testscript.Run(t, p)
}

// statusKey keys the last exit code in a script's values.
type statusKey struct{}

// localeVars are the environment variables that choose the language of the messages; a
// script sets them with env, and the program sees what the script set.
var localeVars = []string{"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}

// cmdBrochure runs the program in the script's current folder.
func cmdBrochure(ts *testscript.TestScript, neg bool, args []string) {
	cmd := exec.Command(binary, args...)
	cmd.Dir = ts.MkAbs(".")
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !isLocaleVar(name) {
			env = append(env, kv)
		}
	}
	for _, name := range append(localeVars, "BROCHURE_PREFLIGHT_MEMORY_MB") {
		if v := ts.Getenv(name); v != "" {
			env = append(env, name+"="+v)
		}
	}
	cmd.Env = append(env, "PWD="+cmd.Dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	// Wine now and then fails to start a process ("fork/exec …: Internal error.") before
	// the program runs at all; that is no result of the program, so it is started again.
	for try := 1; err != nil && cmd.ProcessState == nil && runtime.GOOS == "windows" && try < 3; try++ {
		ts.Logf("starting brochure failed (%v); starting it again", err)
		time.Sleep(100 * time.Millisecond)
		retry := exec.Command(binary, args...)
		retry.Dir, retry.Env, retry.Stdout, retry.Stderr = cmd.Dir, cmd.Env, &out, &errb
		cmd, err = retry, retry.Run()
	}
	io.Copy(ts.Stdout(), &out)
	io.Copy(ts.Stderr(), &errb)
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		ts.Fatalf("run brochure: %v", err)
	}
	*ts.Value(statusKey{}).(*int) = code
	if neg != (code != 0) {
		ts.Fatalf("brochure %s: exit code %d\n%s", strings.Join(args, " "), code, errb.String())
	}
}

// isLocaleVar reports whether name is one of localeVars.
func isLocaleVar(name string) bool {
	for _, v := range localeVars {
		if name == v {
			return true
		}
	}
	return false
}

// cmdStatus checks the exit code of the last brochure run.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: status N")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	if got := *ts.Value(statusKey{}).(*int); got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdFixture writes the frozen test data; with -standard without its leaflet section, so
// that the leaflet is the standard one made from the data.
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	standard := len(args) == 2 && args[0] == "-standard"
	if standard {
		args = args[1:]
	}
	if len(args) != 1 || neg {
		ts.Fatalf("usage: fixture [-standard] FILE")
	}
	src := testkit.Network
	if standard {
		i := bytes.Index(src, []byte("\nleaflet:"))
		if i < 0 {
			ts.Fatalf("the test data has no leaflet section")
		}
		src = src[:i+1]
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), src, 0o644))
}

// cmdReplace replaces the first occurrence of a text in a file; the text must occur.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	old, new := unquote(ts, args[1]), unquote(ts, args[2])
	path := ts.MkAbs(args[0])
	b, err := os.ReadFile(path)
	ts.Check(err)
	if !bytes.Contains(b, []byte(old)) {
		ts.Fatalf("%s does not contain %q", args[0], old)
	}
	ts.Check(os.WriteFile(path, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644))
}

// unquote reads s as a Go string literal when it is one ("a\nb"), else takes it as it is.
func unquote(ts *testscript.TestScript, s string) string {
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		ts.Check(err)
		return u
	}
	return s
}

// held keeps the handles of files that hold opened, by script and path.
var held sync.Map

// cmdHold holds a file open as Excel does (Windows only).
func cmdHold(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: hold FILE")
	}
	release, err := testkit.HoldOpen(ts.MkAbs(args[0]))
	ts.Check(err)
	held.Store(ts.MkAbs(args[0]), release)
	ts.Defer(func() {
		if r, ok := held.LoadAndDelete(ts.MkAbs(args[0])); ok {
			r.(func())()
		}
	})
}

// cmdRelease closes a file that hold opened.
func cmdRelease(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: release FILE")
	}
	r, ok := held.LoadAndDelete(ts.MkAbs(args[0]))
	if !ok {
		ts.Fatalf("%s is not held", args[0])
	}
	r.(func())()
}

// cmdOnly checks that a folder holds exactly the named entries: nothing left behind, nothing
// missing.
func cmdOnly(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || neg {
		ts.Fatalf("usage: only DIR NAME...")
	}
	es, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	var got []string
	for _, e := range es {
		got = append(got, e.Name())
	}
	want := append([]string(nil), args[1:]...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		ts.Fatalf("%s holds\n\t%s\nwant\n\t%s", args[0], strings.Join(got, " "), strings.Join(want, " "))
	}
}

// cmdXLSX edits a workbook with excelize, as another program than brochure would.
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || neg {
		ts.Fatalf("usage: xlsx FILE set|num|formula SHEET!CELL VALUE | rename SHEET NEW | new")
	}
	path := ts.MkAbs(args[0])
	if args[1] == "new" {
		f := excelize.NewFile()
		ts.Check(f.SaveAs(path))
		return
	}
	if len(args) != 4 {
		ts.Fatalf("usage: xlsx FILE %s ARG ARG", args[1])
	}
	f, err := excelize.OpenFile(path)
	ts.Check(err)
	defer f.Close()
	sheet, cell, _ := strings.Cut(args[2], "!")
	switch args[1] {
	case "set":
		ts.Check(f.SetCellStr(sheet, cell, unquote(ts, args[3])))
	case "num":
		n, err := strconv.ParseFloat(args[3], 64)
		ts.Check(err)
		ts.Check(f.SetCellFloat(sheet, cell, n, -1, 64))
	case "formula":
		ts.Check(f.SetCellFormula(sheet, cell, args[3]))
	case "rename":
		ts.Check(f.SetSheetName(args[2], args[3]))
	default:
		ts.Fatalf("xlsx: unknown operation %q", args[1])
	}
	ts.Check(f.Save())
}

// cmdLineDiff prints the lines that differ between two files.
func cmdLineDiff(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: linediff OLD NEW")
	}
	fmt.Fprint(ts.Stdout(), testkit.LineDiff(ts.ReadFile(args[0]), ts.ReadFile(args[1])))
}
