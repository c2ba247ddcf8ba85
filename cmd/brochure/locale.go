package main

import (
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

// language picks the language of the messages when -lang does not: the locale of the
// environment (LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them; LANGUAGE, GNU's
// list of preferences, before them unless the locale is C), else the user's language of
// the system (on Windows, where the variables are rarely set), else English.
func language(getenv func(string) string) i18n.Lang {
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(v); locale != "" {
			break
		}
	}
	if locale != "" {
		if locale == "C" || locale == "POSIX" || strings.HasPrefix(locale, "C.") {
			return i18n.English
		}
		for _, pref := range strings.Split(getenv("LANGUAGE"), ":") {
			if l, ok := i18n.Parse(pref); ok {
				return l
			}
		}
		l, _ := i18n.Parse(locale)
		return l
	}
	for _, name := range systemLanguages() {
		if l, ok := i18n.Parse(name); ok {
			return l
		}
	}
	return i18n.English
}

// langFlag finds -lang in the command line before the flags are parsed, so that even a
// mistake in the other flags is reported in the language asked for. ok is false when no
// -lang is given; value is what it names.
func langFlag(args []string) (value string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, v, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if hasValue {
			value, ok = v, true
		} else if i+1 < len(args) {
			value, ok = args[i+1], true
			i++
		}
	}
	return value, ok
}
