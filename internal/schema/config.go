package schema

import (
	"encoding/json"

	"github.com/cpp-plans/cpp/internal/config"
)

// ConfigKind is one mapping of cpp.yaml, and ConfigField one of its keys.
type ConfigKind struct {
	Name, Description string
	Required          []string
	Fields            []ConfigField
}

// ConfigField is a key of cpp.yaml, with its description and the schema of its value.
type ConfigField struct {
	Key, Description string
	Schema           Object
}

// ConfigKinds are the mappings of a repository's cpp.yaml (see package config), with the docs'
// words for each key. The test compares their keys with config.Keys.
var ConfigKinds = []ConfigKind{
	{Name: "config", Description: "A plan repository's settings, cpp.yaml at its root (beside plans/). Every key is optional; flags override them.",
		Fields: []ConfigField{
			{"council", "The council's name: import's --council when it is not given.", configText},
			{"quarters", "How the repository reads \"Q3 2025\": calendar (Jan-Mar = Q1) or financial (Apr-Jun = Q1). import writes it into the plans it makes; report --period and returns --quarter read a bare quarter in it.", Object{{"type", "string"}, {"enum", []string{"calendar", "financial"}}}},
			{"report", "The board report's defaults.", ref("report")},
			{"import", "cpp import's defaults.", ref("import")},
			{"plain_english", "Check that the text young people and the board read is in plain English (cpp validate).", Object{{"type", "boolean"}}},
			{"glossary", "Acronyms and terms the plans may use, with what they stand for.", listOf(ref("glossary"))},
		}},
	{Name: "report", Description: "The board report's defaults: `title`, `stale_days`, `tolerance`.",
		Fields: []ConfigField{
			{"title", "The report's title (default: the plan's title, or \"Corporate parenting report\" for several plans).", configText},
			{"stale_days", "Flag an exception whose latest note is older than this many days (default 90).", Object{{"type", "integer"}, {"minimum", 1}, {"maximum", config.MaxStaleDays}}},
			{"tolerance", "How far from target, as a fraction, a measure may be and still be green (default 0.1).", Object{{"type", "number"}, {"minimum", 0}, {"exclusiveMaximum", 1}}},
		}},
	{Name: "import", Description: "cpp import's defaults: `map`.",
		Fields: []ConfigField{
			{"map", "The column map file (--map), relative to the repository's root.", configText},
		}},
	{Name: "glossary", Description: "A glossary entry: `term` and `meaning`.", Required: []string{"term", "meaning"},
		Fields: []ConfigField{
			{"term", "The acronym or term, as the plans write it, such as ICB.", configText},
			{"meaning", "What it stands for, such as Integrated Care Board.", configText},
		}},
}

// configText is a text value of cpp.yaml: not empty or only white space, and a number is text,
// as in a plan file.
var configText = Object{{"type", []string{"string", "number"}}, {"pattern", `\S`}}

// ConfigSchemaPath is where cpp init puts the config's schema, beside the plans' one.
const ConfigSchemaPath = ".cpp/config.schema.json"

// ConfigSchema returns the schema of cpp.yaml as indented JSON, ending in a newline.
func ConfigSchema() []byte {
	var top ConfigKind
	var all Object
	for _, k := range ConfigKinds {
		if k.Name == "config" {
			top = k
			continue
		}
		all = append(all, Member{k.Name, configMapping(k)})
	}
	s := Object{
		{"$schema", Draft},
		{"$id", "https://github.com/cpp-plans/cpp/config.schema.json"},
		{"title", "cpp repository config (cpp.yaml)"},
	}
	s = append(s, configMapping(top)...)
	s = append(s, Member{"$defs", all})
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(out, '\n')
}

// configMapping is the schema of one mapping of cpp.yaml: its keys and no others.
func configMapping(k ConfigKind) Object {
	props := Object{}
	for _, f := range k.Fields {
		props = append(props, Member{f.Key, append(Object{{"description", f.Description}}, f.Schema...)})
	}
	o := Object{{"description", k.Description}, {"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if len(k.Required) > 0 {
		o = append(o, Member{"required", k.Required})
	}
	return o
}
