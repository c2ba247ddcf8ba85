// Package fonts embeds the TrueType fonts that the leaflet is set in.
package fonts

import _ "embed"

// Regular is Open Sans Regular.
//
//go:embed OpenSans-Regular.ttf
var Regular []byte

// Semibold is Open Sans Semibold.
//
//go:embed OpenSans-Semibold.ttf
var Semibold []byte

// Face is one embedded font: the name the leaflet's plan gives it and its TrueType data.
type Face struct {
	Name string
	Data []byte
}

// Faces lists the embedded fonts, the ones the layout measures with and the painter embeds.
var Faces = []Face{{"regular", Regular}, {"semibold", Semibold}}
