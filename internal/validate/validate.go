// Package validate holds the checks that need the whole repository rather than one file:
// duplicate ids, references between plans, the lead registry, repeated actions, deadlines outside
// a plan's period, `from:` dates that change nothing or fall outside it, personal data and
// control characters in plan text. Each rule lives in its own file and returns diagnostics.
package validate

import (
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Repo is every file loaded for one run.
type Repo struct {
	Files    []*planfile.File
	Plans    []*plan.Plan
	Leads    []*plan.Lead
	Practice []*plan.Practice
	Registry *plan.Registry
}

// NewRepo gathers the plans, leads and practice examples of the loaded files.
func NewRepo(files []*planfile.File) *Repo {
	r := &Repo{Files: files}
	for _, f := range files {
		if f.Plan != nil {
			r.Plans = append(r.Plans, f.Plan)
		}
		r.Leads = append(r.Leads, f.Leads...)
		r.Practice = append(r.Practice, f.Practice...)
	}
	r.Registry = plan.NewRegistry(r.Leads)
	return r
}

// Rule is one repository-wide check.
type Rule func(r *Repo) []diag.Diagnostic

// Rules are run in this order; the output is sorted afterwards.
var Rules = []Rule{DuplicateIDs, Links, Parents, Leads, AliasConflicts, RepeatedActions, OutsidePeriod, RecurrenceFrom, PersonalData, SharedText, ControlCharacters}

// Run returns the diagnostics of every file and every rule, sorted by position.
func Run(r *Repo) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, f := range r.Files {
		ds = append(ds, f.Diags...)
	}
	for _, rule := range Rules {
		ds = append(ds, rule(r)...)
	}
	diag.Sort(ds)
	return ds
}

// Summarise counts what was checked and what was found.
func Summarise(r *Repo, ds []diag.Diagnostic) diag.Summary {
	s := diag.Summary{Files: len(r.Files), Plans: len(r.Plans)}
	for _, p := range r.Plans {
		s.Sections += len(p.Sections)
		s.Measures += len(p.Measures)
		for _, sec := range p.Sections {
			s.Actions += len(sec.Actions)
			s.Measures += len(sec.Measures)
		}
	}
	s.Errors, s.Warnings = diag.Count(ds)
	return s
}

// at makes a diagnostic at a position in a file.
func diagAt(file string, p plan.Pos, sev diag.Severity, rule, hint, msg string) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: p.Line, Col: p.Col, Severity: sev, Rule: rule, Message: msg, Hint: hint}
}

// fieldPos is the position of a key's value, or of the whole item when the key was not written.
func fieldPos(at plan.Positions, key string, whole plan.Pos) plan.Pos {
	if p, ok := at.Of(key); ok {
		return p
	}
	return whole
}

// eachAction calls fn for every action of every plan.
func eachAction(r *Repo, fn func(p *plan.Plan, s *plan.Section, a *plan.Action)) {
	for _, p := range r.Plans {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				fn(p, s, a)
			}
		}
	}
}

// Only keeps the diagnostics about the given files.
func Only(ds []diag.Diagnostic, files []string) []diag.Diagnostic {
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f] = true
	}
	out := ds[:0:0]
	for _, d := range ds {
		if keep[d.File] {
			out = append(out, d)
		}
	}
	return out
}
