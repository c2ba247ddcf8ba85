package hyphen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzPoints(f *testing.F) {
	for _, s := range []string{"Städtenetz", "Nordrhein-Westfalen", "Kolleg/-innen", "Wohn\u00adumfeld", "www.a.de", "ẞTRASSE", "\xff\xfe", "--a-b--cd-ef"} {
		f.Add(s)
	}
	h := Default()
	f.Fuzz(func(t *testing.T, word string) {
		pts := h.Points(word)
		n := utf8.RuneCountInString(word)
		for i, p := range pts {
			if p <= 0 || p >= n || (i > 0 && p <= pts[i-1]) {
				t.Fatalf("Points(%q) = %v: not increasing inside (0, %d)", word, pts, n)
			}
		}
		if got, want := h.Hyphenate(word, ""), strings.ReplaceAll(string([]rune(word)), "\u00ad", ""); got != want {
			t.Fatalf("Hyphenate(%q, \"\") = %q, want %q", word, got, want)
		}
	})
}
