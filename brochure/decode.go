package brochure

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// decoder turns a YAML node tree into the model strictly: every unknown key, wrong type and
// missing required key is a diagnostic, and every value's position is recorded.
type decoder struct {
	c *collector
}

// Types written as one scalar in the data although they are structs in the model.
var (
	dateType    = reflect.TypeOf(Date{})
	leavingType = reflect.TypeOf(Leaving{})
)

// decode fills v (a pointer) from node, recording positions under path.
func (d *decoder) decode(node *yaml.Node, v reflect.Value, path string) {
	pos := Pos{node.Line, node.Column}
	d.c.pos[path] = pos
	if isNull(node) {
		// The zero value. Required keys of a mapping left empty are missing; whether the
		// value itself is required is checked by the parent.
		if v.Kind() == reflect.Struct && v.Type() != dateType && v.Type() != leavingType {
			d.missing(v.Type(), nil, pos, path)
		}
		return
	}
	switch {
	case v.Type() == dateType:
		if !d.scalar(node, path, i18n.T("kind.date")) {
			return
		}
		dt, problem := parseDate(node.Value)
		if !problem.IsZero() {
			d.c.at(pos, path, problem, dateHint(problem))
			return
		}
		v.Set(reflect.ValueOf(dt))
		return
	case v.Type() == leavingType:
		if !d.scalar(node, path, i18n.T("kind.leaving", LeftUnknown)) || strings.TrimSpace(node.Value) == "" {
			return // a blank `left` is judged by the rules, as a missing one
		}
		l, problem := parseLeaving(node.Value)
		if !problem.IsZero() {
			d.c.at(pos, path, problem, leavingHint(node.Value, problem))
			return
		}
		v.Set(reflect.ValueOf(l))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		nv := reflect.New(v.Type().Elem())
		d.decode(node, nv.Elem(), path)
		v.Set(nv)
	case reflect.Struct:
		d.decodeStruct(node, v, path)
	case reflect.Map:
		d.decodeMap(node, v, path)
	case reflect.Slice:
		if node.Kind != yaml.SequenceNode {
			d.c.at(pos, path, i18n.T("decode.want.list", describe(node)), i18n.T("decode.want.list.hint"))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(node.Content), len(node.Content))
		for i, item := range node.Content {
			d.decode(item, s.Index(i), Path(path, i))
			if e := s.Index(i); e.Kind() == reflect.String && strings.TrimSpace(e.String()) == "" && item.Kind == yaml.ScalarNode {
				d.c.at(Pos{item.Line, item.Column}, Path(path, i), i18n.T("decode.entry.empty"), i18n.T("decode.entry.empty.hint"))
			}
		}
		v.Set(s)
	case reflect.String:
		if d.scalar(node, path, i18n.T("kind.text")) {
			v.SetString(d.text(node, path))
		}
	case reflect.Int:
		if !d.scalar(node, path, i18n.T("kind.int")) {
			return
		}
		if node.Tag != "!!int" {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.int"), describe(node)), numberHint(node))
			return
		}
		n, err := strconv.Atoi(node.Value)
		if err != nil {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.int"), describe(node)))
			return
		}
		v.SetInt(int64(n))
	case reflect.Float64:
		if !d.scalar(node, path, i18n.T("kind.number")) {
			return
		}
		if node.Tag != "!!int" && node.Tag != "!!float" || strings.ContainsAny(node.Value, "xXoObB_") {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.number"), describe(node)), numberHint(node))
			return
		}
		f, err := strconv.ParseFloat(node.Value, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.number"), describe(node)), numberHint(node))
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		if !d.scalar(node, path, i18n.T("kind.bool")) {
			return
		}
		if node.Tag != "!!bool" {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.bool"), describe(node)), i18n.T("decode.bool.hint"))
			return
		}
		b, err := strconv.ParseBool(node.Value)
		if err != nil {
			d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.bool"), describe(node)), i18n.T("decode.bool.hint"))
			return
		}
		v.SetBool(b)
	default:
		panic(fmt.Sprintf("brochure: decode: unsupported type %s", v.Type()))
	}
}

// text returns a scalar's text in Unicode normal form C (so that "u" followed by a combining
// diaeresis prints as "ü"), recording a diagnostic for each control character in it.
func (d *decoder) text(node *yaml.Node, path string) string {
	s := norm.NFC.String(node.Value)
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			d.c.at(Pos{node.Line, node.Column}, path, i18n.T("decode.control", fmt.Sprintf("%U", r)), i18n.T("decode.control.hint"))
			break
		}
	}
	return s
}

// numberHint says how to write a number that was written otherwise.
func numberHint(node *yaml.Node) i18n.Text {
	quoted := node.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	_, err := strconv.ParseFloat(node.Value, 64)
	switch {
	case strings.Contains(node.Value, ","):
		return i18n.T("decode.comma.hint", strings.Replace(node.Value, ",", ".", 1))
	case quoted && err == nil:
		return i18n.T("decode.quoted.hint")
	case strings.ContainsAny(node.Value, "xXpP"):
		return i18n.T("decode.hex.hint")
	}
	return i18n.Text{}
}

// scalar reports whether node is a scalar, recording a diagnostic when it is not.
func (d *decoder) scalar(node *yaml.Node, path string, want i18n.Text) bool {
	if node.Kind == yaml.ScalarNode {
		return true
	}
	d.c.at(Pos{node.Line, node.Column}, path, i18n.T("decode.want", want, describe(node)), textHint(node))
	return false
}

// decodeStruct fills a struct from a mapping.
func (d *decoder) decodeStruct(node *yaml.Node, v reflect.Value, path string) {
	pos := Pos{node.Line, node.Column}
	if node.Kind != yaml.MappingNode {
		d.c.at(pos, path, i18n.T("decode.want", i18n.T("kind.mapping"), describe(node)), mappingHint(node))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	twice := false
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		kpos := Pos{key.Line, key.Column}
		if key.Kind != yaml.ScalarNode {
			d.c.at(kpos, path, i18n.T("decode.key.plain", describe(key)))
			continue
		}
		name := key.Value
		fpath := Path(path, name)
		if seen[name] {
			// In a list item, the first key given twice is likely where an item lacking its
			// "- " starts; the keys after it are the same mistake.
			if !twice || !strings.HasSuffix(path, "]") {
				d.c.at(kpos, fpath, i18n.T("decode.key.twice", name), twiceHint(path, name))
			}
			twice = true
			continue
		}
		seen[name] = true
		idx, ok := fields[name]
		if !ok {
			if prev := decimalComma(node, i); prev != nil {
				// {lat: 50,773516}: YAML reads a value 50 and a key 773516.
				d.c.at(Pos{prev.Line, prev.Column}, Path(path, node.Content[i-2].Value),
					i18n.T("decode.comma", prev.Value+","+name), i18n.T("decode.comma.hint", prev.Value+"."+name))
				continue
			}
			hint := unknownKeyHint(name, fields)
			d.c.at(kpos, fpath, i18n.T("decode.key.unknown", name), hint)
			if hint.ID == "decode.key.mean" && !seen[hint.Args[0].(string)] {
				// The value meant for that key is reported here, not as missing.
				d.c.flag(Path(path, hint.Args[0].(string)))
			}
			continue
		}
		d.decode(val, v.Field(idx), fpath)
		f := v.Field(idx)
		empty := isNull(val) || (f.Kind() == reflect.String && strings.TrimSpace(f.String()) == "")
		if empty && v.Type().Field(idx).Tag.Get("required") == "true" {
			d.c.at(Pos{val.Line, val.Column}, fpath, i18n.T("decode.required.empty", name))
		}
	}
	d.missing(v.Type(), seen, pos, path)
}

// decimalComma returns the number before the key at index i of a flow mapping when the key
// is the digits after a decimal comma in it, as in {lat: 50,773516}; else nil.
func decimalComma(m *yaml.Node, i int) *yaml.Node {
	key := m.Content[i]
	if i < 2 || key.Value == "" || strings.Trim(key.Value, "0123456789") != "" || !isNull(m.Content[i+1]) {
		return nil
	}
	prev := m.Content[i-1]
	if prev.Kind != yaml.ScalarNode || prev.Tag != "!!int" && prev.Tag != "!!float" ||
		prev.Line != key.Line || key.Column != prev.Column+len(prev.Value)+1 {
		return nil
	}
	return prev
}

// decodeMap fills a map with string keys from a mapping; each value's position is recorded
// under Path(path, key).
func (d *decoder) decodeMap(node *yaml.Node, v reflect.Value, path string) {
	if node.Kind != yaml.MappingNode {
		d.c.at(Pos{node.Line, node.Column}, path, i18n.T("decode.want", i18n.T("kind.mapping"), describe(node)), mappingHint(node))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		if key.Kind != yaml.ScalarNode || isNull(key) {
			d.c.at(Pos{key.Line, key.Column}, path, i18n.T("decode.key.plain", describe(key)))
			continue
		}
		name := norm.NFC.String(key.Value)
		kpath := Path(path, name)
		if m.MapIndex(reflect.ValueOf(name)).IsValid() {
			d.c.at(Pos{key.Line, key.Column}, kpath, i18n.T("decode.key.twice", name), i18n.T("decode.key.twice.hint"))
			continue
		}
		e := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, e, kpath)
		m.SetMapIndex(reflect.ValueOf(name), e)
	}
	v.Set(m)
}

// missing reports every required key of struct type t that is not among seen.
func (d *decoder) missing(t reflect.Type, seen map[string]bool, pos Pos, path string) {
	for _, name := range requiredOf(t) {
		if !seen[name] {
			d.c.at(pos, path, i18n.T("decode.required.missing", name))
		}
	}
}

// fieldCache and requiredCache keep fieldsOf and requiredOf by type: a file of many
// entries decodes the same structs many times.
var fieldCache, requiredCache sync.Map

// fieldsOf maps a struct's YAML keys to field indexes. The map is shared: do not change it.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		m[strings.Split(tag, ",")[0]] = i
	}
	fieldCache.Store(t, m)
	return m
}

// requiredOf lists a struct's required YAML keys in order. The list is shared.
func requiredOf(t reflect.Type) []string {
	if r, ok := requiredCache.Load(t); ok {
		return r.([]string)
	}
	fields := fieldsOf(t)
	var r []string
	for _, name := range sortedKeys(fields) {
		if t.Field(fields[name]).Tag.Get("required") == "true" {
			r = append(r, name)
		}
	}
	requiredCache.Store(t, r)
	return r
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// unknownKeyHint suggests the known key closest to name, or lists the known keys.
func unknownKeyHint(name string, fields map[string]int) i18n.Text {
	keys := sortedKeys(fields)
	if k := germanKey(name); k != "" {
		if _, ok := fields[k]; ok {
			return i18n.T("decode.key.mean", k)
		}
	}
	best, bestDist := "", 3
	for _, k := range keys {
		if dist := editDistance(strings.ToLower(name), k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best != "" {
		return i18n.T("decode.key.mean", best)
	}
	return i18n.T("decode.key.known", strings.Join(keys, ", "))
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// isNull reports whether node is an empty value (~, null or nothing).
func isNull(node *yaml.Node) bool {
	return node.Kind == yaml.ScalarNode && node.Tag == "!!null"
}

// describe names what kind of YAML value node is, for messages.
func describe(node *yaml.Node) i18n.Text {
	switch node.Kind {
	case yaml.MappingNode:
		return i18n.T("kind.mapping")
	case yaml.SequenceNode:
		return i18n.T("kind.list")
	case yaml.AliasNode:
		return i18n.T("kind.alias")
	}
	return i18n.T("kind.value", node.Value)
}

// reflectValue is the settable value behind the pointer p.
func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// checkAliases reports every anchor and alias in the tree. They are refused because a few
// lines of them can stand for billions of values, and the data has no need for them. The
// tree itself holds each alias once, so the walk is linear in the file's size.
func checkAliases(c *collector, node *yaml.Node) {
	if node.Kind == yaml.AliasNode || node.Anchor != "" {
		c.at(Pos{node.Line, node.Column}, "", i18n.T("alias"), i18n.T("alias.hint"))
	}
	for _, child := range node.Content {
		checkAliases(c, child)
	}
}
