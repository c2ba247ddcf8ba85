package preflight_test

import (
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
)

const registration = "[/Separation /All /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"

// TestOverprintAndRegistration wants black that overprints and registration marks in the
// slug to pass, and white that overprints, registration colour within the bleed and other
// spot colours in the slug reported.
func TestOverprintAndRegistration(t *testing.T) {
	overprint := "<< /Type /ExtGState /OP true /op true /OPM 1 >>"
	slug := func(content, cs string) minimal {
		return minimal{content: content, colourSpace: cs, bleed: "[20 20 280 280]", trim: "[30 30 270 270]"}
	}
	tests := []struct {
		name  string
		file  minimal
		rules string
		where string
	}{
		{"black overprints", minimal{extGState: overprint, content: "/GS1 gs 0 0 0 1 k 20 20 50 50 re f 0 0 0 1 K 1 w 20 20 m 80 20 l S"}, "", ""},
		{"white fill overprints", minimal{extGState: overprint, content: "/GS1 gs 0 0 0 0 k 20 20 50 50 re f"}, preflight.RuleOverprint, "page 1: overprint: white fill is set to overprint, so it would not print (k)"},
		{"white gray stroke overprints", minimal{extGState: "<< /OP true >>", content: "/GS1 gs 1 G 20 20 m 80 20 l S"}, preflight.RuleOverprint, "white stroke is set to overprint"},
		{"white knocks out", minimal{extGState: "<< /OP true /op false >>", content: "/GS1 gs 0 0 0 0 k 20 20 50 50 re f"}, "", ""},
		{"white separation tint overprints", minimal{extGState: overprint, colourSpace: registration, content: "/GS1 gs /CS0 cs 0 scn 20 20 50 50 re f"}, preflight.RuleOverprint + " " + preflight.RuleRegistration, "white fill is set to overprint"},
		{"registration marks in the slug", slug("/CS0 CS 1 SCN 0.25 w 2 30 m 16 30 l S 30 2 m 30 16 l S", registration), "", ""},
		{"registration within the bleed", slug("/CS0 CS 1 SCN 0.25 w 2 30 m 25 30 l S", registration), preflight.RuleRegistration, "page 1: registration: stroke in the registration colour (Separation /All, ink on every plate) reaches into the bleed"},
		{"registration on the page", slug("/CS0 cs 1 scn 100 100 50 50 re f", registration), preflight.RuleRegistration, "fill in the registration colour"},
		{"spot colour in the slug", slug("/CS0 CS 1 SCN 2 30 m 16 30 l S", "[/Separation /HKS#2043 /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 .6 0 0] /N 1 >>]"), preflight.RuleSpot, "stroke in spot colour Separation HKS 43"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := preflight.Check(tt.file.bytes(), preflight.Options{PrintFile: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(r.Rules(), " "); got != tt.rules {
				t.Errorf("rules %q, want %q:\n%s", got, tt.rules, r)
			}
			if !strings.Contains(r.String(), tt.where) {
				t.Errorf("report lacks %q:\n%s", tt.where, r)
			}
		})
	}
}
