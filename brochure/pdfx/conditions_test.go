package pdfx_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/pdfx"
)

// TestConditionsMatchTheModel checks that the conditions the data may name are exactly those
// that the PDF/X finishing knows, and that both default to the same one.
func TestConditionsMatchTheModel(t *testing.T) {
	var known []string
	for id := range pdfx.Conditions {
		known = append(known, id)
	}
	sort.Strings(known)
	if !slices.Equal(known, brochure.OutputConditions) {
		t.Errorf("pdfx knows %v, the model accepts %v", known, brochure.OutputConditions)
	}
	if pdfx.DefaultCondition != brochure.DefaultOutputCondition {
		t.Errorf("defaults differ: pdfx %s, model %s", pdfx.DefaultCondition, brochure.DefaultOutputCondition)
	}
}
