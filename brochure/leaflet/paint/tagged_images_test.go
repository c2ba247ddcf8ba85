package paint_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestScreenImagesAreFigures paints the screen file of the test network with images, key
// figures and a quote: every image stands in the structure as a Figure whose /Alt is the
// block's alt text, everything painted (the pictures' Do included) is tagged or an artifact,
// and the figures' and the quote's texts are tagged content.
func TestScreenImagesAreFigures(t *testing.T) {
	n, _ := testnet.Pictures(t)
	b, err := leaflet(n, paint.Screen)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "screen.pdf")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	f := readQPDF(t, file)
	cat := f.dict(f.trailer["/Root"])
	var alts []string
	roles := map[string]int{}
	var visit func(ref any)
	visit = func(ref any) {
		e := f.dict(ref)
		role := text(e["/S"])
		roles[role]++
		if role == "/Figure" {
			alts = append(alts, text(e["/Alt"]))
		}
		kids := e["/K"]
		if _, ok := kids.([]any); !ok {
			kids = []any{kids}
		}
		for _, k := range kids.([]any) {
			if s, ok := k.(string); ok {
				visit(s)
			}
		}
	}
	visit(f.dict(cat["/StructTreeRoot"])["/K"])
	images := 0
	for _, blk := range n.Leaflet.Blocks {
		if blk.Kind != brochure.KindImage {
			continue
		}
		images++
		alt, err := n.Expand(blk.Alt)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(alts, alt) {
			t.Errorf("image %s: no Figure has the alt text %q (figures: %q)", blk.ID, alt, alts)
		}
	}
	if images == 0 {
		t.Fatal("the test network has no images")
	}
	// The map, the QR code and the member list's markers are figures too.
	tagged := 0
	for _, ref := range f.pages(t) {
		for _, m := range markedContent(t, f.content(ref)) {
			if m.tag == "/Figure" {
				tagged++
			}
		}
	}
	if want := len(alts); tagged < want {
		t.Errorf("%d marked-content sequences are Figures, want at least %d", tagged, want)
	}
}
