package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight/preflighttest"
	"github.com/staedtenetz-nrw/brochure/internal/isolate"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// Bounds of the work of the preflight on any of the files of TestHostilePDFs. CPU time is
// the measure of the work (wall time grows on a busy machine); the peak memory is the
// child's resident set, from its resource usage.
const (
	hostileCPU    = 2 * time.Second
	hostileMemory = 500 << 20
	hostileWall   = 30 * time.Second // no hang, however busy the machine
)

// TestHostilePDFs runs the preflight as the command does, in its child process, over PDFs
// made to crash, hang, exhaust or fool a checker, and over benign ones made by other
// programs: each ends with exit code 0 or 1 and the message it should give, within
// hostileCPU and hostileMemory, and none needs the child's limits (the design bounds
// the work, the limits of the child only catch what it missed).
func TestHostilePDFs(t *testing.T) {
	dir := testkit.TempDir(t)
	cases := append(preflighttest.Cases(t), specialFiles(t, dir)...)
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	type result struct {
		name string
		code int
		u    isolate.Usage
	}
	var results []result
	for i, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			path := c.Path
			if path == "" {
				path = filepath.Join(dir, fmt.Sprintf("case%03d.pdf", i))
				if err := os.WriteFile(path, c.PDF, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var out, errb bytes.Buffer
			code, u := preflightFile(&cli{stdout: &out, stderr: &errb}, path, preflight.Options{PrintFile: true})
			results = append(results, result{c.Name, code, u})
			msg := out.String() + errb.String()
			want := exitInput
			if c.Pass {
				want = exitOK
			}
			if code != want {
				t.Errorf("exit code %d, want %d:\n%s", code, want, msg)
			}
			for _, w := range c.Want {
				if !strings.Contains(msg, w) {
					t.Errorf("the message lacks %q:\n%s", w, msg)
				}
			}
			for _, bad := range []string{"could not be read safely", "internal error", "panic", "goroutine"} {
				if strings.Contains(msg, bad) {
					t.Errorf("the message says %q:\n%s", bad, msg)
				}
			}
			// Under Wine a process's CPU time is not what it took (it grows from child to
			// child); there the time in all stands for it.
			if raceDetector {
				return // the budgets hold for the program, not for its race-detecting build
			}
			if (u.CPU > hostileCPU && runtime.GOOS != "windows") || u.Elapsed > hostileWall {
				t.Errorf("took %s of CPU time, %s in all; want at most %s of CPU time", u.CPU, u.Elapsed, hostileCPU)
			}
			if u.PeakMemory > hostileMemory {
				t.Errorf("took %d MB of memory, want at most %d MB", u.PeakMemory>>20, hostileMemory>>20)
			}
		})
	}
	sort.Slice(results, func(i, j int) bool { return results[i].u.CPU > results[j].u.CPU })
	var b strings.Builder
	for _, r := range results {
		fmt.Fprintf(&b, "%-45s exit %d  %6s CPU  %6s in all  %4d MB\n", r.name, r.code,
			r.u.CPU.Round(time.Millisecond), r.u.Elapsed.Round(time.Millisecond), r.u.PeakMemory>>20)
	}
	t.Logf("%d files, the costliest first:\n%s", len(results), b.String())
}
