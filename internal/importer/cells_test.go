package importer

import (
	"slices"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
)

func TestMatchHeader(t *testing.T) {
	for _, c := range []struct {
		header string
		want   Field
	}{
		{"Action", FieldAction}, {"Details", FieldAction}, {"What we will do", FieldAction},
		{"Milestones", FieldMilestone},
		{"Deadline", FieldDeadline}, {"Timescale", FieldDeadline}, {"By when?", FieldDeadline},
		{"Timeline", FieldDeadline}, {"Target date", FieldDeadline},
		{"Lead", FieldLead}, {"Lead officer(s)", FieldLead}, {"Responsible officer", FieldLead},
		{"Lead individual", FieldLead}, {"Owner", FieldLead}, {"Action owner", FieldLead},
		// Camden's implementation plan heads its leads so.
		{"Team/Service lead(s)", FieldLead}, {"Service lead", FieldLead}, {"Responsible team", FieldLead},
		{"RAG", FieldRAG}, {"RAG rating", FieldRAG}, {"Status", FieldStatus},
		{"Progress", FieldProgress}, {"Progress update March 2021", FieldProgress}, {"Comments", FieldProgress},
		{"Monitoring and progress", FieldProgress},
		{"Measure", FieldMeasure}, {"Success measure", FieldMeasure}, {"KPI", FieldMeasure},
		{"Outcome", FieldOutcome}, {"Expected", FieldOutcome}, {"Desired outcome", FieldOutcome},
		{"Ref", FieldRef}, {"Ref.", FieldRef}, {"Theme", FieldSection}, {"Priority", FieldSection}, {"Section", FieldSection},
		// Short words name a field only on their own.
		{"No. of placements", ""}, {"Date agreed", ""}, {"Notes", ""}, {"", ""},
	} {
		got, _ := matchHeader(c.header)
		if got != c.want {
			t.Errorf("matchHeader(%q) = %q, want %q", c.header, got, c.want)
		}
	}
}

func TestColumnsOf(t *testing.T) {
	for _, c := range []struct {
		headers string
		want    []Field
	}{
		{"Action | Milestones | Deadline", []Field{FieldAction, FieldMilestone, FieldDeadline}},
		// With no action column, the milestones are the actions.
		{"Milestones | Deadline", []Field{FieldAction, FieldDeadline}},
		// A second deadline column is kept as comments; several leads are leads.
		{"Action | Deadline | Timescale | Lead | Owner", []Field{FieldAction, FieldDeadline, FieldComment, FieldLead, FieldLead}},
		{"Action | | Funding", []Field{FieldAction, FieldIgnore, FieldComment}},
	} {
		cols := columnsOf(table("", c.headers).Rows[0], nil)
		var got []Field
		for _, col := range cols {
			got = append(got, col.Field)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.headers, got, c.want)
		}
	}
}

func TestSplitLeads(t *testing.T) {
	for _, c := range []struct {
		cell string
		want []string
	}{
		{"Virtual School / Health", []string{"Virtual School", "Health"}},
		{"Virtual School; Health;", []string{"Virtual School", "Health"}},
		{"Virtual School\nHealth", []string{"Virtual School", "Health"}},
		{"SEND/EHCP Team", []string{"SEND/EHCP Team"}},
		{"Team Manager: CLA, CSST, Family Safeguarding", []string{"Team Manager: CLA, CSST, Family Safeguarding"}},
		{"ICB / icb", []string{"ICB"}},
		{"", nil},
	} {
		if got := splitLeads(c.cell); !slices.Equal(got, c.want) {
			t.Errorf("splitLeads(%q) = %q, want %q", c.cell, got, c.want)
		}
	}
}

func TestPersonLike(t *testing.T) {
	people := []string{"Jane Smith", "Dr A. Patel", "Jane Smith, Head of Service", "Mary O'Brien-Jones",
		"Cllr Jones", "J Smith", "jane.smith@riverside.gov.uk", "Amira Khan (Virtual School)"}
	roles := []string{"Head of Virtual School", "Corporate Parenting", "ICB", "Virtual School", "Designated Nurse",
		"Team Manager: Life Chances", "Life Chances", "Fostering", "CAMHS", "Kinship Steering Group", "All services",
		"J. K."}
	for _, p := range people {
		if !personLike(p) {
			t.Errorf("personLike(%q) = false, want true", p)
		}
	}
	for _, r := range roles {
		if personLike(r) {
			t.Errorf("personLike(%q) = true, want false", r)
		}
	}
}

func TestRAG(t *testing.T) {
	for _, c := range []struct {
		word, fill string
		rag        plan.RAG
		blue, ok   bool
	}{
		{word: "Amber", rag: plan.Amber, ok: true}, {word: "G", rag: plan.Green, ok: true},
		{word: "red", rag: plan.Red, ok: true}, {word: "Green - on track", rag: plan.Green, ok: true},
		{word: "Blue", blue: true, ok: true}, {word: "maybe"},
		{fill: "FF0000", rag: plan.Red, ok: true}, {fill: "C00000", rag: plan.Red, ok: true},
		{fill: "FFC000", rag: plan.Amber, ok: true}, {fill: "FFFF00", rag: plan.Amber, ok: true},
		{fill: "00B050", rag: plan.Green, ok: true}, {fill: "92D050", rag: plan.Green, ok: true},
		{fill: "C6EFCE", rag: plan.Green, ok: true}, {fill: "FFC7CE", rag: plan.Red, ok: true},
		{fill: "0070C0", blue: true, ok: true},
		{fill: "FFFFFF"}, {fill: "000000"}, {fill: "D9D9D9"}, {fill: "F2F2F2"}, {fill: "7030A0"}, {fill: "zz"},
	} {
		var rag plan.RAG
		var blue, ok bool
		if c.word != "" {
			rag, blue, ok = ragWord(c.word)
		} else {
			rag, blue, ok = fillRAG(c.fill)
		}
		if rag != c.rag || blue != c.blue || ok != c.ok {
			t.Errorf("%q%q: %q %v %v, want %q %v %v", c.word, c.fill, rag, blue, ok, c.rag, c.blue, c.ok)
		}
	}
}

func TestParseMap(t *testing.T) {
	m, err := ParseMap("m.yaml", []byte("columns:\n  \"By when?\": Deadline\n  Notes: ignore\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := m.field("by  WHEN"); !ok || f != FieldDeadline {
		t.Errorf("field(by WHEN) = %q %v", f, ok)
	}
	for _, c := range []struct{ text, want string }{
		{"colums: {}\n", `m.yaml:1:1: unknown key "colums"`},
		{"columns:\n  A: actoin\n", `m.yaml:2:6: unknown field "actoin" for column "A"`},
		{"columns: [a]\n", `m.yaml:1:10: columns is a mapping of header to field`},
		{"columns:\n  A: action\n  a: lead\n", `m.yaml:3:3: column "a" is mapped twice`},
		{"- a\n", `m.yaml:1:1: a map is a mapping with the key columns`},
		{"", `m.yaml: the map is empty`},
		{"columns: {a: [b]}\n", `m.yaml:1:11: each column is a header and a field, both text`},
	} {
		_, err := ParseMap("m.yaml", []byte(c.text))
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseMap(%q) = %v, want %s", c.text, err, c.want)
		}
	}
}
