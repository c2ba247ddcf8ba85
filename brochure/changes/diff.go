package changes

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/update"
)

// valueChange is one value that differs: its path and both values as text.
type valueChange struct {
	path, old, new string
}

// diff compares a and b value by value and lists those that differ, in the order of the
// model. Values are flattened: a struct by its keys, a list of texts joined with ", ", a
// list of structs by index. An empty value is "".
func diff(prefix string, a, b any) []valueChange {
	fa, fb := &flat{vals: map[string]string{}}, &flat{vals: map[string]string{}}
	fa.add(prefix, reflect.ValueOf(a))
	fb.add(prefix, reflect.ValueOf(b))
	seen := map[string]bool{}
	var out []valueChange
	for _, k := range append(fa.keys, fb.keys...) {
		if seen[k] {
			continue
		}
		seen[k] = true
		if o, n := fa.vals[k], fb.vals[k]; o != n {
			out = append(out, valueChange{k, o, n})
		}
	}
	return out
}

// flat holds the values of a flattened value by path, and the paths in order.
type flat struct {
	keys []string
	vals map[string]string
}

var (
	dateType    = reflect.TypeOf(brochure.Date{})
	leavingType = reflect.TypeOf(brochure.Leaving{})
)

// add flattens v under path.
func (f *flat) add(path string, v reflect.Value) {
	switch {
	case v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface:
		if !v.IsNil() {
			f.add(path, v.Elem())
		}
	case v.Type() == dateType:
		f.set(path, v.Interface().(brochure.Date).German())
	case v.Type() == leavingType:
		f.set(path, leftGerman(v.Interface().(brochure.Leaving)))
	case v.Kind() == reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			f.add(brochure.Path(path, k.String()), v.MapIndex(k))
		}
	case v.Kind() == reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			tag := v.Type().Field(i).Tag.Get("yaml")
			if tag == "" || tag == "-" {
				continue
			}
			f.add(brochure.Path(path, strings.Split(tag, ",")[0]), v.Field(i))
		}
	case v.Kind() == reflect.Slice:
		if v.Len() > 0 && isText(v.Type().Elem()) {
			parts := make([]string, v.Len())
			for i := range parts {
				parts[i] = scalar(v.Index(i))
			}
			f.set(path, strings.Join(parts, ", "))
			return
		}
		for i := 0; i < v.Len(); i++ {
			f.add(brochure.Path(path, i), v.Index(i))
		}
	default:
		f.set(path, scalar(v))
	}
}

// set records a value.
func (f *flat) set(path, s string) {
	if _, ok := f.vals[path]; !ok {
		f.keys = append(f.keys, path)
	}
	f.vals[path] = s
}

// isText reports whether a value of type t is written as one text.
func isText(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Float64:
		return true
	}
	return t == dateType || t == leavingType
}

// scalar writes a single value as text; zero numbers are "".
func scalar(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	}
	if v.Type() == dateType {
		return v.Interface().(brochure.Date).German()
	}
	if v.Type() == leavingType {
		return leftGerman(v.Interface().(brochure.Leaving))
	}
	return ""
}

// leaflet lists the changes of the leaflet: its texts block by block, with the words added
// and removed, and any other value. A standard leaflet on both sides is made from the data,
// whose changes are listed as such: only its settings are compared.
func (l *List) leaflet(on, nn *brochure.Network) {
	if on.Leaflet.Standard && nn.Leaflet.Standard {
		l.fields(Leaflet, "", "leaflet", on.LeafletSettings(), nn.LeafletSettings())
		return
	}
	old, new := &on.Leaflet, &nn.Leaflet
	a, b := *old, *new
	a.Blocks, b.Blocks = nil, nil
	l.fields(Leaflet, "", "leaflet", a, b)
	pairs := update.Pair(old.Blocks, new.Blocks)
	paired := make([]bool, len(old.Blocks))
	for j, i := range pairs {
		nb := new.Blocks[j]
		if i < 0 {
			l.add(Change{Kind: Leaflet, Field: "blocks", New: nb.ID})
			continue
		}
		paired[i] = true
		ob := old.Blocks[i]
		texts := func(b brochure.Block) []string {
			var legend [2]string
			if b.Legend != nil {
				legend = [2]string{b.Legend.Current, b.Legend.Former}
			}
			return []string{b.Heading, b.Subtitle, strings.Join(b.Paragraphs, "\n"), legend[0], legend[1], b.Caption}
		}
		fields := []string{"heading", "subtitle", "paragraphs", "legend.current", "legend.former", "caption"}
		ot, nt := texts(ob), texts(nb)
		for k, f := range fields {
			if ot[k] != nt[k] {
				l.add(textChange(nb.ID, f, ot[k], nt[k]))
			}
		}
		ob.Heading, ob.Subtitle, ob.Paragraphs, ob.Legend, ob.Caption = "", "", nil, nil, ""
		nb.Heading, nb.Subtitle, nb.Paragraphs, nb.Legend, nb.Caption = "", "", nil, nil, ""
		l.fields(Leaflet, "", "blocks["+nb.ID+"]", ob, nb)
	}
	for i, p := range paired {
		if !p {
			l.add(Change{Kind: Leaflet, Field: "blocks", Old: old.Blocks[i].ID})
		}
	}
}

// Limits of what a text change shows of its texts.
const (
	shortText = 200 // characters up to which a text is shown whole
	fewWords  = 12  // words added and removed up to which they are shown
)

// textChange describes the change of a text: the words removed and added, and the texts
// themselves or, of long texts, the words when they are few.
func textChange(block, field, old, new string) Change {
	removed, added := wordDiff(strings.Fields(old), strings.Fields(new))
	c := Change{Kind: Text, Subject: block, Field: field, Added: len(added), Removed: len(removed)}
	switch {
	case len(old) <= shortText && len(new) <= shortText:
		c.Old, c.New = old, new
	case len(added)+len(removed) <= fewWords:
		c.Old, c.New = strings.Join(removed, " "), strings.Join(added, " ")
	}
	return c
}

// maxDiffCells bounds the table wordDiff fills; longer texts are compared as bags of words.
const maxDiffCells = 4 << 20

// wordDiff returns the words of a not in b and of b not in a, by a longest common
// subsequence of words.
func wordDiff(a, b []string) (removed, added []string) {
	if len(a)*len(b) > maxDiffCells {
		count := map[string]int{}
		for _, w := range a {
			count[w]++
		}
		for _, w := range b {
			if count[w] > 0 {
				count[w]--
			} else {
				added = append(added, w)
			}
		}
		for _, w := range a {
			if count[w] > 0 {
				count[w]--
				removed = append(removed, w)
			}
		}
		return removed, added
	}
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			added = append(added, b[j])
			j++
		default:
			removed = append(removed, a[i])
			i++
		}
	}
	return removed, added
}
