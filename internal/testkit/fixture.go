package testkit

import _ "embed"

// Network is the frozen data file the tests work on: a copy of the default data as it was
// when the tests were written (31 members, 28 current and 3 former, Stand Juni 2015). The
// tests never read the shipped data/network.yaml, which the office edits.
//
//go:embed testdata/network.yaml
var Network []byte

// NetworkName is the name diagnostics give Network.
const NetworkName = "network.yaml"
