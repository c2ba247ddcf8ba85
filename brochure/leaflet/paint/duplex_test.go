package paint_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestDuplex builds the fixture with leaflet.duplex set: the print file's inside is turned by
// 180° for office duplex printers, its outside and the file with marks stay upright, the
// rendered inside is the upright one turned, the preflight passes, and the bytes repeat.
func TestDuplex(t *testing.T) {
	upright := printFiles(t, false)
	duplex := printFiles(t, true)
	if again := printFiles(t, true); !bytes.Equal(again[0], duplex[0]) || !bytes.Equal(again[1], duplex[1]) {
		t.Error("two duplex builds of the same data differ")
	}
	if !bytes.Equal(duplex[1], upright[1]) {
		t.Error("duplex changed the print file with marks, which goes to print shops upright")
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	up, dx, marks := write("upright.pdf", upright[0]), write("duplex.pdf", duplex[0]), write("marks.pdf", duplex[1])
	if got, want := rotations(t, dx), "0 180"; got != want {
		t.Errorf("duplex print file: page rotations %s, want %s", got, want)
	}
	for name, file := range map[string]string{"upright print file": up, "duplex file with marks": marks} {
		if got, want := rotations(t, file), "0 0"; got != want {
			t.Errorf("%s: page rotations %s, want %s", name, got, want)
		}
	}

	// What a viewer or a printer shows: the outside as before, the inside upside down.
	out1, out2 := render(t, up, 1), render(t, dx, 1)
	if d := difference(out1, out2, false); d > 0.5 {
		t.Errorf("duplex changed the outside: mean difference %.2f", d)
	}
	in1, in2 := render(t, up, 2), render(t, dx, 2)
	turned, same := difference(in1, in2, true), difference(in1, in2, false)
	if turned > 4 || same < 3*turned {
		t.Errorf("inside: mean difference to the upright page turned by 180° %.2f, to the upright page %.2f; want the first near 0, the second large", turned, same)
	}

	plan, err := layout.Build(testnet.Default(t), testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := preflight.Check(duplex[0], preflight.Options{PrintFile: true, Folds: plan.Folds(), MinBleedMM: plan.BleedMM, SafetyMM: plan.SafetyMM})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		t.Errorf("duplex print file: preflight: %s", fmt.Sprint(f))
	}
}

// printFiles paints the fixture's print files, with or without duplex.
func printFiles(t *testing.T, duplex bool) [2][]byte {
	t.Helper()
	n := testnet.Default(t)
	n.Leaflet.Duplex = duplex
	_, files := printFilesOf(t, n)
	return files
}

// printFilesOf lays n out and paints its print files: the print file and the one with marks.
func printFilesOf(t *testing.T, n *brochure.Network) (*layout.Plan, [2][]byte) {
	t.Helper()
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		t.Fatal(err)
	}
	print, marks, err := paint.PrintFiles(plan)
	if err != nil {
		t.Fatal(err)
	}
	return plan, [2][]byte{print, marks}
}

var pageRot = regexp.MustCompile(`(?m)^Page +\d+ rot: +(\d+)`)

// rotations lists the /Rotate of each page as pdfinfo reads it.
func rotations(t *testing.T, file string) string {
	t.Helper()
	info := testkit.Run(t, "pdfinfo", "-f", "1", "-l", "2", file)
	var s string
	for _, m := range pageRot.FindAllStringSubmatch(info, -1) {
		if s != "" {
			s += " "
		}
		s += m[1]
	}
	return s
}

// render renders one page of file as poppler shows it, in grey at 30 dpi.
func render(t *testing.T, file string, page int) image.Image {
	t.Helper()
	root := filepath.Join(t.TempDir(), "page")
	p := fmt.Sprint(page)
	testkit.Run(t, "pdftoppm", "-r", "30", "-gray", "-f", p, "-l", p, "-singlefile", "-png", file, root)
	f, err := os.Open(root + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// difference compares a with b, or with b turned by 180°, in cells of 12 × 12 pixels (about
// 10 mm at 30 dpi), so that poppler's sub-pixel placement of a turned page does not count: it
// returns the mean absolute difference of the cells' grey levels (0 to 255), or 255 for
// images of different sizes.
func difference(a, b image.Image, turn bool) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 255
	}
	ca, cb := cells(a, false), cells(b, turn)
	sum := 0.0
	for i := range ca {
		sum += math.Abs(ca[i] - cb[i])
	}
	return sum / float64(len(ca))
}

// cells returns the mean grey level of each 12 × 12 pixel cell of img, or of img turned by
// 180°, row by row.
func cells(img image.Image, turn bool) []float64 {
	const c = 12
	r := img.Bounds()
	w, h := r.Dx()/c, r.Dy()/c
	out := make([]float64, w*h)
	for y := 0; y < h*c; y++ {
		for x := 0; x < w*c; x++ {
			px, py := x, y
			if turn {
				px, py = r.Dx()-1-x, r.Dy()-1-y
			}
			g := color.GrayModel.Convert(img.At(r.Min.X+px, r.Min.Y+py)).(color.Gray).Y
			out[(y/c)*w+x/c] += float64(g) / (c * c)
		}
	}
	return out
}
