package cli

import (
	"time"

	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/workspace"
)

// changeRun is what a command that edits plans starts from: the checked flags, the output style
// and the plans (Loaded, and Lock unless a dry run: release it when done).
type changeRun struct {
	Style render.Style
	Day   time.Time // the --date given; else today, or zero when the caller has its own default
	*workspace.Change
}

// startChange checks the --date flag, decides the style and loads the plans (from --plans, else
// the repository's plans/). With defaultToday, no --date means today. With write, the plans are
// locked before they are read: the caller must release run.Lock.
func startChange(env *Env, g *globalOptions, date dateFlag, plansDir string, defaultToday, write bool) (*changeRun, error) {
	r := &changeRun{}
	var err error
	if defaultToday {
		if r.Day, err = g.today(env); err != nil {
			return nil, err
		}
	}
	if date.given != "" {
		r.Day = date.value
	}
	if r.Style, err = g.style(env); err != nil {
		return nil, err
	}
	if r.Change, err = workspaceOf(env).StartChange(plansDir, write); err != nil {
		return nil, err
	}
	return r, nil
}

// writePlans writes the edited plans under the lock the change holds (see workspace.WritePlans).
func writePlans(env *Env, lk *safewrite.Lock, ws []workspace.PlanWrite) error {
	return workspaceOf(env).WritePlans(lk, ws)
}
