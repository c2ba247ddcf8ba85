package edition

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// speedBaseline holds the committed ratio of a build's time to the reference workload's.
var speedBaseline = filepath.Join("testdata", "speed-baseline.txt")

// speedSlack is how much slower than the baseline a build may get before the check fails.
const speedSlack = 1.30

// TestSpeedHoldsTheLine fails when building every output of the frozen fixture has become
// more than 30 % slower than the committed baseline. The build is timed against a fixed
// reference workload (compression, hashing and allocation, on both cores like the build)
// in the same run, alternating, and each is the minimum of several runs: the ratio of the two
// minima cancels the machine's speed and most of its load; a ratio over the limit is measured
// again, up to three times in all. It runs when BROCHURE_SPEED=1 (as
// .ci/run sets it); -update writes the measured ratio as the new baseline.
func TestSpeedHoldsTheLine(t *testing.T) {
	if os.Getenv("BROCHURE_SPEED") != "1" && !*testkit.Update {
		t.Skip("set BROCHURE_SPEED=1 to compare the build's speed with the baseline")
	}
	if testing.Short() {
		t.Skip("not in -short")
	}
	n := testnet.Default(t)
	build := func() {
		if _, err := Files(n); err != nil {
			t.Fatal(err)
		}
	}
	input := referenceInput()
	ref := func() { referenceWork(input) }
	build() // first use: fonts, patterns, map
	ref()
	measure := func() float64 {
		const runs = 20
		bestBuild, bestRef := time.Duration(1<<62), time.Duration(1<<62)
		for range runs {
			bestRef = min(bestRef, timed(ref))
			bestBuild = min(bestBuild, timed(build))
		}
		ratio := float64(bestBuild) / float64(bestRef)
		t.Logf("build %v, reference %v (minima of %d runs): ratio %.3f", bestBuild, bestRef, runs, ratio)
		return ratio
	}
	ratio := measure()
	if *testkit.Update {
		line := strconv.FormatFloat(ratio, 'f', 3, 64) + "\n"
		if err := os.WriteFile(speedBaseline, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(speedBaseline)
	if err != nil {
		t.Fatal(err)
	}
	base, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	if err != nil || base <= 0 {
		t.Fatalf("%s: want a positive number, have %q", speedBaseline, b)
	}
	// A busy machine can spoil one measurement, not a slower build: only a build slower in
	// every one of three measurements fails.
	for attempt := 1; attempt < 3 && ratio > base*speedSlack; attempt++ {
		ratio = min(ratio, measure())
	}
	if ratio > base*speedSlack {
		t.Errorf("the build is %.0f %% slower than the baseline (ratio %.3f to the reference workload, baseline %.3f in %s, allowed %.3f): find what got slower with go test -bench BenchmarkFiles -cpuprofile, or, if it is worth it, run go test -run TestSpeedHoldsTheLine -update on an idle machine",
			(ratio/base-1)*100, ratio, base, speedBaseline, base*speedSlack)
	}
}

// timed returns how long f takes.
func timed(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// referenceInput returns 256 KiB of fixed text-like bytes.
func referenceInput() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for b.Len() < 1<<18 {
		fmt.Fprintf(&b, "%d %x ", r.IntN(1000), r.Uint32()&0xfff)
	}
	return b.Bytes()
}

// referenceWork is the fixed workload the build is timed against: on two goroutines, as the
// build uses both cores, compress the input, hash it and allocate as a build does.
func referenceWork(input []byte) {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			var out bytes.Buffer
			w, _ := flate.NewWriter(&out, flate.BestSpeed)
			w.Write(input)
			w.Close()
			sum := sha256.Sum256(out.Bytes())
			keep := make([][]byte, 0, 256)
			for i := range 20000 {
				keep = append(keep[:i%256], make([]byte, 64+int(sum[i%32])))
			}
		})
	}
	wg.Wait()
}
