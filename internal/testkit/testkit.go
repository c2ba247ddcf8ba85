// Package testkit holds what the tests of several packages share: the -update flag with
// the golden file comparison, and finding and running the external tools some tests use.
// Only tests import it.
package testkit

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Update is the -update flag: Golden rewrites golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files")

// Golden compares got with the golden file at path and reports the first line that differs;
// with -update it writes got to path instead, creating directories as needed.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update if the change is right):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line in which want and got differ, numbered from 1, or "" when
// they are equal.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl
		}
	}
	return ""
}

// Tool returns the path of the external program name (a name looked up in PATH, or a path).
// When it is missing the test is skipped, except when the environment variable CI is
// "true": there a missing tool fails the test.
func Tool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required when CI=true: %v", name, err)
		}
		t.Skipf("%s is not installed: %v", name, err)
	}
	return path
}

// Run runs the external program name (found by Tool) with args and returns its standard
// output followed by its standard error; the test fails when the program does.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Tool(t, name), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// TempDir returns a new empty directory that is removed when the test ends, like t.TempDir.
// Under Wine, os.RemoveAll fails ("Invalid function") where os.Remove works, so the
// directory is removed entry by entry, deepest first; what cannot be removed is left for
// the system's temporary folder and does not fail the test.
func TempDir(t testing.TB) string {
	t.Helper()
	if runtime.GOOS != "windows" {
		return t.TempDir()
	}
	dir, err := os.MkdirTemp("", "brochure-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { RemoveTree(dir) })
	return dir
}

// RemoveTree removes dir and everything below it with os.Remove, deepest entries first, and
// returns the first error.
func RemoveTree(dir string) error {
	var paths []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, path)
		}
		return nil
	})
	var first error
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Remove(paths[i]); err != nil && first == nil {
			first = err
		}
	}
	return first
}
