package returns

import (
	"fmt"
	"strconv"

	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// MissingDoc is the chasing list for people: a table of actions and one of measures for each lead,
// which the Markdown printer makes fit to paste into an email.
func MissingDoc(r *Return, cs []*Chase) render.Doc {
	doc := render.Doc{Title: "Returns missing for " + r.Quarter.Describe(r.Plans)}
	actions, measures := Outstanding(cs)
	intro := render.Block{Empty: fmt.Sprintf("Nothing is missing as of %s: every open action has an update dated in the quarter, and every measure that expects a figure has one.", render.Date(r.Today))}
	if r.Empty() {
		intro.Empty = "Nothing to chase: no open actions, and no measures that expect a figure, match."
	}
	if len(cs) > 0 {
		intro.Empty = fmt.Sprintf("As of %s, %s with no update dated in the quarter and %s with no figure for it, for %s.",
			render.Date(r.Today), words.Count(actions, "open action", "open actions"), words.Count(measures, "measure", "measures"),
			words.Count(len(cs), "lead", "leads"))
	}
	doc.Blocks = append(doc.Blocks, intro)
	for _, c := range cs {
		if len(c.Actions) > 0 {
			b := render.Block{Heading: fmt.Sprintf("%s: %s with no update", c.Name, words.Count(len(c.Actions), "action", "actions")),
				Header: []string{"ID", "Action", "Deadline", "Due", "Status", "RAG", "Latest note"},
				// Whom to chase is the heading; on a narrow terminal what says the same on
				// every row goes first, then the deadline as written, the status and the due date.
				Wide: []int{1}, Drop: []int{2, 4, 3}, DropSame: true, RAGColumn: 5}
			for _, a := range c.Actions {
				latest := "none"
				if a.Latest != nil {
					latest = render.Date(a.Latest.Date)
				}
				b.Rows = append(b.Rows, []string{a.Action.ID, a.Action.Label(), a.Action.Deadline.Text, a.due(render.Date),
					render.StatusWord(a.Action.Status), render.RAGWord(a.Action.RAG), latest})
			}
			doc.Blocks = append(doc.Blocks, b)
		}
		if len(c.Measures) > 0 {
			b := render.Block{Heading: fmt.Sprintf("%s: %s with no figure", c.Name, words.Count(len(c.Measures), "measure", "measures")),
				Header: []string{"ID", "Measure", "Latest value", "Latest value date"},
				Wide:   []int{1}, RAGColumn: -1}
			for _, m := range c.Measures {
				v, d := "none", ""
				if m.Latest != nil {
					v, d = words.Number(m.Latest.Value), render.Date(m.Latest.Date)
					switch m.Measure.Unit {
					case "":
					case "%":
						v += "%"
					default:
						v += " " + m.Measure.Unit
					}
				}
				b.Rows = append(b.Rows, []string{m.Measure.ID, m.Measure.Text, v, d})
			}
			doc.Blocks = append(doc.Blocks, b)
		}
	}
	return doc
}

// MissingColumns is the CSV header of the chasing list: one row for each item under each lead;
// kind is "action" or "measure".
var MissingColumns = []string{"lead", "council", "kind", "plan", "section", "id", "text", "deadline", "due",
	"status", "rag", "latest_note_date", "latest_value", "latest_value_date", "deadline_not_understood"}

// MissingRows are the chasing list as CSV cells.
func MissingRows(cs []*Chase) [][]string {
	var rows [][]string
	for _, c := range cs {
		for _, a := range missingActions(c) {
			rows = append(rows, []string{c.Team.Lead, c.Team.Council, "action", a.Plan, a.Section, a.ID, a.Text,
				deref(a.Deadline), deref(a.Due), a.Status, deref(a.RAG), deref(a.LatestNoteDate), "", "",
				strconv.FormatBool(a.DeadlineNotUnderstood)})
		}
		for _, m := range missingMeasures(c) {
			rows = append(rows, []string{c.Team.Lead, c.Team.Council, "measure", m.Plan, m.Section, m.ID, m.Text,
				"", "", "", "", "", deref(m.LatestValue), deref(m.LatestValueDate), ""})
		}
	}
	return rows
}

// MissingReport is the chasing list in JSON. Its field names are a stable interface.
type MissingReport struct {
	Quarter         string       `json:"quarter"`
	AsOf            string       `json:"as_of"`
	Periods         []PeriodJSON `json:"periods"`
	ActionsMissing  int          `json:"actions_missing"`
	MeasuresMissing int          `json:"measures_missing"`
	Leads           []ChaseJSON  `json:"leads"`
}

// PeriodJSON is the quarter as one plan reads it.
type PeriodJSON struct {
	Plan       string `json:"plan"`
	Quarter    string `json:"quarter"`
	Convention string `json:"convention"`
	Start      string `json:"start"`
	End        string `json:"end"`
}

// ChaseJSON is one lead's outstanding items; council is null for a team shared across councils.
type ChaseJSON struct {
	Lead     string               `json:"lead"`
	Council  *string              `json:"council"`
	Actions  []MissingActionJSON  `json:"actions"`
	Measures []MissingMeasureJSON `json:"measures"`
}

// MissingActionJSON is an open action with no update in the period.
type MissingActionJSON struct {
	Plan      string  `json:"plan"`
	Section   string  `json:"section"`
	ID        string  `json:"id"`
	Text      string  `json:"text"`
	Deadline  *string `json:"deadline"`
	Due       *string `json:"due"`
	Recurring bool    `json:"recurring"`
	// DeadlineNotUnderstood marks a deadline written but not placed in time: due is null, as
	// for no deadline, but it is not the same.
	DeadlineNotUnderstood bool    `json:"deadline_not_understood"`
	Status                string  `json:"status"`
	RAG                   *string `json:"rag"`
	LatestNote            *string `json:"latest_note"`
	LatestNoteDate        *string `json:"latest_note_date"`
}

// MissingMeasureJSON is a measure with no figure for the period.
type MissingMeasureJSON struct {
	Plan            string  `json:"plan"`
	Section         string  `json:"section"`
	ID              string  `json:"id"`
	Text            string  `json:"text"`
	Unit            *string `json:"unit"`
	LatestValue     *string `json:"latest_value"`
	LatestValueDate *string `json:"latest_value_date"`
}

// MissingJSON is the chasing list as JSON.
func MissingJSON(r *Return, cs []*Chase) MissingReport {
	out := MissingReport{Quarter: r.Quarter.Name(r.Plans), AsOf: r.Today.Format(isoDate),
		Periods: []PeriodJSON{}, Leads: []ChaseJSON{}}
	out.ActionsMissing, out.MeasuresMissing = Outstanding(cs)
	for _, p := range r.Periods {
		out.Periods = append(out.Periods, PeriodJSON{Plan: p.Plan.ID, Quarter: p.Name, Convention: p.Convention.String(),
			Start: p.Start.Format(isoDate), End: p.End.Format(isoDate)})
	}
	for _, c := range cs {
		cj := ChaseJSON{Lead: c.Team.Lead, Actions: missingActions(c), Measures: missingMeasures(c)}
		if c.Team.Council != "" {
			cj.Council = ptr(c.Team.Council)
		}
		out.Leads = append(out.Leads, cj)
	}
	return out
}

func missingActions(c *Chase) []MissingActionJSON {
	out := []MissingActionJSON{}
	for _, a := range c.Actions {
		act := a.Action
		j := MissingActionJSON{Plan: a.Plan.ID, Section: a.Section.ID, ID: act.ID, Text: act.Label(),
			Recurring: a.Recurring, DeadlineNotUnderstood: act.DeadlineNotUnderstood(), Status: string(act.Status)}
		if act.HasDeadline {
			j.Deadline = ptr(act.Deadline.Text)
		}
		if a.HasDue() {
			j.Due = ptr(a.Due.Format(isoDate))
		}
		if act.RAG != "" {
			j.RAG = ptr(string(act.RAG))
		}
		if a.Latest != nil {
			j.LatestNote, j.LatestNoteDate = ptr(a.Latest.Note), ptr(a.Latest.Date.Format(isoDate))
		}
		out = append(out, j)
	}
	return out
}

func missingMeasures(c *Chase) []MissingMeasureJSON {
	out := []MissingMeasureJSON{}
	for _, m := range c.Measures {
		j := MissingMeasureJSON{Plan: m.Plan.ID, Section: m.Section.ID, ID: m.Measure.ID, Text: m.Measure.Text}
		if m.Measure.Unit != "" {
			j.Unit = ptr(m.Measure.Unit)
		}
		if m.Latest != nil {
			j.LatestValue, j.LatestValueDate = ptr(words.Number(m.Latest.Value)), ptr(m.Latest.Date.Format(isoDate))
		}
		out = append(out, j)
	}
	return out
}

func ptr(s string) *string { return &s }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
