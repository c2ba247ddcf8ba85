package pdfx

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
)

// Names of the resources that Finish defines on every page.
const (
	overprintOn  = "OPon"  // graphics state: overprint fill and stroke, nonzero overprint mode
	overprintOff = "OPoff" // graphics state: knock out (the PDF default)
	registration = "All"   // colour space /Separation /All: the registration colour
)

// Overprint makes the following painting on the current page of w overprint (on), or knock
// out again (off). With overprint on and overprint mode 1, a process colour paints only the
// plates where it has ink: 100 % K text leaves the colours under it, so no white hairline
// shows when the plates shift on press. Use it for 100 % K text and thin black lines only,
// never for white (which would vanish): the preflight reports white that overprints. It
// writes a "gs" operator rather than q … Q, so it does not undo fpdf's font and colour
// state. Finish defines the graphics states it names; PDF/X-3 allows overprint.
func Overprint(w RawWriter, on bool) {
	if on {
		w.RawWriteStr("/" + overprintOn + " gs")
		return
	}
	w.RawWriteStr("/" + overprintOff + " gs")
}

// OverprintsBlack reports whether c is the colour that overprints: 100 % K and no other ink.
func OverprintsBlack(c CMYK) bool { return c == Black }

// addResources defines the graphics states of Overprint and the registration colour space
// in the resources of page d.
func addResources(doc *pdfedit.Doc, d types.Dict) error {
	res, err := doc.Resources(d)
	if err != nil {
		return err
	}
	gs := func(on bool, mode int) types.Dict {
		return types.Dict{"Type": types.Name("ExtGState"), "OP": types.Boolean(on), "op": types.Boolean(on), "OPM": types.Integer(mode)}
	}
	for _, r := range []struct {
		cat, name string
		o         types.Object
	}{
		{"ExtGState", overprintOn, gs(true, 1)},
		{"ExtGState", overprintOff, gs(false, 0)},
		{"ColorSpace", registration, registrationSpace()},
	} {
		if err := doc.SetResource(res, r.cat, r.name, r.o); err != nil {
			return err
		}
	}
	return nil
}

// registrationSpace is [/Separation /All /DeviceCMYK f]: a tint of it prints on every
// plate; f maps it to the same tint of all four process inks for viewers.
func registrationSpace() types.Array {
	f := types.Dict{
		"FunctionType": types.Integer(2),
		"Domain":       ints(0, 1),
		"C0":           ints(0, 0, 0, 0),
		"C1":           ints(1, 1, 1, 1),
		"N":            types.Integer(1),
	}
	return types.Array{types.Name("Separation"), types.Name("All"), types.Name("DeviceCMYK"), f}
}

func ints(vs ...int) types.Array {
	a := make(types.Array, len(vs))
	for i, v := range vs {
		a[i] = types.Integer(v)
	}
	return a
}
