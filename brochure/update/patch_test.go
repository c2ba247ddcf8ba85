package update

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// load loads a data file for a test.
func load(t testing.TB, src []byte) *brochure.Network {
	t.Helper()
	n, err := brochure.Load("network.yaml", src)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return n
}

// clone returns a deep copy of n, made by loading its file again.
func clone(t testing.TB, src []byte) *brochure.Network { return load(t, src) }

// variants are the frozen fixture as written, with a byte-order mark and CR LF line ends,
// without a final line break, with a lone CR (which YAML reads as a line break) for every
// tenth line end, the same in CR LF, and with a lone CR before every seventh line end, written
// CR LF (two line breaks to YAML, an empty line between).
func variants() map[string][]byte {
	src := testkit.Network
	every := func(src, end string, k int, with string) []byte {
		lines := strings.SplitAfter(src, end)
		for i := k - 1; i < len(lines); i += k {
			lines[i] = strings.TrimSuffix(lines[i], end) + with
		}
		return []byte(strings.Join(lines, ""))
	}
	crlf := strings.ReplaceAll(string(src), "\n", "\r\n")
	return map[string][]byte{
		"plain":            src,
		"bom+crlf":         append([]byte("\xEF\xBB\xBF"), crlf...),
		"no final newline": bytes.TrimRight(src, "\n"),
		"lone cr":          every(string(src), "\n", 10, "\r"),
		"crlf+lone cr":     every(crlf, "\r\n", 10, "\r"),
		"cr before crlf":   every(string(src), "\n", 7, "\r\r\n"),
	}
}

func TestUnchangedIsIdentical(t *testing.T) {
	for name, src := range variants() {
		n := load(t, src)
		out, got, err := Rewrite("network.yaml", src, n, clone(t, src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out, src) {
			t.Errorf("%s: the file changed although the data did not", name)
		}
		_ = got
	}
}

// edits are changes a roster import makes, each applied to a fresh copy of the fixture.
var edits = []struct {
	name string
	edit func(n *brochure.Network)
}{
	{"change a city's Kreis", func(n *brochure.Network) { n.Members[0].Kreis = "Kreis Aachen" }},
	{"set a note with quotes and a colon", func(n *brochure.Network) { n.Members[1].Note = `Beitritt: "2016", laut Rat` }},
	{"remove a note", func(n *brochure.Network) { n.Members[1].Note = "" }},
	{"add a contact", func(n *brochure.Network) {
		n.Members[2].Contact = &brochure.Person{Name: "Erika Muster", Role: "Quartiersmanagement", Email: "e.muster@baesweiler.de", Phone: "02401 800-0"}
	}},
	{"move to former", func(n *brochure.Network) {
		n.Members[3].Status, n.Members[3].Left = brochure.StatusFormer, brochure.Leaving{Date: brochure.Date{Year: 2024, Month: 6, Day: 30}}
	}},
	{"move to former, date unknown", func(n *brochure.Network) {
		n.Members[3].Status, n.Members[3].Left = brochure.StatusFormer, brochure.Leaving{Unknown: true}
	}},
	{"a former member's date of leaving unknown after all", func(n *brochure.Network) {
		for i := range n.Members {
			if !n.Members[i].Current() {
				n.Members[i].Left = brochure.Leaving{Unknown: true}
				return
			}
		}
		panic("the fixture has no former member")
	}},
	{"move back to current", func(n *brochure.Network) {
		for i := range n.Members {
			if n.Members[i].City == "Krefeld" {
				n.Members[i].Status, n.Members[i].Left = brochure.StatusCurrent, brochure.Leaving{}
			}
		}
	}},
	{"add an area", func(n *brochure.Network) {
		n.Members[0].Areas = append(n.Members[0].Areas, brochure.Area{Name: "Aachen-Süd", Since: brochure.Date{Year: 2020}})
	}},
	{"end an area", func(n *brochure.Network) { n.Members[3].Areas[1].Until = brochure.Date{Year: 2019, Month: 12} }},
	{"remove an area", func(n *brochure.Network) { n.Members[3].Areas = n.Members[3].Areas[1:] }},
	{"remove all areas", func(n *brochure.Network) { n.Members[3].Areas = nil }},
	{"set joined", func(n *brochure.Network) { n.Members[5].Joined = brochure.Date{Year: 1999} }},
	{"change a location", func(n *brochure.Network) { n.Members[4].Location.Lat = 50.8301 }},
	{"add a source", func(n *brochure.Network) {
		n.Members[4].Sources = append(n.Members[4].Sources, "https://www.bruehl.de/vochem")
	}},
	{"remove a member", func(n *brochure.Network) { n.Members = append(n.Members[:2:2], n.Members[3:]...) }},
	{"remove the last member", func(n *brochure.Network) { n.Members = n.Members[:len(n.Members)-1] }},
	{"add a member", func(n *brochure.Network) {
		m := brochure.Member{City: "Bielefeld", AGS: "05711000", Kreis: "kreisfrei", Regierungsbezirk: "Detmold",
			Location: brochure.Location{Lat: 52.030228, Lon: 8.532471}, Status: brochure.StatusCurrent,
			Joined: brochure.Date{Year: 2024, Month: 1}, Areas: []brochure.Area{{Name: "Sieker"}},
			Contact: &brochure.Person{Name: "Max Mustermann", Email: "max@bielefeld.de"},
			Sources: []string{"https://www.bielefeld.de"}, Note: "neu"}
		n.Members = append(n.Members[:3:3], append([]brochure.Member{m}, n.Members[3:]...)...)
	}},
	{"add a member at the end", func(n *brochure.Network) {
		n.Members = append(n.Members, brochure.Member{City: "Xanten", AGS: "05170048", Kreis: "Kreis Wesel", Regierungsbezirk: "Düsseldorf",
			Location: brochure.Location{Lat: 51.66, Lon: 6.45}, Status: brochure.StatusFormer, Left: brochure.Leaving{Date: brochure.Date{Year: 2020}}})
	}},
	{"change an AGS", func(n *brochure.Network) { n.Members[0].AGS = "05334004" }},
	{"rename a city", func(n *brochure.Network) { n.Members[0].City = "Aachen (Stadt)" }},
	{"add an office phone", func(n *brochure.Network) { n.Office.Phones = append(n.Office.Phones, "0201/88-68301") }},
	{"remove an office phone", func(n *brochure.Network) { n.Office.Phones = n.Office.Phones[1:] }},
	{"change an office person", func(n *brochure.Network) { n.Office.People[1].Role = "Sachbearbeitung" }},
	{"add an office person", func(n *brochure.Network) {
		n.Office.People = append(n.Office.People, brochure.Person{Name: "Jan Neu", Email: "jan.neu@essen.de"})
	}},
	{"remove an office person", func(n *brochure.Network) { n.Office.People = n.Office.People[:1] }},
	{"change the office e-mail", func(n *brochure.Network) { n.Office.Email = "staedtenetz@essen.de" }},
	{"change the street", func(n *brochure.Network) { n.Office.Address.Street = "Rathenaustraße 2" }},
	{"add an institution", func(n *brochure.Network) {
		n.Institutions = append(n.Institutions, brochure.Institution{Name: "ILS", Role: "Forschung", Website: "https://www.ils-forschung.de"})
	}},
	{"remove an institution", func(n *brochure.Network) { n.Institutions = n.Institutions[1:] }},
	{"institution contact", func(n *brochure.Network) {
		n.Institutions[0].Contact = &brochure.Person{Name: "Thomas Franke", Email: "franke@difu.de"}
	}},
	{"change the stand", func(n *brochure.Network) { n.Edition.Stand = brochure.Date{Year: 2024, Month: 7} }},
	{"change a paragraph", func(n *brochure.Network) { n.Leaflet.Blocks[6].Paragraphs[1] = "Neuer Text mit: Doppelpunkt" }},
}

func TestEdits(t *testing.T) {
	var report strings.Builder
	for _, e := range edits {
		for vname, src := range variants() {
			old := load(t, src)
			want := clone(t, src)
			e.edit(want)
			out, _, err := Rewrite("network.yaml", src, old, want)
			if err != nil {
				t.Errorf("%s (%s): %v", e.name, vname, err)
				continue
			}
			if vname == "plain" {
				fmt.Fprintf(&report, "## %s\n%s\n", e.name, testkit.LineDiff(string(src), string(out)))
			}
			if vname == "bom+crlf" && (!bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) || bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n"))) {
				t.Errorf("%s: the byte-order mark or a CR LF line end was lost", e.name)
			}
			if vname == "crlf+lone cr" && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
				t.Errorf("%s: a line end of the CR LF file was written as LF", e.name)
			}
		}
	}
	testkit.Golden(t, "testdata/edits.golden", report.String())
}

var _ = rand.IntN

// awkward are texts that are hard to write in YAML.
var awkward = []string{"x", "a: b", "a #b", "#x", "- x", "'x", `"x"`, "yes", "null", "~", "123", "0.5", "1e3",
	"2015-06-30", "a\nb", "ü", "a\u00a0b", "🙂", "{x}", "[x]", "a, b", "&a", "*a", "!x", "%x", "@x", "`x", "x:",
	"? x", "| x", "> x", "a\\b", "'", "''", "a'b", " lead", "trail ", "a  b", "…", "„Zitat“"}

// TestRandomEdits applies random sequences of edits and checks that the file reads back as
// the data asked for.
func TestRandomEdits(t *testing.T) {
	src := testkit.Network
	old := load(t, src)
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return awkward[rng.IntN(len(awkward))] }
	for round := range 60 {
		n := clone(t, src)
		for range 1 + rng.IntN(8) {
			m := &n.Members[rng.IntN(len(n.Members))]
			switch rng.IntN(12) {
			case 0:
				m.Note = pick()
			case 1:
				m.Kreis = pick()
			case 2:
				m.City = m.City + " " + pick()
			case 3:
				m.Contact = &brochure.Person{Name: pick(), Role: pick()}
			case 4:
				m.Contact = nil
			case 5:
				m.Areas = append(m.Areas, brochure.Area{Name: pick(), Since: brochure.Date{Year: 2000 + rng.IntN(20)}})
			case 6:
				if len(m.Areas) > 0 {
					m.Areas[rng.IntN(len(m.Areas))].Name = pick()
				}
			case 7:
				if len(m.Areas) > 0 {
					i := rng.IntN(len(m.Areas))
					m.Areas = append(m.Areas[:i:i], m.Areas[i+1:]...)
				}
			case 8:
				i := rng.IntN(len(n.Members))
				n.Members = append(n.Members[:i:i], n.Members[i+1:]...)
			case 9:
				c := *m
				c.City, c.AGS = "Neustadt "+pick(), fmt.Sprintf("05%06d", rng.IntN(1000000))
				c.Areas, c.Sources = nil, []string{"https://example.org/" + fmt.Sprint(rng.IntN(100))}
				i := rng.IntN(len(n.Members) + 1)
				n.Members = append(n.Members[:i:i], append([]brochure.Member{c}, n.Members[i:]...)...)
			case 10:
				n.Leaflet.Blocks[6].Paragraphs[rng.IntN(2)] = "Text " + pick()
			case 11:
				n.Office.People = append(n.Office.People, brochure.Person{Name: pick()})
			}
		}
		if _, _, err := Rewrite("network.yaml", src, old, n); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
}

// TestBreaksInsideAText checks an import into a file whose text runs over a lone CR and a
// CR LF (two line breaks to YAML, so the text holds a line feed): an unrelated change is
// spliced in and the text reads as before.
func TestBreaksInsideAText(t *testing.T) {
	src := []byte(strings.Replace(string(testkit.Network), "  host: Stadt Essen", "  host: Stadt\r\r\n    Essen", 1))
	old := load(t, src)
	want := clone(t, src)
	want.Office.Email = "staedtenetz@essen.de"
	_, got, err := Rewrite("network.yaml", src, old, want)
	if err != nil {
		t.Fatal(err)
	}
	if got.Office.Host != "Stadt\nEssen" || got.Office.Email != want.Office.Email {
		t.Errorf("host %q, e-mail %q", got.Office.Host, got.Office.Email)
	}
}
