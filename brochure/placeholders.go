package brochure

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// placeholderRE finds {{name}} in a text.
var placeholderRE = regexp.MustCompile(`\{\{\s*([^{}]*?)\s*\}\}`)

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
	"members.count":      func(n *Network) string { return strconv.Itoa(len(n.Members)) },
	"members.current":    func(n *Network) string { return strconv.Itoa(n.Count().Current) },
	"members.former":     func(n *Network) string { return strconv.Itoa(n.Count().Former) },
	"areas.count":        func(n *Network) string { return strconv.Itoa(n.Count().Areas) },
	"institutions.count": func(n *Network) string { return strconv.Itoa(len(n.Institutions)) },
}

// Placeholders lists the names a text may use as {{name}}.
func Placeholders() []string {
	names := make([]string, 0, len(placeholders))
	for k := range placeholders {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Expand replaces every {{name}} in text by the datum it names. Load has checked every text
// of a loaded network, so an error here means text did not come from the data file.
func (n *Network) Expand(text string) (string, error) {
	var bad []string
	out := placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		f, ok := placeholders[name]
		if !ok {
			bad = append(bad, name)
			return m
		}
		return f(n)
	})
	if len(bad) > 0 {
		return "", fmt.Errorf("unknown placeholder {{%s}}", bad[0])
	}
	return out, nil
}

// badPlaceholders lists the placeholders in text that name no datum, and those whose datum
// the network leaves empty (they would print nothing).
func (n *Network) badPlaceholders(text string) (unknown, empty []string) {
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		f, ok := placeholders[m[1]]
		switch {
		case !ok:
			unknown = append(unknown, m[1])
		case f(n) == "":
			empty = append(empty, m[1])
		}
	}
	return unknown, empty
}

// Counts are the figures the documents print.
type Counts struct {
	Current, Former, Areas int
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
	}
	return c
}

// DisplayURL writes a web address as people read it: without "https://" and a trailing slash.
func DisplayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// LinkURL makes a web address clickable: "https://" is added where no scheme is given.
func LinkURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return "https://" + u
}
