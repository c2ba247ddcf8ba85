package layout_test

import (
	"errors"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/layout"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// FuzzLayout sets arbitrary text as the heading and a paragraph of the default data's
// knowledge block and as a member's name. Layout must not panic or hang; it either returns
// errors that name a place in the data, a panel and a block, or a plan whose every line
// stays inside its panel.
func FuzzLayout(f *testing.F) {
	f.Add("Wissen", "Kontakte und Wissen werden systematisch aufgebaut.", "Essen")
	f.Add("", "", "")
	f.Add("   ", "\u00a0\u00ad z.\u202fB. Bürger\u00adbeteiligung", "Mülheim an der Ruhr an der Ruhr an der Ruhr an der Ruhr an der Ruhr an der Ruhr")
	f.Add("Überschrift", "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsgenehmigungsantragsformularausfüllungsanleitungsverordnung", "A")
	f.Add("😀", "שלום עולם", "Zürich\u0007")
	n0 := testnet.Default(f)
	k := -1
	for i, b := range n0.Leaflet.Blocks {
		if b.ID == "knowledge" {
			k = i
		}
	}
	f.Fuzz(func(t *testing.T, heading, para, city string) {
		n := *n0
		n.Leaflet.Blocks = append([]brochure.Block(nil), n0.Leaflet.Blocks...)
		n.Members = append([]brochure.Member(nil), n0.Members...)
		n.Leaflet.Blocks[k].Heading = heading
		n.Leaflet.Blocks[k].Paragraphs = []string{para}
		n.Members[0].City = city
		checkBuild(t, &n)
	})
}

// FuzzStandardLeaflet puts arbitrary text into the data that the standard leaflet (a network
// without blocks of its own) makes its texts from: a member's city and programme area, an
// institution's name and a source's credit line. Layout must not panic or hang; it either
// returns errors that name a place in the data and the standard leaflet, or a plan whose every
// line stays inside its panel.
func FuzzStandardLeaflet(f *testing.F) {
	f.Add("Essen", "Katernberg", "Deutsches Institut für Urbanistik", "Datenquelle: Destatis")
	f.Add("", "", "", "")
	f.Add("Mülheim an der Ruhr an der Ruhr an der Ruhr an der Ruhr an der Ruhr", "{{members.count}}", "{{", "\u00ad\u00a0")
	f.Add("😀", "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsgenehmigungsantragsformular", "שלום", "a\nb")
	n0 := testnet.Network45(f)
	if !n0.Leaflet.Standard {
		f.Fatal("the 45-member network has blocks of its own")
	}
	f.Fuzz(func(t *testing.T, city, area, institution, credit string) {
		n := *n0
		n.Members = append([]brochure.Member(nil), n0.Members...)
		n.Members[0].City = city
		n.Members[0].Areas = []brochure.Area{{Name: area}}
		n.Institutions = append([]brochure.Institution(nil), n0.Institutions...)
		n.Institutions[0].Name = institution
		n.Sources = append([]brochure.Source(nil), n0.Sources...)
		n.Sources[0].Credit = credit
		n.Leaflet.Blocks, _ = brochure.StandardBlocks(&n)
		checkBuild(t, &n)
	})
}

// checkBuild lays n out: it must either return errors that name a place in the data, or a
// plan whose every line stays inside its panel.
func checkBuild(t *testing.T, n *brochure.Network) {
	t.Helper()
	plan, err := layout.Build(n, testnet.Geography)
	if err != nil {
		var es brochure.Diagnostics
		if !errors.As(err, &es) || len(es) == 0 {
			t.Fatalf("error is not brochure.Diagnostics: %v", err)
		}
		for _, e := range es {
			if e.Pos.Line < 1 || e.Msg.IsZero() {
				t.Fatalf("error without a place: %+v", e)
			}
		}
		return
	}
	checkLines(t, plan)
}
