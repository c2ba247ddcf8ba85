package brochure

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"go.yaml.in/yaml/v3"
)

func TestDefaultDataLoads(t *testing.T) {
	n, err := Load("network.yaml", testkit.Network)
	if err != nil {
		t.Fatal(err)
	}
	c := n.Count()
	if len(n.Members) != 31 || c.Current != 28 || c.Former != 3 {
		t.Errorf("members: %d (%d current, %d former), want 31 (28, 3)", len(n.Members), c.Current, c.Former)
	}
	if got := n.Edition.Stand.German(); got != "Juni 2015" {
		t.Errorf("Stand: %q, want Juni 2015", got)
	}
	if n.Members[0].AGS != "05334002" {
		t.Errorf("AGS of %s: %q, want the leading zero kept", n.Members[0].City, n.Members[0].AGS)
	}
	if *n.Leaflet.BleedMM != 3 || *n.Leaflet.InsetMM != 97 || n.Leaflet.Fold != FoldWickelfalz {
		t.Errorf("leaflet format %v %v %v", *n.Leaflet.BleedMM, *n.Leaflet.InsetMM, n.Leaflet.Fold)
	}
	if p := n.Positions.At("members[1].city"); p.Line < 50 || p.Column != 11 {
		t.Errorf("position of members[1].city: %v", p)
	}
}

// mutate replaces old by new in the default data, failing when old is not there once.
func mutate(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.Count(src, pairs[i]) < 1 {
			t.Fatalf("default data has no %q", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// TestDiagnostics runs one case per rule against the default data and compares the messages
// in English and in German with golden files.
func TestDiagnostics(t *testing.T) {
	def := string(testkit.Network)
	cases := []struct{ name, src string }{
		{"unknown-key", mutate(t, def, "  short_name:", "  shortname:", "    kreis: Kreis Warendorf", "    kreis: Kreis Warendorf\n    population: 52503")},
		{"missing-required", mutate(t, def, "  - city: Ahlen\n    ags: \"05570004\"\n", "  - city: Ahlen\n", "  name: Städtenetz Soziale Stadt NRW\n", "")},
		{"wrong-types", mutate(t, def, "founded: 1994", "founded: neunzehnhundert", "bleed_mm: 3", "bleed_mm: 3,5", "  phones: [\"0201/88-68300\", \"0201/88-68344\"]", "  phones: 0201/88-68300")},
		{"status", mutate(t, def, "status: current", "status: aktiv")},
		{"former-without-left", mutate(t, def, "    status: former\n    left: 2007\n", "    status: former\n")},
		{"current-with-left", mutate(t, def, "  - city: Bonn\n    ags: \"05314000\"\n    kreis: kreisfrei\n    regierungsbezirk: Köln\n    location: {lat: 50.734245, lon: 7.099187}\n    status: current\n",
			"  - city: Bonn\n    ags: \"05314000\"\n    kreis: kreisfrei\n    regierungsbezirk: Köln\n    location: {lat: 50.734245, lon: 7.099187}\n    status: current\n    left: 2012\n")},
		{"left-not-a-date", mutate(t, def, "    left: 2007\n", "    left: unbekannt\n", "    left: 2012\n", "    left: Unknown\n", "    left: 2010\n", "    left: [2010]\n")},
		{"left-empty", mutate(t, def, "    left: 2007\n", "    left:\n", "    left: 2012\n", "    left: \"\"\n")},
		{"current-left-unknown", mutate(t, def, "  - city: Bonn\n    ags: \"05314000\"\n    kreis: kreisfrei\n    regierungsbezirk: Köln\n    location: {lat: 50.734245, lon: 7.099187}\n    status: current\n",
			"  - city: Bonn\n    ags: \"05314000\"\n    kreis: kreisfrei\n    regierungsbezirk: Köln\n    location: {lat: 50.734245, lon: 7.099187}\n    status: current\n    left: unknown\n")},
		{"left-before-joined", mutate(t, def, "    status: former\n    left: 2007\n", "    status: former\n    joined: 2008-03\n    left: 2007\n")},
		{"bad-dates", mutate(t, def, "stand: 2015-06 ", "stand: 2015-13 ", "{name: Katernberg, since: 1993}", "{name: Katernberg, since: 1993-02-30}", "{name: Altendorf, since: 1998, until: 2013}", "{name: Altendorf, since: 1998, until: 1997}")},
		{"duplicates", mutate(t, def, "  - city: Ahlen\n    ags: \"05570004\"", "  - city: Aachen\n    ags: \"05570004\"", "  - city: Bonn\n    ags: \"05314000\"", "  - city: Bonn\n    ags: \"05570004\"")},
		{"ags", mutate(t, def, "ags: \"05334002\"", "ags: 5334002", "ags: \"05570004\"", "ags: \"09162000\"", "ags: \"05314000\"", "ags: \"0531400X\"")},
		{"coordinates", mutate(t, def, "location: {lat: 50.773516, lon: 6.084800}", "location: {lat: 6.084800, lon: 50.773516}", "location: {lat: 51.762985, lon: 7.889882}", "location: {lat: 48.1, lon: 11.5}")},
		{"contacts", mutate(t, def, "email: staedtenetz@amt68.essen.de", "email: staedtenetz(at)amt68.essen.de", "\"0201/88-68344\"", "\"ruf an\"", "    - www.soziale-stadt.nrw.de\n", "    - www soziale-stadt\n", "website: https://difu.de", "website: https://difu")},
		{"placeholders", mutate(t, def, "{{members.count}} Städte", "{{members.total}} Städte", "{{network.founded}}", "{{netzwerk.gruendung}}")},
		{"panels", mutate(t, def, "    - [knowledge]\n", "    - [knowledge, wissen]\n", "    - [membership]\n", "    - [membership, about]\n")},
		{"blocks", mutate(t, def, "      kind: qr\n", "      kind: barcode\n", "    - id: members\n      kind: members\n", "    - id: map\n      kind: members\n")},
		{"palette", mutate(t, def, "{cmyk: [0, 0, 0, 100],   rgb: \"#1d1d1b\"}", "{cmyk: [20, 20, 20, 100], rgb: \"#1d1d1b\"}", "{cmyk: [8, 0, 4, 0],      rgb: \"#eaf5f3\"}", "{cmyk: [8, 0, 4],      rgb: \"eaf5f3\"}", "{cmyk: [100, 45, 45, 55], rgb: \"#0e3c45\"}", "{cmyk: [100, 100, 100, 55], rgb: \"#0e3c45\"}")},
		{"format", mutate(t, def, "fold: wickelfalz ", "fold: altarfalz ", "bleed_mm: 3", "bleed_mm: 8", "inset_mm: 97", "inset_mm: 80", "  language: de", "  language: Deutsch")},
		{"aliases", mutate(t, def, "  - {name: Margarete Meyer, role: Leitung}", "  - &chef {name: Margarete Meyer, role: Leitung}\n    - *chef")},
		{"syntax-colon", mutate(t, def, "  short_name: Soziale Stadt NRW", "  short_name: Soziale: Stadt NRW")},
		{"syntax-indent", mutate(t, def, "  short_name: Soziale Stadt NRW", "     short_name: Soziale Stadt NRW")},
		{"tabs", mutate(t, def, "  short_name: Soziale Stadt NRW", "\tshort_name: Soziale Stadt NRW", "  founded: 1994", "\t  founded: 1994")},
		{"office-label-blank", mutate(t, def, "      paragraphs:\n        - \"Geschäftsstelle bei der {{office.host}}:\"\n        - \"{{office.people}}\\n{{office.department}}\\n{{office.street}}, {{office.postcode}} {{office.city}}\\nTel.: {{office.phones}}\\nE-Mail: {{office.email}}\"\n        - \"{{office.websites}}\"\n        - \"Stand: {{edition.stand}}\"\n", "      labels:\n        lead: Büro\n        phone: \"  \"\n        email:\n")},
		{"office-labels-with-paragraphs", mutate(t, def, "      kind: office\n", "      kind: office\n      labels: {phone: \"Telefon:\"}\n")},
		{"two-documents", def + "---\nnetwork: {}\n"},
		{"cover-not-alone", mutate(t, def, "    - [cover]\n", "    - [cover, qr]\n", "    - [office, qr]\n", "    - [office]\n")},
		{"unplaced-block", mutate(t, def, "    - [knowledge]\n", "    - []\n")},
		{"fields-not-printed", mutate(t, def, "      kind: qr\n", "      kind: qr\n      heading: Scannen Sie mich\n", "      kind: members\n", "      kind: members\n      paragraphs: [Alle Städte]\n", "      heading: Integrierte Stadtteilentwicklung\n", "      heading: Integrierte Stadtteilentwicklung\n      caption: Foto\n")},
		{"blank-texts", mutate(t, def, "      heading: Mitglieder\n", "      heading: \"   \"\n", "        - Das Städtenetz ist für weitere Städte offen, die sich für integrierte Stadtentwicklung interessieren.\n", "        - \"\"\n")},
		{"map-without-members", mutate(t, def, "    - [map, members]\n", "    - [map]\n", "    - id: members\n      kind: members\n", "")},
		{"two-maps", mutate(t, def, "    - id: members\n      kind: members\n", "    - id: members\n      kind: members\n    - id: map2\n      kind: map\n      legend: {current: a, former: b}\n", "    - [knowledge]\n", "    - [knowledge, map2]\n")},
		{"inset-zickzack", mutate(t, def, "fold: wickelfalz ", "fold: zickzack ")},
		{"output-condition", mutate(t, def, "output_condition: FOGRA39 ", "output_condition: ISOcoated ")},
		{"not-a-number", mutate(t, def, "bleed_mm: 3", "bleed_mm: .nan", "inset_mm: 97", "inset_mm: .inf", "{cmyk: [100, 20, 40, 20], rgb: \"#00707a\"}", "{cmyk: [NaN, 20, 40, 20], rgb: \"#00707a\"}")},
		{"empty-required", mutate(t, def, "  - city: Ahlen\n", "  - city: \"\"\n", "  host: Stadt Essen", "  host: ''")},
		{"empty-entries", mutate(t, def, "institutions:               # ständige Teilnehmer and partners named in the leaflet\n", "institutions:               # ständige Teilnehmer and partners named in the leaflet\n  -\n", "      - {name: Aachen-Ost}\n", "      - {name: Aachen-Ost}\n      - ~\n")},
		{"second-document-broken", def + "...\nmembers: [\n"},
		{"date-with-sign", mutate(t, def, "stand: 2015-06 ", "stand: 2015-+6 ", "{name: Katernberg, since: 1993}", "{name: Katernberg, since: \"+993\"}")},
		{"blank-list-entries", mutate(t, def, "  phones: [\"0201/88-68300\", \"0201/88-68344\"]", "  phones: [\"0201/88-68300\", ~, \" \"]", "  host: Stadt Essen", "  host: \"  \"")},
		{"numbers-as-texts", mutate(t, def, "location: {lat: 50.773516, lon: 6.084800}", "location: {lat: \"50.773516\", lon: 0x1.85p2}", "  founded: 1994", "  founded: \"1994\"")},
		{"placeholder-forms", mutate(t, def, "{{members.count}} Städte", "{{members.count|Stadt}}", "{{network.founded}}", "{{network.founded|Jahr|Jahre}}")},
		{"hyphenation-and-title-size", mutate(t, def, "  palette:  ", "  hyphenation: {StadtteilLeben: [Stadtteil, Leben], Quartier: Quar-tier, Quartier: Quartier}\n  palette:  ",
			"      heading: \"Städtenetz\\nSoziale Stadt NRW\"\n", "      heading: \"Städtenetz\\nSoziale Stadt NRW\"\n      heading_pt: 60\n",
			"      heading: Mitglieder\n", "      heading: Mitglieder\n      heading_pt: 20\n")},
		{"hyphenation-not-a-mapping", mutate(t, def, "  palette:  ", "  hyphenation: [StadtteilLeben]\n  palette:  ")},
		{"empty-placeholder-datum", mutate(t, def, "  founded: 1994\n", "", "  email: staedtenetz@amt68.essen.de\n", "")},
		{"half-a-plan", mutate(t, def, "  inside:\n    - [about, development]\n    - [knowledge]\n    - [membership]\n", "")},
		{"safety", mutate(t, def, "inset_mm: 97", "inset_mm: 97\n  safety_mm: 4")},
		{"duplex-not-a-boolean", mutate(t, def, "inset_mm: 97", "inset_mm: 97\n  duplex: ja")},
		{"flow-panels", mutate(t, def, "  inside:\n", "  flow: [inside 1, inside 3, outside 9]\n  inside:\n")},
		{"flow-one-panel", mutate(t, def, "  inside:\n", "  flow: [inside 2]\n  inside:\n")},
		{"flow-keeps-panel", mutate(t, def, "  inside:\n", "  flow: [outside 1, outside 2]\n  inside:\n")},
		{"new-blocks", mutate(t, def, "    - [knowledge]\n", "    - [knowledge, figures, quote, photo]\n",
			"    - id: knowledge\n", "    - id: figures\n      kind: figures\n      figures: []\n    - id: quote\n      kind: quote\n      caption: Jemand\n"+
				"    - id: photo\n      kind: image\n      fit: stretch\n      height_mm: 200\n      credit: \"  \"\n    - id: knowledge\n")},
		{"figures", mutate(t, def, "    - [knowledge]\n", "    - [knowledge, figures]\n",
			"    - id: knowledge\n", "    - id: figures\n      kind: figures\n      figures:\n        - {value: \"{{network.jahre}}\", label: Jahre}\n        - {value: \"2\"}\n"+
				strings.Repeat("        - {value: \"1\", label: x}\n", 5)+"    - id: knowledge\n")},
		{"image-file", mutate(t, def, "    - [knowledge]\n", "    - [knowledge, logo, photo, text]\n",
			"    - id: knowledge\n", "    - id: logo\n      kind: image\n      file: testdata/nicht-da.png\n      alt: Logo\n"+
				"    - id: photo\n      kind: image\n      file: testdata\n      alt: Foto\n"+
				"    - id: text\n      kind: image\n      file: load_test.go\n      alt: Text\n    - id: knowledge\n")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load("network.yaml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			var ds Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("error is not Diagnostics: %v", err)
			}
			for i := 1; i < len(ds); i++ {
				if ds[i].Pos.Line < ds[i-1].Pos.Line {
					t.Errorf("diagnostics not sorted: %v before %v", ds[i-1].Pos, ds[i].Pos)
				}
			}
			// The file with a lone CR for every line end, as YAML reads it: the same problems
			// at the same places.
			var crs Diagnostics
			if _, err := Load("network.yaml", []byte(strings.ReplaceAll(tc.src, "\n", "\r"))); !errors.As(err, &crs) || crs.In(i18n.English) != ds.In(i18n.English) {
				t.Errorf("with CR line ends:\n%v\nwant\n%v", err, ds.In(i18n.English))
			}
			testkit.Golden(t, filepath.Join("testdata", "diagnostics", tc.name+".golden"), ds.In(i18n.English)+"\n")
			testkit.Golden(t, filepath.Join("testdata", "diagnostics", tc.name+".de.golden"), ds.In(i18n.German)+"\n")
		})
	}
}

// TestDuplex loads leaflet.duplex: false when the data leaves it out, true as written.
func TestDuplex(t *testing.T) {
	def := string(testkit.Network)
	for _, tc := range []struct {
		src  string
		want bool
	}{{def, false}, {mutate(t, def, "inset_mm: 97", "inset_mm: 97\n  duplex: true"), true}} {
		n, err := Load("network.yaml", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if n.Leaflet.Duplex != tc.want {
			t.Errorf("leaflet.duplex = %v, want %v", n.Leaflet.Duplex, tc.want)
		}
	}
}

// TestLeftUnknown loads a former member whose leaving year no source gives: `left: unknown`
// is accepted, kept apart from a missing date, and not compared with `joined`.
func TestLeftUnknown(t *testing.T) {
	src := mutate(t, string(testkit.Network), "    status: former\n    left: 2007\n", "    status: former\n    joined: 2008-03\n    left: unknown\n")
	n, err := Load("network.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var krefeld Member
	for _, m := range n.Members {
		if m.City == "Krefeld" {
			krefeld = m
		}
	}
	if !krefeld.Left.Unknown || !krefeld.Left.Date.IsZero() || krefeld.Left.IsZero() || krefeld.Left.String() != "unknown" {
		t.Errorf("Krefeld left %+v (%q), want unknown", krefeld.Left, krefeld.Left)
	}
	if c := n.Count(); c.Former != 3 {
		t.Errorf("former members %d, want 3", c.Former)
	}
	if p := n.Positions.At("members[19].left"); p.Line != 346 || p.Column != 11 {
		t.Errorf("position of members[19].left: %v", p)
	}
	for _, tc := range []struct {
		in   string
		want Leaving
	}{{"unknown", Leaving{Unknown: true}}, {" unknown ", Leaving{Unknown: true}}, {"2012-06", Leaving{Date: Date{Year: 2012, Month: 6}}}} {
		if got, err := ParseLeaving(tc.in); err != nil || got != tc.want {
			t.Errorf("ParseLeaving(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "unbekannt", "Unknown", "?", "2012-13"} {
		if got, err := ParseLeaving(in); err == nil {
			t.Errorf("ParseLeaving(%q) = %+v, want an error", in, got)
		}
	}
}

func TestTextsAreNormalised(t *testing.T) {
	src := mutate(t, string(testkit.Network), "  short_name: Soziale Stadt NRW", "  short_name: \"Mu\\u0308nster\"", "  author: Geschäftsstelle Städtenetz Soziale Stadt NRW", "  author: \"Gesch\\aftsstelle\"")
	_, err := Load("network.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "network.yaml:18:11: network.author: the text holds the control character U+0007") {
		t.Errorf("control character: %v", err)
	}
	src = mutate(t, string(testkit.Network), "  short_name: Soziale Stadt NRW", "  short_name: \"Mu\\u0308nster\"")
	n, err := Load("network.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n.Network.ShortName != "Münster" {
		t.Errorf("combining accent not composed: %q", n.Network.ShortName)
	}
}

func TestCMYKToRGB(t *testing.T) {
	for _, tc := range []struct {
		cmyk []float64
		want string
	}{
		{[]float64{0, 0, 0, 100}, "#000000"},
		{[]float64{0, 0, 0, 0}, "#ffffff"},
		{[]float64{100, 60, 0, 10}, "#005ce6"},
		{[]float64{12.5, 0, 33.33, 0}, "#dfffaa"},
	} {
		if got := CMYKToRGB(tc.cmyk); got != tc.want {
			t.Errorf("CMYKToRGB(%v) = %s, want %s", tc.cmyk, got, tc.want)
		}
	}
}

func TestDateForms(t *testing.T) {
	for _, tc := range []struct{ in, german, numeric string }{
		{"2015", "2015", "2015"},
		{"2015-06", "Juni 2015", "06.2015"},
		{"2015-06-30", "30.06.2015", "30.06.2015"},
		{"0001-01", "Januar 1", "01.0001"},
	} {
		d, err := ParseDate(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if d.String() != tc.in || d.German() != tc.german || d.Numeric() != tc.numeric {
			t.Errorf("%s: %q %q %q", tc.in, d.String(), d.German(), d.Numeric())
		}
	}
}

func TestPlaceholdersWithForms(t *testing.T) {
	n, err := Load("network.yaml", testkit.Network)
	if err != nil {
		t.Fatal(err)
	}
	bonn, krefeld := n.Members[3], n.Members[19]
	if bonn.City != "Bonn" || krefeld.City != "Krefeld" || krefeld.Current() || len(bonn.Areas) != 2 || len(krefeld.Areas) == 0 {
		t.Fatal("the fixture has changed")
	}
	// Bonn: Dransdorf ended in 2009, Neu-Tannenbusch goes on; Krefeld is a former member.
	n.Members = []Member{bonn, krefeld}
	for _, tc := range []struct{ in, want string }{
		{"{{members.current|Stadt|Städte}}", "1 Stadt"},
		{"{{members.count|Stadt|Städte}}", "2 Städte"},
		{"{{members.former|weitere Kommune|weitere Kommunen}}", "1 weitere Kommune"},
		{"{{ members.former | eine Stadt | # Städte }}", "eine Stadt"},
		{"{{members.count|eine Stadt|# Städte}}", "2 Städte"},
		{"{{institutions.count|Institution|Institutionen}}", "3 Institutionen"},
		{"{{areas.current|Programmgebiet|Programmgebiete}}", "1 Programmgebiet"},
		{"{{areas.count}}", strconv.Itoa(2 + len(krefeld.Areas))},
	} {
		if got, err := n.Expand(tc.in); err != nil || got != tc.want {
			t.Errorf("%s: %q %v, want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestLines checks that a data file splits into lines as YAML counts them: at LF, at CR LF
// and at a lone CR, without the line breaks.
func TestLines(t *testing.T) {
	for src, want := range map[string][]string{
		"":             {""},
		"a":            {"a"},
		"a\nb\n":       {"a", "b", ""},
		"a\rb\r":       {"a", "b", ""},
		"a\r\nb\rc\nd": {"a", "b", "c", "d"},
		"\r\r\n":       {"", "", ""},
	} {
		if got := Lines([]byte(src)); !slices.Equal(got, want) {
			t.Errorf("Lines(%q) = %q, want %q", src, got, want)
		}
	}
}

// TestLineBreaksAsYAMLReadsThem checks the loader against YAML's own reading: a lone CR before
// CR LF is two line breaks (a text over them holds a line feed), a NUL after lone CRs is
// placed on their line, and a line separator YAML would read as a line break but an editor
// hides is an error at its place.
func TestLineBreaksAsYAMLReadsThem(t *testing.T) {
	src := strings.Replace(string(testkit.Network), "  host: Stadt Essen", "  host: Stadt\r\r\n    Essen", 1)
	n, err := Load("network.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Office struct{ Host string } `yaml:"office"`
	}
	if err := yaml.Unmarshal([]byte(src), &raw); err != nil {
		t.Fatal(err)
	}
	if n.Office.Host != raw.Office.Host || raw.Office.Host != "Stadt\nEssen" {
		t.Errorf("office.host reads %q, YAML reads %q", n.Office.Host, raw.Office.Host)
	}
	for _, tc := range []struct {
		src, want string
	}{
		{"a: 1\rb: 2\rc: \x00", "network.yaml:3:4: the file holds NUL bytes"},
		{"a: 1\r\nb: 2\u0085c: 3\n", "network.yaml:2:5: the file holds U+0085, a line separator"},
		{"a: 1\nb: \"x\u2028y\"\n", "network.yaml:2:6: the file holds U+2028, a line separator"},
	} {
		_, err := Load("network.yaml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %s…", tc.src, err, tc.want)
		}
	}
}
