// Package schema is the JSON Schema (draft 2020-12) of a plan file, for editors: completion of
// keys and of status, RAG and the other fixed words, the README's description of each key on
// hover, and a mark under a misspelt key while it is typed. It describes one file's structure
// only; `cpp validate` stays the authority, and alone checks what spans files (ids unique across
// the repository, links, leads in the registry) and what a pattern cannot say (that a deadline
// reads as a period, that a date exists).
package schema

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/planfile"
)

// Draft is the JSON Schema dialect the schema is written in.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Object is a JSON object whose keys keep their order, so that the schema reads as the README does.
type Object []Member

// Member is one key of an Object.
type Member struct {
	Key   string
	Value any
}

// MarshalJSON writes the members in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.Key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(m.Value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func ref(def string) Object { return Object{{"$ref", "#/$defs/" + def}} }

func listOf(item Object) Object { return Object{{"type", "array"}, {"items", item}} }

// enum is a fixed word: completion offers the plan file's own words, and any spelling cpp reads
// ("In progress", "on track", "Amber", "A", "Financial") passes, as it does in cpp validate,
// which warns and names the plan file's word.
func enum(f planfile.Field) Object {
	alts := make([]string, len(f.Spellings))
	for i, w := range f.Spellings {
		var b strings.Builder
		for _, r := range w {
			switch {
			case r == '-':
				b.WriteString(sep + "+")
			case unicode.IsLetter(r):
				b.WriteString("[" + string(unicode.ToLower(r)) + string(unicode.ToUpper(r)) + "]")
			default:
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		alts[i] = b.String()
	}
	return Object{{"type", "string"}, {"anyOf", []Object{
		{{"enum", f.Words}},
		{{"pattern", "^" + sep + "*(?:" + strings.Join(alts, "|") + ")" + sep + "*$"}},
	}}}
}

// sep is what plan.Spelling reads between words.
const sep = `[ \t_-]`

// value is the schema of a field's value, without its description.
func value(f planfile.Field) Object {
	switch f.Value {
	case planfile.Text:
		return ref("text")
	case planfile.TextList:
		return ref("textList")
	case planfile.ID:
		return ref("id")
	case planfile.Date:
		return ref("date")
	case planfile.Number:
		return ref("number")
	case planfile.Flag:
		return Object{{"type", "boolean"}}
	case planfile.Deadline:
		// cpp reads a deadline YAML takes for a number (2025, 2025.5) as written, as text.
		return Object{{"type", []string{"string", "number"}}}
	case planfile.Enum:
		return enum(f)
	case planfile.Mapping:
		return ref(f.Of)
	case planfile.List:
		return listOf(ref(f.Of))
	}
	panic("schema: no schema for the value of " + f.Key) // the table is fixed: a bug here
}

// property is a field's schema with its description. A key that may be left empty (`rag:`) may
// be null, as cpp validate reads it with a warning.
func property(f planfile.Field) Object {
	o := Object{{"description", f.Doc}}
	if f.MayBeEmpty() {
		return append(o, Member{"anyOf", []Object{{{"type", "null"}}, value(f)}})
	}
	return append(o, value(f)...)
}

// The shared value types. A YAML editor reads an unquoted 2025-09-30 as a string (YAML 1.2), so
// dates are strings; cpp reads numbers written as text ("2025" as a deadline) as text, so text
// may be a number.
var defs = Object{
	{"text", Object{{"description", "Text on one line, or a YAML block (| or >) for longer text."}, {"type", []string{"string", "number"}}}},
	{"textList", Object{{"description", "A list of text, one item per `- ` line or in [brackets]; a single item may be written without the list."},
		{"anyOf", []Object{{{"type", []string{"string", "number"}}}, listOf(ref("text"))}}}},
	{"id", Object{{"description", "Unique across the repository: lower-case letters, digits, '-' and '.'."}, {"type", "string"}, {"pattern", `^[a-z0-9][a-z0-9.-]*$`}}},
	{"date", Object{{"description", "A date alone, written YYYY-MM-DD, as in 2025-09-30."}, {"type", "string"}, {"pattern", `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}}},
	{"number", Object{{"description", "A number, such as 72.5; a unit goes in the measure's `unit`."}, {"type", "number"}}},
}

// extra is added to a kind's schema: an action needs `text` or `outcomes`, with a value.
var extra = map[string]Object{
	"action": {{"anyOf", []Object{given("text"), given("outcomes")}}},
}

// given requires key, with a value: empty is missing.
func given(key string) Object {
	notNull := Object{{"not", Object{{"type", "null"}}}}
	return Object{{"required", []string{key}}, {"properties", Object{{key, notNull}}}}
}

// mapping is the schema of one kind: its keys and no others. A plan's required keys are
// required only of a file that is a plan (Schema).
func mapping(k *planfile.Kind) Object {
	props := Object{}
	for _, f := range k.Fields {
		props = append(props, Member{f.Key, property(f)})
	}
	o := Object{{"description", k.Doc}, {"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if req := k.Required(); len(req) > 0 && k.Name != "plan" {
		o = append(o, Member{"required", req})
	}
	return append(o, extra[k.Name]...)
}

// Schema returns the schema as indented JSON, ending in a newline. It is made from planfile's
// table of fields, the one the loader reads by, so that an editor and cpp validate give the same
// verdict on a file's structure.
func Schema() []byte {
	all := append(Object{}, defs...)
	for i := range planfile.Kinds {
		if k := &planfile.Kinds[i]; k.Name != "plan" {
			all = append(all, Member{k.Name, mapping(k)})
		}
	}
	top := planfile.KindOf("plan")
	s := Object{
		{"$schema", Draft},
		{"$id", "https://github.com/cpp-plans/cpp/plan.schema.json"},
		{"title", "cpp plan file"},
	}
	s = append(s, mapping(top)...)
	s = append(s,
		// An empty mapping holds nothing; cpp validate says "file has no fields".
		Member{"minProperties", 1},
		// A file that holds only a lead registry or practice examples is not a plan; any other
		// key makes it one, and a plan needs these.
		Member{"if", Object{{"not", Object{{"propertyNames", Object{{"enum", []string{"leads", "practice"}}}}}}}},
		Member{"then", Object{{"required", top.Required()}}},
		Member{"$defs", all},
	)
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // the schema is built from fixed values: an error is a bug here
	}
	return append(out, '\n')
}

// Modeline is the comment that points yaml-language-server (VS Code's YAML extension, and the
// editors that use the same server) at a schema file, given relative to the plan file.
func Modeline(rel string) string {
	return "# yaml-language-server: $schema=" + strings.ReplaceAll(rel, "\\", "/")
}
