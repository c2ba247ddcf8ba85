package update

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestStandardLeafletUpdates checks an edit of a network without a leaflet section, whose
// leaflet is made from its data: the file takes the edit and stays without a leaflet
// section, and the leaflet made from the new data shows it.
func TestStandardLeafletUpdates(t *testing.T) {
	i := bytes.Index(testkit.Network, []byte("\nleaflet:"))
	src := slices.Clone(testkit.Network[:i+1])
	old := load(t, src)
	if !old.Leaflet.Standard {
		t.Fatal("the data without a leaflet section has blocks")
	}
	n := clone(t, src)
	if a := &n.Members[0].Areas[1]; a.Name != "Aachen-Ost" {
		t.Fatalf("the first member's second area is %q", a.Name)
	} else {
		a.Name = "Aachen-West"
	}
	out, got, err := Rewrite("network.yaml", src, old, n)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("leaflet:")) || !bytes.Contains(out, []byte("Aachen-West")) {
		t.Errorf("the file has a leaflet section or lacks the edit:\n%s", out)
	}
	var areas string
	for _, b := range got.Leaflet.Blocks {
		if b.ID == "areas" {
			areas = strings.Join(b.Paragraphs, "\n")
		}
	}
	if !strings.Contains(areas, "Aachen (Aachen-Nord, Aachen-West)") {
		t.Errorf("the standard leaflet's areas: %.80q…", areas)
	}
}
