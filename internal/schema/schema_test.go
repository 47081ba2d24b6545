package schema_test

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/scaffold"
	"github.com/cpp-plans/cpp/internal/schema"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("plan.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("plan.schema.json") // checks it against the draft 2020-12 meta-schema
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// toJSON turns a YAML document into the value an editor's YAML server checks against the schema:
// YAML 1.2, where an unquoted 2025-09-30 is a string; aliases and merge keys resolved. lines
// records the line of each value by JSON pointer, and of each key as pointer + "/" + key + "#".
func toJSON(n *yaml.Node, ptr string, lines map[string]int) any {
	if _, ok := lines[ptr]; !ok {
		lines[ptr] = n.Line
	}
	switch n.Kind {
	case 0: // an empty file
		return nil
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return toJSON(n.Content[0], ptr, lines)
	case yaml.AliasNode:
		return toJSON(n.Alias, ptr, lines)
	case yaml.SequenceNode:
		out := []any{}
		for i, c := range n.Content {
			out = append(out, toJSON(c, ptr+"/"+strconv.Itoa(i), lines))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		var merged []*yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Tag == "!!merge" {
				merged = append(merged, v)
				continue
			}
			lines[ptr+"/"+k.Value+"#"] = k.Line
			out[k.Value] = toJSON(v, ptr+"/"+k.Value, lines)
		}
		for _, m := range merged {
			if m.Kind == yaml.AliasNode {
				m = m.Alias
			}
			if from, ok := toJSON(m, ptr, map[string]int{}).(map[string]any); ok {
				for k, v := range from {
					if _, set := out[k]; !set {
						out[k] = v
					}
				}
			}
		}
		return out
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n.Value
	}
	if n.Style&yaml.TaggedStyle == 0 {
		return core(n.Value)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return n.Value
}

// The YAML 1.2 core schema's plain scalars, as an editor's YAML server reads them: yaml.v3
// reads a few more as numbers (1_000, which YAML 1.1 allowed), which to the editor are text.
var (
	coreNull  = regexp.MustCompile(`^(?:~|null|Null|NULL|)$`)
	coreBool  = regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`)
	coreInt   = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)
	coreFloat = regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

// core is a plain scalar's value under the YAML 1.2 core schema. The schema bounds no number,
// so a number is only its type here: one a float64 cannot hold (.nan, .inf, 1e400), which the
// editor takes for a number, is 0.
func core(s string) any {
	switch {
	case coreNull.MatchString(s):
		return nil
	case coreBool.MatchString(s):
		return s[0] == 't' || s[0] == 'T'
	case coreInt.MatchString(s), coreFloat.MatchString(s):
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) {
			return f
		}
		return float64(0)
	}
	return s
}

// failures are the lines where the schema finds a problem, from the innermost errors.
func failures(err error, lines map[string]int) []int {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []int{-1}
	}
	var out []int
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		ptr := ""
		for _, tok := range e.InstanceLocation {
			ptr += "/" + tok
		}
		if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			for _, p := range ap.Properties {
				out = append(out, lines[ptr+"/"+p+"#"])
			}
			return
		}
		// A key that may be empty is null or its value: that it is not null is not the problem.
		if ty, ok := e.ErrorKind.(*kind.Type); ok && ty.Got != "null" && slices.Equal(ty.Want, []string{"null"}) {
			return
		}
		// An empty value is a missing one to cpp, which names the mapping it is missing from.
		_, notNull := e.ErrorKind.(*kind.Not) // the schema's only `not` is "not null", for a key that must have a value
		if ty, ok := e.ErrorKind.(*kind.Type); (notNull || ok && ty.Got == "null") && ptr != "" {
			ptr = ptr[:strings.LastIndex(ptr, "/")]
		}
		out = append(out, lines[ptr])
	}
	walk(ve)
	return out
}

// check validates the file at path against s. parsed is false when YAML cannot read it; verdict
// is the schema's, with lines mapping each JSON pointer to its line.
func check(t *testing.T, s *jsonschema.Schema, path string) (lines map[string]int, parsed bool, verdict error) {
	t.Helper()
	data, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return nil, false, nil
	}
	lines = map[string]int{}
	return lines, true, s.Validate(toJSON(&doc, "", lines))
}

// TestBundledPlansPass checks every plan file the repository ships against the schema.
func TestBundledPlansPass(t *testing.T) {
	s := compile(t)
	paths, _ := filepath.Glob("../../plans/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no bundled plans")
	}
	for _, p := range paths {
		_, parsed, err := check(t, s, p)
		if !parsed || err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// schemaRules are the rules whose problems are a file's structure, which the schema sees: a key
// that is not allowed or missing, a value of the wrong type, a word not in a list, a date or an
// id not in its form. Every other rule (duplicate ids, links, parents, leads, deadlines read as
// periods, personal data, aliases) is cpp validate's alone.
var schemaRules = []string{"type", "unknown-field", "required", "status", "rag", "kind", "direction", "quarters", "share", "id", "date", "empty"}

var (
	reQuoted = regexp.MustCompile(`"([^"]*)"`)
	reDate   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

var reGolden = regexp.MustCompile(`(?m)^testdata/err/[^:]+\.yaml(?::(\d+):\d+)?: (error|warning|info): .*\[([a-z-]+)\]$`)

// TestBadPlansFailForTheirReason checks each testdata/err case against the schema and its golden
// file: a file whose golden names a structural error fails the schema; a file whose golden names
// no error passes; and every problem the schema finds is on a line where the golden names an
// error of a structural rule. A file YAML cannot read is the editor's YAML parser's to report.
func TestBadPlansFailForTheirReason(t *testing.T) {
	s := compile(t)
	inputs, _ := filepath.Glob("../../testdata/err/*.yaml")
	if len(inputs) == 0 {
		t.Fatal("no bad plans")
	}
	for _, in := range inputs {
		t.Run(strings.TrimSuffix(filepath.Base(in), ".yaml"), func(t *testing.T) {
			golden, err := os.ReadFile(strings.TrimSuffix(in, ".yaml") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			structural := map[int]bool{} // lines with a structural error; 0 for the whole file
			anyStructural, anyError := false, false
			var rules []string
			for _, m := range reGolden.FindAllStringSubmatch(string(golden), -1) {
				rules = append(rules, m[3])
				if m[2] != "error" {
					continue
				}
				anyError = true
				// A date in the right form that does not exist, or whose year is out of range,
				// is beyond a pattern.
				if v := reQuoted.FindStringSubmatch(m[0]); m[3] == "date" && v != nil && reDate.MatchString(v[1]) {
					continue
				}
				if slices.Contains(schemaRules, m[3]) {
					line, _ := strconv.Atoi(m[1])
					structural[line] = true
					anyStructural = true
				}
			}
			lines, parsed, err := check(t, s, in)
			if !parsed {
				if !slices.ContainsFunc(rules, func(r string) bool { return r == "syntax" || r == "encoding" }) {
					t.Errorf("YAML cannot read it, but the golden names no syntax or encoding error: %v", rules)
				}
				return
			}
			switch {
			case err == nil && anyStructural:
				t.Errorf("the schema passes it, but the golden names structural errors on lines %v", keys(structural))
			case err != nil && !anyError:
				t.Errorf("the schema fails it, but the golden names no error (rules %v): %v", rules, err)
			case err != nil:
				found := map[int]bool{}
				for _, line := range failures(err, lines) {
					found[line] = true
					if !structural[line] {
						t.Errorf("the schema finds a problem on line %d, where the golden names no structural error: %v", line, err)
					}
				}
				for line := range structural {
					if !found[line] {
						t.Errorf("the golden names a structural error on line %d, which the schema does not find: %v", line, err)
					}
				}
			}
		})
	}
}

func keys(m map[int]bool) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestStarterRepoPasses checks the plan files cpp init writes against the schema it wires
// editors to.
func TestStarterRepoPasses(t *testing.T) {
	s := compile(t)
	for _, conv := range []deadline.Convention{deadline.Calendar, deadline.Financial} {
		for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside Council", Quarters: conv, Rev: "v0.1.0"}) {
			if !strings.HasPrefix(f.Path, "plans/") || !planfile.IsPlanName(f.Path) {
				continue
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(f.Data, &doc); err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(toJSON(&doc, "", map[string]int{})); err != nil {
				t.Errorf("%s: %v", f.Path, err)
			}
		}
	}
}

// TestRepositoryHasEditorHelp checks that this repository's own plans get the editor help cpp
// init gives a council's: the same settings file, and the schema as cpp schema prints it now.
// CPP_UPDATE_GOLDEN=1 writes the schema anew.
func TestRepositoryHasEditorHelp(t *testing.T) {
	root := "../.."
	for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside Council", Quarters: deadline.Calendar, Rev: "v0.1.0"}) {
		if f.Path != ".vscode/settings.json" && f.Path != scaffold.SchemaPath && f.Path != schema.ConfigSchemaPath {
			continue
		}
		path := filepath.Join(root, filepath.FromSlash(f.Path))
		if f.Path != ".vscode/settings.json" && os.Getenv("CPP_UPDATE_GOLDEN") == "1" {
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("the repository has no %s, which cpp init writes: %v", f.Path, err)
			continue
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from what cpp init writes (for the schema, run with CPP_UPDATE_GOLDEN=1 and review the diff)", f.Path)
		}
	}
}
