package pdfua

import (
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
)

// tree writes the structure tree of one file.
type tree struct {
	doc   *pdfedit.Doc
	pages int
	// mcids counts the marked content of each page (1-based) that the tree names.
	mcids map[int]map[int]bool
	// annots are the Link elements' annotations in page order, with their objects.
	annots   []*Annot
	annotRef map[*Annot]types.IndirectRef
	pageRef  []types.IndirectRef // by page, 1-based
	// parent is the element that holds each page's MCIDs; linkElem the element of each
	// annotation.
	parent   map[int]map[int]types.IndirectRef
	linkElem map[*Annot]types.IndirectRef
}

// collect checks the tree: every element has a role, every MCID stands once and those of a
// page run from 0 without a gap, every annotation is named once.
func (t *tree) collect(root *Node) error {
	t.mcids = map[int]map[int]bool{}
	seen := map[[2]int]bool{}
	var err error
	var visit func(n *Node, depth int)
	visit = func(n *Node, depth int) {
		if err != nil {
			return
		}
		switch {
		case depth > 100:
			err = fmt.Errorf("the structure is nested deeper than 100 elements")
			return
		case n.Role == "" && len(n.Kids) > 0:
			err = fmt.Errorf("marked content %d on page %d has kids", n.MCID, n.Page)
			return
		case n.Role == "":
			if n.Page < 1 || n.Page > t.pages || n.MCID < 0 {
				err = fmt.Errorf("marked content %d on page %d: no such page", n.MCID, n.Page)
				return
			}
			if t.mcids[n.Page] == nil {
				t.mcids[n.Page] = map[int]bool{}
			}
			if t.mcids[n.Page][n.MCID] {
				err = fmt.Errorf("marked content %d on page %d stands twice in the structure", n.MCID, n.Page)
				return
			}
			t.mcids[n.Page][n.MCID] = true
			return
		}
		if n.Annot != nil {
			k := [2]int{n.Annot.Page, n.Annot.Index}
			if seen[k] {
				err = fmt.Errorf("annotation %d on page %d stands twice in the structure", n.Annot.Index, n.Annot.Page)
				return
			}
			seen[k] = true
			t.annots = append(t.annots, n.Annot)
		}
		for _, k := range n.Kids {
			visit(k, depth+1)
		}
	}
	visit(root, 0)
	if err != nil {
		return err
	}
	for p, ids := range t.mcids {
		for id := range ids {
			if id >= len(ids) {
				return fmt.Errorf("page %d: the structure names marked content %d but only %d pieces of it", p, id, len(ids))
			}
		}
	}
	sort.SliceStable(t.annots, func(i, j int) bool {
		a, b := t.annots[i], t.annots[j]
		return a.Page < b.Page || a.Page == b.Page && a.Index < b.Index
	})
	return nil
}

// pagesAndAnnots gives every page its /StructParents key and tab order, and makes each
// annotation an object of its own with its /StructParent key and /Contents; an annotation
// the tree does not name is an error (PDF/UA wants every annotation tagged).
func (t *tree) pagesAndAnnots() error {
	doc := t.doc
	byPlace := map[[2]int]*Annot{}
	for _, a := range t.annots {
		byPlace[[2]int{a.Page, a.Index}] = a
	}
	t.pageRef = make([]types.IndirectRef, t.pages+1)
	t.annotRef = map[*Annot]types.IndirectRef{}
	for p := 1; p <= t.pages; p++ {
		d, num, _, err := doc.Page(p)
		if err != nil {
			return err
		}
		t.pageRef[p] = *types.NewIndirectRef(num, 0)
		d["StructParents"] = types.Integer(p - 1)
		d["Tabs"] = types.Name("S")
		arr, err := doc.XRef.DereferenceArray(d["Annots"])
		if err != nil {
			return fmt.Errorf("page %d: /Annots: %w", p, err)
		}
		refs := types.Array{}
		for i, o := range arr {
			a := byPlace[[2]int{p, i}]
			if a == nil {
				return fmt.Errorf("page %d: annotation %d is not in the structure", p, i)
			}
			tag := func(ad types.Dict) {
				ad["StructParent"] = types.Integer(t.pages + t.annotIndex(a))
				ad["Contents"] = pdfedit.TextString(a.Contents)
				ad["P"] = t.pageRef[p]
			}
			var ref types.IndirectRef
			switch v := o.(type) {
			case types.Dict: // fpdf writes its links into the page: make each an object
				ad := v.Clone().(types.Dict)
				tag(ad)
				ref = doc.Add(ad)
			case types.IndirectRef:
				ad, err := doc.Edit(v.ObjectNumber.Value())
				if err != nil {
					return fmt.Errorf("page %d: annotation %d: %w", p, i, err)
				}
				tag(ad)
				ref = v
			default:
				return fmt.Errorf("page %d: annotation %d is not a dictionary", p, i)
			}
			t.annotRef[a] = ref
			refs = append(refs, ref)
		}
		if len(arr) > 0 {
			d["Annots"] = refs
		}
	}
	for _, a := range t.annots {
		if _, ok := t.annotRef[a]; !ok {
			return fmt.Errorf("the structure names annotation %d on page %d, which the page does not have", a.Index, a.Page)
		}
	}
	return nil
}

// annotIndex is a's place among the annotations in page order.
func (t *tree) annotIndex(a *Annot) int {
	for i, b := range t.annots {
		if a == b {
			return i
		}
	}
	return -1
}

// write writes element n under the element or root parent and returns its reference.
func (t *tree) write(n *Node, parent types.IndirectRef) types.IndirectRef {
	if t.parent == nil {
		t.parent = map[int]map[int]types.IndirectRef{}
		t.linkElem = map[*Annot]types.IndirectRef{}
	}
	ref := t.doc.Reserve()
	d := types.Dict{"Type": types.Name("StructElem"), "S": types.Name(n.Role), "P": parent}
	if n.Alt != "" {
		d["Alt"] = pdfedit.TextString(n.Alt)
	}
	pg := 0 // the page of the element's first marked content
	for _, k := range n.Kids {
		if k.Role == "" {
			pg = k.Page
			break
		}
	}
	if pg == 0 && n.Annot != nil {
		pg = n.Annot.Page
	}
	if pg > 0 {
		d["Pg"] = t.pageRef[pg]
	}
	kids := types.Array{}
	for _, k := range n.Kids {
		if k.Role != "" {
			kids = append(kids, t.write(k, ref))
			continue
		}
		if t.parent[k.Page] == nil {
			t.parent[k.Page] = map[int]types.IndirectRef{}
		}
		t.parent[k.Page][k.MCID] = ref
		if k.Page == pg {
			kids = append(kids, types.Integer(k.MCID))
			continue
		}
		kids = append(kids, types.Dict{"Type": types.Name("MCR"), "Pg": t.pageRef[k.Page], "MCID": types.Integer(k.MCID)})
	}
	if a := n.Annot; a != nil {
		kids = append(kids, types.Dict{"Type": types.Name("OBJR"), "Pg": t.pageRef[a.Page], "Obj": t.annotRef[a]})
		t.linkElem[a] = ref
	}
	d["K"] = kids
	t.doc.Set(ref, d)
	return ref
}

// parentTree is the /Nums array of the parent tree: for each page (key = page index) the
// elements that hold its MCIDs in MCID order, then for each annotation its Link element.
func (t *tree) parentTree() types.Array {
	nums := types.Array{}
	for p := 1; p <= t.pages; p++ {
		ids := make(types.Array, len(t.mcids[p]))
		for id := range ids {
			ids[id] = t.parent[p][id]
		}
		nums = append(nums, types.Integer(p-1), ids)
	}
	for i, a := range t.annots {
		nums = append(nums, types.Integer(t.pages+i), t.linkElem[a])
	}
	return nums
}
