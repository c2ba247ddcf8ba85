package paint_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// qpdfFile is a PDF as qpdf reads it (qpdf --json), for tests that walk its objects with
// software nobody on the team wrote.
type qpdfFile struct {
	objects map[string]qpdfObject // by reference, e.g. "12 0 R"
	trailer map[string]any
}

type qpdfObject struct {
	value any    // a dictionary, array, string, number or name; a stream's dictionary
	data  []byte // a stream's decoded data
}

// readQPDF reads file with qpdf --json, streams decoded.
func readQPDF(t *testing.T, file string) *qpdfFile {
	t.Helper()
	out := testkit.Run(t, "qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file)
	var doc struct {
		QPDF []map[string]json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	if len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %d parts, want 2", len(doc.QPDF))
	}
	f := &qpdfFile{objects: map[string]qpdfObject{}}
	for key, raw := range doc.QPDF[1] {
		var o struct {
			Value  any `json:"value"`
			Stream *struct {
				Dict any    `json:"dict"`
				Data string `json:"data"`
			} `json:"stream"`
		}
		if err := json.Unmarshal(raw, &o); err != nil {
			t.Fatalf("qpdf --json: %s: %v", key, err)
		}
		if key == "trailer" {
			f.trailer, _ = o.Value.(map[string]any)
			continue
		}
		ref := strings.TrimPrefix(key, "obj:")
		if o.Stream != nil {
			data, err := base64.StdEncoding.DecodeString(o.Stream.Data)
			if err != nil {
				t.Fatalf("qpdf --json: %s: %v", key, err)
			}
			f.objects[ref] = qpdfObject{value: o.Stream.Dict, data: data}
			continue
		}
		f.objects[ref] = qpdfObject{value: o.Value}
	}
	return f
}

// resolve follows a reference ("12 0 R") to its value; other values stay as they are.
func (f *qpdfFile) resolve(v any) any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
		return f.objects[s].value
	}
	return v
}

// dict returns v, resolved, as a dictionary (nil when it is none).
func (f *qpdfFile) dict(v any) map[string]any {
	d, _ := f.resolve(v).(map[string]any)
	return d
}

// array returns v, resolved, as an array.
func (f *qpdfFile) array(v any) []any {
	a, _ := f.resolve(v).([]any)
	return a
}

// text decodes a qpdf JSON string ("u:text" or a name "/Name").
func text(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

// pages lists the page objects' references in order.
func (f *qpdfFile) pages(t *testing.T) []string {
	t.Helper()
	root := f.dict(f.trailer["/Root"])
	var out []string
	var visit func(ref any)
	visit = func(ref any) {
		d := f.dict(ref)
		if text(d["/Type"]) == "/Page" {
			out = append(out, ref.(string))
			return
		}
		for _, k := range f.array(d["/Kids"]) {
			visit(k)
		}
	}
	visit(root["/Pages"])
	return out
}

// content returns the decoded content of page ref, its streams joined.
func (f *qpdfFile) content(ref string) []byte {
	var out []byte
	c := f.dict(ref)["/Contents"]
	refs := []any{c}
	if a, ok := c.([]any); ok {
		refs = a
	}
	for _, r := range refs {
		out = append(out, f.objects[r.(string)].data...)
		out = append(out, '\n')
	}
	return out
}
