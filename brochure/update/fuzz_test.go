package update

import (
	"errors"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// FuzzPatch takes any data file that loads, changes its network in the ways an import does
// (a value changed, a key added and removed, a list item added and removed) and checks that
// the spliced file loads as exactly that network: Rewrite may find the changed data against
// the rules (Diagnostics), but never a file it cannot splice or one that reads back
// otherwise.
func FuzzPatch(f *testing.F) {
	f.Add(testkit.Network)
	f.Add([]byte("network: {name: N, website: www.n.de}\nedition: {stand: 2015}\noffice: {host: H}\n" +
		"members: [{city: A, ags: '05113000', kreis: k, regierungsbezirk: Köln, location: {lat: 51, lon: 7}, status: current}]\n" +
		"leaflet: {outside: [[c], [], []], inside: [[], [], []], blocks: [{id: c, kind: cover, heading: T}]}\n"))
	f.Add([]byte("network:\n  name: \"N\"   # name\n  website: 'www.n.de'\nedition:\n  stand: 2015\noffice:\n  host: >-\n    H\n    I\n" +
		"members:\n- city: A\n  ags: \"05113000\"\n  kreis: |\n    k\n  regierungsbezirk: Köln\n  location:\n    lat: 51\n    lon: 7\n  status: current\n  note: a\n    b\n" +
		"leaflet:\n  outside: [[c], [], []]\n  inside: [[], [], []]\n  blocks:\n  - id: c\n    kind: cover\n    heading: T\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		old, err := brochure.Load("f.yaml", src)
		if err != nil || len(src) > 1<<16 {
			return
		}
		n, err := brochure.Load("f.yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		n.Edition.Stand = brochure.Date{Year: 2024, Month: 7}
		n.Office.Host = "Stadt: Essen #1"
		n.Office.Phones = append(n.Office.Phones, "0201 1")
		n.Institutions = append(n.Institutions, brochure.Institution{Name: "Neu"})
		for i := range n.Members {
			m := &n.Members[i]
			switch i % 4 {
			case 0:
				m.Note = "Notiz: \"neu\""
				m.Areas = append(m.Areas, brochure.Area{Name: "Neu", Since: brochure.Date{Year: 2020}})
			case 1:
				m.Note, m.Sources, m.Areas = "", nil, nil
				m.Contact = &brochure.Person{Name: "P", Email: "p@example.org"}
			case 2:
				m.Kreis = "'quoted'"
			}
		}
		if len(n.Members) > 1 {
			n.Members = n.Members[1:]
		}
		_, _, err = Rewrite("f.yaml", src, old, n)
		var ds brochure.Diagnostics
		var tooLarge *TooLargeError
		if err != nil && !errors.As(err, &ds) && !errors.As(err, &tooLarge) {
			t.Fatalf("%v\n%s", err, src)
		}
	})
}
