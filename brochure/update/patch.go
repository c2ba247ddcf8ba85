package update

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"go.yaml.in/yaml/v3"
)

// Patch returns src, the data file old was loaded from, with the differences between old and
// new spliced in, so that it loads as new. Only the values that differ are touched; a new
// key goes beside its neighbours in the order of the model, a new list item after the item
// it follows in new, in the style of the list. Patch does not check the result: Rewrite
// does.
func Patch(src []byte, old, new *brochure.Network) ([]byte, error) {
	t := newText(src)
	var doc yaml.Node
	if err := yaml.Unmarshal(t.b, &doc); err != nil {
		return nil, fmt.Errorf("read the data file: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("read the data file: it holds no YAML document")
	}
	p := &patcher{t: t}
	if err := p.value(doc.Content[0], reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem(), false, 0, ""); err != nil {
		return nil, err
	}
	if len(p.edits) == 0 {
		return src, nil // not a byte changed, line ends included
	}
	return p.apply()
}

// patcher collects the edits that turn a file into its new version.
type patcher struct {
	t     *text
	edits []edit
}

// edit replaces the bytes from start to end (an insertion where they are equal) by text,
// whose line breaks are written as "\n".
type edit struct {
	start, end int
	text       string
}

// splice records an edit.
func (p *patcher) splice(start, end int, text string) {
	p.edits = append(p.edits, edit{start, end, text})
}

// apply makes the new file: the edits in order of place, an insertion before a replacement
// at the same place, edits at the same place in the order they were made.
func (p *patcher) apply() ([]byte, error) {
	sort.SliceStable(p.edits, func(i, j int) bool {
		a, b := p.edits[i], p.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.start == a.end && b.start != b.end
	})
	var out bytes.Buffer
	if p.t.bom {
		out.WriteString("\xEF\xBB\xBF")
	}
	cur := 0
	for _, e := range p.edits {
		if e.start < cur {
			return nil, fmt.Errorf("two changes overlap at byte %d", e.start)
		}
		out.Write(p.t.b[cur:e.start])
		text := e.text
		if p.t.crlf {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		out.WriteString(text)
		cur = e.end
	}
	out.Write(p.t.b[cur:])
	return out.Bytes(), nil
}

// value records the edits that turn node, written for old, into new. flow tells whether
// node stands in a flow collection, indent is the column of the key or dash that owns it.
func (p *patcher) value(node *yaml.Node, old, new reflect.Value, flow bool, indent int, path string) error {
	if equal(old, new) {
		return nil
	}
	typ := old.Type()
	switch {
	case isScalar(typ) && typ.Kind() != reflect.Pointer:
		return p.scalar(node, new, flow, indent, path)
	case typ.Kind() == reflect.Pointer:
		if old.IsNil() || new.IsNil() || isNull(node) {
			return p.replace(node, new, flow, indent, path)
		}
		return p.value(node, old.Elem(), new.Elem(), flow, indent, path)
	case isNull(node):
		return p.replace(node, new, flow, indent, path)
	case typ.Kind() == reflect.Struct:
		return p.mapping(node, old, new, flow, path)
	case typ.Kind() == reflect.Slice:
		return p.list(node, old, new, flow, path)
	}
	return fmt.Errorf("%s: cannot change a %s", path, typ)
}

// isNull reports whether node is an empty value.
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// scalar replaces a scalar's text, keeping its quoting where the new text allows.
func (p *patcher) scalar(node *yaml.Node, new reflect.Value, flow bool, indent int, path string) error {
	if node.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s: expected a single value in the file", path)
	}
	end, err := p.t.scalarEnd(node, flow, indent)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	start := p.t.off(node)
	text := render(new, indent+2, flow, node.Style)
	if start == end {
		text = " " + text // an empty value: the key's colon ends the line
	}
	p.splice(start, end, text)
	return nil
}

// replace writes new in place of the whole node: in flow style where the node stood in flow
// style, else in the style render gives.
func (p *patcher) replace(node *yaml.Node, new reflect.Value, flow bool, indent int, path string) error {
	start := p.t.off(node)
	end, err := p.t.nodeEnd(node, flow, indent)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if flow || node.Style&yaml.FlowStyle != 0 || start != end && isNull(node) {
		p.splice(start, end, render(new, 0, true, 0))
		return nil
	}
	if start == end { // an empty value after "key:"
		if isBlock(new) {
			p.splice(start, end, "\n"+spaces(indent+2)+render(new, indent+2, false, 0))
		} else {
			p.splice(start, end, " "+render(new, indent+2, false, 0))
		}
		return nil
	}
	col := p.t.column(start)
	p.splice(start, end, render(new, col, false, node.Style))
	return nil
}

// mapping records the edits of a struct written as a mapping: changed values in place, new
// keys inserted beside their neighbours, keys whose value is now empty removed.
func (p *patcher) mapping(node *yaml.Node, old, new reflect.Value, flow bool, path string) error {
	if node.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: expected a mapping in the file", path)
	}
	flow = flow || node.Style&yaml.FlowStyle != 0
	at := map[string]int{} // key → index of the pair in node.Content / 2
	for i := 0; i+1 < len(node.Content); i += 2 {
		at[node.Content[i].Value] = i / 2
	}
	typ := old.Type()
	var removed []int
	for f := 0; f < typ.NumField(); f++ {
		name := key(typ.Field(f))
		if name == "" {
			continue
		}
		o, n := old.Field(f), new.Field(f)
		if equal(o, n) {
			continue
		}
		fpath := brochure.Path(path, name)
		i, present := at[name]
		switch {
		case present && isEmpty(n):
			removed = append(removed, i)
		case present:
			k := node.Content[2*i]
			if err := p.value(node.Content[2*i+1], o, n, flow, p.t.column(p.t.off(k)), fpath); err != nil {
				return err
			}
		case !isEmpty(n):
			if err := p.insertKey(node, typ, f, at, n, flow, fpath); err != nil {
				return err
			}
		}
	}
	if len(removed) == 0 {
		return nil
	}
	if flow {
		return p.removeFlow(node, removed, true, path)
	}
	for _, i := range removed {
		if err := p.removeKey(node, i, path); err != nil {
			return err
		}
	}
	return nil
}

// insertKey inserts the key of field f with value v into the mapping node: after the
// nearest key before it in the model's order that the file holds, else before the nearest
// one after it.
func (p *patcher) insertKey(node *yaml.Node, typ reflect.Type, f int, at map[string]int, v reflect.Value, flow bool, path string) error {
	name := key(typ.Field(f))
	prev, next := -1, -1
	for g := f - 1; g >= 0 && prev < 0; g-- {
		if i, ok := at[key(typ.Field(g))]; ok && key(typ.Field(g)) != "" {
			prev = i
		}
	}
	for g := f + 1; g < typ.NumField() && next < 0 && prev < 0; g++ {
		if i, ok := at[key(typ.Field(g))]; ok && key(typ.Field(g)) != "" {
			next = i
		}
	}
	if flow {
		item := name + ": " + render(v, 0, true, 0)
		switch {
		case prev >= 0:
			end, err := p.t.nodeEnd(node.Content[2*prev+1], true, 0)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			p.splice(end, end, ", "+item)
		case next >= 0:
			s := p.t.off(node.Content[2*next])
			p.splice(s, s, item+", ")
		default:
			s := p.t.off(node) + 1
			p.splice(s, s, item)
		}
		return nil
	}
	col := p.t.column(p.t.off(node.Content[0]))
	text := entry(name, v, col)
	if prev >= 0 {
		k := node.Content[2*prev]
		end, err := p.t.nodeEnd(node.Content[2*prev+1], false, p.t.column(p.t.off(k)))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		p.insertLine(p.t.lineEnd(end), spaces(col)+text)
		return nil
	}
	s := p.t.off(node.Content[2*next])
	p.splice(s, s, text+"\n"+spaces(col))
	return nil
}

// insertLine inserts line, and a line break, at offset at, the start of a line (or the end
// of a file that does not end with a line break).
func (p *patcher) insertLine(at int, line string) {
	if at == len(p.t.b) && at > 0 && p.t.b[at-1] != '\n' {
		p.splice(at, at, "\n"+line)
		return
	}
	p.splice(at, at, line+"\n")
}

// removeKey cuts the i-th key of a block mapping out with its value: its lines, or, when the
// key stands after a list's dash, up to the next key.
func (p *patcher) removeKey(node *yaml.Node, i int, path string) error {
	k, v := node.Content[2*i], node.Content[2*i+1]
	ks := p.t.off(k)
	end, err := p.t.nodeEnd(v, false, p.t.column(ks))
	if err != nil {
		return fmt.Errorf("%s: %w", brochure.Path(path, k.Value), err)
	}
	ls := p.t.lineStart(ks)
	if len(bytes.TrimLeft(p.t.b[ls:ks], " ")) == 0 {
		p.splice(ls, p.t.lineEnd(end), "")
		return nil
	}
	if 2*i+2 < len(node.Content) {
		p.splice(ks, p.t.off(node.Content[2*i+2]), "")
		return nil
	}
	p.splice(ks, end, "{}")
	return nil
}

// removeFlow cuts items (of a flow sequence) or pairs (of a flow mapping) out of node, with
// the commas between them. Each run of removed neighbours goes with the comma after it, or,
// at the end of the collection, the comma before it.
func (p *patcher) removeFlow(node *yaml.Node, removed []int, pairs bool, path string) error {
	step := 1
	if pairs {
		step = 2
	}
	count := len(node.Content) / step
	gone := make([]bool, count)
	for _, i := range removed {
		gone[i] = true
	}
	start := func(i int) int { return p.t.off(node.Content[i*step]) }
	end := func(i int) (int, error) {
		e, err := p.t.nodeEnd(node.Content[i*step+step-1], true, 0)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		return e, nil
	}
	for i := 0; i < count; {
		if !gone[i] {
			i++
			continue
		}
		j := i
		for j+1 < count && gone[j+1] {
			j++
		}
		switch {
		case j+1 < count:
			p.splice(start(i), start(j+1), "")
		case i > 0:
			s, err := end(i - 1)
			if err != nil {
				return err
			}
			e, err := end(j)
			if err != nil {
				return err
			}
			p.splice(s, e, "")
		default:
			e, err := end(j)
			if err != nil {
				return err
			}
			p.splice(start(i), e, "")
		}
		i = j + 1
	}
	return nil
}

// list records the edits of a list: items paired by Match are changed in place, items only
// in old are cut out, items only in new inserted after the item before them.
func (p *patcher) list(node *yaml.Node, old, new reflect.Value, flow bool, path string) error {
	if node.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s: expected a list in the file", path)
	}
	flow = flow || node.Style&yaml.FlowStyle != 0
	m := match(old, new)
	kept := make([]bool, old.Len())
	for _, i := range m {
		if i >= 0 {
			kept[i] = true
		}
	}
	var removed []int
	for i, k := range kept {
		if !k {
			removed = append(removed, i)
		}
	}
	dashCol := p.t.column(p.t.off(node))
	anchor := -1 // the old item the next new item follows
	for j, i := range m {
		ipath := fmt.Sprintf("%s[%d]", path, j)
		if i >= 0 {
			if err := p.value(node.Content[i], old.Index(i), new.Index(j), flow, dashCol, ipath); err != nil {
				return err
			}
			anchor = i
			continue
		}
		if err := p.insertItem(node, anchor, new.Index(j), flow, dashCol, ipath); err != nil {
			return err
		}
	}
	if flow {
		return p.removeFlow(node, removed, false, path)
	}
	for _, i := range removed {
		item := node.Content[i]
		d, err := p.t.dash(item)
		if err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
		end, err := p.t.nodeEnd(item, false, dashCol)
		if err != nil {
			return fmt.Errorf("%s[%d]: %w", path, i, err)
		}
		p.splice(p.t.lineStart(d), p.t.lineEnd(end), "")
	}
	return nil
}

// insertItem inserts v into the list node after its item anchor, or first when anchor is -1.
func (p *patcher) insertItem(node *yaml.Node, anchor int, v reflect.Value, flow bool, dashCol int, path string) error {
	if flow {
		item := render(v, 0, true, siblingStyle(node, anchor))
		switch {
		case anchor >= 0:
			end, err := p.t.nodeEnd(node.Content[anchor], true, 0)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			p.splice(end, end, ", "+item)
		case len(node.Content) > 0:
			s := p.t.off(node.Content[0])
			p.splice(s, s, item+", ")
		default:
			s := p.t.off(node) + 1
			p.splice(s, s, item)
		}
		return nil
	}
	line := spaces(dashCol) + "- " + render(v, dashCol+2, false, siblingStyle(node, anchor))
	if anchor >= 0 {
		end, err := p.t.nodeEnd(node.Content[anchor], false, dashCol)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		p.insertLine(p.t.lineEnd(end), line)
		return nil
	}
	d, err := p.t.dash(node.Content[0])
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	p.insertLine(p.t.lineStart(d), line)
	return nil
}

// siblingStyle is the quoting of the scalar item a new item follows (or of the first item),
// so that a new text in a list of quoted texts is quoted too.
func siblingStyle(list *yaml.Node, anchor int) yaml.Style {
	if len(list.Content) == 0 {
		return 0
	}
	s := list.Content[max(anchor, 0)]
	if s.Kind != yaml.ScalarNode {
		return 0
	}
	return s.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
}
