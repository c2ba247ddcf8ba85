package brochure

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
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
		data, msg := readImage(name, b.File)
		if !msg.IsZero() {
			c.add(p, msg, i18n.T("image.hint"))
			continue
		}
		b.Image = data
	}
}

// readImage reads one image file and checks its format and size; messages name it as the
// data writes it, shown.
func readImage(name, shown string) ([]byte, i18n.Text) {
	// Only a regular file is opened for reading: a device or a named pipe could block.
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
		return nil, i18n.T("image.notfile", shown)
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, i18n.T("image.missing", shown)
	}
	if err != nil {
		return nil, i18n.T("image.read", shown, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, i18n.T("image.notfile", shown)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageSize+1))
	if err != nil {
		return nil, i18n.T("image.read", shown, err)
	}
	if len(data) > MaxImageSize {
		return nil, i18n.T("image.large", shown, MaxImageSize>>20)
	}
	cfg, format, msg := imageConfig(data, shown)
	if !msg.IsZero() {
		return nil, msg
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width*cfg.Height > MaxImagePixels {
		return nil, i18n.T("image.pixels", shown, format, cfg.Width, cfg.Height, MaxImagePixels/1_000_000)
	}
	return data, i18n.Text{}
}

// imageConfig reads the size and colour model of a JPEG or PNG image; messages name it
// shown.
func imageConfig(data []byte, shown string) (image.Config, string, i18n.Text) {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return cfg, "JPEG", i18n.T("image.badjpeg", shown, err)
		}
		return cfg, "JPEG", i18n.Text{}
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return cfg, "PNG", i18n.T("image.badpng", shown, err)
		}
		return cfg, "PNG", i18n.Text{}
	}
	return image.Config{}, "", i18n.T("image.format", shown)
}
