package preflight

import (
	"fmt"
	"strings"
)

// operands gives the operands of every content stream operator (ISO 32000-1, Annex A):
// one letter each, n a number, N a name, s a string, a an array, D a dictionary or a name.
// The colour operators SC, sc, SCN and scn take a variable number and are checked by
// colourOperands.
var operands = map[string]string{
	"w": "n", "J": "n", "j": "n", "M": "n", "d": "an", "ri": "N", "i": "n", "gs": "N",
	"q": "", "Q": "", "cm": "nnnnnn",
	"m": "nn", "l": "nn", "c": "nnnnnn", "v": "nnnn", "y": "nnnn", "h": "", "re": "nnnn",
	"S": "", "s": "", "f": "", "F": "", "f*": "", "B": "", "B*": "", "b": "", "b*": "", "n": "",
	"W": "", "W*": "",
	"BT": "", "ET": "",
	"Tc": "n", "Tw": "n", "Tz": "n", "TL": "n", "Tf": "Nn", "Tr": "n", "Ts": "n",
	"Td": "nn", "TD": "nn", "Tm": "nnnnnn", "T*": "",
	"Tj": "s", "'": "s", "\"": "nns", "TJ": "a",
	"d0": "nn", "d1": "nnnnnn",
	"CS": "N", "cs": "N", "G": "n", "g": "n", "RG": "nnn", "rg": "nnn", "K": "nnnn", "k": "nnnn",
	"sh": "N", "Do": "N", "BI": "D",
	"MP": "N", "DP": "ND", "BMC": "N", "BDC": "ND", "EMC": "",
	"BX": "", "EX": "",
}

var operandWords = map[byte]string{'n': "number", 'N': "name", 's': "string", 'a': "array", 'D': "dictionary"}

// syntaxError describes what is wrong with the operands of o, or returns "" when they are
// right. Inside BX … EX (compat) unknown operators are allowed.
func syntaxError(o op, compat bool) string {
	if o.name == "SC" || o.name == "sc" || o.name == "SCN" || o.name == "scn" {
		return colourOperands(o)
	}
	spec, ok := operands[o.name]
	if !ok {
		if compat {
			return ""
		}
		return fmt.Sprintf("unknown operator %q", o.name)
	}
	good := len(o.args) == len(spec)
	for i := 0; good && i < len(spec); i++ {
		good = fits(o.args[i], spec[i])
	}
	if good {
		return ""
	}
	want := make([]string, len(spec))
	for i := range spec {
		want[i] = operandWords[spec[i]]
	}
	w := strings.Join(want, " ")
	if w == "" {
		w = "no operands"
	}
	return fmt.Sprintf("%s wants %s, got %s", o.name, w, showOperands(o.args))
}

// colourOperands checks SC, sc (numbers) and SCN, scn (numbers, then a pattern name).
func colourOperands(o op) string {
	a := o.args
	if (o.name == "SCN" || o.name == "scn") && len(a) > 0 && a[len(a)-1].kind == kName {
		a = a[:len(a)-1]
		if len(a) == 0 {
			return ""
		}
	}
	good := len(a) >= 1 && len(a) <= 32
	for _, x := range a {
		good = good && x.kind == kNum
	}
	if good {
		return ""
	}
	return fmt.Sprintf("%s wants 1 to 32 numbers, got %s", o.name, showOperands(o.args))
}

func fits(a operand, want byte) bool {
	switch want {
	case 'n':
		return a.kind == kNum
	case 'N':
		return a.kind == kName
	case 's':
		return a.kind == kStr
	case 'a':
		return a.kind == kArr
	case 'D':
		return a.kind == kDict || a.kind == kName
	}
	return false
}

// showOperands writes operands as they stand in the stream, shortened.
func showOperands(args []operand) string {
	if len(args) == 0 {
		return "no operands"
	}
	p := make([]string, len(args))
	for i, a := range args {
		p[i] = showOperand(a)
	}
	s := []rune(strings.Join(p, " "))
	if len(s) > 40 {
		s = append(s[:39], '…')
	}
	return string(s)
}

func showOperand(a operand) string {
	switch a.kind {
	case kNum:
		return fmt.Sprint(a.num)
	case kName:
		return "/" + a.s
	case kStr:
		return fmt.Sprintf("(%s)", a.s)
	case kArr:
		return "[…]"
	case kDict:
		return "<<…>>"
	case kNull:
		return "null"
	}
	return a.s // bool or a bad word
}
