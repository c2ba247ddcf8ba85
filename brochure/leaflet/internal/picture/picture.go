// Package picture prepares a JPEG or PNG image for the leaflet's PDF files: it reads its size
// and colour model and turns it into a form that PDF/X-3 and the PDF writer accept. A JPEG
// is embedded as it is (grey, RGB or CMYK); a PNG is decoded and written again as 8-bit grey
// or RGB without transparency, its alpha channel flattened onto white paper, since PDF/X-3
// forbids transparency and the writer takes neither 16-bit nor interlaced PNG.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// Colour models of a prepared picture.
const (
	Gray = "gray"
	RGB  = "rgb"
	CMYK = "cmyk"
)

// Picture is an image ready to embed.
type Picture struct {
	// Format is "JPEG" or "PNG": the format of Data.
	Format string
	// W and H are the image's size in pixels.
	W, H int
	// Colour is Gray, RGB or CMYK.
	Colour string
	// Data is the file to embed.
	Data []byte
}

// Prepare reads a JPEG or PNG file and returns it ready to embed.
func Prepare(data []byte) (*Picture, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("read JPEG image: %w", err)
		}
		p := &Picture{Format: "JPEG", W: cfg.Width, H: cfg.Height, Data: data}
		switch cfg.ColorModel {
		case color.GrayModel:
			p.Colour = Gray
		case color.YCbCrModel:
			p.Colour = RGB
		case color.CMYKModel:
			p.Colour = CMYK
		default:
			return nil, errors.New("the JPEG image's colour model is neither grey, RGB nor CMYK")
		}
		return p, nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("read PNG image: %w", err)
		}
		return flatten(img)
	}
	return nil, errors.New("the image is neither JPEG nor PNG")
}

// flatten draws img onto white and encodes it as an 8-bit grey or RGB PNG without alpha.
func flatten(img image.Image) (*Picture, error) {
	r := img.Bounds()
	p := &Picture{Format: "PNG", W: r.Dx(), H: r.Dy()}
	var out image.Image
	switch img.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		g := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(g, g.Bounds(), img, r.Min, draw.Src)
		out, p.Colour = g, Gray
	default:
		rgba := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
		draw.Draw(rgba, rgba.Bounds(), img, r.Min, draw.Over)
		out, p.Colour = rgba, RGB
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, out); err != nil {
		return nil, fmt.Errorf("write PNG image: %w", err)
	}
	p.Data = buf.Bytes()
	return p, nil
}
