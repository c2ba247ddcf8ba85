package pdfx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestSRGBImages finishes the sample with an RGB image: with SRGBImages the image is tagged
// as sRGB through an embedded ICC profile, its pixels are untouched, and the preflight and
// qpdf accept the file; without, it stays device RGB, which the preflight refuses.
func TestSRGBImages(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{RGBImage: true})
	meta := pdfxtest.Meta()
	meta.SRGBImages = true
	out, err := pdfx.Finish(raw, meta)
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := pdfx.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	images, profiles := 0, 0
	for _, e := range ctx.XRefTable.Table {
		if e == nil || e.Free {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok {
			continue
		}
		if st := sd.Dict.NameEntry("Subtype"); st != nil && *st == "Image" {
			images++
			cs, _ := ctx.XRefTable.DereferenceArray(sd.Dict["ColorSpace"])
			if len(cs) != 2 || cs[0] != types.Name("ICCBased") {
				t.Errorf("image colour space %v, want [/ICCBased …]", sd.Dict["ColorSpace"])
				continue
			}
			icc, _, err := ctx.XRefTable.DereferenceStreamDict(cs[1])
			if err != nil || icc == nil {
				t.Fatalf("ICC profile: %v", err)
			}
			if n, _ := icc.Dict.Find("N"); n != types.Integer(3) {
				t.Errorf("ICC profile /N %v, want 3", n)
			}
		}
		if n, ok := sd.Dict.Find("N"); ok && n == types.Integer(3) {
			profiles++
		}
	}
	if images != 1 || profiles != 1 {
		t.Errorf("%d images and %d ICC profiles, want one of each", images, profiles)
	}
	// The image's data are copied byte for byte: the same stream stands in both files.
	start := bytes.Index(raw, []byte("/Subtype /Image"))
	data := raw[bytes.Index(raw[start:], []byte("stream\n"))+start:]
	data = data[:bytes.Index(data, []byte("endstream"))]
	if !bytes.Contains(out, data) {
		t.Error("the image's data changed")
	}
	r, err := preflight.Check(out, preflight.Options{PrintFile: true, Folds: pdfxtest.Folds})
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("the preflight refuses the sRGB image:\n%s", r)
	}
	if q := testkit.Run(t, "qpdf", "--check", writeTemp(t, out)); !strings.Contains(q, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", q)
	}
	// Ghostscript separates the sRGB image into the process inks: no other plate appears.
	if got, want := pdfxtest.Plates(t, out), "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"; got != want {
		t.Errorf("separations:\n got %s\nwant %s", got, want)
	}
	if again, err := pdfx.Finish(raw, meta); err != nil || !bytes.Equal(again, out) {
		t.Errorf("finishing twice gives different bytes (%v)", err)
	}

	plain, err := pdfx.Finish(raw, pdfxtest.Meta())
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := preflight.Check(plain, preflight.Options{PrintFile: true, Folds: pdfxtest.Folds}); r.OK() || !bytes.Contains(plain, []byte("/ColorSpace /DeviceRGB")) {
		t.Errorf("without SRGBImages the image is not left in device RGB for the preflight to refuse:\n%s", r)
	}
}
