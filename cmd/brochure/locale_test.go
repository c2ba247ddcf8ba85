package main

import (
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
)

func TestLanguageFromTheEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want i18n.Lang
	}{
		{map[string]string{"LANG": "de_DE.UTF-8"}, i18n.German},
		{map[string]string{"LANG": "de_AT"}, i18n.German},
		{map[string]string{"LANG": "en_US.UTF-8"}, i18n.English},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, i18n.English},
		{map[string]string{"LANG": "C"}, i18n.English},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, i18n.English},
		{map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, i18n.German},
		{map[string]string{"LC_MESSAGES": "en_GB.UTF-8", "LC_ALL": "de_DE.UTF-8"}, i18n.German},
		{map[string]string{"LC_ALL": "C", "LANGUAGE": "de"}, i18n.English},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "fr:de:en"}, i18n.German},
	} {
		if got := language(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestLangFlagIsFoundBeforeParsing(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		ok   bool
	}{
		{[]string{"-lang", "de", "validate"}, "de", true},
		{[]string{"validate", "-data", "x.yaml", "--lang=en"}, "en", true},
		{[]string{"validate", "-lang"}, "", false},
		{[]string{"validate", "--", "-lang", "de"}, "", false},
		{[]string{"build", "-out", "lang"}, "", false},
	} {
		if got, ok := langFlag(tc.args); got != tc.want || ok != tc.ok {
			t.Errorf("%q: %q %v, want %q %v", tc.args, got, ok, tc.want, tc.ok)
		}
	}
}
