package pdfx

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/staedtenetz-nrw/brochure/brochure/internal/pdfedit"
)

// Read parses a PDF with pdfcpu in relaxed mode, without touching pdfcpu's
// configuration directory, and counts its pages.
func Read(pdf []byte) (*model.Context, error) {
	return pdfedit.Read(pdf)
}
