package brochure

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// decoder turns a YAML node tree into the model strictly: every unknown key, wrong type and
// missing required key is a diagnostic, and every value's position is recorded.
type decoder struct {
	c *collector
}

var dateType = reflect.TypeOf(Date{})

// decode fills v (a pointer) from node, recording positions under path.
func (d *decoder) decode(node *yaml.Node, v reflect.Value, path string) {
	pos := Pos{node.Line, node.Column}
	d.c.pos[path] = pos
	if isNull(node) {
		// The zero value. Required keys of a mapping left empty are missing; whether the
		// value itself is required is checked by the parent.
		if v.Kind() == reflect.Struct && v.Type() != dateType {
			d.missing(v.Type(), nil, pos, path)
		}
		return
	}
	switch {
	case v.Type() == dateType:
		if !d.scalar(node, path, "a date") {
			return
		}
		dt, err := ParseDate(node.Value)
		if err != nil {
			d.c.at(pos, path, "", "%v", err)
			return
		}
		v.Set(reflect.ValueOf(dt))
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
			d.c.at(pos, path, "write a list, one item per line starting with \"- \", or [a, b]", "expected a list, found %s", describe(node))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(node.Content), len(node.Content))
		for i, item := range node.Content {
			d.decode(item, s.Index(i), Path(path, i))
			if e := s.Index(i); e.Kind() == reflect.String && strings.TrimSpace(e.String()) == "" && d.scalar(item, Path(path, i), "a text") {
				d.c.at(Pos{item.Line, item.Column}, Path(path, i), "remove the entry, or write its text", "the list entry is empty")
			}
		}
		v.Set(s)
	case reflect.String:
		if d.scalar(node, path, "a text") {
			v.SetString(d.text(node, path))
		}
	case reflect.Int:
		if !d.scalar(node, path, "a whole number") {
			return
		}
		if node.Tag != "!!int" {
			d.c.at(pos, path, numberHint(node), "expected a whole number, found %s", describe(node))
			return
		}
		n, err := strconv.Atoi(node.Value)
		if err != nil {
			d.c.at(pos, path, "", "expected a whole number, found %q", node.Value)
			return
		}
		v.SetInt(int64(n))
	case reflect.Float64:
		if !d.scalar(node, path, "a number") {
			return
		}
		if node.Tag != "!!int" && node.Tag != "!!float" || strings.ContainsAny(node.Value, "xXoObB_") {
			d.c.at(pos, path, numberHint(node), "expected a number, found %s", describe(node))
			return
		}
		f, err := strconv.ParseFloat(node.Value, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			hint := ""
			if strings.Contains(node.Value, ",") {
				hint = "write a decimal point, not a comma"
			}
			d.c.at(pos, path, hint, "expected a number, found %q", node.Value)
			return
		}
		v.SetFloat(f)
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
			d.c.at(Pos{node.Line, node.Column}, path, "remove it; for a line break write \\n inside double quotes", "the text holds the control character %U", r)
			break
		}
	}
	return s
}

// numberHint says how to write a number that was written otherwise.
func numberHint(node *yaml.Node) string {
	quoted := node.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	_, err := strconv.ParseFloat(node.Value, 64)
	switch {
	case strings.Contains(node.Value, ","):
		return "write a decimal point, not a comma"
	case quoted && err == nil:
		return "write the number without quotes"
	case strings.ContainsAny(node.Value, "xXpP"):
		return "write the number in decimal, like 51.4558"
	}
	return ""
}

// scalar reports whether node is a scalar, recording a diagnostic when it is not.
func (d *decoder) scalar(node *yaml.Node, path, want string) bool {
	if node.Kind == yaml.ScalarNode {
		return true
	}
	d.c.at(Pos{node.Line, node.Column}, path, "", "expected %s, found %s", want, describe(node))
	return false
}

// decodeStruct fills a struct from a mapping.
func (d *decoder) decodeStruct(node *yaml.Node, v reflect.Value, path string) {
	pos := Pos{node.Line, node.Column}
	if node.Kind != yaml.MappingNode {
		d.c.at(pos, path, "", "expected a mapping of keys to values, found %s", describe(node))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		kpos := Pos{key.Line, key.Column}
		if key.Kind != yaml.ScalarNode {
			d.c.at(kpos, path, "", "a key must be a plain name, found %s", describe(key))
			continue
		}
		name := key.Value
		fpath := Path(path, name)
		if seen[name] {
			d.c.at(kpos, fpath, "remove one of the two", "key %q is given twice", name)
			continue
		}
		seen[name] = true
		idx, ok := fields[name]
		if !ok {
			d.c.at(kpos, fpath, unknownKeyHint(name, fields), "unknown key %q", name)
			continue
		}
		d.decode(val, v.Field(idx), fpath)
		f := v.Field(idx)
		empty := isNull(val) || (f.Kind() == reflect.String && strings.TrimSpace(f.String()) == "")
		if empty && v.Type().Field(idx).Tag.Get("required") == "true" {
			d.c.at(Pos{val.Line, val.Column}, fpath, "", "%q must not be empty", name)
		}
	}
	d.missing(v.Type(), seen, pos, path)
}

// decodeMap fills a map with string keys from a mapping; each value's position is recorded
// under Path(path, key).
func (d *decoder) decodeMap(node *yaml.Node, v reflect.Value, path string) {
	if node.Kind != yaml.MappingNode {
		d.c.at(Pos{node.Line, node.Column}, path, "", "expected a mapping of keys to values, found %s", describe(node))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(node.Content)/2)
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, val := node.Content[i], node.Content[i+1]
		if key.Kind != yaml.ScalarNode || isNull(key) {
			d.c.at(Pos{key.Line, key.Column}, path, "", "a key must be a word, found %s", describe(key))
			continue
		}
		name := norm.NFC.String(key.Value)
		kpath := Path(path, name)
		if m.MapIndex(reflect.ValueOf(name)).IsValid() {
			d.c.at(Pos{key.Line, key.Column}, kpath, "remove one of the two", "key %q is given twice", name)
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
	fields := fieldsOf(t)
	for _, name := range sortedKeys(fields) {
		if t.Field(fields[name]).Tag.Get("required") == "true" && !seen[name] {
			d.c.at(pos, path, "", "missing required key %q", name)
		}
	}
}

// fieldsOf maps a struct's YAML keys to field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		m[strings.Split(tag, ",")[0]] = i
	}
	return m
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
func unknownKeyHint(name string, fields map[string]int) string {
	keys := sortedKeys(fields)
	best, bestDist := "", 3
	for _, k := range keys {
		if dist := editDistance(strings.ToLower(name), k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "known keys here: " + strings.Join(keys, ", ")
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
func describe(node *yaml.Node) string {
	switch node.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("%q", node.Value)
}

// reflectValue is the settable value behind the pointer p.
func reflectValue(p any) reflect.Value { return reflect.ValueOf(p).Elem() }

// checkAliases reports every anchor and alias in the tree. They are refused because a few
// lines of them can stand for billions of values, and the data has no need for them. The
// tree itself holds each alias once, so the walk is linear in the file's size.
func checkAliases(c *collector, node *yaml.Node) {
	if node.Kind == yaml.AliasNode || node.Anchor != "" {
		c.at(Pos{node.Line, node.Column}, "", "write the value out in full where it is needed", "anchors and aliases (& and *) are not supported")
	}
	for _, child := range node.Content {
		checkAliases(c, child)
	}
}
