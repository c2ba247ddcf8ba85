package pdfx_test

import (
	"regexp"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
)

// TestFinishTagsSubsetFonts checks that every font fpdf embedded carries a subset tag
// after Finish, in its font dictionaries and its descriptor alike.
func TestFinishTagsSubsetFonts(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	if names := fontNames(t, raw); len(names) == 0 {
		t.Fatal("the sample has no fonts")
	} else {
		for _, n := range names {
			if regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(n) {
				t.Fatalf("fpdf already tags %q: the test shows nothing", n)
			}
		}
	}
	out := pdfxtest.Finished(t, pdfxtest.Break{})
	tagged := regexp.MustCompile(`^[A-Z]{6}\+.+$`)
	byName := map[string]int{}
	for _, n := range fontNames(t, out) {
		if !tagged.MatchString(n) {
			t.Errorf("font %q has no subset tag", n)
		}
		byName[n]++
	}
	for n, k := range byName {
		if k < 3 { // Type0 font, CID font and descriptor name the same subset
			t.Errorf("font %q is named %d times, want the same tag in all three dictionaries", n, k)
		}
	}
}

// fontNames lists the BaseFont and FontName entries of every font object.
func fontNames(t *testing.T, pdf []byte) []string {
	t.Helper()
	ctx, err := pdfx.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ctx.XRefTable.Table {
		if e == nil || e.Free {
			continue
		}
		d, ok := e.Object.(types.Dict)
		if !ok {
			continue
		}
		for _, k := range []string{"BaseFont", "FontName"} {
			if n, ok := d[k].(types.Name); ok {
				names = append(names, string(n))
			}
		}
	}
	return names
}
