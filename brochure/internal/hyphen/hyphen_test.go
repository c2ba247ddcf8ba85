package hyphen

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/hyphen/internal/liang"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

func TestGeneratedBlobUpToDate(t *testing.T) {
	src, err := os.ReadFile("data/hyph-de-1996.pat.txt")
	if err != nil {
		t.Fatal(err)
	}
	blob, err := liang.Compile(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(blob, deBlob) {
		t.Fatal("data/hyph-de-1996.trie is stale: run go generate ./brochure/hyphen")
	}
}

func TestLeafletWords(t *testing.T) {
	h := Default()
	for _, tc := range []struct{ word, want string }{
		{"Städtenetz", "Städ·te·netz"},
		{"Stadtteilentwicklung", "Stadt·teil·ent·wick·lung"},
		{"Wohnumfeldverbesserung", "Wohn·um·feld·ver·bes·se·rung"},
		{"Qualitätssteigerung", "Qua·li·täts·stei·ge·rung"},
		{"Imageverbesserung", "Image·ver·bes·se·rung"},
		{"Nordrhein-Westfalen", "Nordrhein-·Westfalen"},    // only at its own hyphen
		{"Bund-Länder-Programm", "Bund-·Länder-·Programm"}, // no "Pro-gramm"
		{"Kolleg/-innen", "Kolleg/-·innen"},
		{"-aktivierung", "-ak·ti·vie·rung"},                // a leading hyphen joins nothing
		{"Gesprächsatmosphäre", "Ge·sprächs·at·mo·sphäre"}, // three letters after the last point
		{"„Soziale", "„So·ziale"},
		{"„StadtteilLeben“", "„StadtteilLeben“"}, // CamelCase: a name
		{"STÄDTENETZ", "STÄDTENETZ"},             // all capitals
		{"NRW-Städte", "NRW-·Städte"},
		{"1990er", "1990er"}, // digits
		{"Ost-Ab", "Ost-Ab"}, // two letters after the hyphen
		{"Ab-Ost", "Ab-·Ost"},
		{"Schifffahrt", "Schiff·fahrt"},
		{"E-Mail", "E-Mail"},               // one letter before the hyphen: no break
		{"0201/88-68300", "0201/88-68300"}, // no letters
		{"www.soziale-stadt.nrw.de", "www.soziale-stadt.nrw.de"},
		{"staedtenetz@amt68.essen.de", "staedtenetz@amt68.essen.de"},
		{"Wohn\u00adumfeldverbesserung", "Wohn·umfeldverbesserung"}, // only the soft hyphen
		{"NRW", "NRW"},
		{"", ""},
	} {
		if got := h.Hyphenate(tc.word, "·"); got != tc.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestPointsOffsets(t *testing.T) {
	h := Default()
	for _, tc := range []struct {
		word string
		want []int
	}{
		{"Städtenetz", []int{4, 6}},
		{"Nordrhein-Westfalen", []int{10}},
		{"Stadt\u00adteil", []int{6}},
		{"\u00adStadt\u00ad", nil}, // soft hyphens at the edges break nothing
		{"ab", nil},
	} {
		if got := h.Points(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("Points(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestNilHyphenatorKeepsExplicitPoints(t *testing.T) {
	var h *Hyphenator
	for _, tc := range []struct{ word, want string }{
		{"Städtenetz", "Städtenetz"},
		{"Nordrhein-Westfalen", "Nordrhein-·Westfalen"},
		{"Stadt\u00adteil", "Stadt·teil"},
	} {
		if got := h.Hyphenate(tc.word, "·"); got != tc.want {
			t.Errorf("nil.Hyphenate(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestParseLiangExample(t *testing.T) {
	// The patterns that hyphenate "hyphenation" in Liang's thesis and the TeXbook.
	h, err := Parse([]byte("hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Hyphenate("hyphenation", "-"); got != "hy-phen-ation" {
		t.Errorf("got %q, want hy-phen-ation", got)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"", "% only a comment\n", "a8b", "12"} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", src)
		}
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() { got[i] = Default().Hyphenate("Stadtteilentwicklung", "-") })
	}
	wg.Wait()
	for _, g := range got {
		if g != "Stadt-teil-ent-wick-lung" {
			t.Fatalf("concurrent Hyphenate gave %q", g)
		}
	}
}

func TestGoldenWords(t *testing.T) {
	src, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	h := Default()
	var b strings.Builder
	for _, w := range strings.Split(string(src), "\n") {
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		fmt.Fprintf(&b, "%-32q %-36s %v\n", w, h.Hyphenate(w, "·"), h.Points(w))
	}
	testkit.Golden(t, "testdata/words.golden", b.String())
}

func TestExceptions(t *testing.T) {
	h, err := Default().WithExceptions(map[string]string{
		"Wohnumfeldverbesserung": "Wohn-umfeld-ver-bes-se-rung",
		"Städtenetz":             "Städtenetz",
		"StadtteilLeben":         "Stadtteil-Leben",
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ word, want string }{
		{"Wohnumfeldverbesserung,", "Wohn·umfeld·ver·bes·se·rung,"},
		{"Städtenetz", "Städtenetz"},
		{"STÄDTENETZ", "STÄDTENETZ"},
		{"städtenetz", "städtenetz"},
		{"Städtenetzes", "Städ·te·net·zes"}, // another word
		{"„StadtteilLeben“", "„Stadtteil·Leben“"},
		{"Städtenetz-Treffen", "Städtenetz-·Treffen"},
		{"Stadtteilentwicklung", "Stadt·teil·ent·wick·lung"}, // patterns as before
	} {
		if got := h.Hyphenate(tc.word, "·"); got != tc.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	if got := Default().Hyphenate("Städtenetz", "·"); got != "Städ·te·netz" {
		t.Errorf("WithExceptions changed the default hyphenator: %q", got)
	}
	var none *Hyphenator
	h, err = none.WithExceptions(map[string]string{"Stadtteilarbeit": "Stadtteil-arbeit"})
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Hyphenate("Stadtteilarbeit Stadtteilentwicklung", "·"); got != "Stadtteil·arbeit Stadtteilentwicklung" {
		t.Errorf("exceptions without patterns: %q", got)
	}
}

func TestBadExceptions(t *testing.T) {
	for _, tc := range []struct{ word, marked, want string }{
		{"Nordrhein-Westfalen", "Nord-rhein-Westfalen", "letters only"},
		{"Stadt", "Sta-dt-", "at its start, its end or twice"},
		{"Stadt", "-Stadt", "at its start, its end or twice"},
		{"Stadt", "St--adt", "at its start, its end or twice"},
		{"Stadt", "Sta-tt", "not the same word"},
		{"Stadt", "", "not the same word"},
		{"", "", "empty"},
	} {
		err := ExceptionError(tc.word, tc.marked)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ExceptionError(%q, %q) = %v, want an error saying %q", tc.word, tc.marked, err, tc.want)
		}
		if _, err := Default().WithExceptions(map[string]string{tc.word: tc.marked}); err == nil {
			t.Errorf("WithExceptions accepts %q: %q", tc.word, tc.marked)
		}
	}
	if _, err := Default().WithExceptions(map[string]string{"Stadt": "Stadt", "STADT": "STADT"}); err == nil || !strings.Contains(err.Error(), "listed as") {
		t.Errorf("two keys that differ in case: %v", err)
	}
}
