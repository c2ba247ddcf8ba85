// Package data embeds the default network data and the map geometry, so that a bare binary
// builds the leaflet anywhere.
package data

import _ "embed"

// Network is the default data file, data/network.yaml.
//
//go:embed network.yaml
var Network []byte

// NetworkName is the name diagnostics give the embedded data file.
const NetworkName = "data/network.yaml"

// Outline is the outline of North Rhine-Westphalia as GeoJSON (Natural Earth 1:10m, public
// domain).
//
//go:embed nrw.geojson
var Outline []byte

// River is the Rhine across North Rhine-Westphalia as GeoJSON (Natural Earth 1:50m, public
// domain); it runs a little beyond the border and must be clipped to Outline.
//
//go:embed rhein.geojson
var River []byte

// Starter is the file `brochure init` writes: a neutral network of three example cities,
// every key explained in a German comment.
//
//go:embed starter.yaml
var Starter []byte
