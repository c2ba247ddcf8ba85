package preflight_test

import (
	"errors"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight"
	"github.com/staedtenetz-nrw/brochure/brochure/preflight/preflighttest"
)

// FuzzCheck feeds arbitrary bytes to Check: it must not panic (Check turns a panic into
// ErrInternal, which fails here) nor exceed its limits of time and memory (the fuzzer's
// own), and it either reads the file, with findings that name their rule and say
// something, or says why it cannot. The seeds are our print files and the hostile and
// benign files of preflighttest but the costly ones.
func FuzzCheck(f *testing.F) {
	f.Add(pdfxtest.Finished(f, pdfxtest.Break{RGBText: true, SmallText: true, NearFold: true}))
	for _, c := range preflighttest.Cases(f) {
		if c.PDF != nil && !c.Costly {
			f.Add(c.PDF)
		}
	}
	opt := preflight.Options{PrintFile: true, Folds: pdfxtest.Folds}
	f.Fuzz(func(t *testing.T, pdf []byte) {
		r, err := preflight.Check(pdf, opt)
		if errors.Is(err, preflight.ErrInternal) {
			t.Fatal(err)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without a message")
			}
			return
		}
		for _, fd := range r.Findings {
			if fd.Rule == "" || fd.Message == "" {
				t.Fatalf("finding without rule or message: %+v", fd)
			}
		}
	})
}
