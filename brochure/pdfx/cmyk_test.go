package pdfx

import (
	"strings"
	"testing"
)

func TestCMYKOperators(t *testing.T) {
	tests := []struct {
		c            CMYK
		fill, stroke string
	}{
		{Black, "0 0 0 1 k", "0 0 0 1 K"},
		{White, "0 0 0 0 k", "0 0 0 0 K"},
		{CMYK{100, 60, 0, 10}, "1 0.6 0 0.1 k", "1 0.6 0 0.1 K"},
		{CMYK{12.5, 0, 33.33, 0}, "0.125 0 0.3333 0 k", "0.125 0 0.3333 0 K"},
	}
	for _, tt := range tests {
		if got := tt.c.Fill(); got != tt.fill {
			t.Errorf("%v.Fill() = %q, want %q", tt.c, got, tt.fill)
		}
		if got := tt.c.Stroke(); got != tt.stroke {
			t.Errorf("%v.Stroke() = %q, want %q", tt.c, got, tt.stroke)
		}
	}
}

type recorder struct{ ops []string }

func (r *recorder) RawWriteStr(s string) { r.ops = append(r.ops, s) }

func TestSetFillStroke(t *testing.T) {
	var r recorder
	SetFill(&r, Black)
	SetStroke(&r, CMYK{C: 50})
	if got := strings.Join(r.ops, "|"); got != "0 0 0 1 k|0.5 0 0 0 K" {
		t.Errorf("written %q", got)
	}
}
