package preflight

import (
	"fmt"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/preflight/internal/pdfread"
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
func syntaxError(o pdfread.Op, compat bool) string {
	if o.Name == "SC" || o.Name == "sc" || o.Name == "SCN" || o.Name == "scn" {
		return colourOperands(o)
	}
	spec, ok := operands[o.Name]
	if !ok {
		if compat {
			return ""
		}
		return fmt.Sprintf("unknown operator %q", o.Name)
	}
	good := len(o.Args) == len(spec)
	for i := 0; good && i < len(spec); i++ {
		good = fits(o.Args[i], spec[i])
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
	return fmt.Sprintf("%s wants %s, got %s", o.Name, w, showOperands(o.Args))
}

// colourOperands checks SC, sc (numbers) and SCN, scn (numbers, then a pattern name).
func colourOperands(o pdfread.Op) string {
	a := o.Args
	if (o.Name == "SCN" || o.Name == "scn") && len(a) > 0 && fits(a[len(a)-1], 'N') {
		a = a[:len(a)-1]
		if len(a) == 0 {
			return ""
		}
	}
	good := len(a) >= 1 && len(a) <= 32
	for _, x := range a {
		good = good && fits(x, 'n')
	}
	if good {
		return ""
	}
	return fmt.Sprintf("%s wants 1 to 32 numbers, got %s", o.Name, showOperands(o.Args))
}

func fits(a pdfread.Object, want byte) bool {
	var ok bool
	switch want {
	case 'n':
		_, ok = a.(pdfread.Number)
	case 'N':
		_, ok = a.(pdfread.Name)
	case 's':
		_, ok = a.(pdfread.String)
	case 'a':
		_, ok = a.(pdfread.Array)
	case 'D':
		_, ok = a.(pdfread.Dict)
		ok = ok || fits(a, 'N')
	}
	return ok
}

// showOperands writes operands as they stand in the stream, shortened.
func showOperands(args []pdfread.Object) string {
	if len(args) == 0 {
		return "no operands"
	}
	p := make([]string, len(args))
	for i, a := range args {
		p[i] = pdfread.Describe(a)
	}
	s := []rune(strings.Join(p, " "))
	if len(s) > 40 {
		s = append(s[:39], '…')
	}
	return string(s)
}
