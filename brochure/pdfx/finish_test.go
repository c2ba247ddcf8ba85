package pdfx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

func TestFinishWritesPDFXKeys(t *testing.T) {
	out := pdfxtest.Finished(t, pdfxtest.Break{})
	if !bytes.HasPrefix(out, []byte("%PDF-1.3\n")) {
		t.Errorf("header %q, want %%PDF-1.3", out[:9])
	}
	ctx, err := pdfx.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	xt := ctx.XRefTable
	cat, _ := xt.Catalog()
	ois, _ := xt.DereferenceArray(cat["OutputIntents"])
	if len(ois) != 1 {
		t.Fatalf("OutputIntents = %v, want one", cat["OutputIntents"])
	}
	oi := ois[0].(types.Dict)
	for k, want := range map[string]string{"S": "GTS_PDFX", "OutputConditionIdentifier": "FOGRA39", "RegistryName": "http://www.color.org"} {
		if got := text(t, xt.DereferenceText, oi[k]); got != want {
			t.Errorf("output intent /%s = %q, want %q", k, got, want)
		}
	}
	if _, ok := cat["Names"]; ok {
		t.Errorf("catalog keeps fpdf's empty /Names")
	}
	info, _ := xt.DereferenceDict(*xt.Info)
	for k, want := range map[string]string{
		"Title":           "Städtenetz Soziale Stadt NRW",
		"GTS_PDFXVersion": "PDF/X-3:2002",
		"Trapped":         "False",
		"CreationDate":    "D:20150601120000Z",
		"ModDate":         "D:20150601120000Z",
	} {
		if got := text(t, xt.DereferenceText, info[k]); got != want {
			t.Errorf("info /%s = %q, want %q", k, got, want)
		}
	}
	if len(xt.ID) != 2 {
		t.Errorf("trailer /ID = %v, want two strings", xt.ID)
	}
	for p := 1; p <= xt.PageCount; p++ {
		d, _, _, err := xt.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range map[string]string{
			"MediaBox": "[0.00 0.00 858.90 612.28]",
			"BleedBox": "[0.00 0.00 858.90 612.28]",
			"TrimBox":  "[8.50 8.50 850.39 603.78]",
		} {
			if got := boxString(d.ArrayEntry(k)); got != want {
				t.Errorf("page %d /%s = %s, want %s", p, k, got, want)
			}
		}
	}
}

func text(t *testing.T, deref func(types.Object) (string, error), o types.Object) string {
	t.Helper()
	if n, ok := o.(types.Name); ok {
		return string(n)
	}
	s, err := deref(o)
	if err != nil {
		t.Fatalf("%v: %v", o, err)
	}
	return s
}

func boxString(a types.Array) string {
	if a == nil {
		return "missing"
	}
	var parts []string
	for _, o := range a {
		var v float64
		switch n := o.(type) {
		case types.Float:
			v = n.Value()
		case types.Integer:
			v = float64(n.Value())
		}
		parts = append(parts, strconv.FormatFloat(v, 'f', 2, 64))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestFinishCondition(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	m := pdfxtest.Meta()
	m.Condition = "fogra52"
	out, err := pdfx.Finish(raw, m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("/OutputConditionIdentifier(FOGRA52)")) {
		t.Errorf("FOGRA52 not written as the output condition")
	}
	m.Condition = "FOGRA99"
	if _, err := pdfx.Finish(raw, m); err == nil || !strings.Contains(err.Error(), `"FOGRA99" is not known`) {
		t.Errorf("unknown condition: err = %v", err)
	}
}

func TestFinishRejects(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	alpha := pdfxtest.Leaflet(t, pdfxtest.Break{Transparency: true})
	noTitle := pdfxtest.Meta()
	noTitle.Title = ""
	tooBig := pdfxtest.Meta()
	tooBig.Bleed = 4
	skew := pdfxtest.Meta()
	skew.Rotate = map[int]int{2: 45}
	noDate := pdfxtest.Meta()
	noDate.Modified = noDate.Modified.AddDate(-3000, 0, 0)
	noDate.Created = noDate.Created.AddDate(-3000, 0, 0)
	tests := []struct {
		name string
		pdf  []byte
		meta pdfx.Meta
		want string
	}{
		{"transparency raises the version", alpha, pdfxtest.Meta(), "PDF/X-3 needs PDF 1.3"},
		{"no title", raw, noTitle, "needs a title"},
		{"bleed beyond the media", raw, tooBig, "does not fit"},
		{"not a pdf", []byte("hello"), pdfxtest.Meta(), "header"},
		{"rotation not a quarter turn", raw, skew, "not a multiple of 90°"},
	}
	for _, tt := range tests {
		_, err := pdfx.Finish(tt.pdf, tt.meta)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestFinishIsDeterministic(t *testing.T) {
	a, b := pdfxtest.Finished(t, pdfxtest.Break{}), pdfxtest.Finished(t, pdfxtest.Break{})
	if !bytes.Equal(a, b) {
		t.Fatal("two runs gave different bytes")
	}
	c := pdfxtest.Finished(t, pdfxtest.Break{SmallText: true})
	if id(a) == id(c) {
		t.Errorf("different content, same trailer /ID %s", id(a))
	}
}

func id(pdf []byte) string {
	i := bytes.LastIndex(pdf, []byte("/ID["))
	return string(pdf[i : i+40])
}

func TestFinishedPassesQPDF(t *testing.T) {
	out := testkit.Run(t, "qpdf", "--check", writeTemp(t, pdfxtest.Finished(t, pdfxtest.Break{})))
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestFinishedHasOnlyProcessPlates(t *testing.T) {
	got := pdfxtest.Plates(t, pdfxtest.Finished(t, pdfxtest.Break{}))
	want := "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"
	if got != want {
		t.Errorf("separations:\n got %s\nwant %s", got, want)
	}
	// The check can fail: a spot colour makes a plate of its own.
	if spot := pdfxtest.Plates(t, pdfxtest.Finished(t, pdfxtest.Break{ExtraSpotPlate: true})); !strings.Contains(spot, "1(HKS 43).tif") {
		t.Errorf("spot colour sample gives plates %s, want one for HKS 43", spot)
	}
}

func TestFinishedTextIsReadable(t *testing.T) {
	out := testkit.Run(t, "pdftotext", "-layout", writeTemp(t, pdfxtest.Finished(t, pdfxtest.Break{})), "-")
	for _, want := range []string{"Panel 1.1: Städtenetz", "Panel 2.3: Städtenetz", "Wissenstransfer"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "leaflet.pdf")
	if err := os.WriteFile(name, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}
