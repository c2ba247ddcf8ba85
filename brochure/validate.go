package brochure

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// validate checks the rules a decoded network must keep, recording every violation.
func validate(c *collector, n *Network) {
	checkURL(c, "network.website", n.Network.Website)
	if l := n.Edition.Language; l != "" && !regexp.MustCompile(`^[a-z]{2}(-[A-Z]{2})?$`).MatchString(l) {
		c.add("edition.language", "write a language code such as de", "%q is not a language code", l)
	}
	validateOffice(c, n.Office)
	validateMembers(c, n)
	for i, in := range n.Institutions {
		p := Path("institutions", i)
		checkURL(c, Path(p, "website"), in.Website)
		if in.Contact != nil {
			checkPerson(c, Path(p, "contact"), *in.Contact)
		}
	}
	ids := map[string]int{}
	for i, s := range n.Sources {
		p := Path("sources", i)
		if j, dup := ids[s.ID]; dup {
			c.add(Path(p, "id"), "give every source its own id", "source id %q is used by sources[%d] already", s.ID, j)
		}
		ids[s.ID] = i
		checkURL(c, Path(p, "url"), s.URL)
	}
	validateLeaflet(c, n)
}

// validateOffice checks the office's contacts.
func validateOffice(c *collector, o Office) {
	for i, p := range o.People {
		checkPerson(c, Path("office.people", i), p)
	}
	for i, ph := range o.Phones {
		checkPhone(c, Path("office.phones", i), ph)
	}
	checkEmail(c, "office.email", o.Email)
	for i, w := range o.Websites {
		checkURL(c, Path("office.websites", i), w)
	}
	if pc := o.Address.Postcode; pc != "" && !regexp.MustCompile(`^\d{5}$`).MatchString(pc) {
		c.add("office.address.postcode", "a German postcode has five digits; put it in quotes: \"45127\"", "%q is not a postcode", pc)
	}
}

var agsRE = regexp.MustCompile(`^\d{8}$`)

// validateMembers checks each member and the list as a whole.
func validateMembers(c *collector, n *Network) {
	names := map[string]int{}
	agss := map[string]int{}
	for i, m := range n.Members {
		p := Path("members", i)
		key := strings.ToLower(strings.TrimSpace(m.City))
		if strings.TrimSpace(m.City) == "" {
			// missing or blank: reported by the decoder
		} else if j, dup := names[key]; dup {
			c.add(Path(p, "city"), "remove one of the two entries", "%q is listed twice (also members[%d])", m.City, j)
		} else {
			names[key] = i
		}
		switch {
		case m.AGS == "":
			// missing: reported by the decoder
		case !agsRE.MatchString(m.AGS):
			c.add(Path(p, "ags"), "the Amtlicher Gemeindeschlüssel has 8 digits; put it in quotes to keep the leading 0: \"05113000\"", "%q is not an 8-digit AGS", m.AGS)
		case !strings.HasPrefix(m.AGS, "05"):
			c.add(Path(p, "ags"), "every municipality of North Rhine-Westphalia has an AGS beginning with 05", "AGS %s is not in North Rhine-Westphalia", m.AGS)
		default:
			if j, dup := agss[m.AGS]; dup {
				c.add(Path(p, "ags"), "each city has its own AGS: check both entries", "AGS %s is used by members[%d] (%s) already", m.AGS, j, n.Members[j].City)
			} else {
				agss[m.AGS] = i
			}
		}
		if m.Regierungsbezirk != "" && !slices.Contains(Regierungsbezirke, m.Regierungsbezirk) {
			c.add(Path(p, "regierungsbezirk"), "one of "+strings.Join(Regierungsbezirke, ", "), "%q is not a Regierungsbezirk of North Rhine-Westphalia", m.Regierungsbezirk)
		}
		checkLocation(c, Path(p, "location"), m.Location)
		checkMembership(c, p, m)
		for j, a := range m.Areas {
			ap := Path(p, "areas", j)
			if a.Name != "" && strings.TrimSpace(a.Name) == "" {
				c.add(Path(ap, "name"), "", "the programme area's name is empty")
			}
			if !a.Since.IsZero() && !a.Until.IsZero() && a.Until.Before(a.Since) {
				c.add(Path(ap, "until"), "", "the area ends (%s) before it starts (%s)", a.Until, a.Since)
			}
		}
		if m.Contact != nil {
			checkPerson(c, Path(p, "contact"), *m.Contact)
		}
		for j, s := range m.Sources {
			checkURL(c, Path(p, "sources", j), s)
		}
	}
}

// checkMembership checks status, joined and left of a member.
func checkMembership(c *collector, p string, m Member) {
	switch m.Status {
	case StatusCurrent:
		if !m.Left.IsZero() {
			c.add(Path(p, "left"), "remove `left`, or set `status: former`", "a current member has no date of leaving")
		}
	case StatusFormer:
		lp := Path(p, "left")
		hint := "write the year (or year-month, or date) the city left, or " + LeftUnknown + " when no source gives it"
		_, written := c.pos[lp]
		switch {
		case !m.Left.IsZero() || c.has(lp):
			// given, or reported as written wrongly
		case written:
			c.add(lp, hint, "`left` is empty; a former member needs the date it left")
		default:
			c.add(Path(p, "status"), "add `left:` with the year (or year-month, or date) the city left, or `left: "+LeftUnknown+"` when no source gives it",
				"a former member needs the date it left")
		}
	case "":
	default:
		c.add(Path(p, "status"), "write current or former", "status %q is neither current nor former", m.Status)
	}
	if !m.Joined.IsZero() && !m.Left.Date.IsZero() && m.Left.Date.Before(m.Joined) {
		c.add(Path(p, "left"), "", "the city left (%s) before it joined (%s)", m.Left, m.Joined)
	}
}

// NRW's extent with a margin, in degrees.
const (
	minLat, maxLat = 50.2, 52.6
	minLon, maxLon = 5.7, 9.6
)

// checkLocation checks that a point lies in or near North Rhine-Westphalia.
func checkLocation(c *collector, p string, l Location) {
	in := func(lat, lon float64) bool { return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon }
	if in(l.Lat, l.Lon) {
		return
	}
	hint := fmt.Sprintf("North Rhine-Westphalia lies between latitude %.1f and %.1f and longitude %.1f and %.1f", minLat, maxLat, minLon, maxLon)
	if in(l.Lon, l.Lat) {
		hint = "latitude and longitude seem swapped"
	}
	c.add(p, hint, "lat %g, lon %g lies outside North Rhine-Westphalia", l.Lat, l.Lon)
}

// checkPerson checks a contact person's e-mail and phone.
func checkPerson(c *collector, p string, pr Person) {
	if pr.Name != "" && strings.TrimSpace(pr.Name) == "" {
		c.add(Path(p, "name"), "", "the name is empty")
	}
	checkEmail(c, Path(p, "email"), pr.Email)
	checkPhone(c, Path(p, "phone"), pr.Phone)
}

var emailRE = regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$`)

// checkEmail checks an e-mail address, if given.
func checkEmail(c *collector, p, e string) {
	if e == "" {
		return
	}
	if _, err := mail.ParseAddress(e); err != nil || !emailRE.MatchString(e) {
		c.add(p, "write the bare address, like name@stadt.de", "%q is not an e-mail address", e)
	}
}

var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 /()\-]{4,24}[0-9]$`)

// checkPhone checks a phone number, if given.
func checkPhone(c *collector, p, ph string) {
	if ph == "" {
		return
	}
	if !phoneRE.MatchString(ph) {
		c.add(p, "write digits with spaces, / or - as in 0201/88-68300 or +49 201 8868300", "%q is not a phone number", ph)
	}
}

var hostRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$`)

// checkURL checks a web address, if given; "https://" may be left out.
func checkURL(c *collector, p, u string) {
	if u == "" {
		return
	}
	parsed, err := url.Parse(LinkURL(u))
	if err != nil || strings.ContainsAny(u, " \t\n") || !hostRE.MatchString(strings.ToLower(parsed.Hostname())) || parsed.User != nil {
		c.add(p, "write an address like www.stadt.de/seite or https://www.stadt.de", "%q is not a web address", u)
	}
}

// validateLeaflet checks the leaflet's format, palette, panels and blocks.
func validateLeaflet(c *collector, n *Network) {
	l := &n.Leaflet
	switch l.Fold {
	case "", FoldWickelfalz, FoldZickzack:
	default:
		c.add("leaflet.fold", "write wickelfalz or zickzack", "unknown fold %q", l.Fold)
	}
	if l.BleedMM != nil && (*l.BleedMM < 0 || *l.BleedMM > 5) {
		c.add("leaflet.bleed_mm", "print shops ask for 3 mm", "bleed %g mm is outside 0 to 5 mm", *l.BleedMM)
	}
	if l.InsetMM != nil && (*l.InsetMM < MinInsetMM || *l.InsetMM > MaxInsetMM) {
		c.add("leaflet.inset_mm", "97 mm is usual, 96 mm for heavy paper", "inset panel width %g mm is outside %g to %g mm", *l.InsetMM, MinInsetMM, MaxInsetMM)
	}
	if l.OutputCondition != "" && !slices.Contains(OutputConditions, strings.ToUpper(strings.TrimSpace(l.OutputCondition))) {
		c.add("leaflet.output_condition", "ask the print shop; FOGRA39 is the usual one for coated paper, FOGRA52 for uncoated",
			"output condition %q is not known; use one of %s", l.OutputCondition, strings.Join(OutputConditions, ", "))
	}
	if l.SafetyMM != nil && (*l.SafetyMM < MinSafetyMM || *l.SafetyMM > MaxSafetyMM) {
		c.add("leaflet.safety_mm", fmt.Sprintf("print shops ask for %g mm at least; %g mm looks right at the folds", MinSafetyMM, DefaultSafetyMM),
			"safety distance %g mm is outside %g to %g mm", *l.SafetyMM, MinSafetyMM, MaxSafetyMM)
	}
	if l.InsetMM != nil && l.Fold == FoldZickzack {
		c.add("leaflet.inset_mm", "remove inset_mm: a zickzack fold has three panels of 99 mm", "inset_mm applies to a wickelfalz only")
	}
	validatePalette(c, l.Palette)
	blocks := map[string]int{}
	for i, b := range l.Blocks {
		p := Path("leaflet.blocks", i)
		if j, dup := blocks[b.ID]; dup {
			c.add(Path(p, "id"), "give every block its own id", "block id %q is used by blocks[%d] already", b.ID, j)
			continue
		}
		blocks[b.ID] = i
		validateBlock(c, n, p, b)
	}
	if (l.Outside == nil) != (l.Inside == nil) {
		given, missing := "outside", "inside"
		if l.Outside == nil {
			given, missing = missing, given
		}
		c.add("leaflet", "give both outside and inside, or neither for the standard plan", "the panel plan gives %s but not %s", given, missing)
	}
	placed := map[string]string{}
	for _, side := range []struct {
		name   string
		panels [][]string
	}{{"outside", l.Outside}, {"inside", l.Inside}} {
		sp := Path("leaflet", side.name)
		if side.panels != nil && len(side.panels) != 3 {
			c.add(sp, "list the blocks of the three panels, left to right: [[…], […], […]]", "%s has %d panels; a folded leaflet has 3 a side", side.name, len(side.panels))
		}
		for i, panel := range side.panels {
			cover := ""
			for _, id := range panel {
				if k, ok := blocks[id]; ok && l.Blocks[k].Kind == KindCover {
					cover = id
				}
			}
			for j, id := range panel {
				pp := Path(sp, i, j)
				k, ok := blocks[id]
				switch {
				case !ok:
					c.add(pp, "name a block defined under leaflet.blocks", "no block has the id %q", id)
				case placed[id] != "":
					c.add(pp, "a block stands on one panel only", "block %q is placed on %s already", id, placed[id])
				case cover != "" && l.Blocks[k].Kind != KindCover:
					c.add(pp, "move it to another panel", "the cover %q fills its panel alone; block %q cannot stand on it", cover, id)
					placed[id] = "the cover's panel"
				default:
					placed[id] = fmt.Sprintf("%s panel %d", side.name, i+1)
				}
			}
		}
	}
	validateFlow(c, l, blocks)
	kinds := map[string][]int{}
	for i, b := range l.Blocks {
		kinds[b.Kind] = append(kinds[b.Kind], i)
		if _, ok := placed[b.ID]; !ok && b.ID != "" && (l.Outside != nil || l.Inside != nil) {
			c.add(Path("leaflet.blocks", i, "id"), "name it in leaflet.outside or leaflet.inside, or remove it", "block %q is placed on no panel", b.ID)
		}
	}
	for _, k := range []string{KindCover, KindMap, KindMembers, KindQR} {
		for _, i := range kinds[k][min(1, len(kinds[k])):] {
			c.add(Path("leaflet.blocks", i, "kind"), "remove one of them", "the leaflet has one %s block; this is a second", k)
		}
	}
	if (len(kinds[KindMap]) == 0) != (len(kinds[KindMembers]) == 0) {
		i := append(kinds[KindMap], kinds[KindMembers]...)[0]
		c.add(Path("leaflet.blocks", i, "kind"), "add the other one: the members block is the key to the map's numbered markers", "a map block and a members block go together")
	}
}

// blockFields lists, for each kind of block, the fields it prints besides id and kind.
var blockFields = map[string][]string{
	KindText:    {"heading", "paragraphs"},
	KindCover:   {"heading", "subtitle"},
	KindMap:     {"heading", "legend", "caption"},
	KindMembers: {},
	KindOffice:  {"heading", "paragraphs"},
	KindQR:      {"url", "caption"},
	KindFigures: {"heading", "figures"},
	KindQuote:   {"paragraphs", "caption"},
	KindImage:   {"file", "alt", "caption", "credit", "fit", "height_mm"},
}

// blockKeys are the keys a block may hold besides id and kind, in the order of messages.
var blockKeys = []string{"heading", "subtitle", "paragraphs", "legend", "caption", "url", "figures", "file", "alt", "credit", "fit", "height_mm"}

// MaxFigures is the most key figures one block shows (three rows of two).
const MaxFigures = 6

// The height of an image's frame lies in this range, in mm.
const (
	MinImageHeightMM = 10.0
	MaxImageHeightMM = 180.0
)

// validateBlock checks one block's kind, the fields its kind needs and prints (a field it
// would not print is an error, not a datum silently dropped), blank texts and placeholders.
func validateBlock(c *collector, n *Network, p string, b Block) {
	given := map[string]bool{"heading": b.Heading != "", "subtitle": b.Subtitle != "", "paragraphs": b.Paragraphs != nil,
		"legend": b.Legend != nil, "caption": b.Caption != "", "url": b.URL != "", "figures": b.Figures != nil,
		"file": b.File != "", "alt": b.Alt != "", "credit": b.Credit != "", "fit": b.Fit != "", "height_mm": b.HeightMM != nil}
	fields, known := blockFields[b.Kind]
	if !known {
		c.add(Path(p, "kind"), "one of text, cover, map, members, office, qr, figures, quote, image", "unknown block kind %q", b.Kind)
	}
	for _, f := range blockKeys {
		if known && given[f] && !slices.Contains(fields, f) {
			hint := "remove it"
			if len(fields) > 0 {
				hint = "a " + b.Kind + " block prints " + strings.Join(fields, ", ")
			}
			c.add(Path(p, f), hint, "a %s block has no %s", b.Kind, f)
		}
	}
	switch b.Kind {
	case KindText:
		if b.Heading == "" && len(b.Paragraphs) == 0 {
			c.add(p, "", "text block %q has neither heading nor paragraphs", b.ID)
		}
	case KindCover:
		if b.Heading == "" {
			c.add(p, "the heading is the leaflet's title", "cover block %q needs a heading", b.ID)
		}
	case KindMap:
		if b.Legend == nil {
			c.add(p, "add legend: {current: …, former: …}", "map block %q needs a legend", b.ID)
		}
	case KindFigures:
		if len(b.Figures) == 0 {
			c.add(p, "add figures: a list of {value: …, label: …}", "figures block %q has no figures", b.ID)
		}
		if len(b.Figures) > MaxFigures {
			c.add(Path(p, "figures"), "keep the most telling ones", "%d figures are more than the %d a panel shows", len(b.Figures), MaxFigures)
		}
		for i, f := range b.Figures {
			checkText(c, n, Path(p, "figures", i, "value"), f.Value, false)
			checkText(c, n, Path(p, "figures", i, "label"), f.Label, false)
		}
	case KindQuote:
		if len(b.Paragraphs) == 0 {
			c.add(p, "write the quote under paragraphs", "quote block %q has no text", b.ID)
		}
	case KindImage:
		if b.File == "" {
			c.add(p, "add file: the JPEG or PNG file, relative to the data file", "image block %q names no file", b.ID)
		}
		if b.Alt == "" {
			c.add(p, "add alt: a sentence saying what the image shows, for readers who cannot see it", "image block %q has no alternative text", b.ID)
		}
		if b.Fit != "" && b.Fit != FitContain && b.Fit != FitCrop {
			c.add(Path(p, "fit"), "write contain (the whole image) or crop (the image fills the frame)", "unknown fit %q", b.Fit)
		}
		if h := b.HeightMM; h != nil && (*h < MinImageHeightMM || *h > MaxImageHeightMM) {
			c.add(Path(p, "height_mm"), "", "image height %g mm is outside %g to %g mm", *h, MinImageHeightMM, MaxImageHeightMM)
		}
	}
	if b.URL != "" {
		checkURL(c, Path(p, "url"), b.URL)
	}
	texts := map[string]string{"heading": b.Heading, "subtitle": b.Subtitle, "caption": b.Caption, "alt": b.Alt, "credit": b.Credit}
	if b.Legend != nil {
		texts["legend.current"], texts["legend.former"], texts["legend.office"] = b.Legend.Current, b.Legend.Former, b.Legend.Office
	}
	for _, k := range []string{"heading", "subtitle", "caption", "alt", "credit", "legend.current", "legend.former", "legend.office"} {
		checkText(c, n, Path(p, k), texts[k], false)
	}
	for i, t := range b.Paragraphs {
		checkText(c, n, Path(p, "paragraphs", i), t, true)
	}
}

// checkText reports a text of only spaces (or an empty paragraph) and placeholders that
// name no datum or a datum the file leaves empty.
func checkText(c *collector, n *Network, p, text string, paragraph bool) {
	if strings.TrimSpace(text) == "" && (text != "" || paragraph) {
		c.add(p, "write the text, or remove the entry", "the text is blank")
		return
	}
	unknown, empty := n.badPlaceholders(text)
	for _, name := range unknown {
		c.add(p, "known: "+strings.Join(Placeholders(), ", "), "placeholder {{%s}} names no datum", name)
	}
	for _, name := range empty {
		if c.has(name) {
			continue // the datum itself is reported
		}
		c.add(p, "give "+name+" in the file, or take the placeholder out of the text", "placeholder {{%s}} names a datum the file leaves empty", name)
	}
}

var rgbRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// validatePalette checks each colour's CMYK and RGB values.
func validatePalette(c *collector, pl Palette) {
	for _, e := range pl.entries() {
		if e.c == nil {
			continue
		}
		p := Path("leaflet.palette", e.name)
		if len(e.c.CMYK) != 4 {
			c.add(Path(p, "cmyk"), "write four percentages: [c, m, y, k]", "cmyk has %d values, not 4", len(e.c.CMYK))
			continue
		}
		total := 0.0
		for _, v := range e.c.CMYK {
			if v < 0 || v > 100 {
				c.add(Path(p, "cmyk"), "", "cmyk value %g is outside 0 to 100 %%", v)
			}
			total += v
		}
		if total > 300 {
			c.add(Path(p, "cmyk"), "print shops accept at most 300 % total ink on coated paper", "total ink %g %% is over 300 %%", total)
		}
		if e.name == "text" && (e.c.CMYK[0] != 0 || e.c.CMYK[1] != 0 || e.c.CMYK[2] != 0 || e.c.CMYK[3] != 100) {
			c.add(Path(p, "cmyk"), "text is printed in black only: [0, 0, 0, 100]", "the text colour is not 100 %% K")
		}
		if e.c.RGB != "" && !rgbRE.MatchString(e.c.RGB) {
			c.add(Path(p, "rgb"), "write #rrggbb, like #00707a", "%q is not an RGB colour", e.c.RGB)
		}
	}
}

// paletteEntry is one named colour of a palette.
type paletteEntry struct {
	name string
	c    *Colour
}

// entries lists the palette's colours with their keys.
func (pl *Palette) entries() []paletteEntry {
	return []paletteEntry{{"text", pl.Text}, {"accent", pl.Accent}, {"dark", pl.Dark}, {"tint", pl.Tint},
		{"muted", pl.Muted}, {"water", pl.Water}, {"paper", pl.Paper}}
}
