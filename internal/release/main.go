// Command release cross-builds the brochure program for the systems the office and its
// partners use, with the version stamped in:
//
//	go run ./internal/release -version v0.2.0 [-out dist]
//
// It writes dist/brochure-VERSION-windows-amd64.exe, …-darwin-arm64, …-darwin-amd64,
// …-linux-amd64 and …-linux-arm64, each built with -trimpath and without cgo, so the same
// source gives the same bytes on any machine. It runs wherever Go runs, Windows included.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

// targets are the systems a release is built for.
var targets = []struct{ goos, goarch string }{
	{"windows", "amd64"},
	{"darwin", "arm64"},
	{"darwin", "amd64"},
	{"linux", "amd64"},
	{"linux", "arm64"},
}

// versionPattern is what a version looks like: v1.2.3, optionally with a suffix (-rc1).
var versionPattern = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$`)

func main() {
	version := flag.String("version", "", "the `version` to stamp in, such as v0.2.0")
	out := flag.String("out", "dist", "the `directory` to write the binaries into")
	flag.Parse()
	if !versionPattern.MatchString(*version) || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/release -version vX.Y.Z [-out DIR]")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "release: %v\n", err)
		os.Exit(1)
	}
	for _, t := range targets {
		name := fmt.Sprintf("brochure-%s-%s-%s", *version, t.goos, t.goarch)
		if t.goos == "windows" {
			name += ".exe"
		}
		path := filepath.Join(*out, name)
		cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
			"-ldflags", "-s -w -X main.version="+*version, "-o", path, "./cmd/brochure")
		cmd.Env = append(os.Environ(), "GOOS="+t.goos, "GOARCH="+t.goarch, "CGO_ENABLED=0")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "release: build %s: %v\n", name, err)
			os.Exit(1)
		}
		st, err := os.Stat(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "release: %v\n", err)
			os.Exit(1)
		}
		fmt.Printf("%s (%.1f MB)\n", path, float64(st.Size())/1e6)
	}
}
