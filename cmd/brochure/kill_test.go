package main

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLeavesCompleteFiles builds the real binary, starts `brochure build` again
// and again and kills it with SIGKILL after growing delays, so that the kills land in every
// phase of a build. After each kill every output under its final name must be complete; a
// last build must leave exactly the outputs and no temporary file.
func TestKilledBuildLeavesCompleteFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	out := filepath.Join(dir, "out")
	if err := exec.Command(bin, "build", "-out", out).Run(); err != nil {
		t.Fatal(err)
	}
	for _, delay := range []time.Duration{2, 5, 10, 20, 30, 40, 50, 60, 80, 100, 150, 200} {
		cmd := exec.Command(bin, "build", "-out", out)
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkComplete(t, out, delay)
	}
	if err := exec.Command(bin, "build", "-out", out).Run(); err != nil {
		t.Fatal(err)
	}
	checkComplete(t, out, 0)
	var names []string
	es, _ := os.ReadDir(out)
	for _, e := range es {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".brochure.lock "+strings.Join(sortedOutputs(), " "); got != want {
		t.Errorf("after a complete build the directory holds\n%s\nwant\n%s", got, want)
	}
}

// checkComplete asserts that every output in dir is complete.
func checkComplete(t *testing.T, dir string, after time.Duration) {
	t.Helper()
	for _, name := range outputs {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("killed after %v: %s: %v", after*time.Millisecond, name, err)
			continue
		}
		switch filepath.Ext(name) {
		case ".pdf":
			if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Errorf("killed after %v: %s is cut short", after*time.Millisecond, name)
			}
		case ".xlsx":
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("killed after %v: %s is no complete zip: %v", after*time.Millisecond, name, err)
			}
		case ".csv":
			if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || !bytes.HasSuffix(b, []byte("\r\n")) {
				t.Errorf("killed after %v: %s is cut short", after*time.Millisecond, name)
			}
		}
	}
}

// TestConcurrentBuildsOfTwoDataFiles runs two `brochure build` processes at once into one
// directory, from two data files that give different leaflets, several times: each time the
// directory must end with one complete set, every file from the same build.
func TestConcurrentBuildsOfTwoDataFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	if err := exec.Command(bin, "init", filepath.Join(dir, "a.yaml")).Run(); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.yaml"))
	b := strings.Replace(strings.Replace(string(a), "fold: wickelfalz ", "fold: zickzack ", 1), "  inset_mm: 97", "", 1)
	os.WriteFile(filepath.Join(dir, "b.yaml"), []byte(b), 0o644)
	sets := map[string]map[string][]byte{}
	for _, v := range []string{"a", "b"} {
		out := filepath.Join(dir, "ref-"+v)
		if msg, err := exec.Command(bin, "build", "-data", filepath.Join(dir, v+".yaml"), "-out", out).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", v, err, msg)
		}
		sets[v] = map[string][]byte{}
		for _, name := range outputs {
			sets[v][name], _ = os.ReadFile(filepath.Join(out, name))
		}
	}
	if bytes.Equal(sets["a"]["leaflet.pdf"], sets["b"]["leaflet.pdf"]) {
		t.Fatal("the two data files give the same leaflet: the test shows nothing")
	}
	out := filepath.Join(dir, "out")
	for round := range 4 {
		var cmds []*exec.Cmd
		for _, v := range []string{"a", "b"} {
			cmd := exec.Command(bin, "build", "-data", filepath.Join(dir, v+".yaml"), "-out", out)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		for _, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		from := ""
		for _, name := range []string{"leaflet.pdf", "leaflet-marks.pdf", "leaflet-screen.pdf"} {
			got, _ := os.ReadFile(filepath.Join(out, name))
			switch {
			case bytes.Equal(got, sets["a"][name]) && from != "b":
				from = "a"
			case bytes.Equal(got, sets["b"][name]) && from != "a":
				from = "b"
			default:
				t.Fatalf("round %d: %s is not from the same build as the files before it", round, name)
			}
		}
	}
}

// buildBinary builds the command into dir and returns its path.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "brochure")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
