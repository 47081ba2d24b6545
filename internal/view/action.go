package view

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// ActionRecord is show's record of an action in full: the listing's record with the details.
type ActionRecord struct {
	render.ActionRecord
	PlanTitle    string                `json:"plan_title"`
	SectionTitle string                `json:"section_title"`
	Promise      *string               `json:"promise"`
	LeadsAsGiven []string              `json:"leads_as_written"`
	Outcomes     []string              `json:"outcomes"`
	Links        []string              `json:"links"`
	Parent       *string               `json:"parent"`
	Updates      []render.UpdateRecord `json:"updates"`
	// DeadlineHistory is null outside a git repository and for an action not yet committed.
	DeadlineHistory *render.SlipRecord `json:"deadline_history"`
}

// History is what show knows of an action's history: a nil Slip means not committed yet. A nil
// *History means no history is known (not in git).
type History struct{ Slip *history.Slip }

func ActionRecordOf(r query.Row, si *History) ActionRecord {
	a := r.Action
	out := ActionRecord{ActionRecord: render.ActionRecords([]query.Row{r})[0], PlanTitle: r.Plan.Title,
		SectionTitle: r.Section.Title, Promise: optional(r.Section.Promise), LeadsAsGiven: nonEmpty(a.EffectiveLeads()),
		Outcomes: nonEmpty(a.Outcomes), Links: nonEmpty(a.Links), Updates: render.UpdateRecords(a.Updates)}
	if si != nil {
		out.DeadlineHistory = render.NewSlipRecord(si.Slip)
	}
	if a.Parent != "" {
		out.Parent = &a.Parent
	}
	return out
}

func ActionDoc(r query.Row, si *History) render.Doc {
	a := r.Action
	d := render.Doc{Title: a.ID}
	fields := [][]string{
		{"Plan", fmt.Sprintf("%s: %s (%s)", r.Plan.ID, r.Plan.Title, r.Plan.Council)},
		{"Section", fmt.Sprintf("%s: %s", r.Section.ID, r.Section.Title)},
	}
	if r.Section.Promise != "" {
		fields = append(fields, []string{"Promise", r.Section.Promise})
	}
	if a.Text != "" {
		fields = append(fields, []string{"Action", a.Text})
	}
	if a.Parent != "" {
		fields = append(fields, []string{"Part of", a.Parent})
	}
	fields = append(fields, []string{"Deadline", deadlineWords(r)})
	if si != nil {
		h := "not committed yet"
		if s := si.Slip; s != nil {
			h = render.SlipWords(s)
			if s.Moves > 0 {
				h += fmt.Sprintf(" Last moved in %s on %s; 'cpp log %s' shows each change.", s.LastMove.Short(), render.Date(s.LastMove.Date), a.ID)
			}
		}
		fields = append(fields, []string{"Deadline history", h})
	}
	leads := strings.Join(r.Leads, ", ")
	if len(a.Leads) == 0 && len(r.Leads) > 0 {
		leads += " (the section's delivering teams)"
	}
	if leads == "" {
		leads = "-"
	}
	fields = append(fields,
		[]string{"Leads", leads},
		[]string{"Status", render.StatusWord(a.Status)},
		[]string{"RAG", render.RAGWord(a.RAG)},
	)
	for i, o := range a.Outcomes {
		label := ""
		if i == 0 {
			label = "Outcomes"
		}
		fields = append(fields, []string{label, o})
	}
	if len(a.Links) > 0 {
		fields = append(fields, []string{"Links", strings.Join(a.Links, "; ")})
	}
	if len(a.Tags) > 0 {
		fields = append(fields, []string{"Tags", strings.Join(a.Tags, ", ")})
	}
	fields = append(fields, []string{"File", fmt.Sprintf("%s:%d", r.Plan.File, a.Pos.Line)})
	d.Blocks = append(d.Blocks, render.Block{Header: []string{"Field", "Value"}, Rows: fields, Wide: []int{1}, RAGColumn: -1})
	upd := render.Block{Heading: "Progress updates", Header: []string{"Date", "Status", "RAG", "Note"}, Wide: []int{3}, RAGColumn: 2,
		Empty: "No progress updates yet."}
	for _, u := range a.Updates {
		status := "-"
		if u.Status != "" {
			status = render.StatusWord(u.Status)
		}
		upd.Rows = append(upd.Rows, []string{render.Date(u.Date), status, render.RAGWord(u.RAG), u.Words()})
	}
	d.Blocks = append(d.Blocks, upd)
	return d
}

// deadlineWords is a deadline as written and as dates: "Q3 2025 (1 Jul 2025 – 30 Sep 2025, calendar quarter; due 30 Sep 2025, 12 days late)".
func deadlineWords(r query.Row) string {
	a := r.Action
	switch {
	case !a.HasDeadline:
		return "none given"
	case a.DeadlineErr != nil:
		return notUnderstoodWords(a.Deadline.Text, a.DeadlineErr)
	case r.Recurring:
		return recurringWords(r)
	case a.Deadline.Kind == deadline.ToBeConfirmed:
		return a.Deadline.Text + " (to be confirmed: no date yet)"
	case !r.HasDue():
		return a.Deadline.Text + " (open-ended)"
	}
	d := a.Deadline
	unit := string(d.Unit)
	if d.Unit == deadline.Quarter {
		unit = d.Convention.String() + " quarter"
	}
	s := fmt.Sprintf("%s (%s – %s, %s; due %s", d.Text, render.Date(d.Start), render.Date(d.End), unit, render.Date(r.Due))
	if r.DaysLate > 0 {
		s += fmt.Sprintf(", %s late", words.Count(r.DaysLate, "day", "days"))
	}
	return s + ")"
}

// notUnderstoodWords is a deadline cpp cannot place in time, as written and why, in the words
// every other answer uses of it: "Review progress April 2026 (not understood: it mixes a date with
// other words; cpp cannot place the action in time)".
func notUnderstoodWords(text string, err error) string {
	why := "it is not a form cpp knows"
	var de *deadline.Error
	if errors.As(err, &de) && de.Problem != "" {
		why = de.Problem
	}
	return text + " (not understood: " + why + "; cpp cannot place the action in time)"
}

// recurringWords is a recurring deadline with the occurrence that matters today: "annually
// (recurring: annually; missed 1 Jan 2025 – 31 Dec 2025, due 31 Dec 2025, 15 days late)", or the
// next one to fall due.
func recurringWords(r query.Row) string {
	a := r.Action
	s := fmt.Sprintf("%s (recurring: %s", a.Deadline.Text, a.Deadline.Every)
	if !a.From.IsZero() {
		s += " from " + render.Date(a.From)
	}
	switch {
	case r.DaysLate > 0:
		s += fmt.Sprintf("; missed %s – %s, due %s, %s late", render.Date(r.Start), render.Date(r.Due), render.Date(r.Due), words.Count(r.DaysLate, "day", "days"))
	case r.HasDue():
		s += fmt.Sprintf("; next %s – %s, due %s", render.Date(r.Start), render.Date(r.Due), render.Date(r.Due))
	}
	return s + ")"
}
