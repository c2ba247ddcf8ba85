package layout

import (
	"math"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/internal/picture"
	"github.com/staedtenetz-nrw/brochure/internal/units"
)

// MinImageDPI is the least resolution an image must have at its printed size.
const MinImageDPI = 300

// creditSize is the size of an image's credit line in points; the caption is set like a
// figure's label.
const creditSize = 6.5

// imageEntries lays out an image block: the picture in a frame as wide as the column, as
// high as the data says or the picture's proportions give, contained in it or cropped to
// it; under it the caption and the credit. An image printed at less than MinImageDPI is an
// error at its file that says its resolution. The image stands whole.
func (b *builder) imageEntries(i int, w float64, panel string) []entry {
	blk := &b.n.Leaflet.Blocks[i]
	path := brochure.Path("leaflet", "blocks", i, "file")
	pic, err := picture.Prepare(blk.Image)
	if err != nil {
		b.errorf(path, panel, blk.ID, i18n.T("layout.image", err), i18n.T("image.hint"))
		return nil
	}
	aspect := float64(pic.H) / float64(pic.W)
	frame := Rect{W: w, H: w * aspect}
	if blk.HeightMM != nil {
		frame.H = *blk.HeightMM
	}
	at := frame
	switch {
	case blk.Fit == brochure.FitCrop:
		// Fill the frame; the picture's overhang is cut off evenly on both sides.
		s := max(frame.W, frame.H/aspect)
		at = Rect{X: (frame.W - s) / 2, Y: (frame.H - s*aspect) / 2, W: s, H: s * aspect}
	case frame.H < frame.W*aspect:
		// Contained in a frame lower than its proportions: narrower, and the frame with it.
		at.W = frame.H / aspect
		frame.W = at.W
	default:
		at.H = frame.W * aspect
		frame.H = at.H
	}
	dpi := float64(pic.W) / (at.W / units.MMPerInch)
	if dpi < MinImageDPI-0.5 {
		needW := int(math.Ceil(at.W / units.MMPerInch * MinImageDPI))
		needH := int(math.Ceil(at.H / units.MMPerInch * MinImageDPI))
		b.errorf(path, panel, blk.ID, i18n.T("layout.image.dpi", pic.W, pic.H, int(math.Round(dpi)), mm(at.W), mm(at.H), MinImageDPI),
			i18n.T("layout.image.dpi.hint", needW, needH))
	}
	items := []Item{&Image{Frame: frame, At: at, Name: blk.ID, Format: pic.Format, Colour: pic.Colour,
		PxW: pic.W, PxH: pic.H, Data: pic.Data, Alt: b.expand(blk.Alt, brochure.Path("leaflet", "blocks", i, "alt"), panel, blk.ID)}}
	y := frame.H
	for _, t := range []struct {
		key, text string
		st        style
	}{
		{"caption", blk.Caption, style{font: "regular", size: figureLabel, leading: figureLeading, colour: Text}},
		{"credit", blk.Credit, style{font: "regular", size: creditSize, leading: smallLeading, colour: Muted}},
	} {
		if t.text == "" {
			continue
		}
		p := brochure.Path("leaflet", "blocks", i, t.key)
		lines, bottom := b.set(b.expand(t.text, p, panel, blk.ID), t.st, w, y+1.8, p, panel, blk.ID)
		items = append(items, asItems(lines)...)
		y = bottom
	}
	return []entry{b.whole(i, items, y)}
}
