package brochure

import (
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// where names the value at path for people: members, areas, blocks, institutions, sources
// and people by their names, lists counted from 1, keys as they are written in the file.
// "members[19].status" reads `member "Krefeld" (no. 20), status`. A block of the standard
// leaflet (see StandardBlocks) is said to be one.
func (n *Network) where(path string) []i18n.Text {
	var parts []i18n.Text
	if n.Leaflet.Standard && strings.HasPrefix(path, "leaflet.blocks[") {
		// The block is not in the file: say whose it is.
		parts = append(parts, i18n.T("where.standard"))
	}
	var keys []string // keys not yet named, since the last list item
	at := ""          // the path so far
	flush := func() {
		if len(keys) > 0 {
			parts = append(parts, i18n.T("where.key", strings.Join(keys, ".")))
			keys = nil
		}
	}
	for rest := path; rest != ""; {
		if rest[0] == '[' {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				break
			}
			i, err := strconv.Atoi(rest[1:end])
			if err != nil {
				break
			}
			label, named := n.item(at, i)
			if named {
				keys = nil
			} else if len(keys) == 0 {
				label = i18n.T("where.entry", i+1)
			} else {
				label = i18n.T("where.item", strings.Join(keys, "."), i+1)
				keys = nil
			}
			parts = append(parts, label)
			at += rest[:end+1]
			rest = rest[end+1:]
			continue
		}
		rest = strings.TrimPrefix(rest, ".")
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		keys = append(keys, rest[:end])
		at = Path(at, rest[:end])
		rest = rest[end:]
	}
	flush()
	return parts
}

// item names item i of the list at path, when the list is one whose items have names;
// named is false otherwise.
func (n *Network) item(path string, i int) (label i18n.Text, named bool) {
	pick := func(name string, named, nameless i18n.Text) (i18n.Text, bool) {
		if strings.TrimSpace(name) == "" {
			return nameless, true
		}
		return named, true
	}
	if n == nil || i < 0 {
		return i18n.Text{}, false
	}
	switch {
	case path == "members" && i < len(n.Members):
		return pick(n.Members[i].City, i18n.T("where.member", n.Members[i].City, i+1), i18n.T("where.member.noname", i+1))
	case path == "leaflet.blocks" && i < len(n.Leaflet.Blocks):
		return pick(n.Leaflet.Blocks[i].ID, i18n.T("where.block", n.Leaflet.Blocks[i].ID, i+1), i18n.T("where.block.noname", i+1))
	case path == "institutions" && i < len(n.Institutions):
		return pick(n.Institutions[i].Name, i18n.T("where.institution", n.Institutions[i].Name, i+1), i18n.T("where.institution.noname", i+1))
	case path == "sources" && i < len(n.Sources):
		return pick(n.Sources[i].ID, i18n.T("where.source", n.Sources[i].ID, i+1), i18n.T("where.source.noname", i+1))
	case path == "office.people" && i < len(n.Office.People):
		return pick(n.Office.People[i].Name, i18n.T("where.person", n.Office.People[i].Name, i+1), i18n.T("where.person.noname", i+1))
	case path == "leaflet.outside":
		return i18n.T("where.outside", i+1), true
	case path == "leaflet.inside":
		return i18n.T("where.inside", i+1), true
	case strings.HasPrefix(path, "members[") && strings.HasSuffix(path, "].areas"):
		m, err := strconv.Atoi(path[len("members[") : len(path)-len("].areas")])
		if err == nil && m >= 0 && m < len(n.Members) && i < len(n.Members[m].Areas) {
			return pick(n.Members[m].Areas[i].Name, i18n.T("where.area", n.Members[m].Areas[i].Name, i+1), i18n.T("where.area.noname", i+1))
		}
		return i18n.T("where.area.noname", i+1), true
	}
	return i18n.Text{}, false
}
