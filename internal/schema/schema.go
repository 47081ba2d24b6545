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
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
)

// Draft is the JSON Schema dialect the schema is written in.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// Field is one key of a kind of mapping.
type Field struct {
	Key         string
	Description string
	Schema      Object // the value's schema, without its description
}

// Kind is one kind of mapping in a plan file, named as planfile.Keys names it.
type Kind struct {
	Name        string
	Description string
	Required    []string
	Fields      []Field
	// Extra is added to the kind's schema: an action needs `text` or `outcomes`.
	Extra Object
}

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

func enum[T ~string](values []T) Object {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return Object{{"type", "string"}, {"enum", out}}
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

// Kinds are the kinds of mapping in a plan file, with the README's words for each key. The test
// compares each one's keys with the loader's (planfile.Keys).
var Kinds = []Kind{
	{Name: "plan", Description: "A plan file: a plan, a lead registry (`leads:`), practice examples (`practice:`), or a plan with the registry of the teams it names.",
		Fields: []Field{
			{"id", "The plan's id, unique across the repository: a-z, 0-9, '-' and '.'.", ref("id")},
			{"title", "The plan's title, as the document gives it.", ref("text")},
			{"council", "The council whose plan this is.", ref("text")},
			{"period", "The period the plan covers: `{start: DATE, end: DATE}`.", ref("period")},
			{"owner", "Who owns the plan, such as the Corporate Parenting Board.", ref("text")},
			{"quarters", "How \"Q3 2025\" is read: calendar (Jan-Mar = Q1, the default) or financial (Apr-Jun = Q1).", enum([]string{"calendar", "financial"})},
			{"source", "The document the plan was transcribed from.", ref("text")},
			{"links", "Ids of related plans, or free text.", ref("textList")},
			{"measures", "Plan-level measures: context figures.", listOf(ref("measure"))},
			{"sections", "The plan's priorities, pledges, promises, cohorts or workstreams.", listOf(ref("section"))},
			{"leads", "The lead registry: canonical team and role names, and their aliases.", listOf(ref("lead"))},
			{"practice", "Practice examples from other councils, linkable from actions.", listOf(ref("practice"))},
		}},
	{Name: "period", Description: "`{start: DATE, end: DATE}`: the dates the plan covers.", Required: []string{"start", "end"},
		Fields: []Field{
			{"start", "The first day of the plan's period.", ref("date")},
			{"end", "The last day of the plan's period.", ref("date")},
		}},
	{Name: "section", Description: "A priority, pledge, promise, cohort or workstream.", Required: []string{"id", "kind", "title"},
		Fields: []Field{
			{"id", "The section's id, unique across the repository; the bundled plans use PLAN.SECTION.", ref("id")},
			{"kind", "What the document calls it: priority, pledge, promise, cohort or workstream.", enum(plan.SectionKinds)},
			{"title", "The section's title.", ref("text")},
			{"promise", "The promise made to children and young people.", ref("text")},
			{"plain", "The promise in words a young person reads: the young people's report (cpp report --for young-people) shows it instead of the promise.", ref("text")},
			{"you_said", "What children and young people told the council.", ref("textList")},
			{"delivered_by", "Teams that deliver the section: passed to actions that name no leads.", ref("textList")},
			{"measures", "How we will know: the section's success measures.", listOf(ref("measure"))},
			{"actions", "The section's actions.", listOf(ref("action"))},
		}},
	{Name: "action", Description: "An action: `id`, and `text` or `outcomes`. An action given only as its expected outcome has `outcomes` and no `text`.", Required: []string{"id"},
		Extra: Object{{"anyOf", []Object{{{"required", []string{"text"}}}, {{"required", []string{"outcomes"}}}}}},
		Fields: []Field{
			{"id", "The action's id, unique across the repository; the bundled plans use PLAN.SECTION.N.", ref("id")},
			{"text", "What will be done.", ref("text")},
			{"plain", "The action in words a young person reads: the young people's report shows it instead of the text.", ref("text")},
			{"deadline", "The deadline as written in the plan (Q3 2025, September 2025, 2025-09-30, 2025-2028, Ongoing, quarterly, ...); cpp validate checks it reads as a period.", Object{{"type", []string{"string", "integer"}}}},
			{"from", "Where a recurring deadline's periods start (a date).", ref("date")},
			{"leads", "The teams or role titles that lead it, never personal names; each must be in a lead registry.", ref("textList")},
			{"status", "not-started (the default), in-progress, complete or dropped.", enum(plan.Statuses)},
			{"rag", "Risk to delivery, a separate axis from status: green, amber or red.", enum(plan.RAGs)},
			{"outcomes", "What it will achieve.", ref("textList")},
			{"links", "Ids of plans, sections, actions, measures or practice examples, or free text.", ref("textList")},
			{"tags", "Tags, such as a cohort or a corporate parenting principle.", ref("textList")},
			{"updates", "Dated progress updates.", listOf(ref("update"))},
			{"parent", "The id of the action this is a lettered sub-action of, in the same section.", ref("text")},
		}},
	{Name: "update", Description: "A dated progress update: `date`, and any of `status`, `rag`, `note`, `evidence`, `share`, `for_young_people`.", Required: []string{"date"},
		Fields: []Field{
			{"date", "When the progress was reported.", ref("date")},
			{"status", "The action's status then: not-started, in-progress, complete or dropped.", enum(plan.Statuses)},
			{"rag", "The action's RAG rating then: green, amber or red.", enum(plan.RAGs)},
			{"note", "What happened.", ref("text")},
			{"evidence", "What shows the progress: a document or a URL.", ref("text")},
			{"share", "young-people lets the young people's report show the note; without it (or for_young_people) the note is for officers and the board only.", enum(plan.ShareValues)},
			{"for_young_people", "A short text for young people in place of the note; writing one shares the update with them.", ref("text")},
		}},
	{Name: "measure", Description: "A success measure (\"how we will know\"): `id`, `text`, and any of `unit`, `direction`, `baseline`, `target`, `observations`, `benchmarks`.", Required: []string{"id", "text"},
		Fields: []Field{
			{"id", "The measure's id, unique across the repository; the bundled plans use PLAN.SECTION.mN.", ref("id")},
			{"text", "What is measured.", ref("text")},
			{"unit", "The unit of its values, such as \"%\".", ref("text")},
			{"direction", "Which way is better: higher, lower, or context (neither).", enum(plan.Directions)},
			{"baseline", "The figure the plan starts from: `value`, and `date`, `source`, `note`.", ref("figure")},
			{"target", "The figure the plan aims for: `value`, and `date`, `source`, `note`.", ref("figure")},
			{"observations", "Dated figures as they come in.", listOf(ref("observation"))},
			{"benchmarks", "Figures to compare with: England, statistical neighbours.", listOf(ref("benchmark"))},
		}},
	{Name: "observation", Description: "A dated figure: `date`, `value`, and `source`, `note`.", Required: []string{"date", "value"},
		Fields: observationFields},
	{Name: "benchmark", Description: "A figure to compare with: `name`, `value`, and `period`, `source`.", Required: []string{"name", "value"},
		Fields: []Field{
			{"name", "What the figure is for, such as England or statistical neighbours.", ref("text")},
			{"value", "The figure.", ref("number")},
			{"period", "The period the figure covers, such as 2024-25.", ref("text")},
			{"source", "Where the figure comes from.", ref("text")},
		}},
	{Name: "lead", Description: "A lead registry entry: `name`, and `aliases`, `shared`.", Required: []string{"name"},
		Fields: []Field{
			{"name", "The canonical name of the team or role.", ref("text")},
			{"aliases", "Other spellings of the same lead, such as ICB for Integrated Care Board.", ref("textList")},
			{"shared", "true for a team that serves several councils (an NHS board): one team whichever council names it.", Object{{"type", "boolean"}}},
		}},
	{Name: "practice", Description: "A practice example: `id`, `council`, `title`, and `summary`, `team`, `partners`, `themes`, `outcomes`, `source`.", Required: []string{"id", "council", "title"},
		Fields: []Field{
			{"id", "The example's id, unique across the repository.", ref("id")},
			{"council", "The council whose practice it is.", ref("text")},
			{"title", "The example's title.", ref("text")},
			{"summary", "What the practice is.", ref("text")},
			{"team", "The team that runs it.", ref("text")},
			{"partners", "Who it works with.", ref("textList")},
			{"themes", "What it is about.", ref("textList")},
			{"outcomes", "The outcomes it reports.", ref("textList")},
			{"source", "Where it is described.", ref("text")},
		}},
}

var observationFields = []Field{
	{"date", "When the figure was taken.", ref("date")},
	{"value", "The figure.", ref("number")},
	{"source", "Where the figure comes from.", ref("text")},
	{"note", "A note on the figure.", ref("text")},
}

// figure is a baseline or a target: an observation whose date may be left out.
var figure = Kind{Name: "figure", Description: "A measure's baseline or target: `value`, and `date`, `source`, `note`.", Required: []string{"value"}, Fields: observationFields}

// mapping is the schema of one kind: its keys and no others.
func mapping(k Kind) Object {
	props := Object{}
	for _, f := range k.Fields {
		props = append(props, Member{f.Key, append(Object{{"description", f.Description}}, f.Schema...)})
	}
	o := Object{{"description", k.Description}, {"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if len(k.Required) > 0 {
		o = append(o, Member{"required", k.Required})
	}
	return append(o, k.Extra...)
}

// Schema returns the schema as indented JSON, ending in a newline.
func Schema() []byte {
	all := append(Object{}, defs...)
	var top Kind
	for _, k := range Kinds {
		if k.Name == "plan" {
			top = k
			continue
		}
		all = append(all, Member{k.Name, mapping(k)})
	}
	all = append(all, Member{figure.Name, mapping(figure)})
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
		Member{"then", Object{{"required", []string{"id", "title", "council", "period", "sections"}}}},
		Member{"$defs", all},
	)
	out, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err) // the schema is built from fixed values above: an error is a bug here
	}
	return append(out, '\n')
}

// Keys returns the keys the schema describes for each kind, named as planfile.Keys names them.
func Keys() map[string][]string {
	out := map[string][]string{}
	for _, k := range Kinds {
		for _, f := range k.Fields {
			out[k.Name] = append(out[k.Name], f.Key)
		}
	}
	return out
}

// Modeline is the comment that points yaml-language-server (VS Code's YAML extension, and the
// editors that use the same server) at a schema file, given relative to the plan file.
func Modeline(rel string) string {
	return "# yaml-language-server: $schema=" + strings.ReplaceAll(rel, "\\", "/")
}
