// Package testnet loads the frozen test network, testkit.Network, for the tests of the
// packages that work on a loaded network. It is apart from testkit because it imports
// package brochure, whose own tests use testkit. Only tests import it.
package testnet

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// Default loads the frozen test network, failing the test when it does not load.
func Default(t testing.TB) *brochure.Network {
	t.Helper()
	n, err := brochure.Load(testkit.NetworkName, testkit.Network)
	if err != nil {
		t.Fatalf("load the frozen test data: %v", err)
	}
	return n
}

// Geography is the map data the leaflet is drawn on: the outline of North Rhine-Westphalia
// and the Rhine, as built into the program.
var Geography = layout.Geography{Outline: data.Outline, River: data.River}

// Network45 loads the frozen network of 45 members (testkit.Network45).
func Network45(t testing.TB) *brochure.Network {
	t.Helper()
	n, err := brochure.Load("network-45.yaml", testkit.Network45)
	if err != nil {
		t.Fatalf("load the 45-member test data: %v", err)
	}
	return n
}

// Pictures writes the test network with images (testkit.Pictures) into a temporary
// directory and loads it from there, and returns the network and the data file's path.
func Pictures(t testing.TB) (*brochure.Network, string) {
	t.Helper()
	dir := testkit.TempDir(t)
	err := fs.WalkDir(testkit.Pictures, "testdata/pictures", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := testkit.Pictures.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, d.Name()), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "network.yaml")
	n, err := brochure.LoadFile(name)
	if err != nil {
		t.Fatalf("load the test data with pictures: %v", err)
	}
	return n, name
}
