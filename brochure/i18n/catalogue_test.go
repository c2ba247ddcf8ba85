package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestEveryMessageInBothLanguages checks that the catalogues have the same IDs and that
// each message takes the same arguments, with the same verbs, in both languages.
func TestEveryMessageInBothLanguages(t *testing.T) {
	for id := range english {
		if _, ok := german[id]; !ok {
			t.Errorf("%s: no German message", id)
		}
	}
	for id := range german {
		if _, ok := english[id]; !ok {
			t.Errorf("%s: no English message", id)
		}
	}
	for id, en := range english {
		de, ok := german[id]
		if !ok {
			continue
		}
		ve, vd := verbs(t, id, en), verbs(t, id, de)
		if ve != vd {
			t.Errorf("%s: English takes %s, German %s", id, ve, vd)
		}
		for _, l := range Langs {
			got := T(id, sampleArgs(ve)...).In(l)
			if strings.Contains(got, "%!") || pluralRE.MatchString(got) {
				t.Errorf("%s (%s): %q", id, l, got)
			}
		}
	}
}

var verbRE = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs lists the arguments a message takes as "1:d 2:q …", sorted.
func verbs(t *testing.T, id, format string) string {
	seen := map[int]string{}
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		}
		if v, ok := seen[next]; ok && v != m[4] {
			t.Errorf("%s: argument %d taken as %%%s and %%%s", id, next, v, m[4])
		}
		seen[next] = m[4]
		next++
	}
	for _, m := range pluralRE.FindAllStringSubmatch(format, -1) {
		k, _ := strconv.Atoi(m[1])
		if _, ok := seen[k]; !ok {
			seen[k] = "d"
		}
	}
	var parts []string
	for k, v := range seen {
		parts = append(parts, strconv.Itoa(k)+":"+v)
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// sampleArgs makes arguments for a message that takes verbs.
func sampleArgs(verbs string) []any {
	var args []any
	for _, p := range strings.Fields(verbs) {
		k, _ := strconv.Atoi(p[:strings.IndexByte(p, ':')])
		for len(args) < k {
			args = append(args, nil)
		}
		switch p[len(p)-1] {
		case 'd', 'c', 'U', 'x', 'X':
			args[k-1] = 2
		case 'g', 'f', 'e':
			args[k-1] = 2.5
		default:
			args[k-1] = "x"
		}
	}
	return args
}

// TestEveryMessageUsedExists reads the module's Go source: every message it makes with T or
// Wrap must be in the catalogue, named by a literal ID, and every message of the catalogue
// must be made somewhere.
func TestEveryMessageUsedExists(t *testing.T) {
	used := map[string]bool{}
	fset := token.NewFileSet()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "i18n" {
				return true
			}
			arg := -1
			switch sel.Sel.Name {
			case "T":
				arg = 0
			case "Wrap":
				arg = 1
			}
			if arg < 0 || len(call.Args) <= arg {
				return true
			}
			lit, ok := call.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: the message ID is not a literal", fset.Position(call.Pos()))
				return true
			}
			id, _ := strconv.Unquote(lit.Value)
			used[id] = true
			if _, ok := english[id]; !ok {
				t.Errorf("%s: message %q is not in the catalogue", fset.Position(call.Pos()), id)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := range english {
		if !used[id] {
			t.Errorf("message %q is made nowhere", id)
		}
	}
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		t      Text
		en, de string
	}{
		{T("layout.overflow", "4.2", 1), `text does not fit the panel: 4.2 mm (about 1 line) too long`, `der Text passt nicht auf die Seite: 4.2 mm (etwa 1 Zeile) zu lang`},
		{T("layout.overflow", "9.0", 3), `text does not fit the panel: 9.0 mm (about 3 lines) too long`, `der Text passt nicht auf die Seite: 9.0 mm (etwa 3 Zeilen) zu lang`},
		{T("decode.want", T("kind.int"), T("kind.value", "zwei")), `expected a whole number, found "zwei"`, `erwartet wird eine ganze Zahl, gefunden: „zwei“`},
		{T("status.unknown", "aktiv\t"), `status "aktiv\t" is neither current nor former`, `Status „aktiv\t“ ist weder current noch former`},
	} {
		if got := tc.t.In(English); got != tc.en {
			t.Errorf("English: %q, want %q", got, tc.en)
		}
		if got := tc.t.In(German); got != tc.de {
			t.Errorf("German: %q, want %q", got, tc.de)
		}
	}
	for _, tc := range []struct {
		in string
		l  Lang
		ok bool
	}{{"de_DE.UTF-8", German, true}, {"de-AT", German, true}, {"en_GB.utf8", English, true}, {"C", English, false}, {"fr_FR", English, false}, {"", English, false}} {
		if l, ok := Parse(tc.in); l != tc.l || ok != tc.ok {
			t.Errorf("Parse(%q) = %v, %v", tc.in, l, ok)
		}
	}
}
