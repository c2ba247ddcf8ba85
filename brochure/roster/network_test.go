package roster

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// destatisCredit is the credit line the Destatis data asks for.
const destatisCredit = "Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, " +
	"Datenlizenz Deutschland – Namensnennung – Version 2.0 (www.govdata.de/dl-de/by-2-0)"

// ministryList is the web address of the state ministry's member list, a source of most
// memberships.
const ministryList = "http://www.vm.nrw.de/stadtentwicklung/foerderung_und_instrumente/Staedtenetz_Soziale_Stadt_NRW/index.php"

// testNetwork builds a network like the default data: the 31 cities on record, three of them
// former members, some programme areas, the office in Essen and Difu. Two dates lie beyond
// what Excel shows as dates: Bonn joined in 1850, Leverkusen leaves in 9999.
func testNetwork(t testing.TB) *brochure.Network {
	t.Helper()
	f, err := os.Open("testdata/cities.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	former := map[string]brochure.Date{"Krefeld": {Year: 2007}, "Leverkusen": {Year: 9999}, "Münster": {Year: 2010, Month: 12}}
	areas := map[string][]brochure.Area{
		"Aachen":     {{Name: "Aachen-Nord", Since: brochure.Date{Year: 2015}}, {Name: "Aachen-Ost"}},
		"Bonn":       {{Name: "Dransdorf", Since: brochure.Date{Year: 1999}, Until: brochure.Date{Year: 2009}}, {Name: "Neu-Tannenbusch", Since: brochure.Date{Year: 2009, Month: 12}}},
		"Dortmund":   {{Name: "Nordstadt"}, {Name: "Scharnhorst-Ost", Since: brochure.Date{Year: 1994}, Until: brochure.Date{Year: 2005}}, {Name: "Westerfilde & Bodelschwingh", Since: brochure.Date{Year: 2014, Month: 12}}},
		"Krefeld":    {{Name: "Krefeld-Süd", Since: brochure.Date{Year: 1997, Month: 2}, Until: brochure.Date{Year: 2007, Month: 1, Day: 1}}},
		"Leverkusen": {{Name: "Rheindorf-Nord", Since: brochure.Date{Year: 2007, Month: 2}, Until: brochure.Date{Year: 2012}}},
		"Münster":    {{Name: "Kinderhaus-Brüningheide", Since: brochure.Date{Year: 2007}, Until: brochure.Date{Year: 2010}}},
		"Witten":     {{Name: "Annen", Since: brochure.Date{Year: 2007}, Until: brochure.Date{Year: 2014}}},
	}
	n := &brochure.Network{
		Network: brochure.Info{Name: "Städtenetz Soziale Stadt NRW", ShortName: "Soziale Stadt NRW", Founded: 1994,
			Website: "www.soziale-stadt.nrw.de"},
		Edition: brochure.Edition{Stand: brochure.Date{Year: 2015, Month: 6}, Language: "de"},
		Office: brochure.Office{Host: "Stadt Essen", Department: "Amt für Stadterneuerung und Bodenmanagement",
			People:  []brochure.Person{{Name: "Margarete Meyer", Role: "Leitung"}, {Name: "Luise Jäger"}},
			Address: brochure.Address{Street: "Rathenaustr. 2", Postcode: "45127", City: "Essen"},
			Phones:  []string{"0201/88-68300", "0201/88-68344"}, Email: "staedtenetz@amt68.essen.de",
			Websites: []string{"www.essen.de/staedtenetz"}},
		Institutions: []brochure.Institution{{Name: "Deutsches Institut für Urbanistik", Short: "Difu",
			Role: "ständiger Teilnehmer", Website: "https://difu.de",
			Contact: &brochure.Person{Name: "Thomas Franke", Role: "Projektleitung", Email: "franke@difu.de"}}},
		Sources: []brochure.Source{
			{ID: "destatis-gvisys-2020", Credit: destatisCredit, Licence: "dl-de/by-2-0",
				URL: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/_inhalt.html"},
			{ID: "naturalearth", Credit: "Made with Natural Earth", Licence: "public domain", URL: "https://www.naturalearthdata.com"},
		},
	}
	for _, r := range records[1:] {
		lat, _ := strconv.ParseFloat(r[4], 64)
		lon, _ := strconv.ParseFloat(r[5], 64)
		m := brochure.Member{City: r[0], AGS: r[1], Kreis: r[2], Regierungsbezirk: r[3],
			Location: brochure.Location{Lat: lat, Lon: lon}, Status: brochure.StatusCurrent,
			Joined: brochure.Date{Year: 1999}, Areas: areas[r[0]], Sources: []string{ministryList}}
		if m.City == "Aachen" {
			m.Sources = append(m.Sources, "https://soziale-stadt-nrw.de/stadtteile-und-projekte/aachen-nord")
		}
		if left, ok := former[r[0]]; ok {
			m.Status, m.Left = brochure.StatusFormer, brochure.Leaving{Date: left}
		}
		if m.City == "Bonn" {
			m.Joined = brochure.Date{Year: 1850}
		}
		if m.City == "Essen" {
			m.Joined = brochure.Date{Year: 1999, Month: 3, Day: 15}
			m.Contact = &brochure.Person{Name: "Margarete Meyer", Email: "staedtenetz@amt68.essen.de", Phone: "0201/88-68300"}
		}
		n.Members = append(n.Members, m)
	}
	return n
}

// hostileNetwork has names and contacts that a spreadsheet could take for formulas.
func hostileNetwork() *brochure.Network {
	return &brochure.Network{
		Network: brochure.Info{Name: "=Netz", Website: "www.example.org"},
		Edition: brochure.Edition{Stand: brochure.Date{Year: 2024, Month: 1, Day: 31}},
		Office:  brochure.Office{Host: "@Host", People: []brochure.Person{{Name: "-1+2", Phone: "+49 201 1234"}}},
		Members: []brochure.Member{{City: `=HYPERLINK("http://example.org","x")`, AGS: "05113000", Kreis: "kreisfrei",
			Regierungsbezirk: "Düsseldorf", Status: brochure.StatusCurrent, Joined: brochure.Date{Year: 2000},
			Areas:   []brochure.Area{{Name: "+SUM(1;2)"}},
			Contact: &brochure.Person{Name: "=1+1", Email: "a&b@example.org", Phone: "\t=2"}}},
		Institutions: []brochure.Institution{{Name: "'=quoted"}},
	}
}

// syntheticNetwork has size members: every tenth a former one, each with one programme
// area and a contact.
func syntheticNetwork(size int) *brochure.Network {
	n := &brochure.Network{
		Network: brochure.Info{Name: "Synthetisches Netz", Website: "www.example.org"},
		Edition: brochure.Edition{Stand: brochure.Date{Year: 2025, Month: 1, Day: 1}},
		Office:  brochure.Office{Host: "Stadt Essen", Email: "office@example.org", Phones: []string{"0201 1"}},
		Sources: []brochure.Source{{ID: "destatis", Credit: destatisCredit}},
	}
	n.Members = make([]brochure.Member, size)
	for i := range n.Members {
		m := &n.Members[i]
		m.City = fmt.Sprintf("Stadt %06d", i)
		m.AGS = fmt.Sprintf("05%06d", i)
		m.Kreis = fmt.Sprintf("Kreis %d", i%31)
		m.Regierungsbezirk = brochure.Regierungsbezirke[i%len(brochure.Regierungsbezirke)]
		m.Status = brochure.StatusCurrent
		m.Joined = brochure.Date{Year: 1999 + i%20, Month: i % 13, Day: (i % 13 / 12) * (1 + i%28)}
		if i%10 == 9 {
			m.Status, m.Left = brochure.StatusFormer, brochure.Leaving{Date: brochure.Date{Year: 2020}}
		}
		m.Areas = []brochure.Area{{Name: fmt.Sprintf("Stadtteil %d", i), Since: brochure.Date{Year: 2000 + i%20}}}
		m.Contact = &brochure.Person{Name: fmt.Sprintf("Person %d", i), Email: fmt.Sprintf("p%d@example.org", i),
			Phone: fmt.Sprintf("0%d/%d", 200+i%800, i)}
	}
	return n
}
