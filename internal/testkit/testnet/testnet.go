// Package testnet holds the frozen network the tests work on: testdata/network.yaml, a copy
// of the default data as it was when the tests were written. The tests never read the
// shipped data/network.yaml, which the office edits. Package testnet is apart from testkit
// because it imports package brochure, whose own tests use testkit. Only tests import it.
package testnet

import (
	_ "embed"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// Fixture is the frozen data file: 31 members (28 current, 3 former), Stand Juni 2015.
//
//go:embed testdata/network.yaml
var Fixture []byte

// FixtureName is the name diagnostics give Fixture.
const FixtureName = "network.yaml"

// Default loads the frozen data file, failing the test when it does not load.
func Default(t testing.TB) *brochure.Network {
	t.Helper()
	n, err := brochure.Load(FixtureName, Fixture)
	if err != nil {
		t.Fatalf("load the frozen test data: %v", err)
	}
	return n
}
