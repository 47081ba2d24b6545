// Package plandiff compares two versions of a set of plans in plan terms: plans, sections,
// actions and measures added, removed and renamed, and for each changed action the fields that
// changed (deadline moved and by how far, leads, status, RAG, progress updates, wording). It does
// no I/O; gitrev and the command layer supply the two versions.
package plandiff

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// Kind is what happened to a plan, section, action or measure.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Renamed Kind = "renamed" // the id changed and the text did not; may have other changes too
	Changed Kind = "changed"
)

// Diff is everything that changed between two versions.
type Diff struct {
	Titles   map[string]string // plan id → title, from the new version or else the old
	Plans    []PlanChange
	Sections []SectionChange
	Actions  []ActionChange
	Measures []MeasureChange
}

// PlanChange is a plan added, removed, or with changed details (title, period, convention).
type PlanChange struct {
	ID, Title string
	Kind      Kind
	Fields    []Field
}

// SectionChange is a section added, removed, renamed (its id) or with a changed title or promise.
type SectionChange struct {
	Plan, ID, OldID, Title string
	Kind                   Kind
	Fields                 []Field
}

// ActionChange is one action that changed.
type ActionChange struct {
	Plan, Section string
	ID            string // the id now; for a removed action, the id it had
	OldID         string // for a renamed action, the id it had
	Text          string // what a person reads as the action
	Kind          Kind
	Deadline      *DeadlineChange
	Fields        []Field // every field that changed except the deadline and updates, in a fixed order
	NewUpdates    []plan.Update
	LostUpdates   []plan.Update // progress notes deleted or rewritten
	Old, New      *plan.Action
}

// MeasureChange is one measure that changed.
type MeasureChange struct {
	Plan, ID, OldID, Text string
	Kind                  Kind
	Fields                []Field
	NewObservations       []plan.Observation
}

// Field is one changed value. Lists carry what was added and removed; texts carry the words.
type Field struct {
	Name           string
	From, To       string
	Added, Removed []string
	Words          []Segment
	Note           string // why a value reads differently though it is written the same, as for leads moved in the registry
}

// DeadlineChange is a deadline rewritten: the texts, the dates they fall due, and how far it moved.
type DeadlineChange struct {
	From, To       string    // as written; empty when there was none
	FromDue, ToDue time.Time // zero when the deadline is not dated (ongoing, recurring, none)
	Days           int       // ToDue - FromDue in days, when both are dated; positive is later
	PlanEnd        time.Time // the end of the plan's period, zero when the plan has none
	AfterEnd       bool      // the new deadline falls after the plan's end
	// Note says why the dates moved when that was not only the deadline's wording:
	// "quarters: calendar → financial".
	Note string
	// FromNotUnderstood and ToNotUnderstood mark a deadline written but not placed in time
	// (plan.Action.DeadlineNotUnderstood): not the same as one with no date (Ongoing, TBC).
	FromNotUnderstood, ToNotUnderstood bool
}

// Slipped reports whether the action is now due later, or has lost the date it had.
func (d *DeadlineChange) Slipped() bool {
	if d.FromDue.IsZero() {
		return false
	}
	return d.ToDue.IsZero() || d.Days > 0
}

// Earlier reports whether the action is now due sooner.
func (d *DeadlineChange) Earlier() bool {
	return !d.FromDue.IsZero() && !d.ToDue.IsZero() && d.Days < 0
}

// Moved reports whether the date it falls due changed, not only its wording. Between undated
// deadlines, a change of kind is a move ("Ongoing" to "Reviewed annually"); case and spacing are not.
func (d *DeadlineChange) Moved() bool {
	return !d.FromDue.Equal(d.ToDue) || (d.FromDue.IsZero() && plan.Fold(d.From) != plan.Fold(d.To))
}

// Options tell Compare how each version spells its leads, so that "ICB" and "Integrated Care
// Board" are not a change. Each side's leads are read through its own registry, so an alias
// moved from one lead to another is a change of lead for every action that names it.
type Options struct {
	OldLeads, NewLeads *plan.Registry
	// Then, when set, reads both sides' canonical names once more: history passes today's
	// registry, so that a spelling today's registry knows is not a change in an old commit made
	// before the registry knew it.
	Then *plan.Registry
}

// name is how a side's registry names a lead.
func (o Options) name(r *plan.Registry, s string) string {
	c, _ := r.Canonical(s)
	if o.Then != nil {
		c, _ = o.Then.Canonical(c)
	}
	return c
}

// canon is a lead's name, folded for comparing.
func (o Options) canon(r *plan.Registry, s string) string { return plan.Fold(o.name(r, s)) }

// registriesAgree reports whether the two sides name every lead spelling the same way, so that
// an action whose leads are written as before cannot have changed lead.
func (o Options) registriesAgree() bool {
	if o.OldLeads == o.NewLeads {
		return true
	}
	for _, r := range []*plan.Registry{o.OldLeads, o.NewLeads} {
		for _, s := range r.Spellings() {
			if o.canon(o.OldLeads, s) != o.canon(o.NewLeads, s) {
				return false
			}
		}
	}
	return true
}

// Compare finds what changed from old to new. Plans, sections, actions and measures are matched
// by id; an id that disappears while another appears with the same text is a rename.
func Compare(old, new []*plan.Plan, opts Options) *Diff {
	d := &Diff{Titles: map[string]string{}}
	oldPlans, newPlans := planIndex(old), planIndex(new)
	for _, ps := range [][]*plan.Plan{old, new} {
		for _, p := range ps {
			d.Titles[p.ID] = p.Title
		}
	}
	for _, id := range unionKeys(oldPlans, newPlans) {
		a, b := oldPlans[id], newPlans[id]
		switch {
		case a == nil:
			d.Plans = append(d.Plans, PlanChange{ID: id, Title: b.Title, Kind: Added})
		case b == nil:
			d.Plans = append(d.Plans, PlanChange{ID: id, Title: a.Title, Kind: Removed})
		default:
			if fs := planFields(a, b); len(fs) > 0 {
				d.Plans = append(d.Plans, PlanChange{ID: id, Title: b.Title, Kind: Changed, Fields: fs})
			}
		}
	}
	d.compareSections(old, new)
	d.compareActions(old, new, opts)
	d.compareMeasures(old, new)
	return d
}

func planIndex(plans []*plan.Plan) map[string]*plan.Plan {
	m := make(map[string]*plan.Plan, len(plans))
	for _, p := range plans {
		m[p.ID] = p
	}
	return m
}

func planFields(a, b *plan.Plan) []Field {
	var fs []Field
	fs = addText(fs, "title", a.Title, b.Title)
	fs = addValue(fs, "council", a.Council, b.Council)
	fs = addValue(fs, "owner", a.Owner, b.Owner)
	fs = addValue(fs, "period", periodText(a.Period), periodText(b.Period))
	fs = addValue(fs, "quarters", a.Quarters.String(), b.Quarters.String())
	return fs
}

func periodText(p plan.Period) string {
	if p.Start.IsZero() && p.End.IsZero() {
		return ""
	}
	return p.Start.Format("2006-01-02") + " to " + p.End.Format("2006-01-02")
}

// entry is an item found in one version, with where it sits, so changes come out in the
// order a reader meets them in the file.
type entry[T any] struct {
	item  T
	plan  *plan.Plan
	order int
}

// matcher says, for one kind of item, how to read its text and what each kind of change is.
type matcher[T, C any] struct {
	text    func(T) string                      // what a rename keeps
	added   func(e entry[T]) C                  // an item only in the new version
	removed func(e entry[T]) C                  // an item only in the old version
	renamed func(oldID string, a, b entry[T]) C // an id changed, the text did not
	changed func(a, b entry[T]) (C, bool)       // the same id in both; false when nothing changed
	plan    func(C) string
}

// match pairs the items of two versions by id, then renames by text, and returns the changes in
// the order a reader meets them: by plan, then by place in the plan.
//
// An id kept for a different item is not a change to one item: when actions are renumbered after
// a deletion, p1.2 now holds what p1.3 held. So an id whose text changed completely, while its old
// text lives on under another id (or its new text was another id's), counts as removed and added,
// and the texts then pair the renames.
func match[T, C any](before, after map[string]entry[T], m matcher[T, C]) []C {
	added, removed := split(before, after)
	reused := reusedIDs(before, after, m.text)
	if len(reused) > 0 {
		added, removed = append(added, reused...), append(removed, reused...)
		sort.Strings(added)
		sort.Strings(removed)
	}
	rn := pairRenames(removed, added, before, after, m.text)
	var out []C
	var order []int
	for _, id := range added {
		e := after[id]
		if oldID, ok := rn.newToOld[id]; ok {
			out = append(out, m.renamed(oldID, before[oldID], e))
		} else {
			out = append(out, m.added(e))
		}
		order = append(order, e.order)
	}
	for _, id := range removed {
		if !rn.old[id] {
			out, order = append(out, m.removed(before[id])), append(order, before[id].order)
		}
	}
	for id, b := range after {
		if a, ok := before[id]; ok && !slices.Contains(reused, id) {
			if c, changed := m.changed(a, b); changed {
				out, order = append(out, c), append(order, b.order)
			}
		}
	}
	sortBy(out, order, m.plan)
	return out
}

// reusedIDs lists the ids in both versions that now name a different item: the text changed
// completely, and the old text is now another id's, or the new text was another id's.
func reusedIDs[T any](before, after map[string]entry[T], text func(T) string) []string {
	idsOf := func(m map[string]entry[T]) map[string][]string {
		out := map[string][]string{}
		for id, e := range m {
			if k := plan.Fold(text(e.item)); k != "" {
				out[k] = append(out[k], id)
			}
		}
		return out
	}
	var oldIDs, newIDs map[string][]string
	elsewhere := func(ids []string, id string) bool {
		return slices.ContainsFunc(ids, func(other string) bool { return other != id })
	}
	var reused []string
	for id, b := range after {
		a, ok := before[id]
		if !ok {
			continue
		}
		ta, tb := text(a.item), text(b.item)
		if ta == tb {
			continue // the common case, decided without folding
		}
		ka, kb := plan.Fold(ta), plan.Fold(tb)
		if ka == kb || ka == "" || kb == "" {
			continue
		}
		if oldIDs == nil {
			oldIDs, newIDs = idsOf(before), idsOf(after)
		}
		if elsewhere(newIDs[ka], id) || elsewhere(oldIDs[kb], id) {
			reused = append(reused, id)
		}
	}
	sort.Strings(reused)
	return reused
}

type sectionEntry = entry[*plan.Section]

func (d *Diff) compareSections(old, new []*plan.Plan) {
	index := func(plans []*plan.Plan) map[string]sectionEntry {
		m := map[string]sectionEntry{}
		for _, p := range plans {
			for i, s := range p.Sections {
				m[s.ID] = sectionEntry{s, p, i}
			}
		}
		return m
	}
	d.Sections = match(index(old), index(new), matcher[*plan.Section, SectionChange]{
		text: func(s *plan.Section) string { return s.Title },
		added: func(e sectionEntry) SectionChange {
			return SectionChange{Plan: e.plan.ID, ID: e.item.ID, Title: e.item.Title, Kind: Added}
		},
		removed: func(e sectionEntry) SectionChange {
			return SectionChange{Plan: e.plan.ID, ID: e.item.ID, Title: e.item.Title, Kind: Removed}
		},
		renamed: func(oldID string, a, b sectionEntry) SectionChange {
			return SectionChange{Plan: b.plan.ID, ID: b.item.ID, OldID: oldID, Title: b.item.Title, Kind: Renamed, Fields: sectionFields(a.item, b.item)}
		},
		changed: func(a, b sectionEntry) (SectionChange, bool) {
			fs := sectionFields(a.item, b.item)
			return SectionChange{Plan: b.plan.ID, ID: b.item.ID, Title: b.item.Title, Kind: Changed, Fields: fs}, len(fs) > 0
		},
		plan: func(c SectionChange) string { return c.Plan },
	})
}

func sectionFields(a, b *plan.Section) []Field {
	var fs []Field
	fs = addText(fs, "title", a.Title, b.Title)
	fs = addValue(fs, "kind", a.Kind, b.Kind)
	fs = addText(fs, "promise", a.Promise, b.Promise)
	fs = addText(fs, "plain", a.Plain, b.Plain)
	fs = addList(fs, "you-said", a.YouSaid, b.YouSaid, words.OneLine)
	fs = addList(fs, "delivered-by", a.DeliveredBy, b.DeliveredBy, plan.Fold)
	return fs
}

type actionEntry = entry[*plan.Action]

func (d *Diff) compareActions(old, new []*plan.Plan, opts Options) {
	index := func(plans []*plan.Plan) map[string]actionEntry {
		m := map[string]actionEntry{}
		for _, p := range plans {
			n := 0
			for _, s := range p.Sections {
				for _, a := range s.Actions {
					m[a.ID] = actionEntry{a, p, n}
					n++
				}
			}
		}
		return m
	}
	agree := opts.registriesAgree()
	d.Actions = match(index(old), index(new), matcher[*plan.Action, ActionChange]{
		text: (*plan.Action).Label,
		added: func(e actionEntry) ActionChange {
			return ActionChange{Plan: e.plan.ID, Section: e.item.Section.ID, ID: e.item.ID, Text: e.item.Label(), Kind: Added, New: e.item}
		},
		removed: func(e actionEntry) ActionChange {
			return ActionChange{Plan: e.plan.ID, Section: e.item.Section.ID, ID: e.item.ID, Text: e.item.Label(), Kind: Removed, Old: e.item}
		},
		renamed: func(oldID string, a, b actionEntry) ActionChange {
			c := compareAction(a, b, opts)
			c.Kind, c.OldID = Renamed, oldID
			return c
		},
		changed: func(a, b actionEntry) (ActionChange, bool) {
			// Written the same is not the same when what the words mean changed: the plan's
			// quarter convention, or the registry's lead for an alias.
			if same(a.item, b.item) && a.plan.Quarters == b.plan.Quarters && (agree || leadsAgree(a.item, opts)) {
				return ActionChange{}, false
			}
			c := compareAction(a, b, opts)
			return c, c.Deadline != nil || len(c.Fields)+len(c.NewUpdates)+len(c.LostUpdates) > 0
		},
		plan: func(c ActionChange) string { return c.Plan },
	})
}

// same is the fast path for the many actions a change leaves alone: every field written exactly
// as before, and the same leads answering for it (a sub-action's may come from its parent). Anything else goes through compareAction, which knows which differences matter.
func same(a, b *plan.Action) bool {
	return a.Text == b.Text && a.Plain == b.Plain && a.Deadline.Text == b.Deadline.Text && a.Status == b.Status && a.RAG == b.RAG &&
		a.Section.ID == b.Section.ID && a.Parent == b.Parent && a.From.Equal(b.From) &&
		slices.Equal(a.Leads, b.Leads) && slices.Equal(a.Outcomes, b.Outcomes) && slices.Equal(a.Tags, b.Tags) &&
		slices.Equal(a.Links, b.Links) && slices.Equal(a.EffectiveLeads(), b.EffectiveLeads()) &&
		slices.EqualFunc(a.Updates, b.Updates, func(x, y plan.Update) bool {
			return x.Date.Equal(y.Date) && x.Status == y.Status && x.RAG == y.RAG && x.Note == y.Note && x.Evidence == y.Evidence &&
				x.Share == y.Share && x.ForYoungPeople == y.ForYoungPeople
		})
}

// leadsAgree reports whether each of the action's leads has the same canonical name in both
// registries.
func leadsAgree(a *plan.Action, opts Options) bool {
	for _, l := range a.EffectiveLeads() {
		if opts.canon(opts.OldLeads, l) != opts.canon(opts.NewLeads, l) {
			return false
		}
	}
	return true
}

// compareAction lists the fields that differ between two versions of an action. A deadline is
// compared by the date it falls due as well as by its wording: the same "Q3 2025" under another
// quarter convention is a move.
func compareAction(ea, eb actionEntry, opts Options) ActionChange {
	a, b := ea.item, eb.item
	c := ActionChange{Plan: eb.plan.ID, Section: b.Section.ID, ID: b.ID, Text: b.Label(), Kind: Changed, Old: a, New: b}
	fromDue, _ := a.Due()
	toDue, _ := b.Due()
	if plan.Fold(a.Deadline.Text) != plan.Fold(b.Deadline.Text) || !fromDue.Equal(toDue) {
		dc := &DeadlineChange{From: a.Deadline.Text, To: b.Deadline.Text, FromDue: fromDue, ToDue: toDue, PlanEnd: eb.plan.Period.End,
			FromNotUnderstood: a.DeadlineNotUnderstood(), ToNotUnderstood: b.DeadlineNotUnderstood()}
		if ea.plan.Quarters != eb.plan.Quarters && conventionMatters(b, ea.plan.Quarters) {
			dc.Note = "quarters: " + ea.plan.Quarters.String() + " → " + eb.plan.Quarters.String()
		}
		if !dc.FromDue.IsZero() && !dc.ToDue.IsZero() {
			dc.Days = int(dc.ToDue.Sub(dc.FromDue).Hours() / 24)
		}
		dc.AfterEnd = !dc.ToDue.IsZero() && !dc.PlanEnd.IsZero() && dc.ToDue.After(dc.PlanEnd)
		c.Deadline = dc
	}
	fs := c.Fields
	fs = addText(fs, "text", a.Text, b.Text)
	fs = addText(fs, "plain", a.Plain, b.Plain)
	fs = addText(fs, "outcomes", strings.Join(a.Outcomes, " / "), strings.Join(b.Outcomes, " / "))
	fs = addValue(fs, "status", string(a.Status), string(b.Status))
	fs = addValue(fs, "rag", string(a.RAG), string(b.RAG))
	fs = addLeads(fs, a.EffectiveLeads(), b.EffectiveLeads(), opts)
	fs = addValue(fs, "section", a.Section.ID, b.Section.ID)
	fs = addValue(fs, "parent", a.Parent, b.Parent)
	fs = addValue(fs, "from", dateText(a.From), dateText(b.From))
	fs = addList(fs, "tags", a.Tags, b.Tags, plan.Fold)
	fs = addList(fs, "links", a.Links, b.Links, strings.TrimSpace)
	c.Fields = fs
	key := plan.Update.Key
	had := map[string]int{}
	for _, u := range a.Updates {
		had[key(u)]++
	}
	for _, u := range b.Updates {
		if had[key(u)] > 0 {
			had[key(u)]--
			continue
		}
		c.NewUpdates = append(c.NewUpdates, u)
	}
	has := map[string]int{}
	for _, u := range b.Updates {
		has[key(u)]++
	}
	for _, u := range a.Updates {
		if has[key(u)] > 0 {
			has[key(u)]--
			continue
		}
		c.LostUpdates = append(c.LostUpdates, u)
	}
	return c
}

// conventionMatters reports whether the action's deadline falls due on another date when read
// in the other quarter convention, so that a note names the convention only where it moved a date.
func conventionMatters(b *plan.Action, other deadline.Convention) bool {
	due, _ := b.Due()
	d, err := deadline.Parse(b.Deadline.Text, other)
	if err != nil || b.DeadlineErr != nil {
		return false
	}
	was, _ := d.Due()
	return !was.Equal(due)
}

// addLeads compares leads by their canonical names, each side through its own registry, so a
// change of spelling is not a change and an alias moved to another lead is. A lead written the
// same on both sides that changed is shown by its canonical names, with a note naming the move.
func addLeads(fs []Field, a, b []string, opts Options) []Field {
	canon := func(r *plan.Registry) func(string) string {
		return func(s string) string { return opts.canon(r, s) }
	}
	removed := missing(a, b, canon(opts.OldLeads), canon(opts.NewLeads))
	added := missing(b, a, canon(opts.NewLeads), canon(opts.OldLeads))
	if len(added)+len(removed) == 0 {
		return fs
	}
	written := func(names []string) map[string]bool {
		m := make(map[string]bool, len(names))
		for _, s := range names {
			m[plan.Fold(s)] = true
		}
		return m
	}
	inA, inB := written(a), written(b)
	var notes []string
	show := func(names []string, r *plan.Registry, other map[string]bool) {
		for i, s := range names {
			if other[plan.Fold(s)] {
				names[i] = opts.name(r, s)
			}
		}
	}
	for _, s := range a {
		if !inB[plan.Fold(s)] {
			continue
		}
		if opts.canon(opts.OldLeads, s) == opts.canon(opts.NewLeads, s) {
			continue
		}
		was, knew := opts.OldLeads.Canonical(s)
		now, knows := opts.NewLeads.Canonical(s)
		switch {
		case !knew:
			notes = append(notes, s+" added to it as "+now)
		case !knows:
			notes = append(notes, s+" taken out of it (was "+was+")")
		default:
			notes = append(notes, s+" was "+was+", now "+now)
		}
	}
	show(removed, opts.OldLeads, inB)
	show(added, opts.NewLeads, inA)
	f := Field{Name: "leads", From: strings.Join(a, ", "), To: strings.Join(b, ", "), Added: added, Removed: removed}
	if len(notes) > 0 {
		f.Note = "lead registry: " + strings.Join(notes, "; ")
	}
	return append(fs, f)
}

type measureEntry = entry[*plan.Measure]

func (d *Diff) compareMeasures(old, new []*plan.Plan) {
	index := func(plans []*plan.Plan) map[string]measureEntry {
		m := map[string]measureEntry{}
		for _, p := range plans {
			n := 0
			add := func(ms []*plan.Measure) {
				for _, x := range ms {
					m[x.ID] = measureEntry{x, p, n}
					n++
				}
			}
			add(p.Measures)
			for _, s := range p.Sections {
				add(s.Measures)
			}
		}
		return m
	}
	d.Measures = match(index(old), index(new), matcher[*plan.Measure, MeasureChange]{
		text: func(m *plan.Measure) string { return m.Text },
		added: func(e measureEntry) MeasureChange {
			return MeasureChange{Plan: e.plan.ID, ID: e.item.ID, Text: e.item.Text, Kind: Added}
		},
		removed: func(e measureEntry) MeasureChange {
			return MeasureChange{Plan: e.plan.ID, ID: e.item.ID, Text: e.item.Text, Kind: Removed}
		},
		renamed: func(oldID string, a, b measureEntry) MeasureChange {
			c := compareMeasure(a.item, b)
			c.Kind, c.OldID = Renamed, oldID
			return c
		},
		changed: func(a, b measureEntry) (MeasureChange, bool) {
			c := compareMeasure(a.item, b)
			return c, len(c.Fields)+len(c.NewObservations) > 0
		},
		plan: func(c MeasureChange) string { return c.Plan },
	})
}

func compareMeasure(a *plan.Measure, eb measureEntry) MeasureChange {
	b := eb.item
	c := MeasureChange{Plan: eb.plan.ID, ID: b.ID, Text: b.Text, Kind: Changed}
	fs := addText(nil, "text", a.Text, b.Text)
	fs = addValue(fs, "unit", a.Unit, b.Unit)
	fs = addValue(fs, "direction", a.Direction, b.Direction)
	fs = addValue(fs, "baseline", observationText(a.Baseline, b.Unit), observationText(b.Baseline, b.Unit))
	fs = addValue(fs, "target", observationText(a.Target, b.Unit), observationText(b.Target, b.Unit))
	c.Fields = fs
	seen := map[string]bool{}
	for i := range a.Observations {
		seen[observationText(&a.Observations[i], "")] = true
	}
	for i := range b.Observations {
		if !seen[observationText(&b.Observations[i], "")] {
			c.NewObservations = append(c.NewObservations, b.Observations[i])
		}
	}
	return c
}

// observationText is a value with its unit and date, as a reader would write it.
func observationText(o *plan.Observation, unit string) string {
	if o == nil {
		return ""
	}
	s := words.Value(o.Value, unit)
	if o.HasDate {
		s += " (" + words.Day(o.Date) + ")"
	}
	return s
}

func addValue(fs []Field, name, a, b string) []Field {
	if a == b {
		return fs
	}
	return append(fs, Field{Name: name, From: a, To: b})
}

// addText records a wording change; a change of spacing alone is not one.
func addText(fs []Field, name, a, b string) []Field {
	if strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ") {
		return fs
	}
	return append(fs, Field{Name: name, From: a, To: b, Words: Words(a, b)})
}

func addList(fs []Field, name string, a, b []string, key func(string) string) []Field {
	removed, added := missing(a, b, key, key), missing(b, a, key, key)
	if len(added)+len(removed) == 0 {
		return fs
	}
	return append(fs, Field{Name: name, From: strings.Join(a, ", "), To: strings.Join(b, ", "), Added: added, Removed: removed})
}

// missing lists the items of a that b lacks.
func missing(a, b []string, keyA, keyB func(string) string) []string {
	have := make(map[string]bool, len(b))
	for _, s := range b {
		have[keyB(s)] = true
	}
	var out []string
	for _, s := range a {
		if !have[keyA(s)] {
			out = append(out, s)
		}
	}
	return out
}

// split lists the ids only in after (added) and only in before (removed), sorted.
func split[T any](before, after map[string]T) (added, removed []string) {
	for id := range after {
		if _, ok := before[id]; !ok {
			added = append(added, id)
		}
	}
	for id := range before {
		if _, ok := after[id]; !ok {
			removed = append(removed, id)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	return added, removed
}

// pairRenames matches removed ids with added ids whose text is the same (ignoring case and
// spacing), and returns new id → old id. When several removed items share the text, the one
// nearest in place (same plan, then closest position) is the match.
func pairRenames[T any](removed, added []string, before, after map[string]entry[T], text func(T) string) renames {
	r := renames{newToOld: map[string]string{}, old: map[string]bool{}}
	if len(removed) == 0 || len(added) == 0 {
		return r
	}
	waiting := map[string][]string{} // text → removed ids with that text, in id order
	for _, id := range removed {
		if k := plan.Fold(text(before[id].item)); k != "" {
			waiting[k] = append(waiting[k], id)
		}
	}
	for _, id := range added {
		k := plan.Fold(text(after[id].item))
		olds := waiting[k]
		if len(olds) == 0 {
			continue
		}
		best, bestScore := 0, -1
		for i, old := range olds {
			score := abs(before[old].order - after[id].order)
			if before[old].plan.ID != after[id].plan.ID {
				score += 1 << 20
			}
			if bestScore < 0 || score < bestScore {
				best, bestScore = i, score
			}
		}
		r.newToOld[id] = olds[best]
		r.old[olds[best]] = true
		waiting[k] = slices.Delete(slices.Clone(olds), best, best+1)
	}
	return r
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// renames pairs new ids with the old ids they replaced.
type renames struct {
	newToOld map[string]string
	old      map[string]bool
}

func unionKeys[T any](a, b map[string]T) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// sortBy orders changes by plan id, then by where they sit in the plan.
func sortBy[T any](items []T, order []int, planOf func(T) string) {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int {
		if c := strings.Compare(planOf(items[x]), planOf(items[y])); c != 0 {
			return c
		}
		return order[x] - order[y]
	})
	sorted := make([]T, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
}

// dateText writes a date field's value for a change record; "" for none.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
