package update

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"go.yaml.in/yaml/v3"
)

var (
	dateType    = reflect.TypeOf(brochure.Date{})
	leavingType = reflect.TypeOf(brochure.Leaving{})
)

// isScalar reports whether values of type t are written as one scalar: a date and a
// leaving (a date or unknown) among them.
func isScalar(t reflect.Type) bool {
	if t == dateType || t == leavingType {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Float64, reflect.Bool:
		return true
	case reflect.Pointer:
		return isScalar(t.Elem())
	}
	return false
}

// isSimple reports whether values of type t are written on one line: scalars, structs of
// scalars (a location, a programme area, a person) and lists of scalars.
func isSimple(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case isScalar(t):
		return true
	case t.Kind() == reflect.Slice:
		return isScalar(t.Elem())
	case t.Kind() == reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if key(t.Field(i)) != "" && !isScalar(t.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// isFlowStyle reports whether a new value of type t in a block is written in flow style:
// a struct of scalars as {k: v}; a list is written as a block list.
func isFlowStyle(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && isSimple(t) && !isScalar(t)
}

// key is the YAML key of a struct field, or "" for a field the file does not hold.
func key(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	if tag == "" || tag == "-" {
		return ""
	}
	return strings.Split(tag, ",")[0]
}

// render writes v as YAML. In a flow collection (flow) everything is written on one line;
// in a block, structs of scalars are written in flow style and everything else as block
// lines, whose second and further lines are indented by indent spaces. style is the quoting
// of the scalar v replaces, kept where the new text allows it.
func render(v reflect.Value, indent int, flow bool, style yaml.Style) string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "null"
		}
		v = v.Elem()
	}
	if v.Type() == dateType {
		return v.Interface().(brochure.Date).String()
	}
	if v.Type() == leavingType {
		return v.Interface().(brochure.Leaving).String()
	}
	switch v.Kind() {
	case reflect.String:
		return quote(v.String(), flow, style)
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Struct:
		if flow || isFlowStyle(v.Type()) {
			var parts []string
			eachField(v, func(name string, f reflect.Value) {
				parts = append(parts, name+": "+render(f, indent, true, 0))
			})
			return "{" + strings.Join(parts, ", ") + "}"
		}
		var lines []string
		eachField(v, func(name string, f reflect.Value) {
			lines = append(lines, entry(name, f, indent))
		})
		return strings.Join(lines, "\n"+spaces(indent))
	case reflect.Slice:
		if flow || v.Len() == 0 {
			parts := make([]string, v.Len())
			for i := range parts {
				parts[i] = render(v.Index(i), indent, true, 0)
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}
		items := make([]string, v.Len())
		for i := range items {
			items[i] = "- " + render(v.Index(i), indent+2, false, 0)
		}
		return strings.Join(items, "\n"+spaces(indent))
	}
	panic(fmt.Sprintf("update: cannot write a %s", v.Type()))
}

// entry writes one key and its value in a block mapping whose keys stand at column indent.
func entry(name string, v reflect.Value, indent int) string {
	if isBlock(v) {
		return name + ":\n" + spaces(indent+2) + render(v, indent+2, false, 0)
	}
	return name + ": " + render(v, indent+2, false, 0)
}

// isBlock reports whether render writes v, in a block, over lines of its own.
func isBlock(v reflect.Value) bool {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == dateType || isScalar(v.Type()):
		return false
	case v.Kind() == reflect.Slice:
		return v.Len() > 0
	}
	return !isFlowStyle(v.Type())
}

// eachField calls fn with the key and value of every field of struct v that has a value, in
// the order of the struct.
func eachField(v reflect.Value, fn func(name string, f reflect.Value)) {
	for i := 0; i < v.NumField(); i++ {
		name := key(v.Type().Field(i))
		if name == "" || isEmpty(v.Field(i)) {
			continue
		}
		fn(name, v.Field(i))
	}
}

// spaces is n spaces.
func spaces(n int) string { return strings.Repeat(" ", n) }

// quote writes s as a YAML scalar: plain where that reads back as the same text, else in
// the quotes it stood in before (single quotes only where they can hold s), else in double
// quotes with escapes.
func quote(s string, flow bool, style yaml.Style) string {
	if style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 && plainReadsAs(s, flow) {
		return s
	}
	if style&yaml.SingleQuotedStyle != 0 && singleQuotable(s) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return doubleQuote(s)
}

// plainReadsAs reports whether s, written without quotes, reads back as the text s.
func plainReadsAs(s string, flow bool) bool {
	if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r\t#\"'") || !printable(s) {
		return false
	}
	if flow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &doc); err != nil || len(doc.Content) != 1 {
		return false
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	v := m.Content[1]
	return v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Style == 0 && v.Value == s
}

// printable reports whether s holds only characters that are plainly visible in a file:
// no control characters, no invisible spaces or hyphens.
func printable(s string) bool {
	for _, r := range s {
		if needsEscape(r) {
			return false
		}
	}
	return true
}

// needsEscape reports whether r is written as an escape in double quotes: control
// characters and the invisible ones a reader of the file would not see.
func needsEscape(r rune) bool {
	switch r {
	case '\u00A0', '\u00AD', '\u202F', '\u2028', '\u2029', '\uFEFF', '\u200B', utf8.RuneError:
		return true
	}
	return unicode.IsControl(r)
}

// singleQuotable reports whether s can be written in single quotes, which have no escapes.
func singleQuotable(s string) bool {
	return !strings.ContainsAny(s, "\n\r") && printable(s) && strings.TrimSpace(s) == s
}

// doubleQuote writes s in double quotes, escaping what must or should be.
func doubleQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case needsEscape(r) && r <= 0xFFFF:
			fmt.Fprintf(&b, `\u%04X`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
