package paint_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestQRCodeScans renders the outside page of each variant as a phone's camera would see
// it and reads the QR code with zbar: it must lead to the network's website.
func TestQRCodeScans(t *testing.T) {
	_, out := files(t)
	zbar := testkit.Tool(t, "zbarimg")
	for _, v := range []paint.Variant{paint.Print, paint.Screen} {
		t.Run(v.String(), func(t *testing.T) {
			png := filepath.Join(t.TempDir(), "page")
			testkit.Run(t, "pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-singlefile", "-png", out[v], png)
			// zbarimg prints the codes on stdout; its stderr has D-Bus noise on machines
			// without a system bus.
			got, err := exec.Command(zbar, "-q", "--raw", png+".png").Output()
			if err != nil {
				t.Fatalf("zbarimg found no code: %v", err)
			}
			if s, want := strings.TrimSpace(string(got)), testnet.Default(t).Network.Website; s != want {
				t.Errorf("the QR code says %q, want the network's website %q", s, want)
			}
		})
	}
}
