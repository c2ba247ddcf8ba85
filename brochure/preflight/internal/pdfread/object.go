package pdfread

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Object is a PDF object: nil (null), Bool, Number, Name, String, Array, Dict, Ref or
// *Stream; in a content stream also Bad, a word that looks like a number but is none.
type Object any

type (
	// Bool is true or false.
	Bool bool
	// Number is an integer or real number.
	Number float64
	// Name is a name without its slash, #xx escapes decoded.
	Name string
	// String holds the bytes of a literal or hexadecimal string.
	String string
	// Bad is a word that starts like a number but is none, such as 1e5 or 1.2.3.
	Bad string
	// Array is a PDF array.
	Array []Object
	// Dict is a PDF dictionary.
	Dict map[Name]Object
)

// Ref is an indirect reference "num gen R".
type Ref struct{ Num, Gen int }

// String names the object as messages do: "object 12" (or "object 12 1" for a later
// generation).
func (r Ref) String() string {
	if r.Gen != 0 {
		return fmt.Sprintf("object %d %d", r.Num, r.Gen)
	}
	return fmt.Sprintf("object %d", r.Num)
}

// Stream is a stream object: its dictionary and its data as it stands in the file.
// File.Decode decodes the data.
type Stream struct {
	Dict Dict
	Ref  Ref
	raw  []byte
}

// Name returns the name at key, or "" when the value is no name (or a reference).
func (d Dict) Name(key Name) Name {
	n, _ := d[key].(Name)
	return n
}

// Describe writes an object briefly for messages, as it would stand in a file, cut to 40
// characters.
func Describe(o Object) string {
	s := []rune(describe(o))
	if len(s) > 40 {
		s = append(s[:39], '…')
	}
	return string(s)
}

func describe(o Object) string {
	switch v := o.(type) {
	case nil:
		return "null"
	case Bool:
		return strconv.FormatBool(bool(v))
	case Number:
		return strconv.FormatFloat(float64(v), 'f', -1, 64)
	case Name:
		return "/" + Short(string(v))
	case String:
		return "(" + Short(string(v)) + ")"
	case Bad:
		return Short(string(v))
	case Array:
		return "[…]"
	case Dict:
		return "<<…>>"
	case Ref:
		return fmt.Sprintf("%d %d R", v.Num, v.Gen)
	case *Stream:
		return v.Ref.String() + " (a stream)"
	}
	return fmt.Sprintf("%v", o)
}

// Short cuts text from a file to at most 60 bytes (at a character boundary) for a
// message, marking the cut with "…": names and strings can be megabytes long.
func Short(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Kind names the type of an object for messages: "a number", "a dictionary".
func Kind(o Object) string {
	switch o.(type) {
	case nil:
		return "null"
	case Bool:
		return "a boolean"
	case Number:
		return "a number"
	case Name:
		return "a name"
	case String:
		return "a string"
	case Array:
		return "an array"
	case Dict:
		return "a dictionary"
	case *Stream:
		return "a stream"
	case Ref:
		return "a reference"
	}
	return strings.TrimSpace(Describe(o))
}
