package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder stands in for the testing.TB of a test that uses testkit: it keeps what would be
// reported, and stops like the real one on Fatal and Skip.
type recorder struct {
	testing.TB
	errors, fatals, skips []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }
func (r *recorder) Skipf(format string, args ...any) {
	r.skips = append(r.skips, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

// record runs f with a recorder, as the testing package runs a test: in a goroutine of its own.
func record(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

func TestGolden(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.golden")
	if err := os.WriteFile(path, []byte("one\ntwo\nthree\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := record(t, func(tb testing.TB) { Golden(tb, path, "one\ntwo\nthree\n") }); len(r.errors)+len(r.fatals) > 0 {
		t.Errorf("equal text reported: %q %q", r.errors, r.fatals)
	}
	r := record(t, func(tb testing.TB) { Golden(tb, path, "one\nTWO\nthree\nfour\n") })
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "line 2:\n  want two\n  got  TWO") || !strings.Contains(r.errors[0], "-update") {
		t.Errorf("changed line 2 reported as %q", r.errors)
	}
	r = record(t, func(tb testing.TB) { Golden(tb, path, "one\ntwo\nthree\nfour\n") })
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "line 4:\n  want \n  got  four") {
		t.Errorf("added line reported as %q", r.errors)
	}
	r = record(t, func(tb testing.TB) { Golden(tb, path+".missing", "x") })
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "-update") {
		t.Errorf("missing golden file reported as %q", r.fatals)
	}
}

func TestGoldenUpdate(t *testing.T) {
	defer func(old bool) { *Update = old }(*Update)
	*Update = true
	path := filepath.Join(t.TempDir(), "new", "dir", "b.golden")
	if r := record(t, func(tb testing.TB) { Golden(tb, path, "written\n") }); len(r.errors)+len(r.fatals) > 0 {
		t.Fatalf("update reported: %q %q", r.errors, r.fatals)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "written\n" {
		t.Errorf("golden file after -update: %q, %v", b, err)
	}
}

func TestToolMissing(t *testing.T) {
	const name = "no-such-tool-for-testkit"
	t.Setenv("CI", "")
	if r := record(t, func(tb testing.TB) { Tool(tb, name) }); len(r.skips) != 1 || len(r.fatals) != 0 {
		t.Errorf("missing tool without CI: skips %q, fatals %q; want one skip", r.skips, r.fatals)
	}
	t.Setenv("CI", "true")
	if r := record(t, func(tb testing.TB) { Tool(tb, name) }); len(r.fatals) != 1 || len(r.skips) != 0 {
		t.Errorf("missing tool with CI=true: skips %q, fatals %q; want one failure", r.skips, r.fatals)
	}
}

func TestRun(t *testing.T) {
	if got := Run(t, "sh", "-c", "echo out; echo err >&2"); got != "out\nerr\n" {
		t.Errorf("Run = %q, want standard output, then standard error", got)
	}
	r := record(t, func(tb testing.TB) { Run(tb, "sh", "-c", "echo broken >&2; exit 3") })
	if len(r.fatals) != 1 || !strings.Contains(r.fatals[0], "broken") {
		t.Errorf("failing program reported as %q", r.fatals)
	}
}
