package brochure

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/staedtenetz-nrw/brochure/data"
	"github.com/staedtenetz-nrw/brochure/internal/testkit"
)

// compileSchema compiles Schema with an independent JSON Schema validator.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlInstance reads YAML as an editor's YAML language server hands it to the schema: as
// JSON values (numbers, texts, lists, objects).
func yamlInstance(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		}
		switch n.Tag {
		case "!!null":
			return nil
		case "!!int", "!!float":
			if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return json.Number(n.Value)
			}
		case "!!bool":
			return n.Value == "true"
		}
		return n.Value
	}
	return conv(&doc)
}

// TestSchemaAcceptsWhatLoads validates the fixture, the starter and the built-in example
// against the schema: whatever Load accepts, the schema must accept too.
func TestSchemaAcceptsWhatLoads(t *testing.T) {
	s := compileSchema(t)
	for name, src := range map[string][]byte{"fixture": testkit.Network, "starter": data.Starter, "example": data.Network} {
		if _, err := Load(name, src); err != nil {
			t.Errorf("%s does not load: %v", name, err)
			continue
		}
		if err := s.Validate(yamlInstance(t, src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSchemaRejectsMistakes validates fixtures with a known mistake: the schema must reject
// each, at the value that is wrong.
func TestSchemaRejectsMistakes(t *testing.T) {
	s := compileSchema(t)
	def := string(testkit.Network)
	for _, tc := range []struct{ name, old, new, at string }{
		{"unknown key", "  founded: 1994", "  gegruendet: 1994", "/network"},
		{"status", "status: current", "status: aktiv", "/members/0/status"},
		{"missing required", "  - city: Ahlen\n", "  - stadt: Ahlen\n", "/members/1"},
		{"AGS", "ags: \"05334002\"", "ags: 5334002", "/members/0/ags"},
		{"AGS outside NRW", "ags: \"05570004\"", "ags: \"09162000\"", "/members/1/ags"},
		{"Regierungsbezirk", "regierungsbezirk: Münster", "regierungsbezirk: Muenster", "/members/1/regierungsbezirk"},
		{"fold", "fold: wickelfalz ", "fold: altarfalz ", "/leaflet/fold"},
		{"bleed", "bleed_mm: 3", "bleed_mm: 8", "/leaflet/bleed_mm"},
		{"cmyk", "{cmyk: [8, 0, 4, 0],      rgb: \"#eaf5f3\"}", "{cmyk: [8, 0, 4],      rgb: \"#eaf5f3\"}", "/leaflet/palette/tint/cmyk"},
		{"rgb", "rgb: \"#eaf5f3\"", "rgb: \"eaf5f3\"", "/leaflet/palette/tint/rgb"},
		{"block kind", "      kind: qr\n", "      kind: barcode\n", "/leaflet/blocks/4/kind"},
		{"postcode", "postcode: \"45127\"", "postcode: \"4512\"", "/office/address/postcode"},
		{"panels", "    - [cover]\n", "", "/leaflet/outside"},
		{"date", "stand: 2015-06 ", "stand: Mitte 2015 ", "/edition/stand"},
		{"number as text", "founded: 1994", "founded: \"1994\"", "/network/founded"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(def, tc.old) {
				t.Fatalf("the fixture has no %q", tc.old)
			}
			src := strings.Replace(def, tc.old, tc.new, 1)
			if _, err := Load("network.yaml", []byte(src)); err == nil {
				t.Fatal("Load accepts it: not a mistake")
			}
			err := s.Validate(yamlInstance(t, []byte(src)))
			if err == nil {
				t.Fatal("the schema accepts it")
			}
			if !strings.Contains(err.Error(), "'"+tc.at+"'") {
				t.Errorf("the schema does not name %s:\n%v", tc.at, err)
			}
		})
	}
}

// TestSchemaDescribesEveryKey checks that every key of the model has a description for the
// editors, and every description a key.
func TestSchemaDescribesEveryKey(t *testing.T) {
	seen := map[string]bool{"": true}
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == dateType || seen[typ.Name()] {
			return
		}
		seen[typ.Name()] = true
		for i := 0; i < typ.NumField(); i++ {
			key := strings.Split(typ.Field(i).Tag.Get("yaml"), ",")[0]
			if key == "" || key == "-" {
				continue
			}
			name := typ.Name() + "." + key
			seen[name] = true
			if fieldDocs[name] == "" {
				t.Errorf("%s has no description in fieldDocs", name)
			}
			walk(typ.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(Network{}))
	for name := range fieldDocs {
		if !seen[name] {
			t.Errorf("fieldDocs describes %s, which the model lacks", name)
		}
	}
}
