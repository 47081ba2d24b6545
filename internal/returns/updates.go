package returns

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/query"
)

// Update is one edit that the returns ask for, of an action or a measure, and the rows that ask
// for it: an action with two leads is on both their sheets, and either may answer.
type Update struct {
	Found query.Found
	At    []Place
	Edit  planedit.Edit
}

// UpdateOptions say how answers become updates.
type UpdateOptions struct {
	// Date dates every update, and every figure without a Value date. Zero: each return's
	// own date (see Filled.Date).
	Date time.Time
}

// Date is the day an update from this return is dated, for an action or measure of plan p: the
// day the return was made, or the last day of its quarter when it was made after the quarter
// (the first, when made before), so that the update counts for the quarter the return asked
// about, and importing it again on another day finds it already recorded. Zero when the
// return does not say (a CSV).
func (f *Filled) Date(p *plan.Plan) time.Time {
	d := f.Exported
	if d.IsZero() {
		return d
	}
	if s, ok := f.Periods[p.ID]; ok {
		switch {
		case d.After(s.End):
			d = s.End
		case d.Before(s.Start):
			d = s.Start
		}
	}
	return d
}

// Updates turns the answers of the returns into edits of the plans, one for each action or
// measure answered. Every problem is returned: an id that no plan has, an action's id on the
// Measures sheet (or a measure's on a lead's), and two rows that answer for one id differently.
// The edits themselves (a revised deadline that cannot be read, a figure that is not a number)
// are checked by planedit.
func Updates(plans []*plan.Plan, filled []*Filled, opts UpdateOptions) ([]*Update, []Problem) {
	var out []*Update
	probs := newCollector()
	byID := map[string]*Update{}
	known := knownIDs(plans)
	find := func(at Place, id, want string) (query.Found, bool) {
		if !known[strings.ToLower(id)] && probs.full(at) {
			// Counted, not listed: the nearest ids need not be looked for.
			probs.add(Problem{At: at, Message: "unknown id"})
			return query.Found{}, false
		}
		found, ok, near := query.Find(plans, id)
		if !ok {
			msg := fmt.Sprintf("no action or measure has id %q", id)
			if len(near) > 0 {
				msg += "; did you mean " + strings.Join(near, ", ") + "?"
			}
			probs.add(Problem{At: at, Message: msg})
			return found, false
		}
		switch {
		case want == "action" && found.Measure != nil:
			probs.add(Problem{At: at, Message: fmt.Sprintf("%s is a measure: its figure goes on the %s sheet, as %s", found.Measure.ID, SheetMeasures, ColNewValue)})
			return found, false
		case want == "measure" && found.Action != nil:
			probs.add(Problem{At: at, Message: fmt.Sprintf("%s is an action: its progress goes on its lead's sheet, not with the measures", found.Action.ID)})
			return found, false
		}
		return found, true
	}
	date := func(at Place, f *Filled, p *plan.Plan) (time.Time, bool) {
		if !opts.Date.IsZero() {
			return opts.Date, true
		}
		if d := f.Date(p); !d.IsZero() {
			return d, true
		}
		probs.add(Problem{At: Place{File: at.File}, Message: "the return does not say which day it was made (a CSV has no record of it); give the day of the updates with --date"})
		return time.Time{}, false
	}
	add := func(u *Update, id string) {
		if prev, ok := byID[id]; ok {
			if diff := differ(prev.Edit, u.Edit); diff != "" {
				probs.add(Problem{At: u.At[0], Message: fmt.Sprintf("%s is answered differently on %s (%s); give one answer", id, elsewhere(u.At[0], prev.At[0]), diff)})
				return
			}
			prev.At = append(prev.At, u.At[0])
			return
		}
		byID[id] = u
		out = append(out, u)
	}
	for _, f := range filled {
		for _, a := range f.Actions {
			found, ok := find(a.At, a.ID, "action")
			if !ok {
				continue
			}
			day, ok := date(a.At, f, found.Plan)
			if !ok {
				continue
			}
			e := &planedit.ActionEdit{Date: day, Status: a.Status, RAG: a.RAG, Note: a.Note, Evidence: a.Evidence, Deadline: a.Deadline, Share: a.Share}
			add(&Update{Found: found, At: []Place{a.At}, Edit: planedit.Edit{ID: found.Action.ID, Action: e}}, found.Action.ID)
		}
		for _, m := range f.Measures {
			found, ok := find(m.At, m.ID, "measure")
			if !ok {
				continue
			}
			day := m.Date
			if day.IsZero() {
				if day, ok = date(m.At, f, found.Plan); !ok {
					continue
				}
			}
			e := &planedit.MeasureEdit{Date: day, Value: m.Value, Source: m.Source, Note: m.Note}
			add(&Update{Found: found, At: []Place{m.At}, Edit: planedit.Edit{ID: found.Measure.ID, Measure: e}}, found.Measure.ID)
		}
	}
	return out, probs.problems()
}

// knownIDs are the ids of the plans' actions and measures, in lower case, as query.Find matches
// them.
func knownIDs(plans []*plan.Plan) map[string]bool {
	ids := map[string]bool{}
	for _, p := range plans {
		for _, m := range p.Measures {
			ids[strings.ToLower(m.ID)] = true
		}
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				ids[strings.ToLower(a.ID)] = true
			}
			for _, m := range s.Measures {
				ids[strings.ToLower(m.ID)] = true
			}
		}
	}
	return ids
}

// elsewhere names another row: by sheet and row in the same file, with the file otherwise.
func elsewhere(here, there Place) string {
	if here.File != there.File {
		return there.String()
	}
	if there.Sheet == "" {
		return fmt.Sprintf("row %d", there.Row)
	}
	return fmt.Sprintf("%s, row %d", there.Sheet, there.Row)
}

// differ names the columns in which two answers for one id differ; "" when they agree.
func differ(a, b planedit.Edit) string {
	var cols []string
	check := func(col string, same bool) {
		if !same {
			cols = append(cols, col)
		}
	}
	switch {
	case a.Action != nil && b.Action != nil:
		x, y := a.Action, b.Action
		check(ColNewStatus, x.Status == y.Status)
		check(ColNewRAG, x.RAG == y.RAG)
		check(ColProgressNote, x.Note == y.Note)
		check(ColRevised, x.Deadline == y.Deadline)
		check(ColEvidence, x.Evidence == y.Evidence)
		check(ColShare, x.Share == y.Share)
		check("the day of the return", x.Date.Equal(y.Date))
	case a.Measure != nil && b.Measure != nil:
		x, y := a.Measure, b.Measure
		check(ColNewValue, x.Value == y.Value)
		check(ColValueDate, x.Date.Equal(y.Date))
		check(ColSource, x.Source == y.Source)
		check(ColNote, x.Note == y.Note)
	}
	if len(cols) == 0 {
		return ""
	}
	if len(cols) == 1 {
		return cols[0] + " differs"
	}
	return strings.Join(cols, ", ") + " differ"
}

// EditProblem is an edit's error from planedit, as a problem at the row that asked for it. A
// problem with the plan file names the place in the file.
func (u *Update) EditProblem(err error) Problem {
	msg := err.Error()
	var ie *planedit.InputError
	var fe *planedit.FileError
	switch {
	case errors.As(err, &ie):
		switch ie.Field {
		case "deadline":
			msg = ColRevised + ": " + msg
		case "value":
			msg = ColNewValue + ": " + msg
		}
		if ie.Hint != "" {
			msg += "; " + ie.Hint
		}
	case errors.As(err, &fe):
		msg = u.Found.Plan.File + ": " + fe.Message
		if fe.Line > 0 {
			msg = fmt.Sprintf("%s:%d:%d: %s", u.Found.Plan.File, fe.Line, fe.Col, fe.Message)
		}
		if fe.Hint != "" {
			msg += "; " + fe.Hint
		}
	}
	return Problem{At: u.At[0], Message: msg}
}
