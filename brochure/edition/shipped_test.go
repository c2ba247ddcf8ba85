package edition

import (
	"regexp"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/data"
)

// The shipped data/network.yaml is the office's to edit: its tests only check that it loads
// and builds cleanly, whatever it holds. Every other test uses the frozen fixture.

// buildShipped loads src as the shipped data file and makes every output.
func buildShipped(t *testing.T, src string) {
	t.Helper()
	n, err := brochure.Load(data.NetworkName, []byte(src))
	if err != nil {
		t.Fatalf("the data does not load:\n%v", err)
	}
	files, err := Files(n)
	if err != nil {
		t.Fatalf("the data does not build:\n%v", err)
	}
	if len(files) != 11 {
		t.Errorf("%d outputs, want 11", len(files))
	}
}

func TestShippedDataBuilds(t *testing.T) {
	buildShipped(t, string(data.Network))
}

// newcomers are valid members; the test adds the first that the shipped data lacks.
var newcomers = []string{`  - city: Bielefeld
    ags: "05711000"
    kreis: kreisfrei
    regierungsbezirk: Detmold
    location: {lat: 52.021, lon: 8.535}
    status: current
`, `  - city: Ahaus
    ags: "05554004"
    kreis: Kreis Borken
    regierungsbezirk: Münster
    location: {lat: 52.076104, lon: 7.005037}
    status: current
`}

// newcomer returns a member entry whose AGS src does not hold.
func newcomer(t *testing.T, src string) string {
	for _, m := range newcomers {
		ags := regexp.MustCompile(`ags: "(\d+)"`).FindStringSubmatch(m)[1]
		if !strings.Contains(src, ags) {
			return m
		}
	}
	t.Fatal("the shipped data holds every newcomer already")
	return ""
}

// memberEntry matches one entry of the members list, up to the next entry or key.
var memberEntry = regexp.MustCompile(`(?m)^  - city: .*\n(?:    .*\n|\s*#.*\n)*`)

// TestShippedDataSurvivesEdits makes the edits the office makes to a copy of the shipped
// data (a member added at the start and at the end, one removed, two swapped) and checks that
// each copy still loads and builds: nothing counts on the shipped members.
func TestShippedDataSurvivesEdits(t *testing.T) {
	src := string(data.Network)
	start := strings.Index(src, "\nmembers:\n")
	if start < 0 {
		t.Fatal("no members list in the shipped data")
	}
	start += len("\nmembers:\n")
	entries := memberEntry.FindAllStringIndex(src[start:], -1)
	if len(entries) < 2 || entries[0][0] != 0 {
		t.Fatalf("the members list does not start with an entry (%d entries found)", len(entries))
	}
	first := src[start+entries[0][0] : start+entries[0][1]]
	second := src[start+entries[1][0] : start+entries[1][1]]
	last := entries[len(entries)-1]
	end := start + last[1]
	added := newcomer(t, src)
	for name, edited := range map[string]string{
		"added at the start": src[:start] + added + src[start:],
		"added at the end":   src[:end] + added + src[end:],
		"first removed":      src[:start] + src[start+len(first):],
		"first two swapped":  src[:start] + second + first + src[start+len(first)+len(second):],
	} {
		t.Run(name, func(t *testing.T) {
			if edited == src {
				t.Fatal("the edit changed nothing")
			}
			buildShipped(t, edited)
		})
	}
}
