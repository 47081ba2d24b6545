package planedit

import (
	"fmt"
	"reflect"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// The views are what a file says, without positions (which an edit moves) or links between
// values, so that two readings of a file compare with reflect.DeepEqual.
type (
	fileView struct {
		Plan     planView
		Leads    []plan.Lead
		Practice []plan.Practice
	}
	planView struct {
		ID, Title, Council, Owner, Source string
		Period                            plan.Period
		Quarters                          deadline.Convention
		Links                             []string
		Measures                          []measureView
		Sections                          []sectionView
	}
	sectionView struct {
		ID, Kind, Title, Promise string
		YouSaid, DeliveredBy     []string
		Measures                 []measureView
		Actions                  []actionView
	}
	actionView struct {
		ID, Text                     string
		Deadline                     deadline.Deadline
		HasDeadline                  bool
		DeadlineErr                  string
		Leads, Outcomes, Links, Tags []string
		Status                       plan.Status
		RAG                          plan.RAG
		Parent                       string
		Updates                      []updateView
	}
	updateView struct {
		Date           string
		Status         plan.Status
		RAG            plan.RAG
		Note, Evidence string
	}
	measureView struct {
		ID, Text, Unit, Direction string
		Baseline, Target          *observationView
		Observations              []observationView
		Benchmarks                []plan.Benchmark
	}
	observationView struct {
		Date         string
		HasDate      bool
		Value        float64
		Source, Note string
	}
)

func viewOf(f *planfile.File) fileView {
	var v fileView
	for _, l := range f.Leads {
		c := *l
		c.File, c.Pos, c.At = "", plan.Pos{}, nil
		v.Leads = append(v.Leads, c)
	}
	for _, p := range f.Practice {
		c := *p
		c.File, c.Pos, c.At = "", plan.Pos{}, nil
		v.Practice = append(v.Practice, c)
	}
	if p := f.Plan; p != nil {
		v.Plan = planView{ID: p.ID, Title: p.Title, Council: p.Council, Owner: p.Owner, Source: p.Source,
			Period: p.Period, Quarters: p.Quarters, Links: p.Links, Measures: measureViews(p.Measures)}
		for _, s := range p.Sections {
			sv := sectionView{ID: s.ID, Kind: s.Kind, Title: s.Title, Promise: s.Promise, YouSaid: s.YouSaid,
				DeliveredBy: s.DeliveredBy, Measures: measureViews(s.Measures)}
			for _, a := range s.Actions {
				sv.Actions = append(sv.Actions, actionViewOf(a))
			}
			v.Plan.Sections = append(v.Plan.Sections, sv)
		}
	}
	return v
}

func actionViewOf(a *plan.Action) actionView {
	v := actionView{ID: a.ID, Text: a.Text, Deadline: a.Deadline, HasDeadline: a.HasDeadline,
		Leads: a.Leads, Outcomes: a.Outcomes, Links: a.Links, Tags: a.Tags, Status: a.Status, RAG: a.RAG, Parent: a.Parent}
	if a.DeadlineErr != nil {
		v.DeadlineErr = a.DeadlineErr.Error()
	}
	for _, u := range a.Updates {
		v.Updates = append(v.Updates, updateViewOf(u))
	}
	return v
}

func updateViewOf(u plan.Update) updateView {
	return updateView{Date: dateText(u.Date), Status: u.Status, RAG: u.RAG, Note: u.Note, Evidence: u.Evidence}
}

func measureViews(ms []*plan.Measure) []measureView {
	var out []measureView
	for _, m := range ms {
		v := measureView{ID: m.ID, Text: m.Text, Unit: m.Unit, Direction: m.Direction}
		if m.Baseline != nil {
			o := observationViewOf(*m.Baseline)
			v.Baseline = &o
		}
		if m.Target != nil {
			o := observationViewOf(*m.Target)
			v.Target = &o
		}
		for _, o := range m.Observations {
			v.Observations = append(v.Observations, observationViewOf(o))
		}
		for _, b := range m.Benchmarks {
			b.Pos = plan.Pos{}
			v.Benchmarks = append(v.Benchmarks, b)
		}
		out = append(out, v)
	}
	return out
}

func observationViewOf(o plan.Observation) observationView {
	return observationView{Date: dateText(o.Date), HasDate: o.HasDate, Value: o.Value, Source: o.Source, Note: o.Note}
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// action changes the view of the action with the id.
func (v *fileView) action(id string, do func(*actionView)) {
	for i := range v.Plan.Sections {
		for j := range v.Plan.Sections[i].Actions {
			if a := &v.Plan.Sections[i].Actions[j]; a.ID == id {
				do(a)
			}
		}
	}
}

// measure changes the view of the measure with the id.
func (v *fileView) measure(id string, do func(*measureView)) {
	each := func(ms []measureView) {
		for i := range ms {
			if ms[i].ID == id {
				do(&ms[i])
			}
		}
	}
	each(v.Plan.Measures)
	for i := range v.Plan.Sections {
		each(v.Plan.Sections[i].Measures)
	}
}

// firstDiff names the first thing that reads differently, for the error message.
func firstDiff(want, got fileView) string {
	if len(want.Plan.Sections) != len(got.Plan.Sections) {
		return "the number of sections changed"
	}
	for i, ws := range want.Plan.Sections {
		gs := got.Plan.Sections[i]
		if len(ws.Actions) != len(gs.Actions) {
			return fmt.Sprintf("the number of actions in section %s changed", ws.ID)
		}
		for j, wa := range ws.Actions {
			if !reflect.DeepEqual(wa, gs.Actions[j]) {
				return fmt.Sprintf("action %s reads %+v, not %+v", wa.ID, gs.Actions[j], wa)
			}
		}
		if !reflect.DeepEqual(ws.Measures, gs.Measures) {
			return fmt.Sprintf("a measure of section %s changed", ws.ID)
		}
	}
	if !reflect.DeepEqual(want.Plan.Measures, got.Plan.Measures) {
		return "a plan measure changed"
	}
	return "the plan's other fields changed"
}
