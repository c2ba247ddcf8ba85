package brochure

// Network is everything one data file says about a network of cities: what the leaflet
// prints and what the rosters list. Load builds it from YAML and checks it; the layout and
// roster packages only read it.
type Network struct {
	// File is the name the data was read from, for diagnostics.
	File string `yaml:"-"`
	// Positions maps the path of every value in the file (as Path builds it, e.g.
	// "members[3].city") to where it stands there.
	Positions Positions `yaml:"-"`

	Network      Info          `yaml:"network" required:"true"`
	Edition      Edition       `yaml:"edition" required:"true"`
	Office       Office        `yaml:"office" required:"true"`
	Members      []Member      `yaml:"members"`
	Institutions []Institution `yaml:"institutions"`
	Sources      []Source      `yaml:"sources"`
	Leaflet      Leaflet       `yaml:"leaflet"`
}

// Info names the network.
type Info struct {
	Name      string `yaml:"name" required:"true"`
	ShortName string `yaml:"short_name"`
	Founded   int    `yaml:"founded"`
	Website   string `yaml:"website" required:"true"`
	Author    string `yaml:"author"`
}

// Edition dates the documents: "Stand" on the leaflet and every date in the files' metadata.
type Edition struct {
	Stand    Date   `yaml:"stand" required:"true"`
	Language string `yaml:"language"`
}

// Office is the network's Geschäftsstelle.
type Office struct {
	Host       string   `yaml:"host" required:"true"`
	Department string   `yaml:"department"`
	People     []Person `yaml:"people"`
	Address    Address  `yaml:"address"`
	Phones     []string `yaml:"phones"`
	Email      string   `yaml:"email"`
	Websites   []string `yaml:"websites"`
}

// Person is somebody to contact.
type Person struct {
	Name  string `yaml:"name" required:"true"`
	Role  string `yaml:"role"`
	Email string `yaml:"email"`
	Phone string `yaml:"phone"`
}

// Address is a postal address.
type Address struct {
	Street   string `yaml:"street"`
	Postcode string `yaml:"postcode"`
	City     string `yaml:"city"`
}

// Member is a city that is or was a member of the network.
type Member struct {
	City             string   `yaml:"city" required:"true"`
	AGS              string   `yaml:"ags" required:"true"`
	Kreis            string   `yaml:"kreis" required:"true"`
	Regierungsbezirk string   `yaml:"regierungsbezirk" required:"true"`
	Location         Location `yaml:"location" required:"true"`
	Status           string   `yaml:"status" required:"true"`
	Joined           Date     `yaml:"joined"`
	Left             Leaving  `yaml:"left"` // a date, or unknown
	Areas            []Area   `yaml:"areas"`
	Contact          *Person  `yaml:"contact"`
	Sources          []string `yaml:"sources"`
	Note             string   `yaml:"note"`
}

// Member statuses.
const (
	StatusCurrent = "current"
	StatusFormer  = "former"
)

// Current reports whether the member is a current one.
func (m Member) Current() bool { return m.Status == StatusCurrent }

// Location is a point in WGS84 degrees.
type Location struct {
	Lat float64 `yaml:"lat" required:"true"`
	Lon float64 `yaml:"lon" required:"true"`
}

// Area is a programme area (Programmgebiet, usually a Stadtteil) of a member city.
type Area struct {
	Name  string `yaml:"name" required:"true"`
	Since Date   `yaml:"since"`
	Until Date   `yaml:"until"`
}

// Institution is a permanent participant or partner of the network.
type Institution struct {
	Name    string  `yaml:"name" required:"true"`
	Short   string  `yaml:"short"`
	Role    string  `yaml:"role"`
	Website string  `yaml:"website"`
	Contact *Person `yaml:"contact"`
}

// Source is where data comes from, with the credit line its licence asks for.
type Source struct {
	ID      string `yaml:"id" required:"true"`
	Credit  string `yaml:"credit" required:"true"`
	Licence string `yaml:"licence"`
	URL     string `yaml:"url"`
}

// Leaflet says how the folded leaflet is made: format, colours and which block goes on which
// panel.
type Leaflet struct {
	// Fold is FoldWickelfalz (default) or FoldZickzack.
	Fold string `yaml:"fold"`
	// BleedMM is the bleed on every side, 0 to 5 mm (default 3).
	BleedMM *float64 `yaml:"bleed_mm"`
	// InsetMM is the width of the panel that folds in, for wickelfalz (default 97).
	InsetMM *float64 `yaml:"inset_mm"`
	// OutputCondition is the registered print condition of the PDF/X output intent
	// (default FOGRA39).
	OutputCondition string `yaml:"output_condition"`
	// SafetyMM is the distance text keeps from the trim and from every fold, MinSafetyMM to
	// MaxSafetyMM (default DefaultSafetyMM).
	SafetyMM *float64 `yaml:"safety_mm"`
	// Duplex turns the inside (page 2) of the print file leaflet.pdf by 180° (its /Rotate),
	// for office duplex printers, as LaTeX's leaflet class does; the print file with marks
	// and the screen file stay upright (default false).
	Duplex bool `yaml:"duplex"`
	// Flow names the panels, consecutive ones of one side such as "inside 1", "inside 2",
	// "inside 3", over which the blocks listed on them flow as one text: a block may continue
	// on the next panel, and the layout balances the panels. Nil means the default (the
	// inside's three panels, when every block on them may flow); an empty list means no flow.
	Flow []string `yaml:"flow"`
	// Palette holds the leaflet's colours.
	Palette Palette `yaml:"palette"`
	// Hyphenation lists words the leaflet hyphenates otherwise than its patterns would: each
	// word as it stands in the texts, mapped to the same word with a hyphen at each place
	// where a line may break, or to itself when it must never be broken (a name such as
	// StadtteilLeben). The layout checks the entries.
	Hyphenation map[string]string `yaml:"hyphenation"`
	// Outside and Inside list, for each of the three panels of that side from left to
	// right, the IDs of the blocks it carries from top to bottom. When the data gives
	// neither, Load fills in the standard plan (see StandardPlan).
	Outside [][]string `yaml:"outside"`
	Inside  [][]string `yaml:"inside"`
	// Blocks are the contents the panels name. When the data gives none, Load fills in the
	// standard blocks (see StandardBlocks) and, for them, the standard plan.
	Blocks []Block `yaml:"blocks"`
	// Standard reports that Load made the blocks (see StandardBlocks), not the data.
	Standard bool `yaml:"-"`
}

// Fold types.
const (
	FoldWickelfalz = "wickelfalz"
	FoldZickzack   = "zickzack"
)

// Palette is the leaflet's set of colours.
type Palette struct {
	Text   *Colour `yaml:"text"`   // body text; 100 % K in print
	Accent *Colour `yaml:"accent"` // headings, markers, rules
	Dark   *Colour `yaml:"dark"`   // cover background
	Tint   *Colour `yaml:"tint"`   // panel backgrounds, land on the map
	Muted  *Colour `yaml:"muted"`  // former members, credits, small print
	Water  *Colour `yaml:"water"`  // the Rhine
	Paper  *Colour `yaml:"paper"`  // text on dark backgrounds
}

// Colour is one colour, as process CMYK percentages for print and RGB for screens. When RGB
// is empty it is derived from the CMYK values.
type Colour struct {
	CMYK []float64 `yaml:"cmyk" required:"true"`
	RGB  string    `yaml:"rgb"`
}

// The range of a cover title's size, in points.
const (
	CoverTitleMinPt = 18.0
	CoverTitleMaxPt = 40.0
)

// Block kinds.
const (
	KindText    = "text"    // heading and paragraphs
	KindCover   = "cover"   // the front: title, subtitle
	KindMap     = "map"     // the map of members with its legend
	KindMembers = "members" // the list of member cities
	KindOffice  = "office"  // the office's address block, websites and Stand
	KindQR      = "qr"      // a QR code to the network's website
	KindFigures = "figures" // key figures: large numbers with a label each
	KindQuote   = "quote"   // a pull quote
	KindImage   = "image"   // a logo or photo from a JPEG or PNG file
)

// Image fits.
const (
	FitContain = "contain" // the whole image in the frame, the frame shrunk to the image
	FitCrop    = "crop"    // the image fills the frame, cut at its long sides
)

// Block is one piece of content on a panel.
type Block struct {
	ID   string `yaml:"id" required:"true"`
	Kind string `yaml:"kind" required:"true"`
	// Heading is printed above the block (for a cover: the title).
	Heading string `yaml:"heading"`
	// Subtitle is printed under a cover's title.
	Subtitle string `yaml:"subtitle"`
	// HeadingPt is the size of a cover's title in points (CoverTitleMinPt to CoverTitleMaxPt);
	// nil lets the layout choose the largest size at which the title fits in a few lines.
	HeadingPt *float64 `yaml:"heading_pt"`
	// Paragraphs are the block's text. They may name data with placeholders such as
	// {{members.count}}; see Placeholders.
	Paragraphs []string `yaml:"paragraphs"`
	// Legend holds the labels of a map's two marker kinds: current, former.
	Legend *Legend `yaml:"legend"`
	// Labels are the words an office block composed from the office's data prints before
	// its parts; Load fills in each one the data leaves out (see DefaultOfficeLabels).
	Labels *OfficeLabels `yaml:"labels"`
	// Caption is small print under the block (a map's credit line, a QR code's address).
	Caption string `yaml:"caption"`
	// URL is what a QR code encodes (default: the network's website).
	URL string `yaml:"url"`
	// Figures are a figures block's numbers and labels.
	Figures []Figure `yaml:"figures"`
	// File is an image block's JPEG or PNG file, relative to the data file; Load reads it
	// into Image.
	File string `yaml:"file"`
	// Alt describes an image for readers who cannot see it (the screen file's alternative
	// text); Credit names its author or source, printed with it.
	Alt    string `yaml:"alt"`
	Credit string `yaml:"credit"`
	// Fit is how an image fills its frame: FitContain (default) or FitCrop.
	Fit string `yaml:"fit"`
	// HeightMM is the height of an image's frame (default: as the image's proportions give
	// at the column's width).
	HeightMM *float64 `yaml:"height_mm"`
	// Image is the content of File, read by Load.
	Image []byte `yaml:"-"`
	// Literal reports that the block's heading and paragraphs are data printed as they
	// stand, which name no placeholders: the texts of the standard leaflet made from the
	// data (see StandardBlocks).
	Literal bool `yaml:"-"`
	// Ragged reports that the block's paragraphs are set ragged right and without hyphens,
	// as lists are: the standard leaflet's members with their areas, partners and sources.
	Ragged bool `yaml:"-"`
}

// Figure is one key figure: a number from the data (a placeholder such as
// {{members.count}}, or typed) and what it counts.
type Figure struct {
	Value string `yaml:"value" required:"true"`
	Label string `yaml:"label" required:"true"`
}

// OfficeLabels are the words of an office block composed from the office's data: the line
// above the host (Lead), before the phone numbers (Phone), before the e-mail address
// (Email) and before the date at the panel's foot (Stand). Each is followed by a space
// where a datum follows it.
type OfficeLabels struct {
	Lead  string `yaml:"lead"`
	Phone string `yaml:"phone"`
	Email string `yaml:"email"`
	Stand string `yaml:"stand"`
}

// Legend labels a map's markers.
type Legend struct {
	Current string `yaml:"current" required:"true"`
	Former  string `yaml:"former" required:"true"`
	// Office labels the marker of the office's city; without it that city is not marked.
	Office string `yaml:"office"`
}
