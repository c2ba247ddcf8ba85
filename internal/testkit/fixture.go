package testkit

import "embed"

// Network is the frozen data file the tests work on: a copy of the default data as it was
// when the tests were written (31 members, 28 current and 3 former, Stand Juni 2015). The
// tests never read the shipped data/network.yaml, which the office edits.
//
//go:embed testdata/network.yaml
var Network []byte

// NetworkName is the name diagnostics give Network.
const NetworkName = "network.yaml"

// Network45 is the frozen network with 14 more members whose names are long (45 members),
// as a larger network would have.
//
//go:embed testdata/network-45.yaml
var Network45 []byte

// Pictures holds pictures/network.yaml, the frozen network with images (JPEG in RGB and
// CMYK, PNG with transparency), key figures, a pull quote and the office block composed
// from the office's data, and the image files it names.
//
//go:embed testdata/pictures
var Pictures embed.FS
