package paint

import (
	"fmt"
	"sort"

	"codeberg.org/go-pdf/fpdf"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfua"
)

// tagger marks what the painter paints into the screen file for its structure tree: each
// piece of content that the plan's structure names as "/Tag <</MCID n>> BDC … EMC", with n
// counting on each page, everything else as "/Artifact BMC … EMC". It is the painter's one
// hook for tags: page at every new page, item before every item, word before every word of
// a line and end after a page's items. Afterwards nodes turns the plan's structure into the
// tree that pdfua.Finish writes. A nil tagger (the print files) does nothing.
type tagger struct {
	pdf   *fpdf.Fpdf
	parts map[layout.Item][]part // the pieces of content of each item, by first word

	page, mcid int
	links      int          // link annotations painted on the page
	cur        *layout.Elem // the piece whose marked content is open
	artifact   bool         // an artifact is open

	mc     map[*layout.Elem][2]int // page and MCID of each piece painted
	annots map[*layout.Link][2]int // page and index of each link annotation
}

// part is a piece of content and the role of the element it belongs to (the tag of its
// marked content).
type part struct {
	elem *layout.Elem
	tag  string
}

func newTagger(pdf *fpdf.Fpdf, structure *layout.Elem) *tagger {
	t := &tagger{pdf: pdf, parts: map[layout.Item][]part{}, mc: map[*layout.Elem][2]int{}, annots: map[*layout.Link][2]int{}}
	var visit func(e *layout.Elem)
	visit = func(e *layout.Elem) {
		for _, k := range e.Kids {
			if k.Item != nil {
				t.parts[k.Item] = append(t.parts[k.Item], part{k, e.Role})
			}
			visit(k)
		}
	}
	if structure != nil {
		visit(structure)
	}
	for _, ps := range t.parts {
		sort.Slice(ps, func(i, j int) bool { return ps[i].elem.From < ps[j].elem.From })
	}
	return t
}

// newPage starts counting MCIDs and links afresh.
func (t *tagger) newPage() {
	if t == nil {
		return
	}
	t.page++
	t.mcid, t.links = 0, 0
}

// item opens the marked content of the item about to be painted (of a line: its first
// word), or counts the link annotation it makes.
func (t *tagger) item(it layout.Item) {
	if t == nil {
		return
	}
	switch v := it.(type) {
	case *layout.Link:
		t.annots[v] = [2]int{t.page, t.links}
		t.links++
	case *layout.Bookmark:
	default:
		t.word(it, 0)
	}
}

// word opens the marked content of word w of item it, unless it is open already.
func (t *tagger) word(it layout.Item, w int) {
	if t == nil {
		return
	}
	var p *part
	for i, q := range t.parts[it] {
		if q.elem.To == 0 || w >= q.elem.From && w < q.elem.To {
			p = &t.parts[it][i]
			break
		}
	}
	switch {
	case p == nil && t.artifact, p != nil && p.elem == t.cur:
		return
	}
	t.end()
	if p == nil {
		t.pdf.RawWriteStr("/Artifact BMC")
		t.artifact = true
		return
	}
	t.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", p.tag, t.mcid))
	t.mc[p.elem] = [2]int{t.page, t.mcid}
	t.mcid++
	t.cur = p.elem
}

// end closes the open marked content.
func (t *tagger) end() {
	if t == nil || t.cur == nil && !t.artifact {
		return
	}
	t.pdf.RawWriteStr("EMC")
	t.cur, t.artifact = nil, false
}

// nodes turns the structure element e into the tree pdfua.Finish writes, with the MCIDs
// and annotations that painting gave its content and links.
func (t *tagger) nodes(e *layout.Elem) (*pdfua.Node, error) {
	if e.Item != nil {
		at, ok := t.mc[e]
		if !ok {
			return nil, fmt.Errorf("the structure names a %T that was not painted", e.Item)
		}
		return &pdfua.Node{Page: at[0], MCID: at[1]}, nil
	}
	n := &pdfua.Node{Role: e.Role}
	if e.Role == "Figure" {
		n.Alt = e.Alt
	}
	if e.Link != nil {
		at, ok := t.annots[e.Link]
		if !ok {
			return nil, fmt.Errorf("the structure names a link to %s that was not painted", e.Link.URL)
		}
		n.Annot = &pdfua.Annot{Page: at[0], Index: at[1], Contents: e.Alt}
	}
	for _, k := range e.Kids {
		kn, err := t.nodes(k)
		if err != nil {
			return nil, err
		}
		n.Kids = append(n.Kids, kn)
	}
	return n, nil
}
