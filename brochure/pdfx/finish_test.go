package pdfx_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/tiff"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
)

// needTool skips the test when an external tool is missing, except on CI.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required on CI: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

func finished(t *testing.T, b pdfxtest.Break) []byte {
	t.Helper()
	out, err := pdfxtest.Finished(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFinishWritesPDFXKeys(t *testing.T) {
	out := finished(t, pdfxtest.Break{})
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
	raw, err := pdfxtest.Leaflet(pdfxtest.Break{})
	if err != nil {
		t.Fatal(err)
	}
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
	raw, err := pdfxtest.Leaflet(pdfxtest.Break{})
	if err != nil {
		t.Fatal(err)
	}
	alpha, err := pdfxtest.Leaflet(pdfxtest.Break{Transparency: true})
	if err != nil {
		t.Fatal(err)
	}
	noTitle := pdfxtest.Meta()
	noTitle.Title = ""
	tooBig := pdfxtest.Meta()
	tooBig.Bleed = 4
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
	}
	for _, tt := range tests {
		_, err := pdfx.Finish(tt.pdf, tt.meta)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestFinishIsDeterministic(t *testing.T) {
	a, b := finished(t, pdfxtest.Break{}), finished(t, pdfxtest.Break{})
	if !bytes.Equal(a, b) {
		t.Fatal("two runs gave different bytes")
	}
	c := finished(t, pdfxtest.Break{SmallText: true})
	if id(a) == id(c) {
		t.Errorf("different content, same trailer /ID %s", id(a))
	}
}

func id(pdf []byte) string {
	i := bytes.LastIndex(pdf, []byte("/ID["))
	return string(pdf[i : i+40])
}

func TestFinishedPassesQPDF(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	name := writeTemp(t, finished(t, pdfxtest.Break{}))
	out, err := exec.Command(qpdf, "--check", name).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

func TestFinishedHasOnlyProcessPlates(t *testing.T) {
	got := plates(t, finished(t, pdfxtest.Break{}))
	want := "1(Black).tif 1(Cyan).tif 1(Magenta).tif 1(Yellow).tif 2(Black).tif 2(Cyan).tif 2(Magenta).tif 2(Yellow).tif"
	if got != want {
		t.Errorf("separations:\n got %s\nwant %s", got, want)
	}
	// The check can fail: a spot colour makes a plate of its own.
	if spot := plates(t, finished(t, pdfxtest.Break{ExtraSpotPlate: true})); !strings.Contains(spot, "1(HKS 43).tif") {
		t.Errorf("spot colour sample gives plates %s, want one for HKS 43", spot)
	}
}

// plates renders pdf with Ghostscript's tiffsep device and lists the separations,
// failing for an empty process plate.
func plates(t *testing.T, pdf []byte) string {
	t.Helper()
	gs := needTool(t, "gs")
	name := writeTemp(t, pdf)
	dir := filepath.Dir(name)
	cmd := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r18",
		"-sOutputFile="+filepath.Join(dir, "p%d.tif"), name)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gs: %v\n%s", err, out)
	}
	seps, _ := filepath.Glob(filepath.Join(dir, "p*(*).tif"))
	var names []string
	for _, s := range seps {
		plate := strings.TrimPrefix(filepath.Base(s), "p")
		names = append(names, plate)
		if !strings.Contains(plate, "HKS") && inked(t, s) == 0 {
			t.Errorf("plate %s is empty", plate)
		}
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// inked counts the pixels of a separation that carry ink.
func inked(t *testing.T, name string) int {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := tiff.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if g, _, _, _ := img.At(x, y).RGBA(); g < 0xfe00 {
				n++
			}
		}
	}
	return n
}

func TestFinishedTextIsReadable(t *testing.T) {
	pdftotext := needTool(t, "pdftotext")
	name := writeTemp(t, finished(t, pdfxtest.Break{}))
	out, err := exec.Command(pdftotext, "-layout", name, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Panel 1.1: Städtenetz", "Panel 2.3: Städtenetz", "Wissenstransfer"} {
		if !strings.Contains(string(out), want) {
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
