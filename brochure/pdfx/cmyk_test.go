package pdfx

import (
	"strings"
	"testing"
)

func TestCMYKOperators(t *testing.T) {
	tests := []struct {
		c            CMYK
		fill, stroke string
		r, g, b      uint8
	}{
		{Black, "0 0 0 1 k", "0 0 0 1 K", 0, 0, 0},
		{White, "0 0 0 0 k", "0 0 0 0 K", 255, 255, 255},
		{CMYK{100, 60, 0, 10}, "1 0.6 0 0.1 k", "1 0.6 0 0.1 K", 0, 92, 230},
		{CMYK{12.5, 0, 33.33, 0}, "0.125 0 0.3333 0 k", "0.125 0 0.3333 0 K", 223, 255, 170},
	}
	for _, tt := range tests {
		if got := tt.c.Fill(); got != tt.fill {
			t.Errorf("%v.Fill() = %q, want %q", tt.c, got, tt.fill)
		}
		if got := tt.c.Stroke(); got != tt.stroke {
			t.Errorf("%v.Stroke() = %q, want %q", tt.c, got, tt.stroke)
		}
		r, g, b := tt.c.RGB()
		if r != tt.r || g != tt.g || b != tt.b {
			t.Errorf("%v.RGB() = %d %d %d, want %d %d %d", tt.c, r, g, b, tt.r, tt.g, tt.b)
		}
	}
}

func TestCMYKValidate(t *testing.T) {
	tests := []struct {
		c    CMYK
		want string // "" for valid
	}{
		{Black, ""},
		{CMYK{100, 100, 100, 0}, ""},
		{CMYK{100, 100, 100, 0.5}, "total ink 300.5 % is over 300 %"},
		{Registration, "total ink 400 %"},
		{CMYK{-1, 0, 0, 0}, "cyan is -1 %"},
		{CMYK{0, 0, 101, 0}, "yellow is 101 %"},
	}
	for _, tt := range tests {
		err := tt.c.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%v.Validate() = %v, want nil", tt.c, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%v.Validate() = %v, want error containing %q", tt.c, err, tt.want)
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
