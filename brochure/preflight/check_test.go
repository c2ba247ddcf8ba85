package preflight_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

func printOptions() preflight.Options {
	return preflight.Options{PrintFile: true, Folds: pdfxtest.Folds}
}

func check(t *testing.T, pdf []byte) *preflight.Report {
	t.Helper()
	r, err := preflight.Check(pdf, printOptions())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCleanLeafletPasses(t *testing.T) {
	pdf := pdfxtest.Finished(t, pdfxtest.Break{})
	if r := check(t, pdf); !r.OK() {
		t.Errorf("the clean sample fails:\n%s", r)
	}
}

// TestEachRuleIsCaught breaks one rule per sample and wants exactly that rule reported.
func TestEachRuleIsCaught(t *testing.T) {
	tests := []struct {
		name  string
		brk   pdfxtest.Break
		rule  string
		where string // a part of the report
	}{
		{"rgb text", pdfxtest.Break{RGBText: true}, preflight.RuleRGB, `page 1: rgb-colour: text in RGB (rg 0.784 0 0) at (10.0, 160.0) mm`},
		{"rgb image", pdfxtest.Break{RGBImage: true}, preflight.RuleRGB, "image /"},
		{"spot colour", pdfxtest.Break{ExtraSpotPlate: true}, preflight.RuleSpot, "fill in spot colour Separation HKS 43"},
		{"font not embedded", pdfxtest.Break{CoreFont: true}, preflight.RuleFonts, "font Helvetica is not embedded"},
		{"small text", pdfxtest.Break{SmallText: true}, preflight.RuleTextSize, `text "Kartengrundlage: Natural Earth" is 5.0 pt, below 6 pt at (10.0, 140.0) mm`},
		{"low resolution", pdfxtest.Break{LowResImage: true}, preflight.RuleImageDPI, "(47 × 47 px) is 60 dpi at 20.0 × 20.0 mm, below 300 dpi at (10.0, 100.0) mm"},
		{"text across a fold", pdfxtest.Break{NearFold: true}, preflight.RuleSafety, `crosses the fold at 97 mm`},
		{"text near the trim", pdfxtest.Break{NearTrim: true}, preflight.RuleSafety, `page 2: safety-zone: text "zu nah am Rand" is 1.6 mm from the top trim (keep 5 mm)`},
		{"link", pdfxtest.Break{Link: true}, preflight.RuleForbidden, "1 annotations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := pdfxtest.Finished(t, tt.brk)
			r := check(t, pdf)
			if got := strings.Join(r.Rules(), " "); got != tt.rule {
				t.Errorf("rules %q, want %q:\n%s", got, tt.rule, r)
			}
			if !strings.Contains(r.String(), tt.where) {
				t.Errorf("report lacks %q:\n%s", tt.where, r)
			}
		})
	}
}

func TestUnfinishedFileLacksBoxesAndPDFXKeys(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	r := check(t, raw)
	if got := strings.Join(r.Rules(), " "); got != "boxes pdfx" {
		t.Errorf("rules %q, want boxes and pdfx:\n%s", got, r)
	}
	for _, want := range []string{"page 1: boxes: no TrimBox", "page 2: boxes: no BleedBox",
		"document: pdfx: the catalog has no output intent /GTS_PDFX", "no /GTS_PDFXVersion", "no /Trapped", "the trailer has no /ID"} {
		if !strings.Contains(r.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
	// A screen file need not be PDF/X.
	screen, err := preflight.Check(raw, preflight.Options{Folds: pdfxtest.Folds})
	if err != nil {
		t.Fatal(err)
	}
	if !screen.OK() {
		t.Errorf("as a screen file:\n%s", screen)
	}
}

func TestTooLittleBleed(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	m := pdfxtest.Meta()
	m.Bleed = 1
	pdf, err := pdfx.Finish(raw, m)
	if err != nil {
		t.Fatal(err)
	}
	r := check(t, pdf)
	if got := strings.Join(r.Rules(), " "); got != preflight.RuleBleed {
		t.Errorf("rules %q, want bleed:\n%s", got, r)
	}
	if !strings.Contains(r.String(), "page 1: bleed: 1.0 mm bleed at the left, want 3 mm") {
		t.Errorf("report:\n%s", r)
	}
}

// TestHandWrittenFiles checks rules that fpdf cannot break, with minimal PDFs.
func TestHandWrittenFiles(t *testing.T) {
	tests := []struct {
		name string
		f    minimal
		rule string
		want string
	}{
		{"trim outside bleed", minimal{trim: "[5 5 300 300]", bleed: "[10 10 290 290]"}, preflight.RuleBoxes, "TrimBox [1.8 1.8 105.8 105.8] mm is not inside BleedBox"},
		{"bleed outside media", minimal{bleed: "[-5 0 300 300]"}, preflight.RuleBoxes, "BleedBox [-1.8 0.0 105.8 105.8] mm is not inside MediaBox"},
		{"opacity", minimal{content: "/GS1 gs 0 0 0 1 k 20 20 50 50 re f", extGState: "<< /ca 0.5 >>"}, preflight.RuleTransparency, "graphics state /GS1 sets /ca 0.5"},
		{"blend mode", minimal{content: "/GS1 gs", extGState: "<< /BM /Multiply >>"}, preflight.RuleTransparency, "blend mode Multiply"},
		{"transparency group", minimal{pageExtra: "/Group << /S /Transparency /CS /DeviceCMYK >>"}, preflight.RuleTransparency, "the page is a transparency group"},
		{"rgb fill", minimal{content: "1 0 0 rg 20 20 50 50 re f"}, preflight.RuleRGB, "fill in RGB (rg 1 0 0) at (3.5, 77.6) mm"},
		{"calibrated rgb stroke", minimal{content: "/CS0 CS 1 0 0 SC 20 20 m 50 50 l S", colourSpace: "[/CalRGB << /WhitePoint [0.95 1 1.09] >>]"}, preflight.RuleRGB, "stroke in RGB (CalRGB)"},
		{"rgb inline image", minimal{content: "q 100 0 0 100 20 20 cm BI /W 1000 /H 1000 /CS /RGB /BPC 8 ID \x00\x01 EI Q"}, preflight.RuleRGB, "image inline image in RGB"},
		{"no trapped key", minimal{info: "/Title (x) /CreationDate (D:20150601) /ModDate (D:20150601) /GTS_PDFXVersion (PDF/X-3:2002)"}, preflight.RulePDFX, "no /Trapped"},
		{"unknown condition", minimal{condition: "FOGRA99"}, preflight.RulePDFX, `names "FOGRA99", which is not a registered condition`},
		{"javascript", minimal{catalogExtra: "/Names << /JavaScript 99 0 R >>"}, preflight.RuleForbidden, "JavaScript"},
		{"layers", minimal{catalogExtra: "/OCProperties << /OCGs [] /D << >> >>"}, preflight.RuleForbidden, "/OCProperties (layers)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := preflight.Check(tt.f.bytes(), preflight.Options{PrintFile: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(r.Rules(), " "); got != tt.rule {
				t.Errorf("rules %q, want %q:\n%s", got, tt.rule, r)
			}
			if !strings.Contains(r.String(), tt.want) {
				t.Errorf("report lacks %q:\n%s", tt.want, r)
			}
		})
	}
	// The generator's defaults pass, so each case above breaks only its rule.
	r, err := preflight.Check(minimal{}.bytes(), preflight.Options{PrintFile: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("minimal file fails:\n%s", r)
	}
	// RGB calibrated by an ICC profile is what PDF/X-3 allows besides CMYK: it passes.
	icc := minimal{content: "/CS0 cs 1 0 0 sc 20 20 50 50 re f", colourSpace: "[/ICCBased 6 0 R]",
		objects: []string{stream("/N 3 /Alternate /DeviceRGB", "profile")}}
	if r, err := preflight.Check(icc.bytes(), preflight.Options{PrintFile: true}); err != nil || !r.OK() {
		t.Errorf("a fill in ICC-based RGB fails (%v):\n%s", err, r)
	}
}

// stream writes a stream object with dictionary entries dict and the content.
func stream(dict, content string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(content)+1, content)
}

// formBomb is a 2.5 KB file whose forms F1 … F8 each draw the next twenty times: drawing
// the page fully would take 20^7 form runs.
func formBomb() minimal {
	var objs []string
	for i := 1; i <= 8; i++ {
		content := strings.Repeat(fmt.Sprintf("/F%d Do ", i+1), 20)
		res := fmt.Sprintf("/Resources << /XObject << /F%d %d 0 R >> >>", i+1, 6+i)
		if i == 8 {
			content, res = "0 0 0 1 k 0 0 1 1 re f", ""
		}
		objs = append(objs, stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] "+res, content))
	}
	return minimal{content: "/F1 Do", resources: "/XObject << /F1 6 0 R >> ", objects: objs}
}

func TestFormBombIsCutShort(t *testing.T) {
	r, err := preflight.Check(formBomb().bytes(), preflight.Options{PrintFile: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Rules(), " "); got != preflight.RuleComplexity {
		t.Errorf("rules %q, want %q:\n%s", got, preflight.RuleComplexity, r)
	}
	want := "page 1: complexity: the page needs more than 1000000 operators"
	if !strings.Contains(r.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, r)
	}
}

// TestFormsDrawnOftenAreChecked draws a form within a form many times, below the limit:
// the colour inside is still found.
func TestFormsDrawnOftenAreChecked(t *testing.T) {
	f := minimal{content: strings.Repeat("/F1 Do ", 50), resources: "/XObject << /F1 6 0 R >> ", objects: []string{
		stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /XObject << /F2 7 0 R >> >>", strings.Repeat("/F2 Do ", 50)),
		stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300]", "1 0 0 rg 0 0 1 1 re f"),
	}}
	r, err := preflight.Check(f.bytes(), preflight.Options{PrintFile: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Rules(), " "); got != preflight.RuleRGB {
		t.Errorf("rules %q, want %q:\n%s", got, preflight.RuleRGB, r)
	}
}

// TestSyntax wants operators with wrong operands and unknown operators reported with the
// byte where they stand.
func TestSyntax(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"NaN in a colour", "NaN 0.2 0.4 0.2 k 20 20 50 50 re f",
			[]string{`unknown operator "NaN" at byte 0 of the page content`, "k wants number number number number, got 0.2 0.4 0.2 at byte 16 of"}},
		{"too few colour operands", "0 0 1 K 20 20 m 50 50 l S", []string{"K wants number number number number, got 0 0 1 at byte 6"}},
		{"too many colour operands", "0 0 0 1 1 k 20 20 50 50 re f", []string{"k wants number number number number, got 0 0 0 1 1"}},
		{"wrong operand count for cm", "1 0 0 1 20 cm 20 20 50 50 re f", []string{"cm wants number number number number number number, got 1 0 0 1 20"}},
		{"wrong operand type", "/A w", []string{"w wants number, got /A"}},
		{"number with exponent", "1e3 w", []string{"w wants number, got 1e3"}},
		{"unknown operator", "20 20 m foo 50 50 l", []string{`unknown operator "foo" at byte 8 of the page content`}},
		{"bad scn", "/DeviceCMYK cs 0 (x) 0 1 scn", []string{"scn wants 1 to 32 numbers, got 0 (x) 0 1"}},
		{"in a form", "/F1 Do", []string{`unknown operator "Inf" at byte 2 of form /F1`}},
	}
	form := []string{stream("/Type /XObject /Subtype /Form /BBox [0 0 300 300]", "q Inf Q")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := minimal{content: tt.content, resources: "/XObject << /F1 6 0 R >> ", objects: form}
			r, err := preflight.Check(f.bytes(), preflight.Options{PrintFile: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(r.Rules(), " "); got != preflight.RuleSyntax {
				t.Errorf("rules %q, want %q:\n%s", got, preflight.RuleSyntax, r)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, r)
				}
			}
			if n := len(r.Findings); n != len(tt.want) {
				t.Errorf("%d findings, want %d:\n%s", n, len(tt.want), r)
			}
		})
	}
	// Inside BX … EX unknown operators are allowed.
	r, err := preflight.Check(minimal{content: "BX 1 2 foo EX 0 0 0 1 k 20 20 50 50 re f"}.bytes(), preflight.Options{PrintFile: true})
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("BX … EX:\n%s", r)
	}
}

// TestPatternColours wants RGB found in shadings and shading patterns.
func TestPatternColours(t *testing.T) {
	shading := "<< /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >>"
	cmykShading := strings.Replace(shading, "/DeviceRGB /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1]",
		"/DeviceCMYK /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0 0] /C1 [0 0 1 0]", 1)
	tests := []struct {
		name, content, resources, want string
	}{
		{"sh", "/Sh0 sh", "/Shading << /Sh0 " + shading + " >> ", "shading in RGB (DeviceRGB)"},
		{"shading pattern", "/Pattern cs /P0 scn 20 20 50 50 re f", "/Pattern << /P0 << /PatternType 2 /Shading " + shading + " >> >> ",
			"fill in RGB (shading pattern /P0 in DeviceRGB) at (3.5, 77.6) mm"},
		{"uncoloured tiling pattern", "/CS0 CS 1 0 0 /P0 SCN 20 20 m 50 50 l S", "/ColorSpace << /CS0 [/Pattern /DeviceRGB] >> /Pattern << /P0 6 0 R >> ",
			"stroke in RGB (DeviceRGB)"},
		{"coloured tiling pattern", "/Pattern cs /P0 scn 20 20 50 50 re f", "/Pattern << /P0 7 0 R >> ", "fill in RGB (rg 1 0 0)"},
		{"cmyk shading pattern", "/Pattern cs /P0 scn 20 20 50 50 re f", "/Pattern << /P0 << /PatternType 2 /Shading " + cmykShading + " >> >> ", ""},
	}
	tiles := []string{
		stream("/PatternType 1 /PaintType 2 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "0 0 5 5 re f"),
		stream("/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << >>", "1 0 0 rg 0 0 5 5 re f"),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := minimal{content: tt.content, resources: tt.resources, objects: tiles}
			r, err := preflight.Check(f.bytes(), preflight.Options{PrintFile: true})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if !r.OK() {
					t.Errorf("findings:\n%s", r)
				}
				return
			}
			if got := strings.Join(r.Rules(), " "); got != preflight.RuleRGB {
				t.Errorf("rules %q, want %q:\n%s", got, preflight.RuleRGB, r)
			}
			if !strings.Contains(r.String(), tt.want) {
				t.Errorf("report lacks %q:\n%s", tt.want, r)
			}
		})
	}
}

func TestReportGolden(t *testing.T) {
	pdf := pdfxtest.Finished(t, pdfxtest.Break{RGBText: true, SmallText: true, NearFold: true, CoreFont: true, LowResImage: true})
	got := check(t, pdf).String()
	testkit.Golden(t, "testdata/report.golden", got)
}

func TestUnreadable(t *testing.T) {
	if _, err := preflight.Check([]byte("not a pdf"), printOptions()); err == nil {
		t.Error("no error for garbage")
	}
}

func BenchmarkCheckLeaflet(b *testing.B) {
	pdf := pdfxtest.Finished(b, pdfxtest.Break{})
	b.SetBytes(int64(len(pdf)))
	for b.Loop() {
		if _, err := preflight.Check(pdf, printOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// minimal writes a one-page PDF/X-3 file by hand; its fields break one rule each.
type minimal struct {
	trim, bleed, pageExtra, content, extGState, colourSpace, info, condition, catalogExtra string

	resources string   // more entries of the page's resource dictionary
	objects   []string // more objects, numbered from 6
}

func (m minimal) bytes() []byte {
	or := func(s, d string) string {
		if s == "" {
			return d
		}
		return s
	}
	content := or(m.content, "0 0 0 1 k 20 20 50 50 re f")
	res := ""
	if m.extGState != "" {
		res += "/ExtGState << /GS1 " + m.extGState + " >> "
	}
	if m.colourSpace != "" {
		res += "/ColorSpace << /CS0 " + m.colourSpace + " >> "
	}
	res += m.resources
	objs := []string{
		fmt.Sprintf("<< /Type /Catalog /Pages 2 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (%s) /RegistryName (http://www.color.org) >>] %s>>", or(m.condition, "FOGRA39"), m.catalogExtra),
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /BleedBox %s /TrimBox %s /Resources << %s>> /Contents 4 0 R %s>>",
			or(m.bleed, "[0 0 300 300]"), or(m.trim, "[10 10 290 290]"), res, m.pageExtra),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
		"<< " + or(m.info, "/Title (x) /CreationDate (D:20150601) /ModDate (D:20150601) /Trapped /False /GTS_PDFXVersion (PDF/X-3:2002)") + " >>",
	}
	objs = append(objs, m.objects...)
	var b strings.Builder
	b.WriteString("%PDF-1.3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R /ID [<01> <01>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}
