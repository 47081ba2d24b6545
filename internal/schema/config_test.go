package schema_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/schema"
)

// The config schema describes exactly the keys the config reader allows.
func TestConfigKeysAreTheReaders(t *testing.T) {
	described := map[string][]string{}
	for _, k := range schema.ConfigKinds {
		for _, f := range k.Fields {
			described[k.Name] = append(described[k.Name], f.Key)
		}
	}
	for kind, keys := range config.Keys {
		if !slices.Equal(described[kind], keys) {
			t.Errorf("%s: cpp.yaml allows %v, the schema describes %v", kind, keys, described[kind])
		}
	}
	if len(described) != len(config.Keys) {
		t.Errorf("the schema describes %d mappings, the reader has %d", len(described), len(config.Keys))
	}
}

// An editor checking cpp.yaml against the schema agrees with cpp: what it reads passes, and a
// misspelt key or a bad value fails in both.
func TestConfigSchemaAgreesWithTheReader(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.ConfigSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		yaml string
		ok   bool
	}{
		{"council: Riverside Council\nquarters: financial\n", true},
		{"report: {title: Board report, stale_days: 60, tolerance: 0.05}\nimport: {map: columns.yaml}\n", true},
		{"plain_english: true\nglossary:\n  - {term: ICB, meaning: Integrated Care Board}\n", true},
		{"quartres: financial\n", false},
		{"quarters: fiscal\n", false},
		{"report: {stale_days: 0}\n", false},
		{"report: {tolerance: 1}\n", false},
		{"report: {titel: x}\n", false},
		{"glossary:\n  - {term: ICB}\n", false},
		{"report: {stale_days: \"90\"}\n", false},
		{"report: {tolerance: \"0.1\"}\n", false},
		{"report: {stale_days: 90.0}\n", true},
		{"report: {stale_days: 0x5A}\n", true},
		{"council: 2025\n", true},
		{"report: {title: 12}\n", true},
		{"import: {map: true}\n", false},
		{"council:\n", false},
		{"plain_english: \"true\"\n", false},
		{"glossary: {term: ICB, meaning: Integrated Care Board}\n", false},
		{"- council\n", false},
		{"report: []\n", false},
		{"report: {title: \"  \"}\n", false},
		{"report: {stale_days: 90.5}\n", false},
	} {
		_, ds := config.Parse("cpp.yaml", []byte(tc.yaml))
		if (len(ds) == 0) != tc.ok {
			t.Errorf("cpp reads %q with %d problems, want ok=%v: %v", tc.yaml, len(ds), tc.ok, ds)
		}
		var v any
		if err := yaml.Unmarshal([]byte(tc.yaml), &v); err != nil {
			t.Fatal(err)
		}
		err := s.Validate(v)
		if (err == nil) != tc.ok {
			t.Errorf("the schema checks %q: %v, want ok=%v", tc.yaml, err, tc.ok)
		}
	}
}
