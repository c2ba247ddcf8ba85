package pdfread

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestContent(t *testing.T) {
	src := `q 0 0 0 1 k % comment
BT /F1 9 Tf 12.5 -3 Td (a\(b\)\101) Tj [<0041> -250 (c)] TJ ET
/GS#31 gs BI /W 2 /H 1 /CS /RGB /BPC 8 ID ` + "\x00EI\xff\x10" + ` EI Q 1e5 1 0 R w`
	c := NewContent([]byte(src), "test", 64)
	var got []string
	for {
		o, ok, err := c.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		var args []string
		for _, a := range o.Args {
			args = append(args, Describe(a))
		}
		if o.Name == "BI" {
			d := o.Args[0].(Dict)
			args = []string{Describe(d["W"]), Describe(d["H"]), Describe(d["CS"]), Describe(d["BPC"])}
		}
		got = append(got, strings.TrimSpace(strings.Join(args, " ")+" "+o.Name))
	}
	want := []string{"q", "0 0 0 1 k", "BT", "/F1 9 Tf", "12.5 -3 Td", `(a(b)A) Tj`, `[…] TJ`, "ET",
		"/GS1 gs", "2 1 /RGB 8 BI", "Q", "1e5 1 0 R", "w"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestContentErrors(t *testing.T) {
	for _, src := range []string{"(open", "[1 2", "<0g> Tj", "BI /W 1 ID xx", "[1 2 S]", "} S", "<< /A >"} {
		c := NewContent([]byte(src), "test", 64)
		var err error
		for err == nil {
			var ok bool
			if _, ok, err = c.Next(); !ok && err == nil {
				break
			}
		}
		if err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}

// TestContentLimits wants deep nesting and too many operands stopped with a LimitError,
// quickly and without a deep stack.
func TestContentLimits(t *testing.T) {
	for name, src := range map[string]string{
		"nested arrays":  strings.Repeat("[", 10_000_000),
		"nested dicts":   strings.Repeat("<< /A ", 1_000_000),
		"operands":       strings.Repeat("0 ", 1000) + "m",
		"one huge array": "[" + strings.Repeat("0 ", 9_000_000) + "] TJ",
	} {
		c := NewContent([]byte(src), "the page content", 64)
		_, _, err := c.Next()
		var le *LimitError
		if !errors.As(err, &le) {
			t.Errorf("%s: error %v, want a limit", name, err)
		}
	}
}

func TestNumbers(t *testing.T) {
	for _, w := range []string{"0", "1", "-1", "+7", ".5", "-.5", "5.", "0.784", "123456789012345", "1234567890123456789", "0.1234567890123456789",
		"3.14159265358979323846", "-0.000000000000000000001", "99999999999999999999999999999.5", "00012.50"} {
		v, integer, ok := number([]byte(w))
		want, err := strconv.ParseFloat(w, 64)
		if !ok || err != nil || v != want || integer != !strings.Contains(w, ".") {
			t.Errorf("%s: %v %v %v, want %v", w, v, integer, ok, want)
		}
	}
	for _, w := range []string{"1e5", "1.2.3", "-", "+", ".", "--1", "0x10", "1-2"} {
		if _, _, ok := number([]byte(w)); ok {
			t.Errorf("%s read as a number", w)
		}
	}
}
