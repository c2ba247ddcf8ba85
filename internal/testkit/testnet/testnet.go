// Package testnet loads the frozen test network, testkit.Network, for the tests of the
// packages that work on a loaded network. It is apart from testkit because it imports
// package brochure, whose own tests use testkit. Only tests import it.
package testnet

import (
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
