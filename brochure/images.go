package brochure

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// MaxImageSize is the largest image file an image block may name: a photo for a panel at 300
// dpi is a few MiB as JPEG.
const MaxImageSize = 32 << 20

// MaxImagePixels bounds an image's width times height, so that a small file cannot claim
// gigapixels and exhaust memory when it is decoded: 60 megapixels cover a full page at 600 dpi.
const MaxImagePixels = 60_000_000

// readImages reads the file of every image block, relative to the directory of the data
// file dir, and checks that it is a JPEG or PNG image of a sensible size.
func readImages(c *collector, n *Network, dir string) {
	for i := range n.Leaflet.Blocks {
		b := &n.Leaflet.Blocks[i]
		if b.Kind != KindImage || b.File == "" {
			continue
		}
		p := Path("leaflet.blocks", i, "file")
		name := b.File
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, filepath.FromSlash(name))
		}
		data, err := readImage(name, b.File)
		if err != nil {
			c.add(p, "give the path of a JPEG or PNG file relative to the data file, e.g. bilder/logo.png", "%v", err)
			continue
		}
		b.Image = data
	}
}

// readImage reads one image file and checks its format and size; messages name it as the
// data writes it, shown.
func readImage(name, shown string) ([]byte, error) {
	// Only a regular file is opened for reading: a device or a named pipe could block.
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not an image file", shown)
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("image %s does not exist", shown)
	}
	if err != nil {
		return nil, fmt.Errorf("read image: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not an image file", shown)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageSize+1))
	if err != nil {
		return nil, fmt.Errorf("read image %s: %w", shown, err)
	}
	if len(data) > MaxImageSize {
		return nil, fmt.Errorf("image %s is larger than %d MiB", shown, MaxImageSize>>20)
	}
	cfg, format, err := imageConfig(data)
	if err != nil {
		return nil, fmt.Errorf("%s %w", shown, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width*cfg.Height > MaxImagePixels {
		return nil, fmt.Errorf("image %s (%s) has %d × %d pixels; at most %d megapixels are accepted", shown, format, cfg.Width, cfg.Height, MaxImagePixels/1_000_000)
	}
	return data, nil
}

// imageConfig reads the size and colour model of a JPEG or PNG image.
func imageConfig(data []byte) (image.Config, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return cfg, "JPEG", fmt.Errorf("is not a JPEG image the leaflet can read: %w", err)
		}
		return cfg, "JPEG", nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return cfg, "PNG", fmt.Errorf("is not a PNG image the leaflet can read: %w", err)
		}
		return cfg, "PNG", nil
	}
	return image.Config{}, "", errors.New("is neither a JPEG nor a PNG image; save it as JPEG (photos) or PNG (logos)")
}
