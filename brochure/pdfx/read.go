package pdfx

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Read parses a PDF with pdfcpu in relaxed mode, without touching pdfcpu's
// configuration directory, and counts its pages.
func Read(pdf []byte) (*model.Context, error) {
	conf := &model.Configuration{
		Version:        model.VersionStr,
		Reader15:       true,
		ValidationMode: model.ValidationRelaxed,
		Eol:            types.EolLF,
		Offline:        true,
		Timeout:        5,
	}
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, fmt.Errorf("read pdf: count pages: %w", err)
	}
	return ctx, nil
}
