package layout

import (
	"github.com/staedtenetz-nrw/brochure/internal/units"

	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// The member key's type: it shrinks from keySize to keyMinSize before it gives up.
const (
	keySize       = 7.5
	keyMinSize    = 7.0
	keyStep       = 0.25
	keyLeadFactor = 1.3
	keyColumns    = 2
	keyColGap     = 4.0
	markerRadius  = 0.95
)

// listed is a member with its place in the data.
type listed struct {
	brochure.Member
	Index int // in the data's members
}

// alphabetical lists the members in German alphabetical order, as the map numbers them and
// the member list shows them.
func alphabetical(n *brochure.Network) []listed {
	ms := make([]listed, len(n.Members))
	for i, m := range n.Members {
		ms[i] = listed{Member: m, Index: i}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := sortKey(ms[i].City), sortKey(ms[j].City)
		if a != b {
			return a < b
		}
		return ms[i].City < ms[j].City
	})
	return ms
}

// sortKey folds umlauts and ß the way German dictionaries sort them (DIN 5007-1).
var sortKey = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss").Replace

// keyFit finds the type size of the member list for avail mm of height: every member by
// name in columns, from keySize down to keyMinSize. If even that is too high, it is an
// error that says how many members fit; then it returns 0.
func (b *builder) keyFit(p *Panel, i int, avail float64) (size, height float64) {
	blk := &b.n.Leaflet.Blocks[i]
	n := len(b.n.Members)
	if n == 0 {
		return 0, 0
	}
	rows := (n + keyColumns - 1) / keyColumns
	size = keySize
	for ; size > keyMinSize+1e-9; size -= keyStep {
		if b.keyHeight(rows, size) <= avail {
			break
		}
	}
	if b.keyHeight(rows, size) > avail+0.01 {
		lead := units.PtToMM(size * keyLeadFactor)
		fit := int(math.Floor((avail-b.capHeight(size)-b.descent(size))/lead)) + 1
		fit = max(0, fit) * keyColumns
		alone := (int(math.Floor((p.Content.H-b.capHeight(keyMinSize)-b.descent(keyMinSize))/units.PtToMM(keyMinSize*keyLeadFactor))) + 1) * keyColumns
		hint := i18n.T("layout.members.fit.alone.hint", alone)
		if n > alone {
			hint = i18n.T("layout.members.fit.never.hint", alone)
		}
		b.errorf(brochure.Path("leaflet", "blocks", i), p.Name, blk.ID,
			i18n.T("layout.members.fit", n, keyMinSize, fit), hint)
		return 0, 0
	}
	return size, b.keyHeight(rows, size)
}

// keyItems lays out the member list at size pt: every member in German alphabetical order
// in columns, current members with a filled dot in the accent colour, former ones with a
// ring and their names in the muted colour; a member the map numbers shows its number, the
// key to the map's numbers.
func (b *builder) keyItems(p *Panel, i int, size float64) []Item {
	blk := &b.n.Leaflet.Blocks[i]
	ms := alphabetical(b.n)
	if len(ms) == 0 || size == 0 {
		return nil
	}
	rows := (len(ms) + keyColumns - 1) / keyColumns
	lead := units.PtToMM(size * keyLeadFactor)
	colW := (p.Content.W - keyColGap*float64(keyColumns-1)) / keyColumns
	most := 0
	for _, n := range b.numbers {
		most = max(most, n)
	}
	numW := 0.0
	if most > 0 {
		numW = b.fonts["semibold"].Width(strconv.Itoa(most), size) + 1.5
	}
	var items []Item
	for k, m := range ms {
		col, row := k/rows, k%rows
		x := float64(col) * (colW + keyColGap)
		base := b.capHeight(size) + float64(row)*lead
		st := style{font: "regular", size: size, colour: Text}
		if !m.Current() {
			st = style{font: "regular", size: size, colour: Muted}
		}
		r := markerRadius * 0.85
		items = append(items, &Marker{At: Point{x + r, base - b.capHeight(size)/2}, Radius: r, Current: m.Current(), Colour: markerColour(m.Current()),
			Path: brochure.Path("members", m.Index)})
		path := brochure.Path("members", m.Index, "city")
		if num := b.numbers[m.City]; num > 0 {
			text := strconv.Itoa(num)
			nw := b.fonts["semibold"].Width(text, size)
			nx := x + 2*r + 1.2 + numW - 1.5 - nw
			items = append(items, &Line{Font: "semibold", Size: size, Scale: 1, Colour: st.colour, Baseline: base, Block: blk.ID, Path: path,
				Words: []Word{{Text: text, X: nx, W: nw}}})
		}
		name := m.City
		if miss := b.fonts[st.font].Missing(name); len(miss) > 0 {
			b.errorf(path, p.Name, blk.ID, i18n.T("layout.glyph", st.font, glyphs(miss[:1])), i18n.T("layout.glyph.hint"))
			continue
		}
		nameX := x + 2*r + 1.2 + numW
		w := b.fonts[st.font].Width(name, size)
		if nameX+w > x+colW+0.01 {
			b.errorf(path, p.Name, blk.ID, i18n.T("layout.name.wide", name, mm(nameX+w-x-colW)), i18n.T("layout.name.wide.hint"))
		}
		items = append(items, &Line{Font: st.font, Size: size, Scale: 1, Colour: st.colour, Baseline: base, Block: blk.ID, Path: path,
			Words: []Word{{Text: name, X: nameX, W: w}}})
	}
	return items
}

// keyHeight is the height of a key of rows rows at size pt.
func (b *builder) keyHeight(rows int, size float64) float64 {
	return b.capHeight(size) + b.descent(size) + float64(rows-1)*units.PtToMM(size*keyLeadFactor)
}

// markerColour is the colour of a current or former member's marker.
func markerColour(current bool) string {
	if current {
		return Accent
	}
	return Muted
}
