// Package fonts embeds the TrueType fonts that the leaflet is set in.
package fonts

import _ "embed"

// Regular is Open Sans Regular.
//
//go:embed OpenSans-Regular.ttf
var Regular []byte

// Italic is Open Sans Italic.
//
//go:embed OpenSans-Italic.ttf
var Italic []byte

// Semibold is Open Sans Semibold.
//
//go:embed OpenSans-Semibold.ttf
var Semibold []byte

// Bold is Open Sans Bold.
//
//go:embed OpenSans-Bold.ttf
var Bold []byte
