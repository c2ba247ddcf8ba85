package geomap

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// drawPNG draws m into dir/name when the -png flag names a directory; it lets a person look at
// the layout. It is not part of the normal run.
func drawPNG(t *testing.T, m *Map, name string) {
	t.Helper()
	if *pngDir == "" {
		return
	}
	const px = 12.0 // pixels per millimetre
	img := image.NewRGBA(image.Rect(0, 0, int(m.Width*px)+1, int(m.Height*px)+1))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	line := func(a, b XY, c color.Color) {
		n := int(dist(a, b)*px*2) + 1
		for k := 0; k <= n; k++ {
			f := float64(k) / float64(n)
			img.Set(int((a.X+(b.X-a.X)*f)*px), int((a.Y+(b.Y-a.Y)*f)*px), c)
		}
	}
	grey, blue, red := color.RGBA{150, 150, 150, 255}, color.RGBA{60, 120, 220, 255}, color.RGBA{200, 30, 30, 255}
	for _, r := range m.Outline {
		for k := range r {
			line(r[k], r[(k+1)%len(r)], grey)
		}
	}
	for _, r := range m.River {
		for k := 0; k+1 < len(r); k++ {
			line(r[k], r[k+1], blue)
		}
	}
	markers := m.Markers
	for _, in := range m.Insets {
		// The inset over the map, framed like its region; white under it.
		for y := int(in.Box.Min.Y * px); y <= int(in.Box.Max.Y*px); y++ {
			for x := int(in.Box.Min.X * px); x <= int(in.Box.Max.X*px); x++ {
				img.Set(x, y, color.White)
			}
		}
		for _, r := range []Rect{in.Region, in.Box} {
			for _, e := range [][2]XY{{r.Min, {r.Max.X, r.Min.Y}}, {{r.Max.X, r.Min.Y}, r.Max}, {r.Max, {r.Min.X, r.Max.Y}}, {{r.Min.X, r.Max.Y}, r.Min}} {
				line(e[0], e[1], color.RGBA{0, 130, 130, 255})
			}
		}
		for _, r := range in.River {
			for k := 0; k+1 < len(r); k++ {
				line(r[k], r[k+1], blue)
			}
		}
		markers = append(append([]Marker(nil), markers...), in.Markers...)
	}
	for _, mk := range markers {
		rr := m.MarkerRadius * px
		cx, cy := mk.At.X*px, mk.At.Y*px
		for y := int(cy - rr - 1); y <= int(cy+rr+1); y++ {
			for x := int(cx - rr - 1); x <= int(cx+rr+1); x++ {
				d := math.Hypot(float64(x)-cx, float64(y)-cy)
				if d <= rr && (mk.Current || d >= rr-2) {
					img.Set(x, y, red)
				}
			}
		}
		if mk.Leader != nil {
			line(mk.Leader[0], mk.Leader[1], color.Black)
		}
		if mk.Label == "" {
			continue
		}
		b := mk.LabelBox
		for _, e := range [][2]XY{{b.Min, {b.Max.X, b.Min.Y}}, {{b.Max.X, b.Min.Y}, b.Max}, {b.Max, {b.Min.X, b.Max.Y}}, {{b.Min.X, b.Max.Y}, b.Min}} {
			line(e[0], e[1], color.RGBA{220, 220, 220, 255})
		}
		d := font.Drawer{Dst: img, Src: image.Black, Face: basicfont.Face7x13}
		w := d.MeasureString(mk.Label).Round()
		c := b.Center()
		d.Dot = fixed.P(int(c.X*px)-w/2, int(c.Y*px)+5)
		d.DrawString(mk.Label)
	}
	f, err := os.Create(filepath.Join(*pngDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
