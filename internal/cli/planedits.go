package cli

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// What update and returns import share: the change to the plans printed as cpp diff prints it,
// and the edited files written, each only if it is still as it was read.

// changeRun is what a command that edits plans starts from: the checked flags, the output style
// and the plans.
type changeRun struct {
	Style  render.Style
	Day    time.Time // the --date given; else today, or zero when the caller has its own default
	Loaded *loaded
	// Lock guards the plans from before they are read until the last write; nil for a dry run,
	// which writes nothing. Release it when done (Release on nil does nothing).
	Lock *safewrite.Lock
}

// startChange checks the --date flag, decides the style and loads the plans (from --plans, else
// the repository's plans/). With defaultToday, no --date means today. With write, the plans are
// locked before they are read (see lockPlans): the caller must release run.Lock.
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
	var paths []string
	if plansDir != "" {
		paths = []string{plansDir}
	}
	if paths, err = planPaths(env, paths); err != nil {
		return nil, err
	}
	if write {
		if r.Lock, err = lockPlans(env, paths); err != nil {
			return nil, err
		}
	}
	// Kept for editing: the edit reads the file it changes as loaded here, when its text is
	// unchanged, instead of parsing it a second time.
	if r.Loaded, err = loadPlansWith(env, paths, planfile.Options{KeepNodes: true}); err != nil {
		r.Lock.Release()
		return nil, err
	}
	return r, nil
}

// changeDiff is what edits do to the plans, before and after them (the edited plans only).
func changeDiff(reg *plan.Registry, before, after []*plan.Plan) *plandiff.Diff {
	return plandiff.Compare(before, after, plandiff.Options{OldLeads: reg, NewLeads: reg})
}

// planWrite is a plan file's new text, and the stamp of the text it was made from.
type planWrite struct {
	Path  string
	Data  []byte
	Stamp safewrite.Stamp
}

// writePlans writes each file through the safe write, under the command's lock, refusing one
// that changed since it was read, and says on stderr which it updated. No file is written larger
// than cpp reads a plan. When a write fails after others were made, the error names the files
// written and those not (exit 4): they are not rolled back, as the files written hold good
// updates and another writer may have moved on from them.
func writePlans(env *Env, lk *safewrite.Lock, ws []planWrite) error {
	for _, w := range ws {
		if !lk.Covers(w.Path) {
			return notLocked(w.Path)
		}
	}
	for i, w := range ws {
		opts := safewrite.Options{Policy: safewrite.MustExist, Expect: &w.Stamp, Limit: planfile.MaxSize}
		if err := safewrite.Write(w.Path, w.Data, opts); err != nil {
			err = writeFailed(err)
			if i == 0 {
				return err
			}
			var written, not []string
			for _, x := range ws[:i] {
				written = append(written, x.Path)
			}
			for _, x := range ws[i:] {
				not = append(not, x.Path)
			}
			var ee *exitcode.Error
			errors.As(err, &ee)
			hint := "run the command again: the updates written are already recorded, and are left as they are"
			if ee.Hint != "" {
				hint = ee.Hint + "; then " + hint
			}
			return &exitcode.Error{Code: exitcode.Partial, Hint: hint,
				Msg: fmt.Sprintf("%s; written: %s; not written: %s", ee.Msg, strings.Join(written, ", "), strings.Join(not, ", "))}
		}
		fmt.Fprintf(env.Stderr, "cpp: updated %s\n", w.Path)
	}
	return nil
}
