package main

import "runtime/debug"

// version is the tool's version. Release builds stamp it with
// -ldflags "-X main.version=v1.2.3" (see internal/release); `go install …@v1.2.3` records
// it in the build information instead.
var version = ""

// versionString returns the stamped version, else the module version that `go install`
// recorded, else "devel" with the commit the binary was built from.
func versionString() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev == "":
		return "devel"
	case dirty:
		return "devel-" + rev + "-dirty"
	}
	return "devel-" + rev
}
