package edition

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
)

// oddCases are the odd but valid (or nearly valid) data files in testdata/odd and what
// must come of each: "" for a complete build, otherwise the diagnostic that must name the
// place (line:column) and the problem. testdata/odd/README.md has the same table for people.
var oddCases = []struct{ file, want string }{
	{"no-members.yaml", ""},
	{"members-500.yaml", ":607:7: block \"members\" (no. 3), panel outside 1 (flap): 500 members do not fit the member list; at 7 pt the panel holds"},
	{"city-name-80.yaml", ":82:11: member \"Stadt mit einem ausgesprochen langen Namen"},
	{"word-300.yaml", ":565:11: block \"knowledge\" (no. 8), paragraphs no. 2, panel inside 2: word \"Qxxxxxxxxxxxxxxxxxxx…xxxxxxxxxx (300)\" is 499.85 mm wide"},
	{"spaces-only.yaml", ":570:16: block \"membership\" (no. 9), heading: the text is blank"},
	{"combining-accents.yaml", ""},
	{"right-to-left.yaml", ":565:11: block \"knowledge\" (no. 8), paragraphs no. 2, panel inside 2: the font Open Sans regular has no 'ש' (U+05E9)"},
	{"emoji.yaml", ":570:16: block \"membership\" (no. 9), heading, panel inside 3: the font Open Sans semibold has no '🏙' (U+1F3D9)"},
	{"control-character.yaml", ":15:15: network.short_name: the text holds the control character U+0007"},
	{"year-0.yaml", ":345:13: member \"Krefeld\" (no. 20), joined: \"0000\": the year must be 1 or later"},
	{"year-9999.yaml", ""},
	{"minimal.yaml", ""},
	{"empty-leaflet.yaml", ""},
	{"blocks-null.yaml", ":17:10: leaflet.blocks: \"blocks\" lists no block"},
}

func TestOddData(t *testing.T) {
	files, _ := filepath.Glob("testdata/odd/*.yaml")
	if len(files) != len(oddCases) {
		t.Errorf("testdata/odd has %d files, the table %d cases", len(files), len(oddCases))
	}
	for _, tc := range oddCases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "odd", tc.file)
			n, err := brochure.LoadFile(path)
			var out []string
			if err == nil {
				files, ferr := Files(n)
				err = ferr
				for _, f := range files {
					out = append(out, f.Name)
					if len(f.Data) == 0 {
						t.Errorf("%s is empty", f.Name)
					}
				}
			}
			if tc.want == "" {
				if err != nil {
					t.Fatalf("want a complete build, got %v", err)
				}
				if len(out) != 11 {
					t.Errorf("outputs %v", out)
				}
				return
			}
			var ds brochure.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("want diagnostics, got %v", err)
			}
			if !strings.Contains(err.Error(), path+tc.want) {
				t.Errorf("diagnostics\n%v\ndo not say\n%s%s", err, path, tc.want)
			}
		})
	}
}

func TestOddDataREADMEListsEveryCase(t *testing.T) {
	readme, err := os.ReadFile("testdata/odd/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range oddCases {
		if !strings.Contains(string(readme), "`"+tc.file+"`") {
			t.Errorf("README.md does not list %s", tc.file)
		}
	}
}
