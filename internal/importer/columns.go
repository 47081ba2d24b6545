package importer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/words"
)

// Field is what a column of an action table holds, as the plan file keeps it.
type Field string

const (
	FieldAction    Field = "action"    // the action's text
	FieldMilestone Field = "milestone" // a sub-action's text, beside the action it belongs to
	FieldDeadline  Field = "deadline"
	FieldLead      Field = "lead"
	FieldRAG       Field = "rag"
	FieldStatus    Field = "status"
	FieldProgress  Field = "progress" // a progress note: an update
	FieldMeasure   Field = "measure"  // a success measure: a section measure the action links to
	FieldOutcome   Field = "outcome"
	FieldRef       Field = "ref"     // the table's own numbering ("1.2"), which ids follow
	FieldSection   Field = "section" // a theme or priority that groups the actions
	FieldComment   Field = "comment" // kept beside the action as a comment
	FieldIgnore    Field = "ignore"  // left out
)

// Fields are the fields a --map file may name, in the order the README lists them.
var Fields = []Field{FieldAction, FieldMilestone, FieldDeadline, FieldLead, FieldRAG, FieldStatus, FieldProgress,
	FieldMeasure, FieldOutcome, FieldRef, FieldSection, FieldComment, FieldIgnore}

// synonyms are the headers real plans give each field, normalised (see headerKey). A header is
// the field's when it is one of these, or starts with one followed by more words ("Progress
// update March 2021", "Lead officer(s)"); an exact match wins over a prefix, and a longer prefix
// over a shorter.
var synonyms = map[Field][]string{
	FieldAction: {"action", "actions", "action details", "details", "what we will do", "what will we do",
		"we will", "activity", "activities", "task", "tasks", "commitment", "commitments", "key actions",
		"action description", "description"},
	FieldMilestone: {"milestone", "milestones", "key milestones", "sub actions"},
	FieldDeadline: {"deadline", "deadlines", "timescale", "timescales", "by when", "when", "timeline",
		"timeframe", "time frame", "target date", "due date", "due", "date", "completion date", "by"},
	FieldLead: {"lead", "leads", "lead officer", "lead officers", "lead officer s", "responsible officer",
		"responsible officers", "responsible", "lead individual", "owner", "owners", "action owner",
		"lead team", "lead service", "team or service lead", "team service lead", "team service leads",
		"service lead", "service leads", "team lead", "team leads", "who", "who will lead", "accountable officer",
		"lead agency", "lead person"},
	FieldRAG:    {"rag", "rag rating", "rag status", "rating", "red amber green"},
	FieldStatus: {"status", "current status", "progress status"},
	FieldProgress: {"progress", "progress update", "progress updates", "update", "updates", "comments",
		"comment", "monitoring and progress", "progress to date", "progress and comments", "latest update"},
	FieldMeasure: {"measure", "measures", "success measure", "success measures", "kpi", "kpis",
		"how we will know", "how will we know", "measure of success", "measures of success",
		"performance measure", "performance indicator", "indicator"},
	FieldOutcome: {"outcome", "outcomes", "expected outcome", "expected outcomes", "expected",
		"desired outcome", "desired outcomes", "intended outcome", "what will success look like",
		"impact"},
	FieldRef: {"ref", "ref no", "reference", "no", "number", "id", "action no", "action number", "action ref"},
	FieldSection: {"theme", "themes", "priority", "priorities", "section", "pledge", "promise", "workstream", "workstreams",
		"area", "priority area", "objective", "pillar", "pillars", "strand", "theme area", "key theme"},
}

// exactOnly are synonyms too short to name a field when more words follow: "No. of placements"
// is not a reference, nor "Date agreed" a deadline.
var exactOnly = map[string]bool{"no": true, "number": true, "id": true, "by": true, "when": true,
	"who": true, "due": true, "date": true, "expected": true, "update": true, "area": true, "rating": true}

// headerKey is a header as it is compared: lower case, every run of what is not a letter or a
// digit one space. "Lead officer(s)" is "lead officer s"; "By when?" is "by when".
func headerKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// matchHeader is the field a header names by the synonyms, and ok=false for none.
func matchHeader(header string) (Field, bool) {
	key := headerKey(header)
	if key == "" {
		return "", false
	}
	best, bestLen := Field(""), 0
	for _, f := range Fields {
		for _, s := range synonyms[f] {
			if key == s {
				return f, true
			}
			if len(s) > bestLen && !exactOnly[s] && strings.HasPrefix(key, s+" ") {
				best, bestLen = f, len(s)
			}
		}
	}
	if bestLen == 0 && progressHeading(header) {
		return FieldProgress, true
	}
	return best, bestLen > 0
}

// progressHeading reports whether a header names a progress column by its period in words the
// synonyms do not start with: "June 2026 update", "Update Dec 2025", "Q2 progress", "Progress at
// March 2026".
func progressHeading(header string) bool {
	key := headerKey(header)
	has := false
	for _, w := range strings.Fields(key) {
		if w == "update" || w == "updates" || w == "progress" {
			has = true
		}
	}
	if !has {
		return false
	}
	rest := progressPeriod(words.OneLine(header))
	if _, ok := quarterNoYear(rest); ok {
		return true
	}
	d, err := deadline.Parse(rest, deadline.Calendar)
	return err == nil && d.Kind == deadline.Dated
}

// Column is what import made of one column of the table.
type Column struct {
	Index  int
	Header string
	Field  Field
	// Why says how the field was decided, for the summary: "" for a header the synonyms know,
	// "--map" for one the map file names, or why it was not the field its words suggest.
	Why string
	// Cells counts the cells with text below the header row.
	Cells int
}

// Letter is the column's letter as a spreadsheet names it: A, B, ... Z, AA.
func (c Column) Letter() string {
	n := c.Index + 1
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// Label is the column as a comment names it: its header on one line, or its letter when it has
// none.
func (c Column) Label() string {
	if h := words.OneLine(c.Header); h != "" {
		return h
	}
	return "column " + c.Letter()
}

// Name is the column as the summary names it: its header, or its letter when it has none.
func (c Column) Name() string {
	if c.Header == "" {
		return "column " + c.Letter()
	}
	return fmt.Sprintf("%q", c.Header)
}

// headerRows is how far down a table the header row is looked for: a title or a note may come
// first, but a header below this is not a header.
const headerRows = 10

// findHeader finds the table's header row, the first of its first rows where a header names the
// action (by the map or the synonyms), else the outcome, and what each column holds. ok is false
// when no row does.
func findHeader(t tabular.Table, m *Map) (row int, cols []Column, ok bool) {
	// A table with no action column may give each action only as its expected outcome.
	for _, f := range []Field{FieldAction, FieldOutcome} {
		best := -1
		for r := 0; r < len(t.Rows) && r < headerRows; r++ {
			cs := columnsOf(t.Rows[r], m)
			if !slices.ContainsFunc(cs, func(c Column) bool { return c.Field == f }) {
				continue
			}
			// A title row ("Action Plan 2025-2028") names one column at most; the header row
			// below it names more, and wins.
			if n := named(cs); best < 0 || n > named(cols) {
				best, cols = r, cs
			}
		}
		if best >= 0 {
			keepHeaderless(t, best, cols)
			return best, cols, true
		}
	}
	return 0, nil, false
}

// named counts the columns a header names a field of.
func named(cols []Column) int {
	n := 0
	for _, c := range cols {
		if c.Field != FieldComment && c.Field != FieldIgnore {
			n++
		}
	}
	return n
}

// keepHeaderless keeps as comments the columns with no header but text below it: only a column
// with neither is left out.
func keepHeaderless(t tabular.Table, hr int, cols []Column) {
	for i := range cols {
		c := &cols[i]
		if c.Field != FieldIgnore || c.Header != "" {
			continue
		}
		for _, row := range t.Rows[hr+1:] {
			if c.Index < len(row.Cells) && row.Cells[c.Index].Text != "" {
				c.Field = FieldComment
				break
			}
		}
	}
}

// columnsOf decides each column's field from its header. Only one column is the action, one the
// milestone (the sub-actions' text; in a table with no action column, the milestones are the
// actions), one the deadline, one the RAG, one the status, one the ref and one the section: a
// second column that would be one of these is kept as comments. Leads, progress notes, measures
// and outcomes may come from several columns.
func columnsOf(r tabular.Row, m *Map) []Column {
	cols := make([]Column, len(r.Cells))
	hasAction := false
	for i, c := range r.Cells {
		col := Column{Index: i, Header: c.Text}
		f, ok := m.field(c.Text)
		if ok {
			col.Why = "--map"
		} else if f, ok = matchHeader(c.Text); !ok {
			f = FieldComment
			if c.Text == "" {
				f = FieldIgnore
			}
		}
		hasAction = hasAction || f == FieldAction
		col.Field = f
		cols[i] = col
	}
	taken := map[Field]bool{}
	for i := range cols {
		col := &cols[i]
		if col.Field == FieldMilestone && !hasAction && col.Why == "" {
			// "Milestones" is the action column of a table that has no other.
			col.Field, hasAction = FieldAction, true
		}
		switch col.Field {
		case FieldAction, FieldMilestone, FieldDeadline, FieldRAG, FieldStatus, FieldRef, FieldSection:
			if taken[col.Field] {
				col.Why = fmt.Sprintf("a second %s column", col.Field)
				col.Field = FieldComment
			}
		}
		taken[col.Field] = true
	}
	return cols
}
