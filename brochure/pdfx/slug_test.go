package pdfx_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx/pdfxtest"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// TestFinishWithSlug makes the variant with marks of the sample: a larger page whose boxes
// keep the trim and bleed around the moved content, eight crop marks and two dashed fold
// marks per fold in the registration colour /Separation /All, and nothing else changed.
func TestFinishWithSlug(t *testing.T) {
	raw := pdfxtest.Leaflet(t, pdfxtest.Break{})
	meta := pdfxtest.Meta()
	meta.Slug = 10
	meta.Folds = map[int][]float64{1: {97, 197}, 2: {100, 200}}
	marked, err := pdfx.Finish(raw, meta)
	if err != nil {
		t.Fatal(err)
	}
	plain := testkit.Run(t, "qpdf", "--qdf", "--object-streams=disable", writeTemp(t, pdfxtest.Finished(t, pdfxtest.Break{})), "-")
	if strings.Contains(plain, " cm\n") || strings.Contains(plain, "/All CS") {
		t.Fatal("the plain file already has marks: the test shows nothing")
	}
	out := testkit.Run(t, "pdfinfo", "-box", "-f", "1", "-l", "2", writeTemp(t, marked))
	for _, want := range []string{
		"Page    1 MediaBox:     0.00     0.00   898.59   651.97",
		"Page    1 TrimBox:     28.35    28.35   870.24   623.62",
		"Page    2 BleedBox:    19.84    19.84   878.74   632.13",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("pdfinfo -box lacks %q:\n%s", want, out)
		}
	}
	qdf := testkit.Run(t, "qpdf", "--qdf", "--object-streams=disable", writeTemp(t, marked), "-")
	if !regexp.MustCompile(`/All \[\s*/Separation\s*/All\s*/DeviceCMYK`).MatchString(qdf) {
		t.Error("the registration colour /Separation /All is not defined in the resources")
	}
	if n := strings.Count(qdf, "/All CS 1 SCN"); n != 2 {
		t.Errorf("%d strokes in the registration colour, want one marks stream per page", n)
	}
	for i, m := range regexp.MustCompile(`(?s)/All CS 1 SCN\n(.*?)\nQ`).FindAllStringSubmatch(qdf, -1) {
		lines := strings.Count(m[1], " l S")
		dashed := strings.Count(m[1][strings.Index(m[1], "] 0 d"):], " l S")
		if lines != 8+4 || dashed != 4 {
			t.Errorf("page %d: %d mark lines (%d dashed), want 8 crop and 4 dashed fold marks", i+1, lines, dashed)
		}
	}
	if !strings.Contains(qdf, "q 1 0 0 1 19.843 19.843 cm") {
		t.Error("the content is not moved by the slug's extra 7 mm")
	}
	testkit.Run(t, "qpdf", "--check", writeTemp(t, marked))
}
