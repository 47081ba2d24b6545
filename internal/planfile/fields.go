package planfile

import "github.com/cpp-plans/cpp/internal/plan"

// Value is what a key holds, as the loader reads it and as cpp schema describes it.
type Value int

const (
	Text     Value = iota // a scalar read as text: a string or a number, never true or false
	TextList              // a list of text; a single item may be written without the list
	ID                    // text in IDPattern's form
	Date                  // YYYY-MM-DD
	Number                // a number, never text
	Flag                  // true or false
	Deadline              // a deadline as written: text, or a year written as a number
	Enum                  // one of Words, in any spelling Spell reads
	Mapping               // a mapping of the kind named by Of
	List                  // a list of mappings of the kind named by Of
)

// Field is one key of a kind of mapping.
type Field struct {
	Key string
	// Doc is the README's words for the key; editors show them on hover.
	Doc   string
	Value Value
	// Words are an Enum's values as the plan file and JSON write them; Spellings are every word
	// (lower case, words joined by '-') the loader reads as one of them.
	Words, Spellings []string
	// Of names the kind of a Mapping or of a List's items.
	Of string
	// Required keys must be given a value: empty is missing.
	Required bool
}

// MayBeEmpty reports whether the key may be written with no value (`rag:`), read as if it were
// not written, with a warning. A key that must be given, and a date, number, flag or mapping,
// which have no empty form, may not.
func (f Field) MayBeEmpty() bool {
	if f.Required {
		return false
	}
	switch f.Value {
	case Text, TextList, Deadline, Enum, List:
		return true
	}
	return false
}

// Kind is one kind of mapping in a plan file.
type Kind struct {
	Name, Doc string
	Fields    []Field
}

// Field is the kind's field for key, or nil.
func (k *Kind) Field(key string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Key == key {
			return &k.Fields[i]
		}
	}
	return nil
}

// Keys are the kind's keys, in the order the README documents them.
func (k *Kind) Keys() []string {
	out := make([]string, len(k.Fields))
	for i, f := range k.Fields {
		out[i] = f.Key
	}
	return out
}

// Required are the kind's required keys. A plan's are required only of a file that is a plan,
// not of one that holds only a lead registry or practice examples.
func (k *Kind) Required() []string {
	var out []string
	for _, f := range k.Fields {
		if f.Required {
			out = append(out, f.Key)
		}
	}
	return out
}

func text(key, doc string) Field     { return Field{Key: key, Doc: doc, Value: Text} }
func textList(key, doc string) Field { return Field{Key: key, Doc: doc, Value: TextList} }
func required(f Field) Field         { f.Required = true; return f }
func of(key, doc string, v Value, kind string) Field {
	return Field{Key: key, Doc: doc, Value: v, Of: kind}
}

func enum[T ~string](key, doc string, words []T, spellings []string) Field {
	ws := make([]string, len(words))
	for i, w := range words {
		ws[i] = string(w)
	}
	if spellings == nil {
		spellings = ws
	}
	return Field{Key: key, Doc: doc, Value: Enum, Words: ws, Spellings: spellings}
}

// Kinds is the one table of a plan file's fields: the loader allows these keys and no others,
// cpp schema describes them to editors, and planedit places a new key by their order.
var Kinds = []Kind{
	{Name: "plan", Doc: "A plan file: a plan, a lead registry (`leads:`), practice examples (`practice:`), or a plan with the registry of the teams it names.",
		Fields: []Field{
			required(Field{Key: "id", Doc: "The plan's id, unique across the repository: a-z, 0-9, '-' and '.'.", Value: ID}),
			required(text("title", "The plan's title, as the document gives it.")),
			required(text("council", "The council whose plan this is.")),
			required(of("period", "The period the plan covers: `{start: DATE, end: DATE}`.", Mapping, "period")),
			text("owner", "Who owns the plan, such as the Corporate Parenting Board."),
			enum("quarters", "How \"Q3 2025\" is read: calendar (Jan-Mar = Q1, the default) or financial (Apr-Jun = Q1).", []string{"calendar", "financial"}, nil),
			text("source", "The document the plan was transcribed from."),
			textList("links", "Ids of related plans, or free text."),
			of("measures", "Plan-level measures: context figures.", List, "measure"),
			required(of("sections", "The plan's priorities, pledges, promises, cohorts or workstreams.", List, "section")),
			of("leads", "The lead registry: canonical team and role names, and their aliases.", List, "lead"),
			of("practice", "Practice examples from other councils, linkable from actions.", List, "practice"),
		}},
	{Name: "period", Doc: "`{start: DATE, end: DATE}`: the dates the plan covers.",
		Fields: []Field{
			required(Field{Key: "start", Doc: "The first day of the plan's period.", Value: Date}),
			required(Field{Key: "end", Doc: "The last day of the plan's period.", Value: Date}),
		}},
	{Name: "section", Doc: "A priority, pledge, promise, cohort or workstream.",
		Fields: []Field{
			required(Field{Key: "id", Doc: "The section's id, unique across the repository; the bundled plans use PLAN.SECTION.", Value: ID}),
			required(enum("kind", "What the document calls it: priority, pledge, promise, cohort or workstream.", plan.SectionKinds, nil)),
			required(text("title", "The section's title.")),
			text("promise", "The promise made to children and young people."),
			text("plain", "The promise in words a young person reads: the young people's report (cpp report --for young-people) shows it instead of the promise."),
			textList("you_said", "What children and young people told the council."),
			textList("delivered_by", "Teams that deliver the section: passed to actions that name no leads."),
			of("measures", "How we will know: the section's success measures.", List, "measure"),
			of("actions", "The section's actions.", List, "action"),
		}},
	{Name: "action", Doc: "An action: `id`, and `text` or `outcomes`. An action given only as its expected outcome has `outcomes` and no `text`.",
		Fields: []Field{
			required(Field{Key: "id", Doc: "The action's id, unique across the repository; the bundled plans use PLAN.SECTION.N.", Value: ID}),
			text("text", "What will be done."),
			text("plain", "The action in words a young person reads: the young people's report shows it instead of the text."),
			{Key: "deadline", Doc: "The deadline as written in the plan (Q3 2025, September 2025, 2025-09-30, 2025-2028, Ongoing, quarterly, ...); cpp validate checks it reads as a period.", Value: Deadline},
			{Key: "from", Doc: "Where a recurring deadline's periods start (a date).", Value: Date},
			textList("leads", "The teams or role titles that lead it, never personal names; each must be in a lead registry."),
			enum("status", "not-started (the default), in-progress, complete or dropped.", plan.Statuses, plan.StatusSpellings()),
			enum("rag", "Risk to delivery, a separate axis from status: green, amber or red.", plan.RAGs, plan.RAGSpellings()),
			textList("outcomes", "What it will achieve."),
			textList("links", "Ids of plans, sections, actions, measures or practice examples, or free text."),
			textList("tags", "Tags, such as a cohort or a corporate parenting principle."),
			of("updates", "Dated progress updates.", List, "update"),
			text("parent", "The id of the action this is a lettered sub-action of, in the same section."),
		}},
	{Name: "update", Doc: "A dated progress update: `date`, and any of `status`, `rag`, `note`, `evidence`, `share`, `for_young_people`.",
		Fields: []Field{
			required(Field{Key: "date", Doc: "When the progress was reported.", Value: Date}),
			enum("status", "The action's status then: not-started, in-progress, complete or dropped.", plan.Statuses, plan.StatusSpellings()),
			enum("rag", "The action's RAG rating then: green, amber or red.", plan.RAGs, plan.RAGSpellings()),
			text("note", "What happened."),
			text("evidence", "What shows the progress: a document or a URL."),
			enum("share", "young-people lets the young people's report show the note; without it (or for_young_people) the note is for officers and the board only.", plan.ShareValues, nil),
			text("for_young_people", "A short text for young people in place of the note; writing one shares the update with them."),
		}},
	{Name: "measure", Doc: "A success measure (\"how we will know\"): `id`, `text`, and any of `unit`, `direction`, `baseline`, `target`, `observations`, `benchmarks`.",
		Fields: []Field{
			required(Field{Key: "id", Doc: "The measure's id, unique across the repository; the bundled plans use PLAN.SECTION.mN.", Value: ID}),
			required(text("text", "What is measured.")),
			text("unit", "The unit of its values, such as \"%\"."),
			enum("direction", "Which way is better: higher, lower, or context (neither).", plan.Directions, nil),
			of("baseline", "The figure the plan starts from: `value`, and `date`, `source`, `note`.", Mapping, "figure"),
			of("target", "The figure the plan aims for: `value`, and `date`, `source`, `note`.", Mapping, "figure"),
			of("observations", "Dated figures as they come in.", List, "observation"),
			of("benchmarks", "Figures to compare with: England, statistical neighbours.", List, "benchmark"),
		}},
	{Name: "observation", Doc: "A dated figure: `date`, `value`, and `source`, `note`.",
		Fields: []Field{
			required(Field{Key: "date", Doc: "When the figure was taken.", Value: Date}),
			required(Field{Key: "value", Doc: "The figure.", Value: Number}),
			text("source", "Where the figure comes from."),
			text("note", "A note on the figure."),
		}},
	{Name: "figure", Doc: "A measure's baseline or target: `value`, and `date`, `source`, `note`.",
		Fields: []Field{
			{Key: "date", Doc: "When the figure was taken.", Value: Date},
			required(Field{Key: "value", Doc: "The figure.", Value: Number}),
			text("source", "Where the figure comes from."),
			text("note", "A note on the figure."),
		}},
	{Name: "benchmark", Doc: "A figure to compare with: `name`, `value`, and `period`, `source`.",
		Fields: []Field{
			required(text("name", "What the figure is for, such as England or statistical neighbours.")),
			required(Field{Key: "value", Doc: "The figure.", Value: Number}),
			text("period", "The period the figure covers, such as 2024-25."),
			text("source", "Where the figure comes from."),
		}},
	{Name: "lead", Doc: "A lead registry entry: `name`, and `aliases`, `shared`.",
		Fields: []Field{
			required(text("name", "The canonical name of the team or role.")),
			textList("aliases", "Other spellings of the same lead, such as ICB for Integrated Care Board."),
			{Key: "shared", Doc: "true for a team that serves several councils (an NHS board): one team whichever council names it.", Value: Flag},
		}},
	{Name: "practice", Doc: "A practice example: `id`, `council`, `title`, and `summary`, `team`, `partners`, `themes`, `outcomes`, `source`.",
		Fields: []Field{
			required(Field{Key: "id", Doc: "The example's id, unique across the repository.", Value: ID}),
			required(text("council", "The council whose practice it is.")),
			required(text("title", "The example's title.")),
			text("summary", "What the practice is."),
			text("team", "The team that runs it."),
			textList("partners", "Who it works with."),
			textList("themes", "What it is about."),
			textList("outcomes", "The outcomes it reports."),
			text("source", "Where it is described."),
		}},
}

// KindOf is the kind with the name, or nil.
func KindOf(name string) *Kind {
	for i := range Kinds {
		if Kinds[i].Name == name {
			return &Kinds[i]
		}
	}
	return nil
}

func kind(name string) *Kind {
	k := KindOf(name)
	if k == nil {
		panic("planfile: no kind " + name) // the names are fixed above
	}
	return k
}
