package workspace

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// Change is what a command that edits plans starts from: the plans, loaded for editing.
type Change struct {
	Loaded *Loaded
	// Lock guards the plans from before they are read until the last write; nil for a dry run,
	// which writes nothing. Release it when done (Release on nil does nothing).
	Lock    *safewrite.Lock
	notices io.Writer
}

// StartChange loads the plans in plansDir (else the repository's plans/) for editing. With
// write, they are locked before they are read (see Lock): the caller must release c.Lock.
func (e Env) StartChange(plansDir string, write bool) (*Change, error) {
	var paths []string
	if plansDir != "" {
		paths = []string{plansDir}
	}
	paths, err := e.PlanPaths(paths)
	if err != nil {
		return nil, err
	}
	c := &Change{notices: e.Notices}
	if write {
		if c.Lock, err = e.Lock(paths); err != nil {
			return nil, err
		}
	}
	// Kept for editing: the edit reads the file it changes as loaded here, when its text is
	// unchanged, instead of parsing it a second time.
	if c.Loaded, err = e.Load(paths, planfile.Options{KeepNodes: true}); err != nil {
		c.Lock.Release()
		return nil, err
	}
	return c, nil
}

// ChangeDiff is what edits do to the plans, before and after them (the edited plans only), with
// the leads of the plans loaded.
func ChangeDiff(reg *plan.Registry, before, after []*plan.Plan) *plandiff.Diff {
	return plandiff.Compare(before, after, plandiff.Options{OldLeads: reg, NewLeads: reg})
}

// PlanWrite is a plan file's new text, and the stamp of the text it was made from.
type PlanWrite struct {
	Path  string
	Data  []byte
	Stamp safewrite.Stamp
}

// WritePlans writes each file through the safe write, under the command's lock, refusing one
// that changed since it was read, and says on Notices which it updated. No file is written larger
// than cpp reads a plan. When a write fails after others were made, the error names the files
// written and those not (exit 4): they are not rolled back, as the files written hold good
// updates and another writer may have moved on from them.
func (e Env) WritePlans(lk *safewrite.Lock, ws []PlanWrite) error {
	for _, w := range ws {
		if !lk.Covers(w.Path) {
			return notLocked(w.Path)
		}
	}
	for i, w := range ws {
		opts := safewrite.Options{Policy: safewrite.MustExist, Expect: &w.Stamp, Limit: planfile.MaxSize}
		if err := safewrite.Write(w.Path, w.Data, opts); err != nil {
			if i == 0 {
				return WriteFailed(err)
			}
			return partlyWritten(WriteFailed(err), ws[:i], ws[i:])
		}
		fmt.Fprintf(e.Notices, "cpp: updated %s\n", w.Path)
	}
	return nil
}

// partlyWritten is a write that failed after others were made (exit 4), naming the files
// written and those not.
func partlyWritten(err error, written, not []PlanWrite) error {
	var ee *exitcode.Error
	errors.As(err, &ee)
	hint := "run the command again: the updates written are already recorded, and are left as they are"
	if ee.Hint != "" {
		hint = ee.Hint + "; then " + hint
	}
	return &exitcode.Error{Code: exitcode.Partial, Hint: hint,
		Msg: fmt.Sprintf("%s; written: %s; not written: %s", ee.Msg, paths(written), paths(not))}
}

func paths(ws []PlanWrite) string {
	var ps []string
	for _, w := range ws {
		ps = append(ps, w.Path)
	}
	return strings.Join(ps, ", ")
}
