package brochure

import (
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/idna"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// placeholderRE finds {{name}} and {{name|singular|plural}} in a text.
var placeholderRE = regexp.MustCompile(`\{\{\s*([^{}|]*?)\s*(\|[^{}]*)?\}\}`)

// counts are the placeholders that stand for a number; they may carry a singular and a
// plural form: {{members.current|Stadt|Städte}}.
var counts = map[string]func(n *Network) int{
	"members.count":      func(n *Network) int { return len(n.Members) },
	"members.current":    func(n *Network) int { return n.Count().Current },
	"members.former":     func(n *Network) int { return n.Count().Former },
	"areas.count":        func(n *Network) int { return n.Count().Areas },
	"areas.current":      func(n *Network) int { return n.Count().AreasCurrent },
	"institutions.count": func(n *Network) int { return len(n.Institutions) },
}

// placeholders maps each datum a text may name to how it is written.
var placeholders = map[string]func(n *Network) string{
	"network.name":       func(n *Network) string { return n.Network.Name },
	"network.short_name": func(n *Network) string { return n.Network.ShortName },
	"network.founded": func(n *Network) string {
		if n.Network.Founded == 0 {
			return ""
		}
		return strconv.Itoa(n.Network.Founded)
	},
	"network.years": func(n *Network) string {
		if n.Network.Founded == 0 || n.Edition.Stand.Year < n.Network.Founded {
			return ""
		}
		return strconv.Itoa(n.Edition.Stand.Year - n.Network.Founded)
	},
	"network.website":   func(n *Network) string { return DisplayURL(n.Network.Website) },
	"edition.stand":     func(n *Network) string { return n.Edition.Stand.German() },
	"office.host":       func(n *Network) string { return n.Office.Host },
	"office.department": func(n *Network) string { return n.Office.Department },
	"office.people": func(n *Network) string {
		var ps []string
		for _, p := range n.Office.People {
			if p.Role != "" {
				ps = append(ps, p.Name+" ("+p.Role+")")
			} else {
				ps = append(ps, p.Name)
			}
		}
		return strings.Join(ps, ", ")
	},
	"office.street":   func(n *Network) string { return n.Office.Address.Street },
	"office.postcode": func(n *Network) string { return n.Office.Address.Postcode },
	"office.city":     func(n *Network) string { return n.Office.Address.City },
	"office.phones":   func(n *Network) string { return strings.Join(n.Office.Phones, ", ") },
	"office.email":    func(n *Network) string { return n.Office.Email },
	"office.websites": func(n *Network) string {
		ws := make([]string, len(n.Office.Websites))
		for i, w := range n.Office.Websites {
			ws[i] = DisplayURL(w)
		}
		return strings.Join(ws, "\n")
	},
}

// Placeholders lists the names a text may use as {{name}}.
func Placeholders() []string {
	names := make([]string, 0, len(placeholders)+len(counts))
	for k := range placeholders {
		names = append(names, k)
	}
	for k := range counts {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Limits of the texts with their placeholders filled in: a text of the leaflet has some
// hundred bytes and all of them some 15 KB, while a datum of 100 KB named 5,000 times
// would come to 500 MB.
const (
	MaxExpandedText  = 64 << 10 // bytes of one text
	MaxExpandedTexts = 1 << 20  // bytes of the leaflet's texts together
)

// expandedSize is the size text takes with its placeholders filled in, reckoned without
// filling them in; a placeholder that names no datum keeps its size.
func (n *Network) expandedSize(text string) int {
	size := len(text)
	for _, m := range placeholderRE.FindAllStringSubmatchIndex(text, -1) {
		forms := ""
		if m[4] >= 0 {
			forms = text[m[4]:m[5]]
		}
		if v, bad := n.placeholder(text[m[2]:m[3]], forms); bad.IsZero() {
			size += len(v) - (m[1] - m[0])
		}
	}
	return size
}

// blockText is a text of a block that may hold placeholders, with its key in the block.
type blockText struct {
	key  string
	text string
}

// texts lists the texts of a block that may hold placeholders.
func (b Block) texts() []blockText {
	ts := []blockText{{"heading", b.Heading}, {"subtitle", b.Subtitle}, {"caption", b.Caption}}
	if b.Legend != nil {
		ts = append(ts, blockText{"legend.current", b.Legend.Current}, blockText{"legend.former", b.Legend.Former})
	}
	if l := b.Labels; l != nil {
		ts = append(ts, blockText{"labels.lead", l.Lead}, blockText{"labels.phone", l.Phone}, blockText{"labels.email", l.Email}, blockText{"labels.stand", l.Stand})
	}
	for i, p := range b.Paragraphs {
		ts = append(ts, blockText{Path("paragraphs", i), p})
	}
	return ts
}

// checkExpansions reports each text of the leaflet that its placeholders make longer than
// MaxExpandedText, and the text that makes them all longer than MaxExpandedTexts together.
func checkExpansions(c *collector, n *Network) {
	total := 0
	for i, b := range n.Leaflet.Blocks {
		for _, t := range b.texts() {
			p := Path(Path("leaflet.blocks", i), t.key)
			size := len(t.text)
			if !b.Literal {
				size = n.expandedSize(t.text)
			}
			if size > MaxExpandedText {
				msg, hint := TextTooLong(size, b.Literal)
				c.add(p, msg, hint)
				continue
			}
			if total += size; total > MaxExpandedTexts {
				c.add(p, i18n.T("valid.expanded.total", MaxExpandedTexts>>10), i18n.T("valid.expanded.total.hint"))
				return
			}
		}
	}
}

// TextTooLong says that a text of the leaflet has size bytes, more than MaxExpandedText, and
// what to do: with its placeholders filled in, or for a literal text (see Block.Literal) as
// it stands.
func TextTooLong(size int, literal bool) (msg, hint i18n.Text) {
	if literal {
		return i18n.T("valid.literal.text", size>>10, MaxExpandedText>>10), i18n.T("valid.literal.text.hint")
	}
	return i18n.T("valid.expanded.text", size>>10, MaxExpandedText>>10), i18n.T("valid.expanded.text.hint")
}

// Expand replaces every {{name}} in text by the datum it names, and every
// {{count|singular|plural}} by the count with the form that fits it: "1 Stadt", "28
// Städte"; where the forms hold a #, the count stands there instead, and only there
// ({{members.former|eine Stadt|# Städte}}). Load has checked every text of a loaded network, so an error here
// means text did not come from the data file.
func (n *Network) Expand(text string) (string, error) {
	if size := n.expandedSize(text); size > MaxExpandedText {
		msg, _ := TextTooLong(size, false)
		return "", msg
	}
	var bad i18n.Text
	out := placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := placeholderRE.FindStringSubmatch(m)
		s, problem := n.placeholder(sub[1], sub[2])
		if !problem.IsZero() && bad.IsZero() {
			bad = problem
		}
		return s
	})
	if !bad.IsZero() {
		return "", bad
	}
	return out, nil
}

// placeholder writes the datum name with the forms ("|singular|plural" or ""), or says
// what is wrong with it.
func (n *Network) placeholder(name, forms string) (string, i18n.Text) {
	count, isCount := counts[name]
	f, ok := placeholders[name]
	switch {
	case !ok && !isCount:
		return "", i18n.T("valid.placeholder.unknown", name)
	case forms == "" && isCount:
		return strconv.Itoa(count(n)), i18n.Text{}
	case forms == "":
		return f(n), i18n.Text{}
	case !isCount:
		return "", i18n.T("valid.placeholder.forms.count", name)
	}
	fs := strings.Split(forms[1:], "|")
	if len(fs) != 2 || strings.TrimSpace(fs[0]) == "" || strings.TrimSpace(fs[1]) == "" {
		return "", i18n.T("valid.placeholder.forms", name)
	}
	c := count(n)
	form := strings.TrimSpace(fs[1])
	if c == 1 {
		form = strings.TrimSpace(fs[0])
	}
	if strings.Contains(forms, "#") {
		return strings.ReplaceAll(form, "#", strconv.Itoa(c)), i18n.Text{}
	}
	return strconv.Itoa(c) + " " + form, i18n.Text{}
}

// badPlaceholders lists what is wrong with the placeholders in text: names that name no
// datum, forms that do not fit (problems), and data the network leaves empty (empty: they
// would print nothing).
func (n *Network) badPlaceholders(text string) (problems []i18n.Text, empty []string) {
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		s, problem := n.placeholder(m[1], m[2])
		switch {
		case !problem.IsZero():
			problems = append(problems, problem)
		case s == "":
			empty = append(empty, m[1])
		}
	}
	return problems, empty
}

// Counts are the figures the documents print.
type Counts struct {
	// Current and Former count the members by status.
	Current, Former int
	// Areas counts every programme area the data lists, ended ones and those of former
	// members too; AreasCurrent those of current members that have not ended by the
	// edition's Stand.
	Areas, AreasCurrent int
	// ByRegierungsbezirk counts current and former members per Regierungsbezirk, in the
	// official order of Regierungsbezirke.
	ByRegierungsbezirk []RegionCount
}

// RegionCount counts the members of one Regierungsbezirk.
type RegionCount struct {
	Name            string
	Current, Former int
}

// Regierungsbezirke are North Rhine-Westphalia's five government regions in official order.
var Regierungsbezirke = []string{"Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg"}

// Count counts members and programme areas.
func (n *Network) Count() Counts {
	var c Counts
	byRB := map[string]*RegionCount{}
	for _, name := range Regierungsbezirke {
		c.ByRegierungsbezirk = append(c.ByRegierungsbezirk, RegionCount{Name: name})
	}
	for i := range c.ByRegierungsbezirk {
		byRB[c.ByRegierungsbezirk[i].Name] = &c.ByRegierungsbezirk[i]
	}
	for _, m := range n.Members {
		rc := byRB[m.Regierungsbezirk]
		if m.Current() {
			c.Current++
			if rc != nil {
				rc.Current++
			}
		} else {
			c.Former++
			if rc != nil {
				rc.Former++
			}
		}
		c.Areas += len(m.Areas)
		for _, a := range m.Areas {
			if m.Current() && (a.Until.IsZero() || !a.Until.Before(n.Edition.Stand)) {
				c.AreasCurrent++
			}
		}
	}
	return c
}

// DisplayURL writes a web address as people read it: without "https://" and a trailing
// slash, a host in punycode (xn--kln-sna.de) in its Unicode form (köln.de).
func DisplayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	host, rest, _ := strings.Cut(u, "/")
	if h, err := idna.Display.ToUnicode(host); err == nil {
		host = h
	}
	if rest != "" || strings.Contains(u, "/") {
		host += "/" + rest
	}
	return strings.TrimSuffix(host, "/")
}

// LinkURL makes a web address clickable: "https://" is added where no scheme is given, and
// a host with umlauts is written in its ASCII form (IDNA punycode: www.köln.de →
// www.xn--kln-sna.de), as links, QR codes and PDF files need it. An address that cannot be
// converted is returned as it is (the data's checks report it).
func LinkURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		u = "https://" + u
	}
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	ascii, err := idna.Lookup.ToASCII(p.Hostname())
	if err != nil || ascii == p.Hostname() && isASCII(u) {
		return u
	}
	if port := p.Port(); port != "" {
		ascii += ":" + port
	}
	p.Host = ascii
	return p.String()
}

// MailtoURL makes a mailto: link of an e-mail address, its domain in ASCII form (IDNA).
func MailtoURL(address string) string {
	local, domain, ok := strings.Cut(address, "@")
	if !ok {
		return "mailto:" + address
	}
	if ascii, err := idna.Lookup.ToASCII(domain); err == nil {
		domain = ascii
	}
	return "mailto:" + local + "@" + domain
}

// isASCII reports whether s holds ASCII characters only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
