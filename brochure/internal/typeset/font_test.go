package typeset

import (
	"math"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/fonts"
)

func regular(t testing.TB) *Font {
	t.Helper()
	f, err := ParseFont(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseFontAllFaces(t *testing.T) {
	for _, face := range fonts.Faces {
		f, err := ParseFont(face.Data)
		if err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		if w := f.Width("Städtenetz", 9); w < 10 || w > 25 {
			t.Errorf("%s: Städtenetz at 9 pt is %.2f mm wide", face.Name, w)
		}
	}
	if _, err := ParseFont([]byte("not a font")); err == nil {
		t.Error("ParseFont accepted garbage")
	}
}

// TestWidthMatchesFpdf checks the widths against fpdf, which measures the
// same font with its own TrueType reader and sets the text in the PDF.
func TestWidthMatchesFpdf(t *testing.T) {
	f := regular(t)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("OpenSans", "", fonts.Regular)
	pdf.SetFont("OpenSans", "", 9)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	for _, s := range append(leafletParagraphs(t), "„Soziale Stadt“ – 1500 €", "iiiii", "WWWWW") {
		got, want := f.Width(s, 9), pdf.GetStringWidth(s)
		if math.Abs(got-want) > 0.002*want+0.01 {
			t.Errorf("Width(%.30q…) = %.3f mm, fpdf says %.3f mm", s, got, want)
		}
	}
}

func TestWidthRules(t *testing.T) {
	f := regular(t)
	if w := f.Width("", 9); w != 0 {
		t.Errorf("empty string is %v mm wide", w)
	}
	if a, b := f.Width("Stadt\u00adteil", 9), f.Width("Stadtteil", 9); a != b {
		t.Errorf("soft hyphen takes room: %v vs %v", a, b)
	}
	if a, b := f.Width("a\u00a0b", 9), f.Width("a b", 9); a != b {
		t.Errorf("no-break space %v mm, space %v mm", a, b)
	}
	if n, s := f.Width("\u202f", 9), f.SpaceWidth(9); !(n > 0 && n < s) {
		t.Errorf("narrow no-break space %v mm is not narrower than a space %v mm", n, s)
	}
	if a, b := f.Width("Essen", 18), 2*f.Width("Essen", 9); math.Abs(a-b) > 1e-9 {
		t.Errorf("width does not scale with size: %v vs %v", a, b)
	}
	if a, b := f.Width("ab", 9), f.Width("a", 9)+f.Width("b", 9); math.Abs(a-b) > 1e-9 {
		t.Errorf("widths do not add up: %v vs %v", a, b)
	}
}

func TestMetrics(t *testing.T) {
	f := regular(t)
	// Open Sans: 2048 units per em, hhea ascender 2189, descender -600,
	// OS/2 cap height 1462, x height 1096.
	mm := func(u float64) float64 { return u / 2048 * 10 * 25.4 / 72 }
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"ascent", f.Ascent(10), mm(2189)},
		{"descent", f.Descent(10), mm(600)},
		{"cap height", f.CapHeight(10), mm(1462)},
		{"x height", f.XHeight(10), mm(1096)},
		{"space", f.SpaceWidth(10), mm(532)},
		{"hyphen", f.HyphenWidth(10), mm(659)},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v mm, want %v mm", c.name, c.got, c.want)
		}
	}
}

func TestHasAndMissing(t *testing.T) {
	f := regular(t)
	for _, r := range "aäöüßÄÖÜ€„“‚‘–—…·" {
		if !f.Has(r) {
			t.Errorf("Open Sans should have %U %q", r, r)
		}
	}
	if f.Has('\u202f') || f.Has('中') {
		t.Error("Open Sans should lack U+202F and CJK")
	}
	if m := f.Missing("Straße\u00a0\u202f\u00ad–„“€\t \n"); m != nil {
		t.Errorf("Missing reports %q for text Open Sans can set", m)
	}
	got := f.Missing("a\x07b中c\U0001F600\xffd\x07中\r")
	want := []rune{0x07, '中', 0x1F600, 0xFFFD, '\r'}
	if !slices.Equal(got, want) {
		t.Errorf("Missing = %U, want %U", got, want)
	}
}

func leafletParagraphs(t testing.TB) []string {
	t.Helper()
	src := readFile(t, "testdata/leaflet.txt")
	var out []string
	for _, l := range strings.Split(src, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
