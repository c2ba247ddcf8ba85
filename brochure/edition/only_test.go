package edition

import (
	"bytes"
	"slices"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestFilesOfParts checks that each part is its share of a whole build, byte for byte, and
// that the parts together are the whole build.
func TestFilesOfParts(t *testing.T) {
	n := testnet.Default(t)
	all, err := Files(n)
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string][]byte{}
	for _, f := range all {
		whole[f.Name] = f.Data
	}
	var names []string
	for _, part := range Parts {
		files, err := FilesOf(n, nil, part)
		if err != nil {
			t.Fatalf("%s: %v", part, err)
		}
		for _, f := range files {
			names = append(names, f.Name)
			if !bytes.Equal(f.Data, whole[f.Name]) {
				t.Errorf("%s: %s differs from the whole build's", part, f.Name)
			}
			isLeaflet := f.Name == LeafletPrint || f.Name == LeafletMarks || f.Name == LeafletScreen
			if isLeaflet != (part == Leaflet) {
				t.Errorf("part %s made %s", part, f.Name)
			}
		}
	}
	slices.Sort(names)
	want := make([]string, 0, len(all))
	for _, f := range all {
		want = append(want, f.Name)
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("the parts make %v, the whole build %v", names, want)
	}
}

// TestFilesOfRosterIgnoresTheLeaflet checks that the rosters are made when the leaflet
// cannot be laid out, and that the leaflet's problem still stops a whole build.
func TestFilesOfRosterIgnoresTheLeaflet(t *testing.T) {
	n := testnet.Default(t)
	for i := range n.Leaflet.Blocks {
		if n.Leaflet.Blocks[i].Kind == brochure.KindMap {
			n.Leaflet.Blocks[i].Heading = string(bytes.Repeat([]byte("Die Städte des Städtenetzes sind viele "), 40))
		}
	}
	if _, err := Files(n); err == nil {
		t.Fatal("a map heading too long for its panel was not a problem")
	}
	files, err := FilesOf(n, nil, Roster)
	if err != nil {
		t.Fatalf("rosters: %v", err)
	}
	if len(files) == 0 || files[0].Name != RosterXLSX {
		t.Errorf("rosters: %d files, want the workbook first", len(files))
	}
}
