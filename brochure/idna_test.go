package brochure

import (
	"errors"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestInternationalDomainNames checks that addresses with umlauts are accepted and written
// in ASCII (punycode) for links and in Unicode for print.
func TestInternationalDomainNames(t *testing.T) {
	for _, tc := range []struct{ in, link, display string }{
		{"www.köln.de", "https://www.xn--kln-sna.de", "www.köln.de"},
		{"https://www.köln.de/bürger/", "https://www.xn--kln-sna.de/b%C3%BCrger/", "www.köln.de/bürger"},
		{"https://www.xn--kln-sna.de", "https://www.xn--kln-sna.de", "www.köln.de"},
		{"www.essen.de/seite", "https://www.essen.de/seite", "www.essen.de/seite"},
	} {
		if got := LinkURL(tc.in); got != tc.link {
			t.Errorf("LinkURL(%q) = %q, want %q", tc.in, got, tc.link)
		}
		if got := DisplayURL(tc.in); got != tc.display {
			t.Errorf("DisplayURL(%q) = %q, want %q", tc.in, got, tc.display)
		}
	}
	if got := MailtoURL("info@köln.de"); got != "mailto:info@xn--kln-sna.de" {
		t.Errorf("MailtoURL: %q", got)
	}
	src := mutate(t, string(testkit.Network), "website: https://www.soziale-stadt.nrw.de", "website: www.städtenetz-soziale-stadt.de",
		"email: staedtenetz@amt68.essen.de", "email: städtenetz@stadt-köln.de", "website: https://difu.de", "website: https://WWW.Difu.DE")
	_, err := Load("network.yaml", []byte(src))
	var ds Diagnostics
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Path != "office.email" {
		t.Fatalf("want one problem, with the umlaut before the @, got %v", err)
	}
	src = mutate(t, string(testkit.Network), "website: https://www.soziale-stadt.nrw.de", "website: www.städtenetz-soziale-stadt.de",
		"email: staedtenetz@amt68.essen.de", "email: staedtenetz@stadt-köln.de")
	if _, err := Load("network.yaml", []byte(src)); err != nil {
		t.Fatalf("addresses with umlauts: %v", err)
	}
	for _, bad := range []string{"www.kö ln.de", "https://xn--.de", "www.köln-.de", "https://www.k\u00f6ln..de"} {
		src := mutate(t, string(testkit.Network), "website: https://difu.de", "website: \""+bad+"\"")
		if _, err := Load("network.yaml", []byte(src)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
