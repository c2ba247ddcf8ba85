package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// outputs are the files every build writes.
var outputs = []string{"leaflet.pdf", "leaflet-marks.pdf", "leaflet-screen.pdf", "roster.xlsx", "roster.pdf",
	"roster-mitglieder.csv", "roster-ehemalige-mitglieder.csv", "roster-programmgebiete.csv", "roster-institutionen.csv", "roster-geschaeftsstelle.csv", "roster-quellen.csv"}

// sortedOutputs lists the outputs in the order a directory listing shows them.
func sortedOutputs() []string {
	s := append([]string(nil), outputs...)
	sort.Strings(s)
	return s
}

// TestConcurrentBuildsOfTwoDataFiles runs two `brochure build` processes at once into one
// directory, from two data files that give different leaflets, several times: each time the
// directory must end with one complete set, every file from the same build.
func TestConcurrentBuildsOfTwoDataFiles(t *testing.T) {
	dir := testkit.TempDir(t)
	bin := binary
	a := testkit.Network
	os.WriteFile(filepath.Join(dir, "a.yaml"), a, 0o644)
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
