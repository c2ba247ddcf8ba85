// Command brochure makes the leaflet and member rosters of a network of cities from one YAML
// data file. Run `brochure -h` for its commands.
package main

import (
	"os"
)

func main() {
	if code, ok := childMain(); ok {
		os.Exit(code)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
