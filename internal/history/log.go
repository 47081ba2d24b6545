package history

import (
	"fmt"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// At is the history of a repository's plans up to a revision, read through today's lead
// registry (see Load). Its errors carry their exit codes.
func At(repo *gitrev.PlanRepo, rev string, today *plan.Registry) (*History, error) {
	side, err := repo.Side(rev)
	if err != nil {
		return nil, gitrev.Failure(err)
	}
	h, err := Load(repo.Git, side.Commit, repo.Under, today)
	return h, gitrev.Failure(err)
}

// Log is one action's history as cpp log shows it: the commits that changed it, newest first,
// its text at the newest, and how its deadline moved.
type Log struct {
	ID, Text string
	Events   []Event
	Slip     *Slip
}

// ActionLog is the history of the action id up to a revision, read through the lead registry
// the plans have on disk. An id no commit holds is an error that says why: not committed yet,
// or no such action. Its errors carry their exit codes.
func ActionLog(repo *gitrev.PlanRepo, rev, id string) (*Log, error) {
	side, err := repo.Side(rev)
	if err != nil {
		return nil, gitrev.Failure(err)
	}
	now, err := repo.Current()
	if err != nil {
		return nil, err
	}
	h, err := Load(repo.Git, side.Commit, repo.Under, now.Leads)
	if err != nil {
		return nil, gitrev.Failure(err)
	}
	l := &Log{ID: id, Events: h.Action(id)}
	if len(l.Events) == 0 {
		return nil, noHistory(id, now.Plans, repo.Under)
	}
	l.Slip = SlipOf(l.Events)
	l.Text = l.Events[0].Change.Text
	return l, nil
}

// Note is what cpp log says on stderr after the log: that a shallow clone cuts the history short;
// "" when the history is whole.
func (l *Log) Note() string {
	if !l.Slip.Truncated {
		return ""
	}
	return ShallowNote(l.Slip)
}

// Exit is how cpp log ends once the log is shown: exit 4 when a shallow clone cuts the history
// short (the commits fetched are shown, but not as the whole story), else success.
func (l *Log) Exit() error {
	if l.Slip.Truncated {
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}

// ShallowNote is the warning, for stderr, that an action's deadline history is cut off by a
// shallow clone.
func ShallowNote(s *Slip) string {
	return fmt.Sprintf("cpp: warning: this is a shallow clone: history before %s is not fetched, so the deadline's earlier moves are unknown\n  hint: %s\n",
		s.Added.Short(), gitrev.ShallowHint)
}

// noHistory says why no commit holds the action: not committed yet, or no such id.
func noHistory(id string, plans []*plan.Plan, under string) error {
	var ids []string
	for _, p := range plans {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				if a.ID == id {
					return exitcode.Problemf("commit the plan file, then run cpp log again", "no commit holds action %q yet", id)
				}
				ids = append(ids, a.ID)
			}
		}
	}
	hint := suggest.Hint(suggest.Closest(id, ids, 3), "run 'cpp list' to see the ids")
	return exitcode.Problemf(hint, "no commit in the history of %s holds an action with id %q", under, id)
}
