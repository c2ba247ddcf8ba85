package paint_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/brochure"
	"github.com/staedtenetz-nrw/brochure/brochure/leaflet/paint"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
	"github.com/staedtenetz-nrw/brochure/internal/testkit/testnet"
)

// TestScreenStructureText compares the structure tree of the screen file and its text in
// reading order, as poppler reads them, with a golden file.
func TestScreenStructureText(t *testing.T) {
	_, fs := files(t)
	out := testkit.Run(t, "pdfinfo", "-struct-text", fs[paint.Screen])
	testkit.Golden(t, filepath.Join("testdata", "screen-structure.txt"), out)
}

// TestScreenOutline compares the outline of the screen file, as qpdf decodes its titles,
// with a golden file: the titles read right (no UTF-8 read as Latin-1), each at its page.
func TestScreenOutline(t *testing.T) {
	_, fs := files(t)
	out := testkit.Run(t, "qpdf", "--json=2", "--json-key=outlines", fs[paint.Screen])
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, o := range doc.Outlines {
		fmt.Fprintf(&b, "page %d: %s\n", o.Page, o.Title)
	}
	testkit.Golden(t, filepath.Join("testdata", "screen-outline.txt"), b.String())
}

// TestScreenIsTagged walks the screen file as qpdf reads it and checks what PDF/UA-1 asks
// that software can check without a person: every text and graphic painted is either inside
// marked content that the structure tree names exactly once, or an artifact; every Figure has
// alternative text; headings start at H1 and skip no level; every link annotation is in a Link
// element and has a description; the catalog, pages and metadata carry the keys PDF/UA wants.
func TestScreenIsTagged(t *testing.T) {
	_, fs := files(t)
	f := readQPDF(t, fs[paint.Screen])
	cat := f.dict(f.trailer["/Root"])
	if m := f.dict(cat["/MarkInfo"]); m["/Marked"] != true {
		t.Errorf("catalog /MarkInfo = %v, want /Marked true", cat["/MarkInfo"])
	}
	if lang := text(cat["/Lang"]); lang != "de" {
		t.Errorf("catalog /Lang = %q, want de", lang)
	}
	if vp := f.dict(cat["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		t.Errorf("catalog /ViewerPreferences = %v, want /DisplayDocTitle true", cat["/ViewerPreferences"])
	}
	if pm := text(cat["/PageMode"]); pm == "/UseOutlines" {
		t.Errorf("catalog /PageMode %s opens the bookmark panel", pm)
	}
	xmp := string(f.objects[cat["/Metadata"].(string)].data)
	for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Städtenetz Soziale Stadt NRW</rdf:li>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP metadata lacks %s", want)
		}
	}

	// The structure tree: where each MCID and annotation stands.
	pages := f.pages(t)
	pageNo := map[string]int{}
	for i, p := range pages {
		pageNo[p] = i + 1
	}
	type mc struct{ page, mcid int }
	inTree := map[mc]string{} // role of the element that holds it
	annots := map[string]bool{}
	var headings []string
	figures := 0
	root := f.dict(cat["/StructTreeRoot"])
	var visit func(ref any, pg string, depth int)
	visit = func(ref any, pg string, depth int) {
		e := f.dict(ref)
		role := text(e["/S"])
		if p, ok := e["/Pg"].(string); ok {
			pg = p
		}
		switch {
		case role == "/Figure":
			figures++
			if text(e["/Alt"]) == "" {
				t.Errorf("a Figure has no /Alt")
			}
		case regexp.MustCompile(`^/H\d$`).MatchString(role):
			headings = append(headings, role)
		}
		kids := e["/K"]
		if _, ok := kids.([]any); !ok {
			kids = []any{kids}
		}
		for _, k := range kids.([]any) {
			switch v := k.(type) {
			case float64:
				m := mc{pageNo[pg], int(v)}
				if inTree[m] != "" {
					t.Errorf("page %d MCID %d stands twice in the structure", m.page, m.mcid)
				}
				inTree[m] = role
			case string: // an element
				visit(v, pg, depth+1)
			case map[string]any:
				switch text(v["/Type"]) {
				case "/MCR":
					inTree[mc{pageNo[v["/Pg"].(string)], int(v["/MCID"].(float64))}] = role
				case "/OBJR":
					if role != "/Link" {
						t.Errorf("an annotation stands in %s, want Link", role)
					}
					annots[v["/Obj"].(string)] = true
				}
			}
		}
	}
	visit(root["/K"], "", 0)
	if len(inTree) < 150 || figures < 3 {
		t.Fatalf("the structure names %d pieces of content and %d figures: not the leaflet", len(inTree), figures)
	}
	if len(headings) == 0 || headings[0] != "/H1" {
		t.Errorf("headings %v: the first is not H1", headings)
	}
	for i := 1; i < len(headings); i++ {
		if headings[i][2] > headings[i-1][2]+1 {
			t.Errorf("heading %s follows %s: a level is skipped", headings[i], headings[i-1])
		}
	}

	// The pages: every painting operator inside tagged content or an artifact.
	painted := map[mc]bool{}
	for i, ref := range pages {
		page := f.dict(ref)
		if text(page["/Tabs"]) != "/S" {
			t.Errorf("page %d: /Tabs %v, want /S", i+1, page["/Tabs"])
		}
		if _, ok := page["/StructParents"].(float64); !ok {
			t.Errorf("page %d has no /StructParents", i+1)
		}
		for _, a := range f.array(page["/Annots"]) {
			ad := f.dict(a)
			if !annots[a.(string)] {
				t.Errorf("page %d: annotation %s is in no Link element", i+1, a)
			}
			if _, ok := ad["/StructParent"].(float64); !ok || text(ad["/Contents"]) == "" {
				t.Errorf("page %d: annotation %s lacks /StructParent or /Contents", i+1, a)
			}
		}
		for _, m := range markedContent(t, f.content(ref)) {
			if m.mcid < 0 {
				continue // an artifact
			}
			k := mc{i + 1, m.mcid}
			if painted[k] {
				t.Errorf("page %d: MCID %d marks two sequences", i+1, m.mcid)
			}
			painted[k] = true
			if inTree[k] == "" {
				t.Errorf("page %d: MCID %d (%s) is in no structure element", i+1, m.mcid, m.tag)
			}
		}
	}
	for k := range inTree {
		if !painted[k] {
			t.Errorf("page %d: the structure names MCID %d, which the page does not mark", k.page, k.mcid)
		}
	}
}

// marked is a marked-content sequence: its tag and MCID (-1 for an artifact).
type marked struct {
	tag  string
	mcid int
}

// paintOps are the operators that put text or graphics on the page.
var paintOps = map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true, "f": true, "F": true, "f*": true,
	"B": true, "B*": true, "b": true, "b*": true, "S": true, "s": true, "sh": true, "Do": true, "BI": true}

// markedContent reads a page's content and returns its marked-content sequences; it fails
// the test where something is painted outside any, or inside tagged content within an
// artifact, or the sequences do not nest.
func markedContent(t *testing.T, content []byte) []marked {
	t.Helper()
	var out, stack []marked
	var operands []string
	for _, tok := range tokens(content) {
		if !isOperator(tok) {
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BMC", "BDC":
			m := marked{tag: "?", mcid: -1}
			if len(operands) > 0 {
				m.tag = operands[0]
			}
			if tok == "BDC" {
				if i := indexOf(operands, "/MCID"); i >= 0 && i+1 < len(operands) {
					fmt.Sscan(operands[i+1], &m.mcid)
				}
			}
			if m.tag != "/Artifact" && m.mcid < 0 {
				t.Errorf("marked content %s %s has no MCID and is no artifact", m.tag, tok)
			}
			stack = append(stack, m)
			out = append(out, m)
		case "EMC":
			if len(stack) == 0 {
				t.Errorf("EMC without BMC or BDC")
				break
			}
			stack = stack[:len(stack)-1]
		default:
			if !paintOps[tok] {
				break
			}
			if len(stack) == 0 {
				t.Errorf("%s %v paints outside marked content", tok, operands)
			}
		}
		operands = operands[:0]
	}
	if len(stack) > 0 {
		t.Errorf("%d marked-content sequences are not closed", len(stack))
	}
	return out
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// isOperator tells content operators from operands.
func isOperator(tok string) bool {
	c := tok[0]
	return c != '/' && c != '(' && c != '<' && c != '[' && c != ']' && c != '>' && c != '{' && c != '}' &&
		!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && tok != "true" && tok != "false" && tok != "null"
}

// tokens splits content into tokens: names, numbers, strings (with their parentheses),
// hex strings, dictionary and array brackets, operators.
func tokens(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case c == '(':
			j, depth := i, 0
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					j++
					continue
				}
				if b[j] == '(' {
					depth++
				} else if b[j] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
			out = append(out, string(b[i:min(j+1, len(b))]))
			i = j + 1
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			out = append(out, string(b[i:i+2]))
			i += 2
		case c == '<':
			j := i
			for j < len(b) && b[j] != '>' {
				j++
			}
			out = append(out, string(b[i:min(j+1, len(b))]))
			i = j + 1
		case c == '[' || c == ']' || c == '{' || c == '}':
			out = append(out, string(c))
			i++
		default:
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t\f\x00()<>[]{}/%", rune(b[j])) {
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		}
	}
	return out
}

// TestScreenTextTaggedOnce reads the structure text with poppler and wants every text of the
// data (headings, paragraphs, legend, captions, member names) as the text of a tagged
// element as often as the data has it: nothing lost, nothing read twice.
func TestScreenTextTaggedOnce(t *testing.T) {
	n := testnet.Default(t)
	_, fs := files(t)
	elems := structText(testkit.Run(t, "pdfinfo", "-struct-text", fs[paint.Screen]))
	count := map[string]int{}
	for _, e := range elems {
		count[squeeze.Replace(e)]++
	}
	want := map[string]int{}
	for _, b := range n.Leaflet.Blocks {
		texts := append([]string{b.Heading, b.Subtitle, b.Caption}, b.Paragraphs...)
		if b.Legend != nil {
			texts = append(texts, b.Legend.Current, b.Legend.Former)
		}
		for _, s := range texts {
			if s == "" {
				continue
			}
			e, err := n.Expand(s)
			if err != nil {
				t.Fatal(err)
			}
			want[squeeze.Replace(e)]++
		}
	}
	for _, m := range n.Members {
		want[squeeze.Replace(m.City)]++
	}
	for _, b := range n.Leaflet.Blocks {
		if b.Kind == brochure.KindCover {
			want[squeeze.Replace(brochure.DisplayURL(n.Network.Website))]++ // at the cover's foot
		}
	}
	if len(want) < 30 {
		t.Fatalf("only %d texts in the data: not the leaflet", len(want))
	}
	for s, k := range want {
		if count[s] != k {
			t.Errorf("%q is the text of %d tagged elements, want %d", s, count[s], k)
		}
	}
}

// structText reads pdfinfo -struct-text output into the text of each element that holds
// text itself (headings, paragraphs, list bodies), its inline elements' text included.
func structText(out string) []string {
	type open struct {
		indent int
		text   *strings.Builder
	}
	var res []string
	var stack []open
	flush := func(indent int) {
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			res = append(res, stack[len(stack)-1].text.String())
			stack = stack[:len(stack)-1]
		}
	}
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case strings.HasPrefix(trimmed, `"`):
			flush(indent)
			if len(stack) > 0 {
				stack[len(stack)-1].text.WriteString(strings.Trim(trimmed, `"`))
			}
		case strings.HasSuffix(trimmed, "(block)") || trimmed == "Figure":
			flush(indent)
			stack = append(stack, open{indent, &strings.Builder{}})
		case trimmed != "" && !strings.HasPrefix(trimmed, "Object ") && !strings.HasSuffix(trimmed, "(inline)"):
			flush(indent) // Document, Sect
		}
	}
	flush(0)
	return res
}
