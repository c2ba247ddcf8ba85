// Package pdfxtest helps the tests of print files. It makes small leaflet-like PDFs with
// fpdf for the tests of pdfx and preflight: a clean two-page CMYK print file, and variants
// that each break one print rule. Plates lists the colour separations Ghostscript makes of
// a PDF, for the tests of pdfx and paint.
package pdfxtest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/fonts"
)

// Geometry of the sample: A4 landscape trim with 3 mm bleed, folds of a Wickelfalz.
const (
	Bleed = 3.0
	TrimW = 297.0
	TrimH = 210.0
)

// Folds are the fold positions in mm from the left trim, by page.
var Folds = map[int][]float64{1: {97, 197}, 2: {100, 200}}

// Date is the sample's creation and modification date.
var Date = time.Date(2015, 6, 1, 12, 0, 0, 0, time.UTC)

// Break names one print rule for Leaflet to break; the zero value breaks none.
type Break struct {
	RGBText        bool // text coloured with an RGB "rg" operator
	RGBImage       bool // an RGB image
	CoreFont       bool // text in Helvetica, which fpdf does not embed
	SmallText      bool // a line of 5 pt text
	LowResImage    bool // a 60 dpi image
	Transparency   bool // SetAlpha (also raises the PDF version)
	NearFold       bool // text across the first fold of page 1
	NearTrim       bool // text 2 mm from the top trim on page 2
	Link           bool // a link annotation
	ExtraSpotPlate bool // a spot colour
}

// Meta returns the pdfx metadata of the sample.
func Meta() pdfx.Meta {
	return pdfx.Meta{
		Title:    "Städtenetz Soziale Stadt NRW",
		Author:   "Städtenetz Soziale Stadt NRW",
		Creator:  "brochure (test)",
		Created:  Date,
		Modified: Date,
		Trim:     pdfx.Rect{X: Bleed, Y: Bleed, W: TrimW, H: TrimH},
		Bleed:    Bleed,
	}
}

// Leaflet writes the two-page sample with fpdf (not yet finished as PDF/X), failing the
// test when fpdf fails.
func Leaflet(t testing.TB, b Break) []byte {
	t.Helper()
	pdf, err := leaflet(b)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// Finished writes the sample and finishes it as PDF/X-3, failing the test when either fails.
func Finished(t testing.TB, b Break) []byte {
	t.Helper()
	pdf, err := pdfx.Finish(Leaflet(t, b), Meta())
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// leaflet writes the two-page sample with fpdf.
func leaflet(b Break) ([]byte, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: TrimW + 2*Bleed, Ht: TrimH + 2*Bleed},
	})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(Date)
	pdf.SetModificationDate(Date)
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddUTF8FontFromBytes("Open Sans", "", fonts.Regular)
	pdf.AddUTF8FontFromBytes("Open Sans", "B", fonts.Semibold)
	if b.ExtraSpotPlate {
		pdf.AddSpotColor("HKS 43", 100, 60, 0, 0)
	}
	img := grayImage(300) // 300 px over 20 mm: 381 dpi
	if b.LowResImage {
		img = grayImage(47) // 60 dpi
	}
	if b.RGBImage {
		img = rgbImage(300)
	}
	pdf.RegisterImageOptionsReader("map", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))

	x := func(mm float64) float64 { return Bleed + mm } // from the left trim
	y := func(mm float64) float64 { return Bleed + mm } // from the top trim
	blue := pdfx.CMYK{C: 100, M: 60, K: 10}

	for page := 1; page <= 2; page++ {
		pdf.AddPage()
		// A light background into the bleed, a blue band across the top.
		pdfx.SetFill(pdf, pdfx.CMYK{C: 5, Y: 15})
		pdf.Rect(0, 0, TrimW+2*Bleed, TrimH+2*Bleed, "F")
		pdfx.SetFill(pdf, blue)
		pdf.Rect(0, 0, TrimW+2*Bleed, y(20), "F")
		pdfx.SetStroke(pdf, blue)
		pdf.SetLineWidth(0.5)
		panels := []float64{0, 97, 197, 297}
		if page == 2 {
			panels = []float64{0, 100, 200, 297}
		}
		for i := 0; i < 3; i++ {
			left := panels[i] + 5
			pdf.Line(x(left), y(30), x(panels[i+1]-5), y(30))
			pdfx.SetFill(pdf, pdfx.Black)
			pdf.SetFont("Open Sans", "B", 14)
			pdf.Text(x(left), y(40), fmt.Sprintf("Panel %d.%d: Städtenetz", page, i+1))
			pdf.SetFont("Open Sans", "", 9)
			pdf.SetXY(x(left), y(45))
			pdf.MultiCell(panels[i+1]-panels[i]-10, 4.5, "Integrierte Stadtteilentwicklung in Nordrhein-Westfalen: Wissenstransfer und Veranstaltungen für die Mitgliedsstädte.", "", "L", false)
		}
		if page == 1 {
			pdf.ImageOptions("map", x(10), y(100), 20, 20, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
			if b.CoreFont {
				pdf.SetFont("Helvetica", "", 9)
				pdfx.SetFill(pdf, pdfx.Black)
				pdf.Text(x(10), y(130), "Helvetica, not embedded")
			}
			if b.SmallText {
				pdf.SetFont("Open Sans", "", 5)
				pdf.Text(x(10), y(140), "Kartengrundlage: Natural Earth")
			}
			if b.NearFold {
				pdf.SetFont("Open Sans", "", 9)
				pdf.Text(x(85), y(150), "über den Falz hinweg")
			}
			if b.RGBText {
				pdf.SetTextColor(200, 0, 0)
				pdf.SetFont("Open Sans", "", 9)
				pdf.Text(x(10), y(160), "rot in RGB")
			}
			if b.Transparency {
				pdf.SetAlpha(0.5, "Normal")
				pdf.Rect(x(10), y(170), 20, 10, "F")
				pdf.SetAlpha(1, "Normal")
			}
			if b.Link {
				pdf.LinkString(x(10), y(180), 30, 5, "https://www.soziale-stadt.nrw.de")
			}
			if b.ExtraSpotPlate {
				pdf.SetFillSpotColor("HKS 43", 100)
				pdf.Rect(x(40), y(100), 20, 10, "F")
			}
		}
		if page == 2 && b.NearTrim {
			pdf.SetFont("Open Sans", "", 9)
			pdfx.SetFill(pdf, pdfx.Black)
			pdf.Text(x(120), y(4), "zu nah am Rand")
		}
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("sample leaflet: %w", err)
	}
	return out.Bytes(), nil
}

func grayImage(px int) []byte {
	img := image.NewGray(image.Rect(0, 0, px, px))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	return encode(img)
}

func rgbImage(px int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, px, px))
	for yy := 0; yy < px; yy++ {
		for xx := 0; xx < px; xx++ {
			img.Set(xx, yy, color.RGBA{uint8(xx), 100, uint8(yy), 255})
		}
	}
	return encode(img)
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // encoding an in-memory image cannot fail
	}
	return b.Bytes()
}
