//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestPreviewRunsAndStops starts `brochure preview` on the data rule's network.yaml, reads
// the address it prints, finds the data shown there, and stops it with Ctrl+C (SIGINT): it
// ends at once with exit code 0, says so, and has written nothing.
func TestPreviewRunsAndStops(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "network.yaml"), testkit.Network, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "-lang", "en", "preview", "-no-open")
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatalf("no output; stderr:\n%s", stderr.String())
	}
	m := regexp.MustCompile(`^brochure: preview of network.yaml at (http://127\.0\.0\.1:\d+/)$`).FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("first line %q", lines.Text())
	}
	resp, err := http.Get(m[1] + "state")
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		OK    bool
		Title string
		Stand string
	}
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || !st.OK || st.Title != "Städtenetz Soziale Stadt NRW" || st.Stand != "Juni 2015" {
		t.Errorf("the preview shows %+v (%v)", st, err)
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	var rest []string
	for lines.Scan() {
		rest = append(rest, lines.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("after Ctrl+C: %v\n%s", err, stderr.String())
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the stop took %v", d)
	}
	if got := strings.Join(rest, "\n"); !strings.Contains(got, "brochure: preview stopped") {
		t.Errorf("after Ctrl+C the output is %q", got)
	}
	if !strings.Contains(stderr.String(), "brochure: data: network.yaml (Städtenetz Soziale Stadt NRW, Stand Juni 2015)") {
		t.Errorf("stderr does not say which data it shows:\n%s", stderr.String())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries; the preview wrote something", len(entries))
	}
}
