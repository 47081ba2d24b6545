package plandiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/words"
)

// FailKinds are the kinds of change `cpp diff --fail-on` can stop on, in the order the README
// documents them.
var FailKinds = []string{
	"added",     // a plan, section, action or measure added
	"removed",   // a plan, section, action or measure removed
	"renamed",   // an id changed, the text did not
	"deadline",  // any deadline rewritten
	"slip",      // a deadline now falls later, or lost its date
	"earlier",   // a deadline brought forward
	"after-end", // a deadline now falls after the plan's end
	"status",    // any status change
	"dropped",   // an action's status set to dropped
	"rag",       // a RAG rating changed
	"lead",      // an action's leads changed
	"text",      // an action's wording (its text, or its plain words for young people) or outcomes edited
	"update",    // a progress update added, or one deleted or rewritten
	"section",   // an action moved to another section, or a section's details changed
	"measure",   // a measure's wording, unit, direction, baseline or target changed
	"target",    // a measure's target changed
	"plan",      // a plan's title, owner, period or quarter convention changed
	"any",       // anything at all
}

// Trigger is one change that matched a --fail-on kind.
type Trigger struct {
	Kind string
	ID   string
	What string
}

// Kinds lists the kinds of change an action change is.
func (c *ActionChange) Kinds() []string {
	var ks []string
	switch c.Kind {
	case Added:
		return []string{"added"}
	case Removed:
		return []string{"removed"}
	case Renamed:
		ks = append(ks, "renamed")
	}
	if d := c.Deadline; d != nil {
		ks = append(ks, "deadline")
		if d.Slipped() {
			ks = append(ks, "slip")
		}
		if d.Earlier() {
			ks = append(ks, "earlier")
		}
		if d.AfterEnd {
			ks = append(ks, "after-end")
		}
	}
	for _, f := range c.Fields {
		switch f.Name {
		case "status":
			ks = append(ks, "status")
			if f.To == string(plan.Dropped) {
				ks = append(ks, "dropped")
			}
		case "rag":
			ks = append(ks, "rag")
		case "leads":
			ks = append(ks, "lead")
		case "text", "plain", "outcomes":
			ks = append(ks, "text")
		case "section", "parent", "tags", "links":
			ks = append(ks, "section")
		case "from":
			// Where a recurring deadline's periods start: every occurrence's due date moves.
			ks = append(ks, "deadline")
		}
	}
	if len(c.NewUpdates)+len(c.LostUpdates) > 0 {
		ks = append(ks, "update")
	}
	return uniq(ks)
}

// Kinds lists the kinds of change a measure change is.
func (c *MeasureChange) Kinds() []string {
	switch c.Kind {
	case Added:
		return []string{"added"}
	case Removed:
		return []string{"removed"}
	}
	var ks []string
	if c.Kind == Renamed {
		ks = append(ks, "renamed")
	}
	for _, f := range c.Fields {
		ks = append(ks, "measure")
		if f.Name == "target" {
			ks = append(ks, "target")
		}
	}
	return uniq(ks)
}

// kindsOf lists the kinds of change a plan or section change is: a rename alone is only renamed.
func kindsOf(k Kind, fields []Field, changed string) []string {
	switch k {
	case Added:
		return []string{"added"}
	case Removed:
		return []string{"removed"}
	case Renamed:
		if len(fields) == 0 {
			return []string{"renamed"}
		}
		return []string{"renamed", changed}
	}
	return []string{changed}
}

// Triggers lists the changes that are of any of the kinds given ("any" matches everything), in
// the order the diff lists them.
func (d *Diff) Triggers(kinds []string) []Trigger {
	want := func(ks []string) (string, bool) {
		for _, k := range ks {
			if slices.Contains(kinds, k) {
				return k, true
			}
		}
		if len(ks) > 0 && slices.Contains(kinds, "any") {
			return ks[0], true
		}
		return "", false
	}
	var out []Trigger
	for _, c := range d.Plans {
		if k, ok := want(kindsOf(c.Kind, c.Fields, "plan")); ok {
			out = append(out, Trigger{k, c.ID, fmt.Sprintf("plan %s %s", c.Kind, c.Title)})
		}
	}
	for _, c := range d.Sections {
		if k, ok := want(kindsOf(c.Kind, c.Fields, "section")); ok {
			out = append(out, Trigger{k, c.ID, fmt.Sprintf("section %s: %s", c.Kind, c.Title)})
		}
	}
	for i := range d.Actions {
		c := &d.Actions[i]
		if k, ok := want(c.Kinds()); ok {
			out = append(out, Trigger{k, c.ID, c.Describe()})
		}
	}
	for i := range d.Measures {
		c := &d.Measures[i]
		if k, ok := want(c.Kinds()); ok {
			out = append(out, Trigger{k, c.ID, fmt.Sprintf("measure %s: %s", c.Kind, c.Text)})
		}
	}
	return out
}

// Describe says in one line what happened to an action.
func (c *ActionChange) Describe() string {
	switch c.Kind {
	case Added:
		return "action added: " + c.Text
	case Removed:
		return "action removed: " + c.Text
	}
	var parts []string
	if c.Kind == Renamed {
		parts = append(parts, "renamed from "+c.OldID)
	}
	if d := c.Deadline; d != nil {
		why := d.Movement()
		if d.Note != "" {
			why += "; " + d.Note
		}
		parts = append(parts, "deadline "+orNone(d.From)+" → "+orNone(d.To)+" ("+why+")")
	}
	for _, f := range c.Fields {
		switch {
		case f.Words != nil:
			parts = append(parts, f.Name+" edited")
		case f.Note != "":
			parts = append(parts, f.Name+" "+orNone(strings.Join(f.Removed, ", "))+" → "+orNone(strings.Join(f.Added, ", "))+" ("+f.Note+")")
		default:
			parts = append(parts, f.Name+" "+orNone(f.From)+" → "+orNone(f.To))
		}
	}
	if n := len(c.NewUpdates); n > 0 {
		parts = append(parts, fmt.Sprintf("%d progress %s added", n, words.Pick(n, "update", "updates")))
	}
	if n := len(c.LostUpdates); n > 0 {
		parts = append(parts, fmt.Sprintf("%d progress %s deleted or rewritten", n, words.Pick(n, "update", "updates")))
	}
	return strings.Join(parts, "; ")
}

// Movement says how far a deadline moved: "slipped 182 days", "brought forward 30 days",
// "same date, reworded", "no longer dated", "now dated".
func (d *DeadlineChange) Movement() string {
	var s string
	switch {
	case d.ToNotUnderstood:
		// Written, perhaps with a date, but not placed in time: not the same as no date.
		s = "not understood: cpp cannot place it in time"
	case d.FromDue.IsZero() && d.ToDue.IsZero():
		s = "not dated"
	case d.ToDue.IsZero():
		s = "no longer dated"
	case d.FromNotUnderstood:
		s = "now understood and dated"
	case d.FromDue.IsZero():
		s = "now dated"
	case d.Days > 0:
		s = fmt.Sprintf("slipped %d %s", d.Days, words.Pick(d.Days, "day", "days"))
	case d.Days < 0:
		s = fmt.Sprintf("brought forward %d %s", -d.Days, words.Pick(-d.Days, "day", "days"))
	default:
		s = "same date, reworded"
	}
	if d.AfterEnd {
		s += ", after the plan ends on " + words.Day(d.PlanEnd)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func uniq(ks []string) []string {
	var out []string
	for _, k := range ks {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Counts are how many things of each kind changed, for a summary line.
type Counts struct {
	PlansAdded      int `json:"plans_added"`
	PlansRemoved    int `json:"plans_removed"`
	PlansChanged    int `json:"plans_changed"`
	SectionsAdded   int `json:"sections_added"`
	SectionsRemoved int `json:"sections_removed"`
	SectionsRenamed int `json:"sections_renamed"`
	SectionsChanged int `json:"sections_changed"`
	ActionsAdded    int `json:"actions_added"`
	ActionsRemoved  int `json:"actions_removed"`
	ActionsRenamed  int `json:"actions_renamed"`
	ActionsChanged  int `json:"actions_changed"`
	Slipped         int `json:"deadlines_slipped"`
	Earlier         int `json:"deadlines_brought_forward"`
	AfterEnd        int `json:"deadlines_after_plan_end"`
	Dropped         int `json:"actions_dropped"`
	Completed       int `json:"actions_completed"`
	MeasuresAdded   int `json:"measures_added"`
	MeasuresRemoved int `json:"measures_removed"`
	MeasuresRenamed int `json:"measures_renamed"`
	MeasuresChanged int `json:"measures_changed"`
}

// Count adds up the changes.
func (d *Diff) Count() Counts {
	var n Counts
	tally := func(k Kind, added, removed, renamed, changed *int) {
		switch k {
		case Added:
			*added++
		case Removed:
			*removed++
		case Renamed:
			*renamed++
		default:
			*changed++
		}
	}
	var planRenamed int
	for _, c := range d.Plans {
		tally(c.Kind, &n.PlansAdded, &n.PlansRemoved, &planRenamed, &n.PlansChanged)
	}
	for _, c := range d.Sections {
		tally(c.Kind, &n.SectionsAdded, &n.SectionsRemoved, &n.SectionsRenamed, &n.SectionsChanged)
	}
	for i := range d.Actions {
		c := &d.Actions[i]
		tally(c.Kind, &n.ActionsAdded, &n.ActionsRemoved, &n.ActionsRenamed, &n.ActionsChanged)
		if dc := c.Deadline; dc != nil {
			if dc.Slipped() {
				n.Slipped++
			}
			if dc.Earlier() {
				n.Earlier++
			}
			if dc.AfterEnd {
				n.AfterEnd++
			}
		}
		for _, f := range c.Fields {
			if f.Name == "status" && f.To == string(plan.Dropped) {
				n.Dropped++
			}
			if f.Name == "status" && f.To == string(plan.Complete) {
				n.Completed++
			}
		}
	}
	for _, c := range d.Measures {
		tally(c.Kind, &n.MeasuresAdded, &n.MeasuresRemoved, &n.MeasuresRenamed, &n.MeasuresChanged)
	}
	return n
}

// Headline says in one sentence what the change does, leaving out what did not happen:
// "Actions: 1 changed, 1 added. Deadlines: 1 slipped." or "No changes to the plans."
func (n Counts) Headline() string {
	part := func(label string, items ...any) string {
		var ws []string
		for i := 0; i+1 < len(items); i += 2 {
			if v := items[i].(int); v > 0 {
				ws = append(ws, fmt.Sprintf("%d %s", v, items[i+1]))
			}
		}
		if len(ws) == 0 {
			return ""
		}
		return label + ": " + strings.Join(ws, ", ") + "."
	}
	var parts []string
	for _, p := range []string{
		part("Plans", n.PlansAdded, "added", n.PlansRemoved, "removed", n.PlansChanged, "changed"),
		part("Sections", n.SectionsAdded, "added", n.SectionsRemoved, "removed", n.SectionsRenamed, "renamed", n.SectionsChanged, "changed"),
		part("Actions", n.ActionsChanged, "changed", n.ActionsAdded, "added", n.ActionsRemoved, "removed", n.ActionsRenamed, "renamed"),
		part("Deadlines", n.Slipped, "slipped", n.AfterEnd, "after the plan's end", n.Earlier, "brought forward"),
		part("Status", n.Completed, "completed", n.Dropped, "dropped"),
		part("Measures", n.MeasuresChanged, "changed", n.MeasuresAdded, "added", n.MeasuresRemoved, "removed", n.MeasuresRenamed, "renamed"),
	} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "No changes to the plans."
	}
	return strings.Join(parts, " ")
}

// ParseFailKinds reads --fail-on as people type it: "slip, removed" and "SLIP" are slip and
// removed. Empty items between commas are passed over, but a --fail-on given with no kind at all
// (an unset variable in CI) is bad usage, not a gate that never fires; so is an unknown kind.
func ParseFailKinds(given []string, set bool) ([]string, error) {
	var kinds []string
	for _, k := range given {
		if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
			kinds = append(kinds, k)
		}
	}
	useOf := "use one or more of: " + strings.Join(FailKinds, ", ")
	if set && len(kinds) == 0 {
		return nil, exitcode.Usagef(useOf, "--fail-on names no kind of change")
	}
	for _, k := range kinds {
		if !slices.Contains(FailKinds, k) {
			hint := useOf
			if near := suggest.Closest(k, FailKinds, 1); len(near) > 0 {
				hint = "did you mean " + near[0] + "? " + hint
			}
			return nil, exitcode.Usagef(hint, "unknown --fail-on kind %q", k)
		}
	}
	return kinds, nil
}
