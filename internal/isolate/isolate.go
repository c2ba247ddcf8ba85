// Package isolate runs work on input from outside in a child process of the same program,
// so that a crash, a stack overflow or memory exhaustion ends the child and not the
// program, and the program can say what happened.
//
// The child is the program's own executable, started with an environment variable that
// names the job: main calls Job first thing and, in a child, Serve. The child gets a
// deadline and a memory limit. The memory is watched three ways: the child watches the
// memory its Go runtime has taken and exits when it is over the limit (on every system);
// on Linux the parent also polls the child's resident memory, and on Windows the child runs
// in a job object with a memory limit. RLIMIT_AS does not suit a Go program: the runtime
// reserves address space it never uses.
package isolate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Environment variables that make a child of the program, and give its memory limit.
const (
	envJob    = "BROCHURE_ISOLATE_JOB"
	envMemory = "BROCHURE_ISOLATE_MEMORY"
)

// Exit codes of a child besides 0 (done) and the Go runtime's 2 (panic or fatal error).
const (
	exitMemory = 3 // over its memory limit
	exitInput  = 4 // its input could not be read
)

// MaxOutput caps what a child may write to its standard output.
const MaxOutput = 64 << 20

// Limits are what a child may take.
type Limits struct {
	Timeout time.Duration
	Memory  int64 // bytes
}

// Usage is what a child took.
type Usage struct {
	Elapsed time.Duration
	CPU     time.Duration // user and system time
	// PeakMemory is the child's peak resident memory (Linux, macOS) or peak committed
	// memory (Windows), 0 where not known.
	PeakMemory int64
}

// Cause says why a child did not finish its job.
type Cause int

// The causes of a child's death; Detail of the DeathError says more where noted.
const (
	Crashed       Cause = iota // a panic or fatal error of the Go runtime (Detail: its first line)
	OutOfMemory                // over Limits.Memory
	TimedOut                   // over Limits.Timeout
	Cancelled                  // the context was cancelled
	TooMuchOutput              // more than MaxOutput bytes of results
	BadInput                   // the job could not read its input (Detail: why)
)

// DeathError reports a child that did not finish its job: Cause and Detail for a program to
// say it in its own words, Reason in English.
type DeathError struct {
	Cause  Cause
	Detail string
	Reason string // "it took longer than 1m0s", "it needed more than 1024 MB of memory", …
	Usage  Usage
}

func (e *DeathError) Error() string { return e.Reason }

// Job returns the name of the job this process was started for as a child, or "" when
// it is no child.
func Job() string { return os.Getenv(envJob) }

// Run runs job in a child process with input on its standard input and returns what the
// child wrote to its standard output. A child that exceeds a limit or crashes is a
// *DeathError.
func Run(ctx context.Context, job string, input []byte, lim Limits) ([]byte, Usage, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, Usage{}, fmt.Errorf("find the program to run the check in: %w", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), envJob+"="+job, envMemory+"="+strconv.FormatInt(lim.Memory, 10))
	cmd.Stdin = bytes.NewReader(input)
	stdout := &capped{max: MaxOutput}
	stderr := &capped{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, Usage{}, fmt.Errorf("start the check: %w", err)
	}
	var mu sync.Mutex
	var killed *DeathError
	kill := func(d *DeathError) {
		mu.Lock()
		defer mu.Unlock()
		if killed == nil {
			killed = d
			cmd.Process.Kill()
		}
	}
	w := watch(cmd.Process, lim.Memory, func() { kill(death(OutOfMemory, "", lim)) })
	ctx, cancel := context.WithTimeout(ctx, lim.Timeout)
	defer cancel()
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				kill(death(TimedOut, "", lim))
			} else {
				kill(death(Cancelled, "", lim))
			}
		case <-done:
		}
	}()
	err = cmd.Wait()
	close(done)
	u := Usage{Elapsed: time.Since(start)}
	if st := cmd.ProcessState; st != nil {
		u.CPU = st.UserTime() + st.SystemTime()
	}
	// The child's own account of its peak is exact; the watch's is the peak it saw.
	u.PeakMemory = max(reportedPeak(stderr.String()), w.stop())
	mu.Lock()
	d := killed
	mu.Unlock()
	if d == nil && stdout.over {
		d = death(TooMuchOutput, "", lim)
	}
	if d != nil {
		d.Usage = u
		return nil, u, d
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		return stdout.Bytes(), u, nil
	case !errors.As(err, &ee):
		return nil, u, fmt.Errorf("run the check: %w", err)
	}
	d = deathOf(ee, stderr.String(), lim)
	d.Usage = u
	return nil, u, d
}

// death makes the DeathError of cause, with its Reason in English.
func death(cause Cause, detail string, lim Limits) *DeathError {
	var reason string
	switch cause {
	case OutOfMemory:
		reason = fmt.Sprintf("it needed more than %d MB of memory", lim.Memory>>20)
	case TimedOut:
		reason = fmt.Sprintf("it took longer than %s", lim.Timeout)
	case Cancelled:
		reason = "it was cancelled"
	case TooMuchOutput:
		reason = fmt.Sprintf("it wrote more than %d MB of results", MaxOutput>>20)
	case BadInput:
		reason = "it could not read what to check: " + detail
	default:
		reason = "it crashed (" + detail + ")"
	}
	return &DeathError{Cause: cause, Detail: detail, Reason: reason}
}

// deathOf says why a child ended with an error, from its exit code and the start of what
// it wrote to its standard error.
func deathOf(ee *exec.ExitError, stderr string, lim Limits) *DeathError {
	if ee.ExitCode() == exitMemory {
		return death(OutOfMemory, "", lim)
	}
	// The Go runtime writes "fatal error: …" or "panic: …" after lines of its own.
	first := ""
	for _, prefix := range []string{"fatal error:", "panic:", "runtime:", ""} {
		for _, line := range strings.Split(stderr, "\n") {
			if line = strings.TrimSpace(line); line != "" && strings.HasPrefix(line, prefix) {
				first = line
				break
			}
		}
		if first != "" {
			break
		}
	}
	if strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory") {
		return death(OutOfMemory, "", lim)
	}
	if ee.ExitCode() == exitInput {
		return death(BadInput, first, lim)
	}
	if first == "" {
		first = ee.String()
	}
	if len(first) > 200 {
		first = first[:200] + "…"
	}
	return death(Crashed, first, lim)
}

// capped is a buffer that keeps at most max bytes and notes that more came.
type capped struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); len(p) > room {
		c.over = true
		c.Buffer.Write(p[:max(0, room)])
		return len(p), nil
	}
	return c.Buffer.Write(p)
}

// watcher watches a child from the parent where the system allows it.
type watcher interface {
	stop() (peak int64) // ends the watch; the peak memory seen, 0 if not known
}

// Serve does the part of a child: it watches its own memory against the limit the
// parent gave, runs fn with the standard input and output, and returns the exit code for
// os.Exit. fn's error means its input could not be read; a panic in fn crashes the
// child, as it should: the parent reports it.
func Serve(fn func(in io.Reader, out io.Writer) error) int {
	limit, _ := strconv.ParseInt(os.Getenv(envMemory), 10, 64)
	if limit > 0 {
		selfWatch(limit)
	}
	out := &bytes.Buffer{}
	if err := fn(os.Stdin, out); err != nil {
		fmt.Fprintf(os.Stderr, "isolate: %v\n", err)
		return exitInput
	}
	if _, err := os.Stdout.Write(out.Bytes()); err != nil {
		return exitInput
	}
	if p := selfPeak(); p > 0 {
		fmt.Fprintf(os.Stderr, "%s%d\n", peakPrefix, p)
	}
	return 0
}

// peakPrefix starts the line on which a child reports its peak memory in bytes.
const peakPrefix = "isolate: peak memory "

// reportedPeak reads the peak memory a child reported, or 0.
func reportedPeak(stderr string) int64 {
	i := strings.LastIndex(stderr, peakPrefix)
	if i < 0 {
		return 0
	}
	line, _, _ := strings.Cut(stderr[i+len(peakPrefix):], "\n")
	n, _ := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	return n
}
