package view

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// Show is what cpp show prints of what an id names, as of today: an action in full, with how
// its deadline has moved (known; nil when that is not known), or what other shows. The record is
// for JSON.
func Show(f query.Found, reg *plan.Registry, today time.Time, known *History) (render.Doc, any) {
	if f.Action == nil {
		return other(f, reg, today)
	}
	r := query.NewRow(f.Plan, f.Section, f.Action, reg, today)
	return ActionDoc(r, known), ActionRecordOf(r, known)
}

// other is show's view of an id that is not an action's: a plan (its details and each section's
// counts), a section (its promise, counts and actions) or a measure (its figures and how it
// stands against its target, as the board report rates it). The record is for JSON.
func other(f query.Found, reg *plan.Registry, today time.Time) (render.Doc, any) {
	switch f.Kind() {
	case "measure":
		return showMeasure(f, today)
	case "section":
		return showSection(f, reg, today)
	}
	return showPlan(f, reg, today)
}

// countsJSON are a set of actions' figures, as status prints them.
type countsJSON struct {
	Actions         int     `json:"actions"`
	NotStarted      int     `json:"not_started"`
	InProgress      int     `json:"in_progress"`
	Complete        int     `json:"complete"`
	Dropped         int     `json:"dropped"`
	Overdue         int     `json:"overdue"`
	PercentComplete float64 `json:"percent_complete"`
}

func countsOf(c query.Counts) countsJSON {
	return countsJSON{Actions: c.Actions, NotStarted: c.Status[plan.NotStarted], InProgress: c.Status[plan.InProgress],
		Complete: c.Status[plan.Complete], Dropped: c.Status[plan.Dropped], Overdue: c.Overdue, PercentComplete: round1(c.PercentComplete())}
}

func (c countsJSON) words() string {
	return fmt.Sprintf("%d actions: %d not started, %d in progress, %d complete, %d dropped; %d overdue; %s complete",
		c.Actions, c.NotStarted, c.InProgress, c.Complete, c.Dropped, c.Overdue, words.Percent(c.PercentComplete))
}

type planJSON struct {
	Kind     string        `json:"kind"`
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Council  string        `json:"council"`
	Owner    *string       `json:"owner"`
	Start    string        `json:"start"`
	End      string        `json:"end"`
	Quarters string        `json:"quarters"`
	Source   *string       `json:"source"`
	Counts   countsJSON    `json:"counts"`
	Sections []sectionJSON `json:"sections"`
	File     string        `json:"file"`
}

type sectionJSON struct {
	Kind    string     `json:"kind"`
	Plan    string     `json:"plan"`
	ID      string     `json:"id"`
	Type    string     `json:"type"`
	Title   string     `json:"title"`
	Promise *string    `json:"promise"`
	Leads   []string   `json:"delivered_by"`
	Counts  countsJSON `json:"counts"`
	Actions []string   `json:"actions"`
}

// summaries counts the plan's actions, and each section's, as of today.
func summaries(p *plan.Plan, reg *plan.Registry, today time.Time) query.PlanSummary {
	rows := query.Select([]*plan.Plan{p}, reg, query.Filter{Plans: []string{p.ID}, Today: today})
	for _, ps := range query.ByPlan(rows, today) {
		return ps
	}
	return query.PlanSummary{Plan: p}
}

func showPlan(f query.Found, reg *plan.Registry, today time.Time) (render.Doc, any) {
	p := f.Plan
	ps := summaries(p, reg, today)
	rec := planJSON{Kind: "plan", ID: p.ID, Title: p.Title, Council: p.Council, Owner: optional(p.Owner),
		Start: p.Period.Start.Format(time.DateOnly), End: p.Period.End.Format(time.DateOnly), Quarters: p.Quarters.String(),
		Source: optional(p.Source), Counts: countsOf(ps.Counts), File: p.File, Sections: []sectionJSON{}}
	fields := [][]string{{"Title", p.Title}, {"Council", p.Council}}
	if p.Owner != "" {
		fields = append(fields, []string{"Owner", p.Owner})
	}
	fields = append(fields, []string{"Period", render.Date(p.Period.Start) + " – " + render.Date(p.Period.End)},
		[]string{"Quarters", p.Quarters.String()})
	if p.Source != "" {
		fields = append(fields, []string{"Source", p.Source})
	}
	fields = append(fields, []string{"Actions", rec.Counts.words()}, []string{"File", p.File})
	secs := render.Block{Heading: "Sections", Header: []string{"Section", "Title", "Actions", "Complete", "Overdue"}, Wide: []int{1}, RAGColumn: -1,
		Empty: "No sections."}
	counts := map[*plan.Section]query.Counts{}
	for _, ss := range ps.Sections {
		counts[ss.Section] = ss.Counts
	}
	for _, s := range p.Sections {
		c := countsOf(counts[s])
		rec.Sections = append(rec.Sections, sectionRecord(p, s, c))
		secs.Rows = append(secs.Rows, []string{s.ID, s.Title, strconv.Itoa(c.Actions), strconv.Itoa(c.Complete), strconv.Itoa(c.Overdue)})
	}
	doc := render.Doc{Title: p.ID, Blocks: []render.Block{{Header: []string{"Field", "Value"}, Rows: fields, Wide: []int{1}, RAGColumn: -1}, secs}}
	return doc, rec
}

// sectionRecord is a section as show's JSON gives it, alone or in its plan: every key, null or []
// when the plan says nothing.
func sectionRecord(p *plan.Plan, s *plan.Section, c countsJSON) sectionJSON {
	rec := sectionJSON{Kind: "section", Plan: p.ID, ID: s.ID, Type: s.Kind, Title: s.Title, Promise: optional(s.Promise),
		Leads: append([]string{}, s.DeliveredBy...), Counts: c, Actions: []string{}}
	for _, a := range s.Actions {
		rec.Actions = append(rec.Actions, a.ID)
	}
	return rec
}

func showSection(f query.Found, reg *plan.Registry, today time.Time) (render.Doc, any) {
	p, s := f.Plan, f.Section
	var c query.Counts
	for _, ss := range summaries(p, reg, today).Sections {
		if ss.Section == s {
			c = ss.Counts
		}
	}
	rec := sectionRecord(p, s, countsOf(c))
	fields := [][]string{{"Plan", fmt.Sprintf("%s: %s (%s)", p.ID, p.Title, p.Council)}, {"Kind", s.Kind}, {"Title", s.Title}}
	if s.Promise != "" {
		fields = append(fields, []string{"Promise", s.Promise})
	}
	if len(s.DeliveredBy) > 0 {
		fields = append(fields, []string{"Delivered by", strings.Join(s.DeliveredBy, ", ")})
	}
	fields = append(fields, []string{"Actions", rec.Counts.words()})
	acts := render.Block{Heading: "Actions", Header: []string{"ID", "Action", "Deadline", "Status", "RAG"}, Wide: []int{1}, RAGColumn: 4,
		Empty: "No actions."}
	for _, a := range s.Actions {
		acts.Rows = append(acts.Rows, []string{a.ID, a.Label(), orDash(a.Deadline.Text), render.StatusWord(a.Status), render.RAGWord(a.RAG)})
	}
	doc := render.Doc{Title: s.ID, Blocks: []render.Block{{Header: []string{"Field", "Value"}, Rows: fields, Wide: []int{1}, RAGColumn: -1}, acts}}
	return doc, rec
}

type measureJSON struct {
	Kind         string             `json:"kind"`
	Plan         string             `json:"plan"`
	Section      *string            `json:"section"`
	ID           string             `json:"id"`
	Text         string             `json:"text"`
	Unit         *string            `json:"unit"`
	Direction    *string            `json:"direction"`
	Baseline     *observationJSON   `json:"baseline"`
	Target       *observationJSON   `json:"target"`
	Latest       *observationJSON   `json:"latest"`
	Travel       *string            `json:"travel"`
	RAG          *string            `json:"rag"`
	Observations []observationJSON  `json:"observations"`
	BenchRecords []benchmarkJSONRec `json:"benchmarks"`
}

type observationJSON struct {
	Date   *string `json:"date"`
	Value  float64 `json:"value"`
	Source *string `json:"source"`
	Note   *string `json:"note"`
}

type benchmarkJSONRec struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Period *string `json:"period"`
	Source *string `json:"source"`
}

func observationOf(o *plan.Observation) *observationJSON {
	if o == nil {
		return nil
	}
	r := &observationJSON{Value: o.Value, Source: optional(o.Source), Note: optional(o.Note)}
	if o.HasDate {
		d := o.Date.Format(time.DateOnly)
		r.Date = &d
	}
	return r
}

func observationWords(o *plan.Observation, unit string) string {
	if o == nil {
		return "-"
	}
	s := words.Value(o.Value, unit)
	if o.HasDate {
		s += " at " + render.Date(o.Date)
	}
	if o.Source != "" {
		s += " (" + o.Source + ")"
	}
	return s
}

func showMeasure(f query.Found, today time.Time) (render.Doc, any) {
	p, s, m := f.Plan, f.Section, f.Measure
	ms := m.Standing(today, plan.DefaultTolerance)
	rec := measureJSON{Kind: "measure", Plan: p.ID, ID: m.ID, Text: m.Text, Unit: optional(m.Unit), Direction: optional(m.Direction),
		Baseline: observationOf(m.Baseline), Target: observationOf(m.Target), Latest: observationOf(ms.Latest),
		Travel: optional(string(ms.Travel)), RAG: optional(string(ms.RAG)), Observations: []observationJSON{}, BenchRecords: []benchmarkJSONRec{}}
	fields := [][]string{{"Plan", fmt.Sprintf("%s: %s (%s)", p.ID, p.Title, p.Council)}}
	if s != nil {
		rec.Section = &s.ID
		fields = append(fields, []string{"Section", fmt.Sprintf("%s: %s", s.ID, s.Title)})
	}
	fields = append(fields, []string{"Measure", m.Text})
	if m.Direction != "" {
		fields = append(fields, []string{"Better", m.Direction})
	}
	fields = append(fields, []string{"Baseline", observationWords(m.Baseline, m.Unit)}, []string{"Target", observationWords(m.Target, m.Unit)},
		[]string{"Latest", observationWords(ms.Latest, m.Unit)})
	if ms.Travel != "" {
		fields = append(fields, []string{"Travel", ms.Travel.Words()})
	}
	if ms.RAG != "" {
		fields = append(fields, []string{"Against target", render.RAGWord(ms.RAG)})
	}
	obs := render.Block{Heading: "Figures", Header: []string{"Date", "Value", "Source", "Note"}, Wide: []int{2, 3}, RAGColumn: -1,
		Empty: "No figures yet."}
	for i := range m.Observations {
		o := &m.Observations[i]
		rec.Observations = append(rec.Observations, *observationOf(o))
		date := "-"
		if o.HasDate {
			date = render.Date(o.Date)
		}
		obs.Rows = append(obs.Rows, []string{date, words.Value(o.Value, m.Unit), orDash(o.Source), orDash(o.Note)})
	}
	doc := render.Doc{Title: m.ID, Blocks: []render.Block{{Header: []string{"Field", "Value"}, Rows: fields, Wide: []int{1}, RAGColumn: -1}, obs}}
	if len(m.Benchmarks) > 0 {
		bm := render.Block{Heading: "Benchmarks", Header: []string{"Name", "Value", "Period", "Source"}, Wide: []int{3}, RAGColumn: -1}
		for _, b := range m.Benchmarks {
			rec.BenchRecords = append(rec.BenchRecords, benchmarkJSONRec{Name: b.Name, Value: b.Value, Period: optional(b.Period), Source: optional(b.Source)})
			bm.Rows = append(bm.Rows, []string{b.Name, words.Value(b.Value, m.Unit), orDash(b.Period), orDash(b.Source)})
		}
		doc.Blocks = append(doc.Blocks, bm)
	}
	return doc, rec
}
