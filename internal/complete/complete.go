// Package complete answers the shell's completion questions about plans: which action and
// measure ids, plans, sections, leads and quarters there are to offer, each with a short
// description the shell may show beside it, and which of them start with what was typed.
package complete

import (
	"sort"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// Candidate is a value to offer, with what the shell may show beside it ("" for nothing).
type Candidate struct{ Value, Desc string }

// Values are candidates with no description.
func Values(values []string) []Candidate {
	out := make([]Candidate, len(values))
	for i, v := range values {
		out[i] = Candidate{Value: v}
	}
	return out
}

// Match is the candidates that start with typed, in any case, in their order. With list, typed
// is a list separated by commas and its last element is completed: each value offered carries the
// elements before it. The shell lists what is offered on the terminal: a value (a lead's name is
// free text) shows termsafe's escapes for what a terminal would act on, and a description is made
// one short line, as plan text may hold tabs, line breaks and terminal controls.
func Match(cands []Candidate, typed string, list bool) []Candidate {
	done, last := "", typed
	if i := strings.LastIndex(typed, ","); list && i >= 0 {
		done, last = typed[:i+1], typed[i+1:]
	}
	var out []Candidate
	for _, c := range cands {
		if len(c.Value) >= len(last) && strings.EqualFold(c.Value[:len(last)], last) {
			out = append(out, Candidate{done + termsafe.Line(c.Value), oneLine(c.Desc)})
		}
	}
	return out
}

// oneLine is a description on one line and at most 60 characters: what termsafe says a terminal
// would act on (controls, line breaks, bidi overrides) is a break between words, as spaces are.
func oneLine(desc string) string {
	desc = strings.Join(strings.FieldsFunc(desc, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || termsafe.Unsafe(r) || termsafe.LineBreak(r)
	}), " ")
	if r := []rune(desc); len(r) > 60 {
		desc = strings.TrimSpace(string(r[:59])) + "…"
	}
	return desc
}

// Source is the plans completion offers from, and their leads.
type Source struct {
	Plans    []*plan.Plan
	Registry *plan.Registry
	Selected []string // the plans (ids) sections and leads are offered from; none is every plan
}

// Load reads the plan files at paths quietly, as a shell asks on every Tab: a broken file is left
// out, and nil means there is nothing to read.
func Load(paths []string) *Source {
	files, ds := planfile.Expand(paths)
	if len(ds) > 0 || len(files) == 0 {
		return nil
	}
	s := &Source{}
	var leads []*plan.Lead
	for _, f := range planfile.LoadAll(files, planfile.Options{}) {
		if f.HasErrors() {
			continue
		}
		if f.Plan != nil {
			s.Plans = append(s.Plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	s.Registry = plan.NewRegistry(leads)
	return s
}

// IDs are the ids of the plans' actions, measures or both, in the plans' order, each with its
// text: an action given only as outcomes by its first outcome.
func (s *Source) IDs(actions, measures bool) []Candidate {
	var out []Candidate
	measure := func(ms []*plan.Measure) {
		for _, m := range ms {
			if measures {
				out = append(out, Candidate{m.ID, "measure: " + m.Text})
			}
		}
	}
	for _, p := range s.Plans {
		measure(p.Measures)
		for _, sec := range p.Sections {
			for _, a := range sec.Actions {
				if actions {
					out = append(out, Candidate{a.ID, actionSummary(a)})
				}
			}
			measure(sec.Measures)
		}
	}
	return out
}

func actionSummary(a *plan.Action) string {
	if a.Text == "" && len(a.Outcomes) > 0 {
		return a.Outcomes[0]
	}
	return a.Text
}

// PlanIDs are the plans' ids, with their titles.
func (s *Source) PlanIDs() []Candidate {
	out := make([]Candidate, len(s.Plans))
	for i, p := range s.Plans {
		out[i] = Candidate{p.ID, p.Title}
	}
	return out
}

// selected are the plans Selected names, or every plan when it names none.
func (s *Source) selected() []*plan.Plan {
	if len(s.Selected) == 0 {
		return s.Plans
	}
	var out []*plan.Plan
	for _, p := range s.Plans {
		if words.ContainsFold(s.Selected, p.ID) {
			out = append(out, p)
		}
	}
	return out
}

// Sections are the sections of the selected plans, with their titles.
func (s *Source) Sections() []Candidate {
	var out []Candidate
	for _, p := range s.selected() {
		for _, sec := range p.Sections {
			out = append(out, Candidate{sec.ID, sec.Title})
		}
	}
	return out
}

// Leads are the teams the selected plans' actions name, in the registry's spelling, and with
// every plan selected every team the registry knows; once each, sorted in any case.
func (s *Source) Leads() []Candidate {
	seen := map[string]bool{}
	var names []string
	add := func(name string) {
		if k := plan.Fold(name); name != "" && !seen[k] {
			seen[k] = true
			names = append(names, name)
		}
	}
	sel := s.selected()
	if len(sel) == len(s.Plans) {
		for _, n := range s.Registry.Names() {
			add(n)
		}
	}
	for _, p := range sel {
		for _, sec := range p.Sections {
			for _, a := range sec.Actions {
				for _, l := range a.EffectiveLeads() {
					name, _ := s.Registry.Canonical(l)
					add(name)
				}
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	return Values(names)
}
