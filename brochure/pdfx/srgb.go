package pdfx

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
)

// sRGBProfile is the ICC's sRGB profile (icc/sRGB2014.icc), which may be copied and
// embedded without restriction (icc/LICENSE.color.org).
//
//go:embed icc/sRGB2014.icc
var sRGBProfile []byte

// iccObject is the body of an ICC profile stream for three components.
func iccObject(profile []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<</N 3 /Alternate /DeviceRGB /Length %d>>\nstream\n", len(profile))
	b.Write(profile)
	b.WriteString("\nendstream")
	return b.Bytes()
}

// tagRGBImages rewrites every image in device RGB (or indexed over it) to the ICC-based
// colour space of an sRGB profile, which it adds to doc when it finds the first such image.
// Only the colour space in the image's dictionary changes; its data stay byte for byte.
func tagRGBImages(doc *pdfedit.Doc) error {
	xt := doc.XRef
	var icc *types.IndirectRef
	for _, num := range doc.Objects() {
		e := xt.Table[num]
		if e == nil {
			continue
		}
		sd, ok := e.Object.(types.StreamDict)
		if !ok {
			continue
		}
		if st := sd.Dict.NameEntry("Subtype"); st == nil || *st != "Image" || !usesDeviceRGB(xt, sd.Dict["ColorSpace"]) {
			continue
		}
		obj := doc.Source(num)
		head := bytes.Index(obj, []byte("stream"))
		const rgb = "/DeviceRGB"
		if head < 0 || bytes.Count(obj[:head], []byte(rgb)) != 1 {
			return fmt.Errorf("image object %d: its colour space is not written as fpdf writes it", num)
		}
		if icc == nil {
			ref := doc.AddRaw(iccObject(sRGBProfile))
			icc = &ref
		}
		i := bytes.Index(obj, []byte(rgb))
		var b bytes.Buffer
		b.Write(obj[:i])
		fmt.Fprintf(&b, "[/ICCBased %d 0 R]", icc.ObjectNumber.Value())
		b.Write(obj[i+len(rgb):])
		doc.Patch(num, b.Bytes())
	}
	return nil
}

// usesDeviceRGB reports whether a colour space is DeviceRGB or indexed over it.
func usesDeviceRGB(xt *model.XRefTable, cs types.Object) bool {
	cs, _ = xt.Dereference(cs)
	switch v := cs.(type) {
	case types.Name:
		return v == "DeviceRGB"
	case types.Array:
		if len(v) > 1 {
			if n, ok := v[0].(types.Name); ok && n == "Indexed" {
				return usesDeviceRGB(xt, v[1])
			}
		}
	}
	return false
}
