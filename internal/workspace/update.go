package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/validate"
	"github.com/cpp-plans/cpp/internal/words"
)

// Updated is one update made to its plan file's text, not yet written: the text to write, and
// what it changes in the plan.
type Updated struct {
	Write PlanWrite
	Diff  *plandiff.Diff
}

// Update makes the update req asks for, dated day, to the action or measure with the id, in its
// file as read now. It writes nothing. It is nil, with nil error, when the update is already
// recorded, as it says on Notices. An update that moves a deadline later with no note is warned
// of on Notices.
func (c *Change) Update(id string, req planedit.Request, day time.Time) (*Updated, error) {
	found, err := findToUpdate(c.Loaded, id)
	if err != nil {
		return nil, err
	}
	path := found.Plan.File
	edit, err := req.For(found.Action, found.Measure, day)
	if err != nil {
		return nil, editFailed(path, err)
	}
	ed, w, err := editFile(c.Loaded, path, edit)
	if err != nil {
		return nil, err
	}
	if ed.After == nil {
		fmt.Fprintf(c.notices, "cpp: %s: nothing to change; this update is already recorded\n", path)
		return nil, nil
	}
	// Both sides as the editor read them: the file read just now, and the result it checked.
	d := ChangeDiff(c.Loaded.Registry, []*plan.Plan{ed.Before}, []*plan.Plan{ed.After})
	if req.Note == "" {
		warnSlips(c, d)
	}
	return &Updated{Write: w, Diff: d}, nil
}

// findToUpdate finds the action or measure with the id, refusing an id no plan has, with the
// nearest, and one that two places define.
func findToUpdate(l *Loaded, id string) (query.Found, error) {
	found, ok, near := query.Find(l.Plans, id)
	if !ok {
		hint := suggest.Hint(near, "run 'cpp list' to see the action ids, 'cpp show ID' for one")
		if len(l.Broken) > 0 {
			hint += "; files with errors were not read (see above)"
		}
		return found, exitcode.Problemf(hint, "no action or measure has id %q", id)
	}
	if where := validate.Ambiguous(l.Plans, found.ID()); where != "" {
		return found, exitcode.Problemf("rename one of them so that the id is used once (cpp validate names them), then update again",
			"id %q is defined more than once, so cpp cannot tell which to update: %s; nothing written", found.ID(), where)
	}
	return found, nil
}

// editFile makes the edit in the file as read now, with the stamp of what was read. An edit
// already recorded has no After.
func editFile(l *Loaded, path string, edit planedit.Edit) (planedit.Edited, PlanWrite, error) {
	data, stamp, err := safewrite.Read(path, planfile.MaxSize)
	if err != nil {
		return planedit.Edited{}, PlanWrite{}, WriteFailed(err)
	}
	// The file as loaded is edited when its text is still what was read, not parsed again.
	ed, err := planedit.Batch(data, []planedit.Edit{edit}, planedit.Options{Parsed: l.Parsed[path]})
	if err != nil {
		return ed, PlanWrite{}, editFailed(path, err)
	}
	if bytes.Equal(ed.Data, data) {
		ed.After = nil
	}
	return ed, PlanWrite{Path: path, Data: ed.Data, Stamp: stamp}, nil
}

// editFailed turns the editor's errors into the command's: a bad value is usage (exit 2), a file
// that cannot be edited safely a problem (exit 1). Nothing has been written.
func editFailed(path string, err error) error {
	var be planedit.BatchError
	if errors.As(err, &be) && len(be) == 1 { // update is a batch of one
		err = be[0].Err
	}
	var ie *planedit.InputError
	var fe *planedit.FileError
	var nf *planedit.NotFoundError
	switch {
	case errors.As(err, &ie):
		return exitcode.Usagef(ie.Hint, "%s", ie.Message)
	case errors.As(err, &fe):
		return exitcode.Problemf(fe.Hint, "%s:%s; nothing written", path, fe.Error())
	case errors.As(err, &nf):
		return exitcode.Problemf(nf.Hint, "%s: %s", path, nf.Error())
	}
	return &exitcode.Error{Code: exitcode.Failure, Msg: fmt.Sprintf("%s: %v; nothing written", path, err)}
}

// warnSlips asks for the reason when a deadline slips (falls later, or loses its date) with no
// note: a board asks why, and the plan's history should say. A slip is what diff --fail-on slip
// means by one.
func warnSlips(c *Change, d *plandiff.Diff) {
	for _, a := range d.Actions {
		dc := a.Deadline
		if dc == nil || !dc.Slipped() {
			continue
		}
		to := "no date"
		if !dc.ToDue.IsZero() {
			to = words.Day(dc.ToDue)
		}
		fmt.Fprintf(c.notices, "cpp: warning: the deadline of %s moves later (%s → %s) with no reason given\n  hint: add --note saying why, so that the board and the plan's history can see it\n",
			a.ID, words.Day(dc.FromDue), to)
	}
}
