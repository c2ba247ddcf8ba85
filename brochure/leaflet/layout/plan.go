package layout

import "github.com/staedtenetz-nrw/brochure/brochure"

// Plan is the whole leaflet laid out: its pages, their panels and the items to paint on them.
// All lengths are millimetres; x runs right and y runs down from the top left corner of the
// trimmed sheet, so items that bleed have negative coordinates or coordinates beyond the trim.
type Plan struct {
	// Title, Author, Subject, Keywords and Lang are the documents' metadata.
	Title, Author, Subject, Keywords, Lang string
	// Year, Month and Day date the documents (from the edition's Stand).
	Year, Month, Day int
	// OutputCondition names the print condition of the print file's output intent.
	OutputCondition string
	// Fold is the fold type (wickelfalz or zickzack).
	Fold string
	// TrimW and TrimH are the size of the trimmed sheet; BleedMM the bleed on every side.
	TrimW, TrimH, BleedMM float64
	// SafetyMM is the distance all text keeps from the trim and from every fold.
	SafetyMM float64
	// Duplex asks for the print file's inside (page 2) turned by 180°, for office duplex
	// printers.
	Duplex bool
	// Palette is the resolved set of colours that items name by role.
	Palette Palette
	// Pages are the outside (page 1) and the inside (page 2).
	Pages []Page
	// Structure is the leaflet's logical structure in reading order, which the screen file
	// carries as its tags (see structure.go).
	Structure *Elem
	// Notes are remarks on the leaflet that are no problems: the lines of body text set
	// loose (see MeasureEvenness), each at its paragraph in the data.
	Notes brochure.Diagnostics
}

// Folds returns the x positions of each page's folds, by page number from 1, as the PDF/X
// finishing and the preflight take them.
func (p *Plan) Folds() map[int][]float64 {
	folds := make(map[int][]float64, len(p.Pages))
	for i, pg := range p.Pages {
		folds[i+1] = pg.Folds
	}
	return folds
}

// Page is one side of the sheet.
type Page struct {
	// Name is "outside" or "inside".
	Name string
	// Folds are the x positions of the folds, from the left trim.
	Folds []float64
	// Panels are the page's panels from left to right.
	Panels []Panel
	// Items are painted in order.
	Items []Item
}

// Panel is one of the three parts of a page between trim and folds.
type Panel struct {
	// Name says where the panel is, e.g. "outside 1 (flap)".
	Name string
	// X and W are the panel's left edge and width on the sheet.
	X, W float64
	// Content is the area that text and graphics may use: the panel less the safety zone
	// and margins.
	Content Rect
	// Blocks are the IDs of the blocks on the panel, from top to bottom.
	Blocks []string
}

// Rect is a rectangle: its top left corner and its size.
type Rect struct {
	X, Y, W, H float64
}

// Point is a position on the sheet.
type Point struct {
	X, Y float64
}

// Item is something to paint: one of *Fill, *Line, *Shape, *Marker, *Rule, *Modules, *Image,
// *Link or *Bookmark.
type Item interface {
	item()
}

// Fill is a filled rectangle, e.g. a background; Bleeds says it runs into the bleed.
type Fill struct {
	Rect
	Colour string
	Bleeds bool
}

// Line is one line of text, its words placed one by one.
type Line struct {
	// Font is the name of one of fonts.Faces ("regular", "semibold"); Size is in points.
	Font string
	Size float64
	// Scale is the horizontal scale of the glyphs, 1 ± 0.02 at most in justified lines
	// (font expansion) and 1 elsewhere; the words' positions and widths include it.
	Scale float64
	// Track is the letter spacing in mm added between every two glyphs of a word, before
	// Scale applies (as PDF's Tc under Tz): within ±0.01 em, in the justified lines whose
	// glyphs are scaled, 0 elsewhere; the words' positions and widths include it.
	Track  float64
	Colour string
	// Baseline is the y of the line's baseline.
	Baseline float64
	// Words are the line's words with their x positions and widths.
	Words []Word
	// Space is the width of the gaps between words; Justified tells whether the line was
	// stretched to the measure; Hyphenated whether the line ends inside a word, its last word
	// in a hyphen; HyphenAdded whether the typesetter added that hyphen (it is not the word's).
	Space       float64
	Justified   bool
	Hyphenated  bool
	HyphenAdded bool
	// Block names the block the line belongs to; Path the text of the data it sets (e.g.
	// "leaflet.blocks[3].paragraphs[0]"), so that lines with the same Path in a row make one
	// heading or paragraph.
	Block, Path string
}

// Word is a word placed on a line.
type Word struct {
	Text string
	X, W float64
}

// Shape is a set of polygons or polylines, e.g. the outline of the state on the map.
type Shape struct {
	Name string
	// Rings are the polygons (Closed) or polylines.
	Rings  [][]Point
	Closed bool
	// Fill and Stroke are colour roles; empty means none. Width is the stroke width in mm.
	Fill, Stroke string
	Width        float64
}

// Marker is a city on the map: a filled dot (current member) or an open ring (former one),
// with its number and a leader line to the number when it stands away from the dot.
type Marker struct {
	At      Point
	Radius  float64
	Current bool
	Colour  string
	// Label is the marker's number, set at LabelAt (baseline start) in Font and Size.
	Label   string
	LabelAt Point
	Font    string
	Size    float64
	// Leader runs from the marker's edge to the label; nil when the label sits beside it.
	Leader []Point
	// Path is the place in the data of the member the marker stands for, e.g. "members[3]";
	// empty for markers that stand for no one member (the legend's).
	Path string
}

// LeaderWidth is the width of a marker's leader line in mm (0.37 pt): a hairline that still
// prints. Painters draw a marker's leader and label in the Text colour, so that the leader
// reads as part of the number it leads to.
const LeaderWidth = 0.13

// Ring returns how a former member's open marker is drawn: a circle of radius r stroked
// width wide in the marker's colour around a core of Paper, which keeps the ring open over
// the land's tint.
func (m *Marker) Ring() (r, width float64) { return m.Radius * 0.78, m.Radius * 0.45 }

// Rule is a straight line, e.g. under a heading.
type Rule struct {
	From, To Point
	Colour   string
	Width    float64
}

// Modules are the dark modules of a QR code, merged into rectangles.
type Modules struct {
	// Text is what the code encodes.
	Text   string
	Colour string
	Rects  []Rect
}

// Image is a picture in a frame: it is drawn at At, its whole size, and clipped to Frame,
// which At covers (a cropped picture reaches beyond its frame).
type Image struct {
	Frame, At Rect
	// Name tells the pictures of a plan apart (the block's id).
	Name string
	// Format is "JPEG" or "PNG", Colour "gray", "rgb" or "cmyk"; PxW and PxH are its size
	// in pixels and Data the file to embed.
	Format, Colour string
	PxW, PxH       int
	Data           []byte
	// Alt says what the picture shows, for readers who cannot see it.
	Alt string
}

// Link makes an area a live link in the screen file. Line and Word say which word of the
// text it is on; Line is nil for a link on a graphic (the QR code).
type Link struct {
	Rect
	URL  string
	Line *Line
	Word int
}

// Bookmark is an entry of the screen file's outline at height Y.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

func (*Fill) item()     {}
func (*Line) item()     {}
func (*Shape) item()    {}
func (*Marker) item()   {}
func (*Rule) item()     {}
func (*Modules) item()  {}
func (*Image) item()    {}
func (*Link) item()     {}
func (*Bookmark) item() {}
