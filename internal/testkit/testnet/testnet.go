// Package testnet loads the project's default data, data/network.yaml, for the tests of
// the packages that work on a loaded network. It is apart from testkit because it imports
// package brochure, whose own tests use testkit. Only tests import it.
package testnet

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/data"
)

// Default loads the default data, failing the test when it does not load.
func Default(t testing.TB) *brochure.Network {
	t.Helper()
	n, err := brochure.Load(data.NetworkName, data.Network)
	if err != nil {
		t.Fatalf("load the default data: %v", err)
	}
	return n
}
