package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the tool in-process and returns exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// chdir runs the rest of the test in dir.
func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := runCLI(t, "-version")
	if code != 0 || !strings.HasPrefix(out, "brochure ") {
		t.Errorf("-version: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "-h")
	if code != 0 || !strings.Contains(out, "brochure build") || !strings.Contains(out, "Exit codes") {
		t.Errorf("-h: %d %q", code, out)
	}
	for _, cmd := range []string{"build", "validate", "init", "preflight"} {
		code, out, _ := runCLI(t, cmd, "-h")
		if code != 0 || !strings.Contains(out, "Usage: brochure "+cmd) {
			t.Errorf("%s -h: %d %q", cmd, code, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"bogus"}, {"build", "-nope"}, {"validate", "extra"}, {"init", "a", "b"}, {"preflight"}} {
		code, _, errOut := runCLI(t, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, errOut)
		}
		if errOut == "" {
			t.Errorf("%q: nothing on stderr", args)
		}
	}
}

func TestValidateBuiltInData(t *testing.T) {
	chdir(t, t.TempDir()) // no data/network.yaml here: the built-in copy is used
	code, out, errOut := runCLI(t, "validate")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "(built in): ok: 31 members (28 current, 3 former)") {
		t.Errorf("stdout %q", out)
	}
}

func TestValidateReportsAllProblems(t *testing.T) {
	dir := t.TempDir()
	chdir(t, dir)
	if code, _, errOut := runCLI(t, "init", "net.yaml"); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	src, _ := os.ReadFile("net.yaml")
	bad := strings.Replace(string(src), "status: current", "status: aktiv", 1)
	bad = strings.Replace(bad, "founded: 1994", "gegruendet: 1994", 1)
	os.WriteFile("net.yaml", []byte(bad), 0o644)
	code, out, errOut := runCLI(t, "validate", "-data", "net.yaml")
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		"net.yaml:16:3: network.gegruendet: unknown key \"gegruendet\"",
		"status \"aktiv\" is neither current nor former\n\thint: write current or former",
		"placeholder {{network.founded}} names a datum the file leaves empty",
		"brochure: 3 problems in net.yaml; nothing was written",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestValidateMissingFile(t *testing.T) {
	code, _, errOut := runCLI(t, "validate", "-data", filepath.Join(t.TempDir(), "none.yaml"))
	if code != 1 || !strings.Contains(errOut, "no such file; run `brochure init") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestInitRefusesToOverwrite(t *testing.T) {
	chdir(t, t.TempDir())
	if code, out, errOut := runCLI(t, "init"); code != 0 || !strings.Contains(out, "wrote network.yaml") {
		t.Fatalf("init: %d %q %q", code, out, errOut)
	}
	os.WriteFile("network.yaml", []byte("# my edits\n"), 0o644)
	code, _, errOut := runCLI(t, "init")
	if code != 1 || !strings.Contains(errOut, "network.yaml exists; nothing was written") || !strings.Contains(errOut, "init -force") {
		t.Errorf("second init: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile("network.yaml"); string(b) != "# my edits\n" {
		t.Error("init overwrote the file without -force")
	}
	if code, _, errOut := runCLI(t, "init", "network.yaml", "-force"); code != 0 {
		t.Fatalf("init network.yaml -force (flag after the file): %s", errOut)
	}
	st, _ := os.Stat("network.yaml")
	if st.Size() < 1000 || st.Mode().Perm() != 0o644 {
		t.Errorf("after -force: size %d mode %v", st.Size(), st.Mode())
	}
	if code, _, errOut := runCLI(t, "validate", "-data", "network.yaml"); code != 0 {
		t.Errorf("the starter file does not validate: %s", errOut)
	}
}

func TestValidateLaysTheLeafletOut(t *testing.T) {
	chdir(t, t.TempDir())
	runCLI(t, "init", "net.yaml")
	src, _ := os.ReadFile("net.yaml")
	os.WriteFile("net.yaml", []byte(strings.Replace(string(src), "heading: Mitglieder\n", "heading: \"Mitglieder \u2603\"\n", 1)), 0o644)
	code, _, errOut := runCLI(t, "validate", "-data", "net.yaml")
	if code != 1 || !strings.Contains(errOut, "leaflet.blocks[8].heading: panel inside 3: block membership: the font Open Sans semibold has no '☃' (U+2603)") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
