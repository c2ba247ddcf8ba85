// Package i18n holds every message the program shows, in English and in German, and renders
// them. The library never formats a message for people itself: it returns a Text (a message
// ID with its arguments), and the command line renders it in the user's language. There is
// one catalogue per language (catalogue_en.go, catalogue_de.go) with the same IDs.
//
// A message is a format in Go's fmt syntax. %q quotes a text as the language does ("x" in
// English, „x“ in German). {N:one|other} picks the singular or the plural form by the N-th
// argument (counted from 1), as in "%[1]d {1:problem|problems}".
package i18n

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Lang is a language the messages are written in.
type Lang int

// The languages of the catalogue.
const (
	English Lang = iota
	German
)

// Langs lists every language of the catalogue.
var Langs = []Lang{English, German}

// String returns the language's code: "en" or "de".
func (l Lang) String() string {
	if l == German {
		return "de"
	}
	return "en"
}

// catalogue returns the messages of the language.
func (l Lang) catalogue() map[string]string {
	if l == German {
		return german
	}
	return english
}

// Parse reads a language code or a locale name: "de", "de-AT", "de_DE.UTF-8", "en_GB",
// "German". ok is false for a language the catalogue lacks and for the locale "C".
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "de", "deu", "ger", "german", "deutsch":
		return German, true
	case "en", "eng", "english", "englisch":
		return English, true
	}
	return English, false
}

// Text is one message of the catalogue with its arguments. Arguments may be texts,
// numbers, other Texts (rendered in the same language) and errors (a Text among them is
// rendered in the language, others as they are).
type Text struct {
	ID   string
	Args []any
}

// T makes the message id with its arguments.
func T(id string, args ...any) Text { return Text{ID: id, Args: args} }

// IsZero reports whether t is no message at all.
func (t Text) IsZero() bool { return t.ID == "" }

// String renders the message in English.
func (t Text) String() string { return t.In(English) }

// Error renders the message in English, so that a Text serves as an error; the command line
// renders it in the user's language (see In and Localise).
func (t Text) Error() string { return t.In(English) }

// Equal reports whether t and u are the same message with the same arguments.
func (t Text) Equal(u Text) bool { return t.ID == u.ID && t.In(English) == u.In(English) }

// pluralRE finds {N:one|other} in a message.
var pluralRE = regexp.MustCompile(`\{(\d+):([^{}|]*)\|([^{}|]*)\}`)

// In renders the message in language l. A message the catalogue lacks (a bug that the
// catalogue's tests catch) is written as its ID and arguments.
func (t Text) In(l Lang) string {
	if t.ID == "" {
		return ""
	}
	format, ok := l.catalogue()[t.ID]
	if !ok {
		return fmt.Sprintf("%s%v", t.ID, t.Args)
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = localised(a, l)
	}
	if strings.IndexByte(format, '{') < 0 {
		return fmt.Sprintf(format, args...)
	}
	format = pluralRE.ReplaceAllStringFunc(format, func(m string) string {
		p := pluralRE.FindStringSubmatch(m)
		k, _ := strconv.Atoi(p[1])
		if k >= 1 && k <= len(t.Args) && isOne(t.Args[k-1]) {
			return p[2]
		}
		return p[3]
	})
	return fmt.Sprintf(format, args...)
}

// isOne reports whether a count argument is one, which takes the singular.
func isOne(a any) bool {
	switch v := a.(type) {
	case int:
		return v == 1
	case int64:
		return v == 1
	case float64:
		return v == 1
	}
	return false
}

// localised prepares an argument for rendering in l.
func localised(a any, l Lang) any {
	switch v := a.(type) {
	case Text:
		return text{v.In(l), l}
	case string:
		return text{v, l}
	case error:
		return text{Localise(v, l), l}
	}
	return a
}

// Localise renders an error in l: a Text or an *Error in that language, any other error
// as it is.
func Localise(err error, l Lang) string {
	if t, ok := err.(interface{ In(Lang) string }); ok {
		return t.In(l)
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// text is a string argument that quotes itself as its language does under %q.
type text struct {
	s string
	l Lang
}

// Format writes the text; under %q in the language's quotation marks, with control
// characters escaped.
func (t text) Format(f fmt.State, verb rune) {
	if verb != 'q' {
		fmt.Fprint(f, t.s)
		return
	}
	if t.l != German {
		fmt.Fprint(f, strconv.Quote(t.s))
		return
	}
	q := strconv.Quote(t.s)
	fmt.Fprint(f, "„"+strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)+"“")
}

// Error is a Text that wraps an error: the Text says what went wrong in the user's words,
// the wrapped error why (for errors.Is and errors.As).
type Error struct {
	Text
	Err error
}

// Wrap makes the message id with its arguments an error that wraps err.
func Wrap(err error, id string, args ...any) *Error {
	return &Error{Text: T(id, args...), Err: err}
}

// Error renders the message in English.
func (e *Error) Error() string { return e.Text.In(English) }

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }
