package brochure

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/i18n"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestNoviceMistakes makes the mistakes people new to YAML make, one at a time, in the
// frozen fixture. Each must be reported once, at the line and column of the mistake, with
// the hint that says how to put it right.
func TestNoviceMistakes(t *testing.T) {
	def := string(testkit.Network)
	for _, tc := range []struct {
		name         string
		old, new     string
		line, column int
		msg, hint    string // message IDs
	}{
		{"colon in a text", "  short_name: Soziale Stadt NRW", "  short_name: Soziale: Stadt NRW", 15, 22, "syntax.colon.text", "syntax.colon.text.hint"},
		{"colon in a list item", "        - Das Städtenetz ist für weitere Städte offen", "        - Hinweis: Das Städtenetz ist für weitere Städte offen", 573, 11, "decode.want", "decode.colon.hint"},
		{"decimal comma in braces", "location: {lat: 50.773516, lon: 6.084800}", "location: {lat: 50,773516, lon: 6.084800}", 72, 21, "decode.comma", "decode.comma.hint"},
		{"decimal comma", "  bleed_mm: 3", "  bleed_mm: 3,5", 495, 13, "decode.want", "decode.comma.hint"},
		{"tab", "  founded: 1994", "\tfounded: 1994", 16, 1, "load.tab", "load.tab.hint"},
		{"two-digit year", "stand: 2015-06 ", "stand: 30.06.15 ", 21, 10, "date.year.digits", "date.forms.hint"},
		{"month misspelt", "stand: 2015-06 ", "stand: Juno 2015 ", 21, 10, "date.month.name", "date.forms.hint"},
		{"list item without dash", "      - {name: Aachen-Ost}", "      {name: Aachen-Ost}", 76, 7, "syntax.dash", "syntax.dash.hint"},
		{"member without dash", "  - city: Ahlen", "    city: Ahlen", 82, 5, "decode.key.twice", "decode.key.twice.item.hint"},
		{"umlaut key as ue", "  founded: 1994", "  gegruendet: 1994", 16, 3, "decode.key.unknown", "decode.key.mean"},
		{"umlaut value as ue", "    regierungsbezirk: Münster\n    location: {lat: 51.762985", "    regierungsbezirk: Muenster\n    location: {lat: 51.762985", 85, 23, "valid.rb", "valid.rb.mean.hint"},
		{"indented too little", "    kreis: Kreis Warendorf", "   kreis: Kreis Warendorf", 84, 4, "syntax.indent", "syntax.indent.fix"},
		{"indented too much", "  short_name: Soziale Stadt NRW", "     short_name: Soziale Stadt NRW", 15, 6, "syntax.indent", "syntax.indent.fix"},
		{"unclosed quote", "    postcode: \"45127\"", "    postcode: \"45127", 32, 15, "syntax.quote", "syntax.quote.hint"},
		{"no space after colon", "  founded: 1994", "  founded:1994", 16, 10, "syntax.colon.space", "syntax.colon.space.hint"},
		{"no colon", "  founded: 1994", "  founded 1994", 16, 10, "syntax.colon.missing", "syntax.colon.space.hint"},
		{"at sign", "  author: Geschäftsstelle", "  author: @Geschäftsstelle", 18, 11, "syntax.char", "syntax.colon.text.hint"},
		{"German status", "status: current", "status: aktiv", 73, 13, "status.unknown", "status.current.hint"},
		{"AGS without leading zero", "ags: \"05334002\"", "ags: 5334002", 69, 10, "valid.ags", "valid.ags.hint"},
		{"coordinates swapped", "location: {lat: 50.773516, lon: 6.084800}", "location: {lat: 6.084800, lon: 50.773516}", 72, 15, "valid.location", "valid.location.swapped.hint"},
		{"former without date", "    status: former\n    left: 2007\n", "    status: former\n", 344, 13, "valid.former.left", "valid.former.left.hint"},
		{"key misspelt", "  short_name:", "  shortname:", 15, 3, "decode.key.unknown", "decode.key.mean"},
		{"postcode of four digits", "postcode: \"45127\"", "postcode: \"4512\"", 32, 15, "valid.postcode", "valid.postcode.hint"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(def, tc.old) {
				t.Fatalf("the fixture has no %q", tc.old)
			}
			_, err := Load("network.yaml", []byte(strings.Replace(def, tc.old, tc.new, 1)))
			var ds Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("want diagnostics, got %v", err)
			}
			if len(ds) != 1 {
				t.Fatalf("%d diagnostics, want 1:\n%s", len(ds), ds.In(i18n.English))
			}
			d := ds[0]
			if d.Pos != (Pos{tc.line, tc.column}) || d.Msg.ID != tc.msg || d.Hint.ID != tc.hint {
				t.Errorf("got %d:%d %s (%s), want %d:%d %s (%s)\n%s", d.Pos.Line, d.Pos.Column, d.Msg.ID, d.Hint.ID,
					tc.line, tc.column, tc.msg, tc.hint, d)
			}
		})
	}
}

// TestProblemsAfterASyntaxError checks that a syntax error hides nothing: the mistakes in
// the rest of the file are reported with it, each once.
func TestProblemsAfterASyntaxError(t *testing.T) {
	src := mutate(t, string(testkit.Network),
		"  short_name: Soziale Stadt NRW", "  short_name: Soziale: Stadt NRW",
		"    postcode: \"45127\"", "    postcode: \"45127",
		"    kreis: Kreis Warendorf", "   kreis: Kreis Warendorf",
		"status: current", "status: aktiv",
		"bleed_mm: 3", "bleed_mm: 9")
	_, err := Load("network.yaml", []byte(src))
	var ds Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("want diagnostics, got %v", err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%s@%d:%d", d.Msg.ID, d.Pos.Line, d.Pos.Column))
	}
	want := "syntax.colon.text@15:22 syntax.quote@32:15 status.unknown@73:13 syntax.indent@84:4 valid.bleed@495:13"
	if strings.Join(got, " ") != want {
		t.Errorf("got\n%s\nwant\n%s\n%s", strings.Join(got, " "), want, ds.In(i18n.English))
	}
}

func TestGermanDates(t *testing.T) {
	for _, tc := range []struct{ in, iso string }{
		{"30.06.1999", "1999-06-30"}, {"1.2.2003", "2003-02-01"}, {"06.1999", "1999-06"}, {"6.1999", "1999-06"},
		{"Juni 1999", "1999-06"}, {"juni 1999", "1999-06"}, {"Mär 2001", "2001-03"}, {"Sept. 2010", "2010-09"},
		{"30. Juni 1999", "1999-06-30"}, {"1999", "1999"}, {"1999-06", "1999-06"}, {"1999-06-30", "1999-06-30"},
	} {
		d, err := ParseDate(tc.in)
		if err != nil || d.String() != tc.iso {
			t.Errorf("%q: %v %v, want %s", tc.in, d, err, tc.iso)
		}
	}
	for _, in := range []string{"30.06.99", "31.06.1999", "13.1999", "Juno 1999", "1999/06", "0.1999", "Juni"} {
		if d, err := ParseDate(in); err == nil {
			t.Errorf("%q: %v, want an error", in, d)
		}
	}
	src := mutate(t, string(testkit.Network), "stand: 2015-06 ", "stand: Juni 2015 ", "    status: former\n    left: 2007\n", "    status: former\n    left: 30.06.2007\n")
	n, err := Load("network.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if n.Edition.Stand != (Date{2015, 6, 0}) || n.Members[19].Left.Date != (Date{2007, 6, 30}) {
		t.Errorf("Stand %v, left %v", n.Edition.Stand, n.Members[19].Left)
	}
}
