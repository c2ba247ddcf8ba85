package svg

import (
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/fonts"
)

// Family is the CSS font family under which the page loads the embedded face name (one of
// fonts.Faces, e.g. "regular").
func Family(face string) string { return "brochure-" + face }

// FontFaces returns the CSS @font-face rules that load every face of fonts.Faces from the
// address url(face) gives, under the family names of Family.
func FontFaces(url func(face string) string) string {
	var b strings.Builder
	for _, f := range fonts.Faces {
		fmt.Fprintf(&b, "@font-face{font-family:%q;src:url(%q) format(\"truetype\");font-display:block}\n", Family(f.Name), url(f.Name))
	}
	return b.String()
}

// known reports whether face is one of the embedded fonts.
func known(face string) bool {
	for _, f := range fonts.Faces {
		if f.Name == face {
			return true
		}
	}
	return false
}
