package preflight

import (
	"fmt"
	"strings"
	"testing"
)

func TestLexer(t *testing.T) {
	src := `q 0 0 0 1 k % comment
BT /F1 9 Tf 12.5 -3 Td (a\(b\)\101) Tj [<0041> -250 (c)] TJ ET
/GS1 gs BI /W 2 /H 1 /CS /RGB /BPC 8 ID ` + "\x00EI\xff\x10" + ` EI Q`
	l := lexer{b: []byte(src)}
	var got []string
	for {
		o, ok, err := l.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		var args []string
		for _, a := range o.args {
			args = append(args, show(a))
		}
		got = append(got, strings.TrimSpace(strings.Join(args, " ")+" "+o.name))
	}
	want := []string{"q", "0 0 0 1 k", "BT", "/F1 9 Tf", "12.5 -3 Td", `"a(b)A" Tj`, `["\x00A" -250 "c"] TJ`, "ET",
		"/GS1 gs", "<</W 2 /H 1 /CS /RGB /BPC 8> BI", "Q"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func show(a operand) string {
	switch a.kind {
	case kNum:
		return fmt.Sprint(a.num)
	case kName:
		return "/" + a.s
	case kStr:
		return fmt.Sprintf("%q", a.s)
	case kArr, kDict:
		var p []string
		for _, e := range a.arr {
			p = append(p, show(e))
		}
		if a.kind == kDict {
			return "<<" + strings.Join(p, " ") + ">"
		}
		return "[" + strings.Join(p, " ") + "]"
	}
	return a.s
}

func TestLexerErrors(t *testing.T) {
	for _, src := range []string{"(open", "[1 2", "<0g> Tj", "BI /W 1 ID xx"} {
		l := lexer{b: []byte(src)}
		var err error
		for err == nil {
			var ok bool
			if _, ok, err = l.next(); !ok && err == nil {
				break
			}
		}
		if err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}
