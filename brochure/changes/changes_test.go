package changes

import (
	"slices"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		a, b           string
		removed, added []string
	}{
		{"a b c", "a b c", nil, nil},
		{"Das Städtenetz ist offen", "Das Städtenetz ist für alle offen", nil, []string{"für", "alle"}},
		{"eins zwei drei", "eins drei vier", []string{"zwei"}, []string{"vier"}},
		{"", "neu", nil, []string{"neu"}},
	} {
		removed, added := wordDiff(strings.Fields(tc.a), strings.Fields(tc.b))
		if !slices.Equal(removed, tc.removed) || !slices.Equal(added, tc.added) {
			t.Errorf("%q → %q: removed %q, added %q; want %q, %q", tc.a, tc.b, removed, added, tc.removed, tc.added)
		}
	}
	// Texts too long for the table are compared as bags of words.
	long := strings.Repeat("Wort ", 3000)
	removed, added := wordDiff(strings.Fields(long+"alt"), strings.Fields("neu "+long))
	if !slices.Equal(removed, []string{"alt"}) || !slices.Equal(added, []string{"neu"}) {
		t.Errorf("long texts: removed %q, added %q", removed, added)
	}
}

// TestBetween lists the changes of a member that moves, one that is renamed and keeps its
// AGS, and an unchanged network.
func TestBetween(t *testing.T) {
	old, n := testnet.Default(t), testnet.Default(t)
	if l := Between(old, n); !l.Empty() || l.Counts.Current != [2]int{28, 28} {
		t.Errorf("no changes expected: %+v", l)
	}
	n.Members[3].Status, n.Members[3].Left = brochure.StatusFormer, brochure.Leaving{Date: brochure.Date{Year: 2024}}
	n.Members[0].City = "Aachen (Stadt)"
	l := Between(old, n)
	want := []Change{
		{Kind: Left, Subject: "Bonn", Date: "2024"},
		{Kind: Member, Subject: "Aachen (Stadt)", Field: "city", Old: "Aachen", New: "Aachen (Stadt)"},
	}
	if !slices.Equal(l.Changes, want) {
		t.Errorf("changes %+v, want %+v", l.Changes, want)
	}
	if l.Counts.Current != [2]int{28, 27} || l.Counts.Former != [2]int{3, 4} {
		t.Errorf("counts %+v", l.Counts)
	}
}

// TestBetweenStandardLeaflets checks that two networks whose leaflets are both made from
// their data differ in the data only: a renamed programme area is a change of the member's
// areas (one added, one removed), not also one of the leaflet's text, its panels or the flow
// that Load fills in where the file names none.
func TestBetweenStandardLeaflets(t *testing.T) {
	old := testnet.Network45(t)
	n := *old
	n.Members = slices.Clone(old.Members)
	n.Members[0].Areas = slices.Clone(old.Members[0].Areas)
	n.Members[0].Areas[0].Name = "Aachen-Mitte"
	n.Leaflet.Blocks, _ = brochure.StandardBlocks(&n)
	n.Leaflet.Inside = [][]string{{"figures"}, {"areas", "institutions"}, {"sources"}}
	n.Leaflet.Flow = []string{}
	l := Between(old, &n)
	if len(l.Changes) != 2 || slices.ContainsFunc(l.Changes, func(c Change) bool { return c.Kind == Leaflet }) {
		t.Errorf("changes %+v, want the member's areas only", l.Changes)
	}
}
