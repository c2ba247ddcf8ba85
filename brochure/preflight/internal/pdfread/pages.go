package pdfread

import "fmt"

// Page is a page of the page tree with the attributes it inherits.
type Page struct {
	Dict      Dict
	Ref       Ref // zero for a page given directly in /Kids
	Resources Dict
	MediaBox  Object // own or inherited, unresolved
	CropBox   Object
}

// inherited are the attributes a page takes from its ancestors.
type inherited struct {
	resources         Dict
	mediaBox, cropBox Object
}

func (in inherited) from(f *File, d Dict) inherited {
	if r := f.Dict(d["Resources"]); r != nil {
		in.resources = r
	}
	if d["MediaBox"] != nil {
		in.mediaBox = d["MediaBox"]
	}
	if d["CropBox"] != nil {
		in.cropBox = d["CropBox"]
	}
	return in
}

// Pages walks the page tree once, depth first with an explicit stack, visiting each object
// once: it returns the pages in order. The /Count of the nodes is not trusted but
// checked; a node or page met twice, a kid that is no dictionary, a node deeper than
// Limits.PageTreeDepth and pages beyond Limits.Pages are kept as problems. Reached holds
// the object numbers of the tree's nodes and pages.
func (f *File) Pages() (pages []Page, reached map[int]bool) {
	reached = map[int]bool{}
	type frame struct {
		where string
		kids  Array
		next  int
		count Object // the /Count claimed
		found int    // pages found below
		cut   bool   // pages below were not reached (a limit): the count is not checked
		inh   inherited
	}
	rootObj := f.Catalog()["Pages"]
	root := f.Dict(rootObj)
	where := "the page tree"
	if r, ok := rootObj.(Ref); ok {
		reached[r.Num] = true
		where = "page tree node " + r.String()
	}
	if root == nil {
		f.problem(fmt.Errorf("the catalog has no page tree (/Pages)"))
		return nil, reached
	}
	if root["Kids"] == nil && root.Name("Type") != "Pages" {
		// A lone page as the root: read it as one.
		f.problem(fmt.Errorf("%s is a page, not a node of pages", where))
		r, _ := rootObj.(Ref)
		in := inherited{}.from(f, root)
		return []Page{{Dict: root, Ref: r, Resources: in.resources, MediaBox: in.mediaBox, CropBox: in.cropBox}}, reached
	}
	stack := []*frame{{where: where, kids: f.kidsOf(root, where), count: root["Count"], inh: inherited{}.from(f, root)}}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		if top.next == len(top.kids) {
			stack = stack[:len(stack)-1]
			if n, ok := f.Number(top.count); !top.cut && (!ok || int(n) != top.found || n != float64(int(n))) {
				f.problem(fmt.Errorf("%s claims /Count %s; it holds %d pages", top.where, Describe(f.Resolve(top.count)), top.found))
			}
			if len(stack) > 0 {
				stack[len(stack)-1].found += top.found
				stack[len(stack)-1].cut = stack[len(stack)-1].cut || top.cut
			}
			continue
		}
		kid := top.kids[top.next]
		top.next++
		kw := fmt.Sprintf("%s, kid %d", top.where, top.next)
		var ref Ref
		if r, ok := kid.(Ref); ok {
			ref, kw = r, r.String()
			if reached[r.Num] {
				f.problem(fmt.Errorf("%s stands twice in the page tree (in %s); it is checked once", r, top.where))
				continue
			}
			reached[r.Num] = true
		}
		d := f.Dict(kid)
		if d == nil {
			f.problem(fmt.Errorf("%s has a kid that is %s, not a page (%s)", top.where, Kind(f.Resolve(kid)), Describe(kid)))
			continue
		}
		if typ := d.Name("Type"); typ == "Pages" || (typ != "Page" && d["Kids"] != nil) {
			if len(stack) >= f.lim.PageTreeDepth {
				f.problem(limitf(kw, "the page tree is deeper than %d levels; the pages below are not checked", f.lim.PageTreeDepth))
				top.cut = true
				continue
			}
			node := "page tree node " + kw
			stack = append(stack, &frame{where: node, kids: f.kidsOf(d, node), count: d["Count"], inh: top.inh.from(f, d)})
			continue
		}
		top.found++
		if len(pages) == f.lim.Pages {
			f.problem(limitf("the page tree", "more than %d pages; the pages after %d are not checked", f.lim.Pages, f.lim.Pages))
			f.pagesCut = true
			return pages, reached
		}
		in := top.inh.from(f, d)
		pages = append(pages, Page{Dict: d, Ref: ref, Resources: in.resources, MediaBox: in.mediaBox, CropBox: in.cropBox})
	}
	return pages, reached
}

// kidsOf returns the /Kids of a page tree node.
func (f *File) kidsOf(d Dict, where string) Array {
	o := f.Resolve(d["Kids"])
	kids, ok := o.(Array)
	if !ok {
		f.problem(fmt.Errorf("%s has /Kids %s, not an array of pages", where, Describe(o)))
	}
	return kids
}

// Unreached lists the objects that are pages (/Type /Page) but not in reached, in
// order. It reads every object of the file once; after a page tree cut short by
// Limits.Pages it lists none.
func (f *File) Unreached(reached map[int]bool) []Ref {
	if f.pagesCut {
		return nil
	}
	var out []Ref
	for _, n := range f.Objects() {
		if reached[n] {
			continue
		}
		if d, ok := f.Peek(n).(Dict); ok && d.Name("Type") == "Page" {
			out = append(out, Ref{Num: n, Gen: int(f.xref[n].gen)})
		}
		if f.parseCut {
			f.problem(limitf("the file", "the objects of the file take more than %s to parse (a value counts 32 bytes); not every object was looked at for pages outside the page tree", mb(f.lim.Parse)))
			break
		}
	}
	return out
}
