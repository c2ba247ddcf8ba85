package brochure

import (
	"errors"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// FuzzLoad feeds arbitrary bytes to Load: it must never panic or hang, and must either load
// a network or report diagnostics that carry a position.
func FuzzLoad(f *testing.F) {
	f.Add(testkit.Network)
	f.Add([]byte("network: {name: x, website: www.x.de}\n"))
	f.Add([]byte("members:\n  - city: Essen\n    ags: \"05113000\"\n    left: 2015-02-30\n"))
	f.Add([]byte("a: &a [1, *a]\n"))
	f.Add([]byte("\xEF\xBB\xBFnetwork:\r\n  name: x\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		n, err := Load("f.yaml", src)
		if err == nil {
			if n == nil || n.Leaflet.BleedMM == nil || n.Leaflet.Palette.Accent == nil {
				t.Fatal("loaded network without defaults")
			}
			return
		}
		var ds Diagnostics
		if !errors.As(err, &ds) || len(ds) == 0 {
			t.Fatalf("error without diagnostics: %v", err)
		}
		for _, d := range ds {
			if d.Pos.Line < 1 || d.Pos.Column < 1 || d.File != "f.yaml" || d.Msg.IsZero() {
				t.Fatalf("diagnostic without a position: %+v", d)
			}
		}
	})
}
