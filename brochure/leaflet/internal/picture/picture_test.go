package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJPEGStaysAsItIs(t *testing.T) {
	var gray, rgb bytes.Buffer
	jpeg.Encode(&gray, image.NewGray(image.Rect(0, 0, 40, 30)), nil)
	jpeg.Encode(&rgb, image.NewRGBA(image.Rect(0, 0, 40, 30)), nil)
	cmyk, err := testkit.Pictures.ReadFile("testdata/pictures/druck.jpg")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data   []byte
		colour string
		w, h   int
	}{{gray.Bytes(), Gray, 40, 30}, {rgb.Bytes(), RGB, 40, 30}, {cmyk, CMYK, 400, 267}} {
		p, err := Prepare(c.data)
		if err != nil {
			t.Fatal(err)
		}
		if p.Format != "JPEG" || p.Colour != c.colour || p.W != c.w || p.H != c.h || !bytes.Equal(p.Data, c.data) {
			t.Errorf("%s JPEG prepared as %s %s %dx%d (data kept: %v)", c.colour, p.Format, p.Colour, p.W, p.H, bytes.Equal(p.Data, c.data))
		}
	}
}

func TestPNGIsFlattenedOnWhite(t *testing.T) {
	// Transparent, half transparent and opaque teal pixels, in 16 bits a channel.
	img := image.NewNRGBA64(image.Rect(0, 0, 3, 1))
	img.Set(0, 0, color.NRGBA64{0, 0, 0, 0})
	img.Set(1, 0, color.NRGBA64{0, 0x7070, 0x7a7a, 0x8000})
	img.Set(2, 0, color.NRGBA64{0, 0x7070, 0x7a7a, 0xffff})
	p, err := Prepare(encodePNG(t, img))
	if err != nil {
		t.Fatal(err)
	}
	out, err := png.Decode(bytes.NewReader(p.Data))
	if err != nil {
		t.Fatal(err)
	}
	if p.Colour != RGB || out.ColorModel() != color.RGBAModel {
		t.Fatalf("prepared as %s in %T, want 8-bit RGB", p.Colour, out.ColorModel())
	}
	for x, want := range []color.RGBA{{255, 255, 255, 255}, {127, 183, 188, 255}, {0, 112, 122, 255}} {
		got := color.RGBAModel.Convert(out.At(x, 0)).(color.RGBA)
		if d := int(got.R) - int(want.R) + int(got.G) - int(want.G) + int(got.B) - int(want.B); got.A != 255 || d > 3 || d < -3 {
			t.Errorf("pixel %d is %v, want %v on white", x, got, want)
		}
	}
	grey, err := Prepare(encodePNG(t, image.NewGray16(image.Rect(0, 0, 2, 2))))
	if err != nil || grey.Colour != Gray {
		t.Errorf("a grey PNG is prepared as %v (%v), want grey", grey, err)
	}
}

func TestNotAnImage(t *testing.T) {
	for _, data := range [][]byte{[]byte("GIF89a"), []byte("\xff\xd8\xff\xe0broken"), []byte("\x89PNG\r\n\x1a\nbroken")} {
		if _, err := Prepare(data); err == nil {
			t.Errorf("%q is prepared", data)
		}
	}
}
