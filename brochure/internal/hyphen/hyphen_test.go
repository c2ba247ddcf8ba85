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
		{"Nordrhein-Westfalen", "Nord·rhein-·West·fa·len"},
		{"Kolleg/-innen", "Kol·leg/-·in·nen"},
		{"-aktivierung", "-ak·ti·vie·rung"},
		{"Gesprächsatmosphäre", "Ge·sprächs·at·mo·sphä·re"},
		{"„Soziale", "„So·zia·le"},
		{"STÄDTENETZ", "STÄD·TE·NETZ"},
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
		{"Nordrhein-Westfalen", []int{4, 10, 14, 16}},
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
