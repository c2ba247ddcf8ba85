package brochure

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDataFormatDocumentsEveryKey checks that docs/data-format.md names every key the data
// file may hold, as `key`, so that the reference cannot fall behind the model.
func TestDataFormatDocumentsEveryKey(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "data-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	yamlKeys(reflect.TypeOf(Network{}), keys, map[reflect.Type]bool{})
	if len(keys) < 40 {
		t.Fatalf("found only %d keys in the model: the walk is broken", len(keys))
	}
	for k := range keys {
		if !strings.Contains(string(doc), "`"+k+"`") && !strings.Contains(string(doc), "`"+k+":") {
			t.Errorf("docs/data-format.md does not name the key `%s`", k)
		}
	}
}

// yamlKeys adds the yaml keys of t's fields, and of the types inside them, to keys.
func yamlKeys(t reflect.Type, keys map[string]bool, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			keys[name] = true
		}
		yamlKeys(f.Type, keys, seen)
	}
}
