package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// outputs are the files every build writes.
var outputs = []string{"leaflet.pdf", "leaflet-marks.pdf", "leaflet-screen.pdf", "roster.xlsx",
	"roster-mitglieder.csv", "roster-ehemalige-mitglieder.csv", "roster-programmgebiete.csv", "roster-institutionen.csv", "roster-geschaeftsstelle.csv"}

// sortedOutputs lists the outputs in the order a directory listing shows them.
func sortedOutputs() []string {
	s := append([]string(nil), outputs...)
	sort.Strings(s)
	return s
}

func TestBuildWritesEveryOutput(t *testing.T) {
	chdir(t, t.TempDir())
	code, out, errOut := runCLI(t, "build", "-out", "out")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range outputs {
		st, err := os.Stat(filepath.Join("out", name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if st.Size() == 0 || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: size %d, mode %v", name, st.Size(), st.Mode().Perm())
		}
		if !strings.Contains(out, filepath.Join("out", name)) {
			t.Errorf("stdout does not name %s", name)
		}
	}
	first := map[string][]byte{}
	for _, name := range outputs {
		first[name], _ = os.ReadFile(filepath.Join("out", name))
	}
	if code, _, errOut := runCLI(t, "build", "-out", "out"); code != 0 {
		t.Fatalf("second build: %s", errOut)
	}
	for _, name := range outputs {
		again, _ := os.ReadFile(filepath.Join("out", name))
		if !bytes.Equal(first[name], again) {
			t.Errorf("%s differs between two builds of the same data", name)
		}
	}
	code, out, _ = runCLI(t, "preflight", "-fold", "wickelfalz", filepath.Join("out", "leaflet.pdf"))
	if code != 0 || !strings.Contains(out, "passes the preflight") {
		t.Errorf("preflight of the print file: %d %q", code, out)
	}
	code, out, errOut = runCLI(t, "preflight", filepath.Join("out", "leaflet-screen.pdf"))
	if code != 1 || !strings.Contains(out, "rgb-colour") || !strings.Contains(errOut, "fails the preflight") {
		t.Errorf("preflight of the screen file as a print file: %d %q %q", code, out, errOut)
	}
}

func TestBuildWithBadDataWritesNothing(t *testing.T) {
	chdir(t, t.TempDir())
	if code, _, errOut := runCLI(t, "init", "net.yaml"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, "build", "-data", "net.yaml", "-out", "out"); code != 0 {
		t.Fatal(errOut)
	}
	before, _ := os.ReadFile(filepath.Join("out", "leaflet.pdf"))
	src, _ := os.ReadFile("net.yaml")
	bad := strings.Replace(string(src), "ags: \"05113000\"", "ags: \"5113000\"", 1)
	os.WriteFile("net.yaml", []byte(bad), 0o644)
	code, _, errOut := runCLI(t, "build", "-data", "net.yaml", "-out", "out")
	if code != 1 || !strings.Contains(errOut, "net.yaml:") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	after, _ := os.ReadFile(filepath.Join("out", "leaflet.pdf"))
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous leaflet")
	}
}

func TestBuildIntoAFile(t *testing.T) {
	chdir(t, t.TempDir())
	os.WriteFile("taken", []byte("x"), 0o644)
	code, _, errOut := runCLI(t, "build", "-out", "taken")
	if code != 1 || !strings.Contains(errOut, "brochure: error:") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
