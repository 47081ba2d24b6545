package history

import (
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/words"
)

// Comparison is what a change did to the plans, as cpp diff shows it: the diff between two
// sides, the files left out of it, and the changes that trip the --fail-on gate.
type Comparison struct {
	Diff      *plandiff.Diff
	From, To  gitrev.Side
	LeftOut   []string          // files that do not parse on a side, left out of both; sorted
	Why       map[string]string // each left-out file's first error
	FailOn    []string          // the kinds the gate stops on
	Triggered []plandiff.Trigger
}

// Between compares the plans at the two sides diff's revision arguments name (see
// gitrev.ParseRange), and gates the change on the kinds failOn lists (plandiff.ParseFailKinds
// reads them). A file that does not parse on either side is left out of both: comparing it would
// report all its actions added or removed. Its errors carry their exit codes.
func Between(repo *gitrev.PlanRepo, revs, failOn []string) (*Comparison, error) {
	old, new, err := repo.Sides(revs)
	if err != nil {
		return nil, err
	}
	c := &Comparison{From: old.Side, To: new.Side, FailOn: failOn}
	c.LeftOut, c.Why = gitrev.LeaveOutBroken(old, new)
	c.Diff = plandiff.Compare(old.Plans, new.Plans, plandiff.Options{OldLeads: old.Leads, NewLeads: new.Leads})
	if len(failOn) > 0 {
		c.Triggered = c.Diff.Triggers(failOn)
	}
	return c, nil
}

// LeftOutNotes are the lines for stderr that name the files left out, and why; "" when none is.
func (c *Comparison) LeftOutNotes() string {
	if len(c.LeftOut) == 0 {
		return ""
	}
	var b strings.Builder
	for _, p := range c.LeftOut {
		fmt.Fprintf(&b, "cpp: left out %s%s\n", p, c.Why[p])
	}
	fmt.Fprintf(&b, "cpp: the diff leaves out %s with errors; run 'cpp validate' for details\n", words.Count(len(c.LeftOut), "file", "files"))
	return b.String()
}

// TriggerNotes are the lines for stderr that name what tripped the --fail-on gate; "" when
// nothing did.
func (c *Comparison) TriggerNotes() string {
	if len(c.Triggered) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cpp: --fail-on %s: %s:\n", strings.Join(c.FailOn, ","), words.Count(len(c.Triggered), "change", "changes"))
	for _, t := range c.Triggered {
		fmt.Fprintf(&b, "  %-9s %s: %s\n", t.Kind, t.ID, t.What)
	}
	return b.String()
}

// Exit is how cpp diff ends once the change is shown: exit 1 when the gate tripped, else exit 4
// when files were left out (the change is shown without them), else success.
func (c *Comparison) Exit() error {
	if len(c.Triggered) > 0 {
		return &exitcode.Silent{Code: exitcode.Problem}
	}
	if len(c.LeftOut) > 0 {
		return &exitcode.Silent{Code: exitcode.Partial}
	}
	return nil
}
