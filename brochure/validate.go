package brochure

import (
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// validate checks the rules a decoded network must keep, recording every violation.
func validate(c *collector, n *Network) {
	checkURL(c, "network.website", n.Network.Website)
	if l := n.Edition.Language; l != "" && !regexp.MustCompile(`^[a-z]{2}(-[A-Z]{2})?$`).MatchString(l) {
		c.add("edition.language", i18n.T("valid.language", l), i18n.T("valid.language.hint"))
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
			c.add(Path(p, "id"), i18n.T("valid.source.twice", s.ID, j+1), i18n.T("valid.source.twice.hint"))
		}
		ids[s.ID] = i
		checkURL(c, Path(p, "url"), s.URL)
	}
	validateLeaflet(c, n)
	checkExpansions(c, n)
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
		c.add("office.address.postcode", i18n.T("valid.postcode", pc), i18n.T("valid.postcode.hint"))
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
			c.add(Path(p, "city"), i18n.T("valid.city.twice", m.City, j+1), i18n.T("valid.city.twice.hint"))
		} else {
			names[key] = i
		}
		switch {
		case m.AGS == "":
			// missing: reported by the decoder
		case !agsRE.MatchString(m.AGS):
			c.add(Path(p, "ags"), i18n.T("valid.ags", m.AGS), i18n.T("valid.ags.hint"))
		case !strings.HasPrefix(m.AGS, "05"):
			c.add(Path(p, "ags"), i18n.T("valid.ags.nrw", m.AGS), i18n.T("valid.ags.nrw.hint"))
		default:
			if j, dup := agss[m.AGS]; dup {
				c.add(Path(p, "ags"), i18n.T("valid.ags.twice", m.AGS, n.Members[j].City, j+1), i18n.T("valid.ags.twice.hint"))
			} else {
				agss[m.AGS] = i
			}
		}
		if m.Regierungsbezirk != "" && !slices.Contains(Regierungsbezirke, m.Regierungsbezirk) {
			c.add(Path(p, "regierungsbezirk"), i18n.T("valid.rb", m.Regierungsbezirk), regierungsbezirkHint(m.Regierungsbezirk))
		}
		checkLocation(c, Path(p, "location"), m.Location)
		checkMembership(c, p, m)
		for j, a := range m.Areas {
			ap := Path(p, "areas", j)
			if a.Name != "" && strings.TrimSpace(a.Name) == "" {
				c.add(Path(ap, "name"), i18n.T("valid.area.name"))
			}
			if !a.Since.IsZero() && !a.Until.IsZero() && a.Until.Before(a.Since) {
				c.add(Path(ap, "until"), i18n.T("valid.area.order", a.Until.String(), a.Since.String()))
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
			c.add(Path(p, "left"), i18n.T("valid.current.left"), i18n.T("valid.current.left.hint"))
		}
	case StatusFormer:
		lp := Path(p, "left")
		_, written := c.pos[lp]
		switch {
		case !m.Left.IsZero() || c.has(lp):
			// given, or reported as written wrongly
		case written:
			c.add(lp, i18n.T("valid.left.empty"), i18n.T("valid.left.empty.hint", LeftUnknown))
		default:
			c.add(Path(p, "status"), i18n.T("valid.former.left"), i18n.T("valid.former.left.hint", LeftUnknown))
		}
	case "":
	default:
		c.add(Path(p, "status"), i18n.T("status.unknown", m.Status), statusHint(m.Status))
	}
	if !m.Joined.IsZero() && !m.Left.Date.IsZero() && m.Left.Date.Before(m.Joined) {
		c.add(Path(p, "left"), i18n.T("valid.left.order", m.Left.String(), m.Joined.String()))
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
	hint := i18n.T("valid.location.hint", minLat, maxLat, minLon, maxLon)
	if in(l.Lon, l.Lat) {
		hint = i18n.T("valid.location.swapped.hint")
	}
	c.add(p, i18n.T("valid.location", l.Lat, l.Lon), hint)
}

// checkPerson checks a contact person's e-mail and phone.
func checkPerson(c *collector, p string, pr Person) {
	if pr.Name != "" && strings.TrimSpace(pr.Name) == "" {
		c.add(Path(p, "name"), i18n.T("valid.name.empty"))
	}
	checkEmail(c, Path(p, "email"), pr.Email)
	checkPhone(c, Path(p, "phone"), pr.Phone)
}

var emailRE = regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$`)

// checkEmail checks an e-mail address, if given. Its domain may be an internationalised
// one (info@köln.de): it is checked in its ASCII form.
func checkEmail(c *collector, p, e string) {
	if e == "" {
		return
	}
	ascii := strings.TrimPrefix(MailtoURL(e), "mailto:")
	if _, err := mail.ParseAddress(ascii); err != nil || !emailRE.MatchString(ascii) {
		c.add(p, i18n.T("valid.email", e), i18n.T("valid.email.hint"))
	}
}

var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 /()\-]{4,24}[0-9]$`)

// checkPhone checks a phone number, if given.
func checkPhone(c *collector, p, ph string) {
	if ph == "" {
		return
	}
	if !phoneRE.MatchString(ph) {
		c.add(p, i18n.T("valid.phone", ph), i18n.T("valid.phone.hint"))
	}
}

var hostRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+([a-z]{2,}|xn--[a-z0-9\-]+)$`)

// checkURL checks a web address, if given; "https://" may be left out. A host with umlauts
// (www.köln.de) is checked in its ASCII form (IDNA).
func checkURL(c *collector, p, u string) {
	if u == "" {
		return
	}
	parsed, err := url.Parse(LinkURL(u))
	if err != nil || strings.ContainsAny(u, " \t\n") || !hostRE.MatchString(strings.ToLower(parsed.Hostname())) || parsed.User != nil {
		c.add(p, i18n.T("valid.url", u), i18n.T("valid.url.hint"))
	}
}

// validateLeaflet checks the leaflet's format, palette, panels and blocks.
func validateLeaflet(c *collector, n *Network) {
	l := &n.Leaflet
	switch l.Fold {
	case "", FoldWickelfalz, FoldZickzack:
	default:
		c.add("leaflet.fold", i18n.T("valid.fold", l.Fold), i18n.T("valid.fold.hint"))
	}
	if l.BleedMM != nil && (*l.BleedMM < 0 || *l.BleedMM > 5) {
		c.add("leaflet.bleed_mm", i18n.T("valid.bleed", *l.BleedMM), i18n.T("valid.bleed.hint"))
	}
	if l.InsetMM != nil && (*l.InsetMM < MinInsetMM || *l.InsetMM > MaxInsetMM) {
		c.add("leaflet.inset_mm", i18n.T("valid.inset", *l.InsetMM, MinInsetMM, MaxInsetMM), i18n.T("valid.inset.hint"))
	}
	if l.OutputCondition != "" && !slices.Contains(OutputConditions, strings.ToUpper(strings.TrimSpace(l.OutputCondition))) {
		c.add("leaflet.output_condition", i18n.T("valid.condition", l.OutputCondition, strings.Join(OutputConditions, ", ")), i18n.T("valid.condition.hint"))
	}
	if l.SafetyMM != nil && (*l.SafetyMM < MinSafetyMM || *l.SafetyMM > MaxSafetyMM) {
		c.add("leaflet.safety_mm", i18n.T("valid.safety", *l.SafetyMM, MinSafetyMM, MaxSafetyMM), i18n.T("valid.safety.hint", MinSafetyMM, DefaultSafetyMM))
	}
	if l.InsetMM != nil && l.Fold == FoldZickzack {
		c.add("leaflet.inset_mm", i18n.T("valid.inset.zickzack"), i18n.T("valid.inset.zickzack.hint"))
	}
	validatePalette(c, l.Palette)
	blocks := map[string]int{}
	for i, b := range l.Blocks {
		p := Path("leaflet.blocks", i)
		if j, dup := blocks[b.ID]; dup {
			c.add(Path(p, "id"), i18n.T("valid.block.twice", b.ID, j+1), i18n.T("valid.block.twice.hint"))
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
		c.add("leaflet", i18n.T("valid.plan.half", given, missing), i18n.T("valid.plan.half.hint"))
	}
	placed := map[string]i18n.Text{}
	for _, side := range []struct {
		name   string
		panels [][]string
	}{{"outside", l.Outside}, {"inside", l.Inside}} {
		sp := Path("leaflet", side.name)
		if side.panels != nil && len(side.panels) != 3 {
			c.add(sp, i18n.T("valid.panels", side.name, len(side.panels)), i18n.T("valid.panels.hint"))
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
					c.add(pp, i18n.T("valid.block.none", id), i18n.T("valid.block.none.hint"))
				case !placed[id].IsZero():
					c.add(pp, i18n.T("valid.block.placed", id, placed[id]), i18n.T("valid.block.placed.hint"))
				case cover != "" && l.Blocks[k].Kind != KindCover:
					c.add(pp, i18n.T("valid.cover.alone", cover, id), i18n.T("valid.cover.alone.hint"))
					placed[id] = i18n.T("valid.panel.cover")
				default:
					placed[id] = i18n.T("valid.panel.inside", i+1)
					if side.name == "outside" {
						placed[id] = i18n.T("valid.panel.outside", i+1)
					}
				}
			}
		}
	}
	validateFlow(c, l, blocks)
	kinds := map[string][]int{}
	for i, b := range l.Blocks {
		kinds[b.Kind] = append(kinds[b.Kind], i)
		if _, ok := placed[b.ID]; !ok && b.ID != "" && (l.Outside != nil || l.Inside != nil) {
			c.add(Path("leaflet.blocks", i, "id"), i18n.T("valid.block.unplaced", b.ID), i18n.T("valid.block.unplaced.hint"))
		}
	}
	for _, k := range []string{KindCover, KindMap, KindMembers, KindQR} {
		for _, i := range kinds[k][min(1, len(kinds[k])):] {
			c.add(Path("leaflet.blocks", i, "kind"), i18n.T("valid.block.second", k), i18n.T("valid.block.second.hint"))
		}
	}
	if (len(kinds[KindMap]) == 0) != (len(kinds[KindMembers]) == 0) {
		i := append(kinds[KindMap], kinds[KindMembers]...)[0]
		c.add(Path("leaflet.blocks", i, "kind"), i18n.T("valid.map.members"), i18n.T("valid.map.members.hint"))
	}
}

// blockFields lists, for each kind of block, the fields it prints besides id and kind.
var blockFields = map[string][]string{
	KindText:    {"heading", "paragraphs"},
	KindCover:   {"heading", "subtitle", "heading_pt"},
	KindMap:     {"heading", "legend", "caption"},
	KindMembers: {},
	KindOffice:  {"heading", "paragraphs", "labels"},
	KindQR:      {"url", "caption"},
	KindFigures: {"heading", "figures"},
	KindQuote:   {"paragraphs", "caption"},
	KindImage:   {"file", "alt", "caption", "credit", "fit", "height_mm"},
}

// blockKeys are the keys a block may hold besides id and kind, in the order of messages.
var blockKeys = []string{"heading", "subtitle", "heading_pt", "paragraphs", "legend", "labels", "caption", "url", "figures", "file", "alt", "credit", "fit", "height_mm"}

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
	given := map[string]bool{"heading": b.Heading != "", "subtitle": b.Subtitle != "", "heading_pt": b.HeadingPt != nil,
		"paragraphs": b.Paragraphs != nil, "legend": b.Legend != nil, "labels": b.Labels != nil, "caption": b.Caption != "", "url": b.URL != "",
		"figures": b.Figures != nil, "file": b.File != "", "alt": b.Alt != "", "credit": b.Credit != "", "fit": b.Fit != "",
		"height_mm": b.HeightMM != nil}
	fields, known := blockFields[b.Kind]
	if !known {
		c.add(Path(p, "kind"), i18n.T("valid.kind", b.Kind), i18n.T("valid.kind.hint"))
	}
	for _, f := range blockKeys {
		if known && given[f] && !slices.Contains(fields, f) {
			hint := i18n.T("valid.field.remove.hint")
			if len(fields) > 0 {
				hint = i18n.T("valid.field.hint", b.Kind, strings.Join(fields, ", "))
			}
			c.add(Path(p, f), i18n.T("valid.field", b.Kind, f), hint)
		}
	}
	switch b.Kind {
	case KindText:
		if b.Heading == "" && len(b.Paragraphs) == 0 {
			c.add(p, i18n.T("valid.text.empty", b.ID))
		}
	case KindCover:
		if b.Heading == "" {
			c.add(p, i18n.T("valid.cover.heading", b.ID), i18n.T("valid.cover.heading.hint"))
		}
	case KindMap:
		if b.Legend == nil {
			c.add(p, i18n.T("valid.map.legend", b.ID), i18n.T("valid.map.legend.hint"))
		}
	case KindOffice:
		if b.Labels != nil && len(b.Paragraphs) > 0 {
			c.add(Path(p, "labels"), i18n.T("valid.office.labels", b.ID), i18n.T("valid.office.labels.hint"))
		}
	case KindFigures:
		if len(b.Figures) == 0 {
			c.add(p, i18n.T("valid.figures.none", b.ID), i18n.T("valid.figures.none.hint"))
		}
		if len(b.Figures) > MaxFigures {
			c.add(Path(p, "figures"), i18n.T("valid.figures.many", len(b.Figures), MaxFigures), i18n.T("valid.figures.many.hint"))
		}
		for i, f := range b.Figures {
			checkText(c, n, Path(p, "figures", i, "value"), f.Value, false)
			checkText(c, n, Path(p, "figures", i, "label"), f.Label, false)
		}
	case KindQuote:
		if len(b.Paragraphs) == 0 {
			c.add(p, i18n.T("valid.quote.empty", b.ID), i18n.T("valid.quote.empty.hint"))
		}
	case KindImage:
		if b.File == "" {
			c.add(p, i18n.T("valid.image.file", b.ID), i18n.T("valid.image.file.hint"))
		}
		if b.Alt == "" {
			c.add(p, i18n.T("valid.image.alt", b.ID), i18n.T("valid.image.alt.hint"))
		}
		if b.Fit != "" && b.Fit != FitContain && b.Fit != FitCrop {
			c.add(Path(p, "fit"), i18n.T("valid.image.fit", b.Fit), i18n.T("valid.image.fit.hint"))
		}
		if h := b.HeightMM; h != nil && (*h < MinImageHeightMM || *h > MaxImageHeightMM) {
			c.add(Path(p, "height_mm"), i18n.T("valid.image.height", *h, MinImageHeightMM, MaxImageHeightMM), i18n.T("valid.image.height.hint"))
		}
	}
	if b.URL != "" {
		checkURL(c, Path(p, "url"), b.URL)
	}
	if pt := b.HeadingPt; pt != nil && (*pt < CoverTitleMinPt || *pt > CoverTitleMaxPt) {
		c.add(Path(p, "heading_pt"), i18n.T("valid.title.size", *pt, CoverTitleMinPt, CoverTitleMaxPt), i18n.T("valid.title.size.hint"))
	}
	texts := map[string]string{"heading": b.Heading, "subtitle": b.Subtitle, "caption": b.Caption, "alt": b.Alt, "credit": b.Credit}
	if b.Legend != nil {
		texts["legend.current"], texts["legend.former"], texts["legend.office"] = b.Legend.Current, b.Legend.Former, b.Legend.Office
	}
	check := checkText
	if b.Literal {
		check = checkBlank
	}
	for _, k := range []string{"heading", "subtitle", "caption", "alt", "credit", "legend.current", "legend.former", "legend.office"} {
		check(c, n, Path(p, k), texts[k], false)
	}
	for i, t := range b.Paragraphs {
		check(c, n, Path(p, "paragraphs", i), t, true)
	}
	if b.Labels != nil {
		checkLabels(c, n, Path(p, "labels"), *b.Labels)
	}
}

// checkLabels checks an office block's labels like other texts; a label that is given but
// blank is an error too, since it would not print the default either.
func checkLabels(c *collector, n *Network, p string, l OfficeLabels) {
	def := DefaultOfficeLabels
	for _, f := range []struct{ key, text, def string }{
		{"lead", l.Lead, def.Lead}, {"phone", l.Phone, def.Phone}, {"email", l.Email, def.Email}, {"stand", l.Stand, def.Stand},
	} {
		path := Path(p, f.key)
		if _, given := c.pos[path]; given && strings.TrimSpace(f.text) == "" {
			c.add(path, i18n.T("valid.blank"), i18n.T("valid.label.blank.hint", f.key, f.def))
			continue
		}
		checkText(c, n, path, f.text, false)
	}
}

// checkBlank reports a text of only spaces (or an empty paragraph) and tells whether it did.
func checkBlank(c *collector, _ *Network, p, text string, paragraph bool) bool {
	if strings.TrimSpace(text) == "" && (text != "" || paragraph) {
		c.add(p, i18n.T("valid.blank"), i18n.T("valid.blank.hint"))
		return true
	}
	return false
}

// checkText reports a text of only spaces (or an empty paragraph) and placeholders that
// name no datum or a datum the file leaves empty, and tells whether it reported any.
func checkText(c *collector, n *Network, p, text string, paragraph bool) bool {
	if checkBlank(c, n, p, text, paragraph) {
		return true
	}
	problems, empty := n.badPlaceholders(text)
	for _, problem := range problems {
		hint := i18n.T("valid.placeholder.forms.hint")
		if problem.ID == "valid.placeholder.unknown" {
			hint = i18n.T("valid.placeholder.unknown.hint", strings.Join(Placeholders(), ", "))
		}
		c.add(p, problem, hint)
	}
	for _, name := range empty {
		if c.has(name) {
			continue // the datum itself is reported
		}
		c.add(p, i18n.T("valid.placeholder.empty", name), i18n.T("valid.placeholder.empty.hint", name))
	}
	return len(problems)+len(empty) > 0
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
			c.add(Path(p, "cmyk"), i18n.T("valid.cmyk.count", len(e.c.CMYK)), i18n.T("valid.cmyk.count.hint"))
			continue
		}
		total := 0.0
		for _, v := range e.c.CMYK {
			if v < 0 || v > 100 {
				c.add(Path(p, "cmyk"), i18n.T("valid.cmyk.range", v))
			}
			total += v
		}
		if total > 300 {
			c.add(Path(p, "cmyk"), i18n.T("valid.cmyk.total", total), i18n.T("valid.cmyk.total.hint"))
		}
		if e.name == "text" && (e.c.CMYK[0] != 0 || e.c.CMYK[1] != 0 || e.c.CMYK[2] != 0 || e.c.CMYK[3] != 100) {
			c.add(Path(p, "cmyk"), i18n.T("valid.cmyk.text"), i18n.T("valid.cmyk.text.hint"))
		}
		if e.c.RGB != "" && !rgbRE.MatchString(e.c.RGB) {
			c.add(Path(p, "rgb"), i18n.T("valid.rgb", e.c.RGB), i18n.T("valid.rgb.hint"))
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
