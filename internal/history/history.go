// Package history reads how plans changed through git: between two revisions (`cpp diff`), one
// action's changes commit by commit (`cpp log`), and how often each action's deadline has moved
// (slippage). The commits come from one `git log` and their files from one `git cat-file --batch`;
// each version of a file is parsed once, and each commit is compared with its parent in plan
// terms by plandiff.
package history

import (
	"bytes"
	"slices"
	"time"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// History is the commits that changed the plan files, with every version of those files.
type History struct {
	Commits []gitrev.Commit // newest first
	blobs   map[string][]byte
	today   *plan.Registry
	// leads is the lead registry at each commit and at each of its parents; nil when no version
	// of any file holds a registry, and then today's is used throughout.
	leads []commitLeads
	// reread are, for each commit and each parent, the files the commit left alone but whose
	// leads it changed the meaning of, by changing the registry.
	reread [][][]gitrev.Change
	parsed map[string]*plan.Plan // by blob id; nil when the version does not parse
	// shallow are the commits where a shallow clone's history starts: what they seem to add
	// was there before.
	shallow map[string]bool
}

// commitLeads is the lead registry at a commit and at each of its parents, first parent first.
type commitLeads struct {
	at      *plan.Registry
	parents []*plan.Registry
}

// Load reads the history of the plan files under a folder (relative to the repository's top),
// from rev back to the first commit. Each commit's leads are read through the registry of its
// time, so an alias moved to another lead is a change of lead for each action naming it; then
// through today's registry, so a spelling today's registry knows is not a change.
func Load(repo *gitrev.Repo, rev, under string, today *plan.Registry) (*History, error) {
	commits, err := repo.Log(rev, under)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var ids []string
	for _, c := range commits {
		for _, changes := range append([][]gitrev.Change{c.Changes}, c.Others...) {
			for _, ch := range changes {
				for _, id := range []string{ch.Old, ch.New} {
					if id != "" && !seen[id] {
						seen[id] = true
						ids = append(ids, id)
					}
				}
			}
		}
	}
	blobs, err := repo.Cat(ids)
	if err != nil {
		return nil, err
	}
	shallow, err := repo.ShallowCommits()
	if err != nil {
		return nil, err
	}
	h := &History{Commits: commits, blobs: blobs, today: today, parsed: map[string]*plan.Plan{}, shallow: shallow}
	if err := h.loadRegistries(repo); err != nil {
		return nil, err
	}
	return h, nil
}

// Truncated returns the commit where the history read stops short because the clone is shallow,
// and false when the history is whole.
func (h *History) Truncated() (gitrev.Commit, bool) {
	for _, c := range h.Commits {
		if h.shallow[c.Hash] {
			return c, true
		}
	}
	return gitrev.Commit{}, false
}

// Event is one commit's change to an action.
type Event struct {
	Commit gitrev.Commit
	Change plandiff.ActionChange
	// Truncated marks the commit where a shallow clone's history starts: the action was there
	// before it, not added by it.
	Truncated bool
}

// Action lists the commits that changed an action, newest first. It follows the action back
// through renames (an id change with the same text) and through moves between files. Only the
// file versions that mention the id are parsed.
func (h *History) Action(id string) []Event {
	needle := []byte(id)
	h.parseAll(func(data []byte) bool { return bytes.Contains(data, needle) })
	var events []Event
	tracked := id
	for i, c := range h.Commits {
		if !h.mentions(i, tracked) {
			continue
		}
		// Every file the commit changed is compared, not only those naming the id: a rename may
		// move the action to another file in the same commit.
		if ch, ok := find(h.changes(i), tracked); ok {
			events = append(events, Event{Commit: c, Change: ch, Truncated: h.shallow[c.Hash]})
			if ch.Kind == plandiff.Renamed && ch.ID == tracked {
				tracked = ch.OldID
			}
		}
	}
	return events
}

// find picks the change to the action known as id at the newer side of a commit: the action
// with that id (an id reused for another action also appears as removed: the one that stays
// is the one followed); else the rename that gave the action its next id.
func find(changes []plandiff.ActionChange, id string) (plandiff.ActionChange, bool) {
	var removed, renamedAway *plandiff.ActionChange
	for i := range changes {
		ch := &changes[i]
		switch {
		case ch.ID == id && ch.Kind != plandiff.Removed:
			return *ch, true
		case ch.ID == id:
			removed = ch
		case ch.Kind == plandiff.Renamed && ch.OldID == id:
			renamedAway = ch
		}
	}
	if removed != nil {
		return *removed, true
	}
	if renamedAway != nil {
		return *renamedAway, true
	}
	return plandiff.ActionChange{}, false
}

// mentions reports whether any version of a file commit i changed (or re-read) holds the text id.
func (h *History) mentions(i int, id string) bool {
	needle := []byte(id)
	for k := range 1 + len(h.Commits[i].Others) {
		changes := h.changesOf(i, k)
		for _, ch := range changes {
			if bytes.Contains(h.blobs[ch.Old], needle) || bytes.Contains(h.blobs[ch.New], needle) {
				return true
			}
		}
	}
	return false
}

// changes are the changes commit i made to actions. For a merge, they are only what the merge
// decided itself (a conflict resolved, an edit while merging): a field counts when it differs
// from every parent, as what a branch brought was counted in the branch's own commits.
func (h *History) changes(i int) []plandiff.ActionChange {
	old, new := h.versions(i, h.changesOf(i, 0))
	first := plandiff.Compare(old, new, h.options(i, 0)).Actions
	if len(h.Commits[i].Others) == 0 {
		return first
	}
	var others [][]plandiff.ActionChange
	for k := 1; k <= len(h.Commits[i].Others); k++ {
		old, new := h.versions(i, h.changesOf(i, k))
		others = append(others, plandiff.Compare(old, new, h.options(i, k)).Actions)
	}
	var out []plandiff.ActionChange
	for _, c := range first {
		if d, ok := decided(c, others); ok {
			out = append(out, d)
		}
	}
	return out
}

// decided keeps of a merge's change against its first parent what also changed against each
// other parent.
func decided(c plandiff.ActionChange, others [][]plandiff.ActionChange) (plandiff.ActionChange, bool) {
	for _, changes := range others {
		i := slices.IndexFunc(changes, func(o plandiff.ActionChange) bool { return o.ID == c.ID && o.Kind != plandiff.Removed })
		if c.Kind == plandiff.Removed {
			i = slices.IndexFunc(changes, func(o plandiff.ActionChange) bool { return o.ID == c.ID && o.Kind == plandiff.Removed })
		}
		if i < 0 {
			return c, false // as the other parent had it: the branch's doing
		}
		o := changes[i]
		if c.Kind != o.Kind {
			// Added or renamed against one parent only: the other parent's branch did it.
			if c.Kind == plandiff.Added || c.Kind == plandiff.Removed {
				return c, false
			}
			c.Kind, c.OldID = plandiff.Changed, ""
		}
		if o.Deadline == nil {
			c.Deadline = nil
		}
		c.Fields = slices.DeleteFunc(slices.Clone(c.Fields), func(f plandiff.Field) bool {
			return !slices.ContainsFunc(o.Fields, func(g plandiff.Field) bool { return g.Name == f.Name })
		})
		c.NewUpdates = slices.DeleteFunc(slices.Clone(c.NewUpdates), func(u plan.Update) bool { return !slices.ContainsFunc(o.NewUpdates, u.Same) })
		c.LostUpdates = slices.DeleteFunc(slices.Clone(c.LostUpdates), func(u plan.Update) bool { return !slices.ContainsFunc(o.LostUpdates, u.Same) })
	}
	nothing := c.Kind == plandiff.Changed && c.Deadline == nil && len(c.Fields)+len(c.NewUpdates)+len(c.LostUpdates) == 0
	return c, !nothing
}

// Slip is how an action's deadline has moved through history.
type Slip struct {
	ID          string
	Original    string    // the deadline the action had when it was first committed
	OriginalDue time.Time // zero when that deadline was not dated
	Added       gitrev.Commit
	Moves       int // commits that changed when it falls due (rewording the same date is not a move)
	Later       int // of those, moves to a later date or to no date
	LastMove    gitrev.Commit
	// Truncated is set when the history starts at a shallow clone's boundary: Original is the
	// deadline then, not the first one, and earlier moves are unknown.
	Truncated bool
}

// Slippage follows every action from the first commit to the last and returns, for each action
// id at the last commit, how its deadline has moved. Renamed actions keep their history.
func (h *History) Slippage() map[string]*Slip {
	h.parseAll(func([]byte) bool { return true })
	slips := map[string]*Slip{}
	for i := len(h.Commits) - 1; i >= 0; i-- {
		c := h.Commits[i]
		for _, ch := range h.changes(i) {
			if ch.Kind == plandiff.Renamed {
				if s := slips[ch.OldID]; s != nil {
					delete(slips, ch.OldID)
					slips[ch.ID] = s
				}
			}
			s := slips[ch.ID]
			if s == nil {
				s = &Slip{}
				slips[ch.ID] = s
			}
			s.apply(c, ch, h.shallow[c.Hash])
		}
	}
	return slips
}

// SlipOf is the slippage of one action from its events, newest first as Action returns them.
// It is nil when no commit holds the action.
func SlipOf(events []Event) *Slip {
	if len(events) == 0 {
		return nil
	}
	s := &Slip{}
	for i := len(events) - 1; i >= 0; i-- {
		s.apply(events[i].Commit, events[i].Change, events[i].Truncated)
	}
	return s
}

// apply counts one commit's change to the action; start marks a shallow clone's first commit.
func (s *Slip) apply(c gitrev.Commit, ch plandiff.ActionChange, start bool) {
	s.ID = ch.ID
	if s.Added.Hash == "" {
		s.Truncated = start
		// The first commit seen: where the action was added, or where its history in this
		// folder starts.
		first := ch.New
		if ch.Kind != plandiff.Added {
			first = ch.Old
		}
		if first != nil {
			s.Original = first.Deadline.Text
			s.OriginalDue, _ = first.Due()
			s.Added = c
		}
	}
	if dc := ch.Deadline; dc != nil && dc.Moved() {
		s.Moves++
		if dc.Slipped() {
			s.Later++
		}
		s.LastMove = c
	}
}

// versions parses the files commit i changed (against one of its parents), before and after. A version that does not parse
// is not compared: a commit that broke a file is skipped, and the commit that mended it is
// compared with the last version before it that parsed, so a change made while the file was
// broken is still seen, once.
func (h *History) versions(i int, changes []gitrev.Change) (old, new []*plan.Plan) {
	for _, ch := range changes {
		var before, after *plan.Plan
		if ch.New != "" {
			if after = h.plan(ch.New); after == nil {
				continue
			}
		}
		if ch.Old != "" {
			if before = h.plan(ch.Old); before == nil {
				before = h.lastGood(i, ch.Path)
			}
		}
		if before != nil {
			old = append(old, before)
		}
		if after != nil {
			new = append(new, after)
		}
	}
	return old, new
}

// lastGood is the newest version of path older than commit i that parses, or nil.
func (h *History) lastGood(i int, path string) *plan.Plan {
	for j := i + 1; j < len(h.Commits); j++ {
		for _, ch := range h.Commits[j].Changes {
			if ch.Path != path {
				continue
			}
			if ch.New == "" {
				return nil // the file did not exist then
			}
			if p := h.plan(ch.New); p != nil {
				return p
			}
		}
	}
	return nil
}

// plan parses a version of a file once.
func (h *History) plan(blob string) *plan.Plan {
	if p, ok := h.parsed[blob]; ok {
		return p
	}
	// A past version is read as far as it goes: a field since renamed, or a deadline this version
	// of cpp cannot read, must not hide the rest of the plan's history.
	p := planfile.Parse(blob, h.blobs[blob], planfile.Options{}).Plan
	h.parsed[blob] = p
	return p
}

// parseAll parses, in parallel, every version not parsed yet whose contents pass want.
func (h *History) parseAll(want func([]byte) bool) {
	var blobs []string
	for blob, data := range h.blobs {
		if _, done := h.parsed[blob]; !done && want(data) {
			blobs = append(blobs, blob)
		}
	}
	for i, f := range planfile.ParseAll(blobs, h.blobs, planfile.Options{}) {
		h.parsed[blobs[i]] = f.Plan
	}
}
