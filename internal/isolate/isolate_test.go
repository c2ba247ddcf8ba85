package isolate

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// jobs are what the children of these tests do.
var jobs = map[string]func(in io.Reader, out io.Writer) error{
	"echo": func(in io.Reader, out io.Writer) error {
		_, err := io.Copy(out, in)
		return err
	},
	// grow allocates and touches memory 16 MB at a time, as a decompression bomb does.
	"grow": func(io.Reader, io.Writer) error {
		var keep [][]byte
		for {
			b := make([]byte, 16<<20)
			for i := range b {
				b[i] = 1
			}
			//lint:ignore SA4010 the memory is kept so that it counts, never read
			keep = append(keep, b)
		}
	},
	// reserve takes 8 GB at once without touching it.
	"reserve": func(_ io.Reader, out io.Writer) error {
		b := make([]byte, 8<<30)
		time.Sleep(time.Second)
		out.Write(b[:1])
		return nil
	},
	"recurse": func(io.Reader, io.Writer) error { recurse(0); return nil },
	"hang":    func(io.Reader, io.Writer) error { time.Sleep(time.Minute); return nil },
	"panic":   func(io.Reader, io.Writer) error { panic("boom") },
	"refuse":  func(io.Reader, io.Writer) error { return errors.New("no request") },
}

// recurse never ends: it overflows the stack, as a file nested without end would.
func recurse(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	//lint:ignore SA5007 the recursion is the point: it overflows the stack
	return recurse(n+1) + int(pad[0])
}

func TestMain(m *testing.M) {
	if job := Job(); job != "" {
		os.Exit(Serve(jobs[job]))
	}
	os.Exit(m.Run())
}

var lim = Limits{Timeout: 20 * time.Second, Memory: 200 << 20}

func TestChildDoesItsJob(t *testing.T) {
	in := bytes.Repeat([]byte("Städtenetz "), 100_000)
	out, u, err := Run(context.Background(), "echo", in, lim)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, in) {
		t.Errorf("output of %d bytes, want the %d bytes of the input", len(out), len(in))
	}
	if u.Elapsed <= 0 {
		t.Errorf("usage %+v", u)
	}
	if u.PeakMemory <= 0 && os.Getenv("GOOS") != "windows" {
		t.Logf("no peak memory on this system: %+v", u)
	}
}

// TestDeaths wants every way a child can die reported as a DeathError that says why, soon.
func TestDeaths(t *testing.T) {
	tests := []struct {
		job, want string
		cause     Cause
		lim       Limits
	}{
		{"grow", "it needed more than 200 MB of memory", OutOfMemory, lim},
		{"reserve", "it needed more than 200 MB of memory", OutOfMemory, lim},
		{"recurse", "stack overflow", Crashed, lim},
		{"hang", "it took longer than 500ms", TimedOut, Limits{Timeout: 500 * time.Millisecond, Memory: 200 << 20}},
		{"panic", "it crashed (panic: boom", Crashed, lim},
		{"refuse", "it could not read what to check: isolate: no request", BadInput, lim},
	}
	for _, tt := range tests {
		t.Run(tt.job, func(t *testing.T) {
			_, u, err := Run(context.Background(), tt.job, nil, tt.lim)
			var de *DeathError
			if !errors.As(err, &de) {
				t.Fatalf("error %v, want a death", err)
			}
			if !strings.Contains(de.Reason, tt.want) {
				t.Errorf("reason %q, want %q", de.Reason, tt.want)
			}
			if de.Cause != tt.cause {
				t.Errorf("cause %d, want %d (%s)", de.Cause, tt.cause, de.Reason)
			}
			if u.Elapsed > 10*time.Second {
				t.Errorf("took %s", u.Elapsed)
			}
			if u.PeakMemory > 600<<20 {
				t.Errorf("peak memory %d MB", u.PeakMemory>>20)
			}
			t.Logf("%s: %s in %s, peak %d MB", tt.job, de.Reason, u.Elapsed.Round(time.Millisecond), u.PeakMemory>>20)
		})
	}
}
