package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/validate"
)

type updateOptions struct {
	ID                                     string
	Status, RAG, Note, Deadline            string
	Date                                   dateFlag
	Evidence, Value, Source, Format, Plans string
	DryRun                                 bool
	Share                                  bool
	ForYoungPeople, Plain                  string
}

func newUpdateCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &updateOptions{}
	c := &cobra.Command{
		Use:   "update ID",
		Short: "Record progress on an action (status, RAG, note, deadline, evidence) or a measure's new figure",
		Long: `Record a dated progress update on an action, or a new figure for a measure, in its plan file.

For an action: the update (date, and the status, RAG, note and evidence given) is added to its
updates, and its current status and RAG are set to match; --deadline replaces its deadline. For a
measure: --value (with --date, and optionally --source and --note) adds an observation.

Only the lines of that action or measure change: every other byte of the file (comments, blank
lines, key order, quoting, line endings) stays as it was. The result is checked before it is
written, and written atomically; nothing is written when the file changed since it was read.
The change is printed as cpp diff prints it; --dry-run prints it and writes nothing.`,
		Example: `  cpp update camden-cp.p1.2 --status in-progress --rag amber --note "Two mentors recruited"
  cpp update camden-cp.p1.2 --deadline "Q1 2026" --note "Training delayed to January"
  cpp update camden-cp.p1.m1 --value 58 --date 2025-09-30 --source "staff survey"`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runUpdate(env, g, opts)
		},
	}
	addUpdateFlags(c, opts)
	return c
}

func addUpdateFlags(c *cobra.Command, opts *updateOptions) {
	fl := c.Flags()
	status := statusFlag(&opts.Status, "invalid --status %q")
	fl.Var(status, "status", status.help("the action's status now"))
	rag := ragFlag(&opts.RAG, "invalid --rag %q")
	fl.Var(rag, "rag", rag.help("the action's RAG rating now"))
	fl.StringVar(&opts.Note, "note", "", "the progress note (for a measure: a note on the figure)")
	opts.Date.name = "date"
	fl.Var(&opts.Date, "date", "the update's date, YYYY-MM-DD (default today)")
	fl.StringVar(&opts.Deadline, "deadline", "", "a new deadline, as a plan writes it: Q1 2026, March 2026, 2026-03-31")
	fl.StringVar(&opts.Evidence, "evidence", "", "what shows the progress: a document's name or a URL")
	fl.StringVar(&opts.Value, "value", "", "a measure's new figure, as a number")
	fl.StringVar(&opts.Source, "source", "", "where a measure's figure comes from")
	format := formatFlag(&opts.Format, textFormat, changeFormats...)
	fl.VarP(format, "format", "f", format.help("how to print the change"))
	fl.StringVar(&opts.Plans, "plans", "", "the plans folder (default: the repository's plans/)")
	fl.BoolVarP(&opts.DryRun, "dry-run", "n", false, "print the change and write nothing")
	fl.BoolVar(&opts.Share, "share", false, "let the young people's report show this update's note (share: young-people)")
	fl.StringVar(&opts.ForYoungPeople, "for-young-people", "", "a short text for young people in place of the note; it shares the update with them")
	fl.StringVar(&opts.Plain, "plain", "", "the action in words a young person reads (plain:), shown instead of its text in the young people's report")
}

func runUpdate(env *Env, g *globalOptions, opts *updateOptions) error {
	run, err := startChange(env, g, opts.Date, opts.Plans, true, !opts.DryRun)
	if err != nil {
		return err
	}
	defer run.Lock.Release()
	l := run.Loaded
	found, err := findToUpdate(l, opts.ID)
	if err != nil {
		return err
	}
	path := found.Plan.File
	edit, err := opts.request().For(found.Action, found.Measure, run.Day)
	if err != nil {
		return editFailed(path, err)
	}
	ed, stamp, err := editFile(l, path, edit)
	if err != nil {
		return err
	}
	if ed.After == nil {
		fmt.Fprintf(env.Stderr, "cpp: %s: nothing to change; this update is already recorded\n", path)
		return nil
	}
	// Both sides as the editor read them: the file read just now, and the result it checked.
	d := changeDiff(l.Registry, []*plan.Plan{ed.Before}, []*plan.Plan{ed.After})
	if opts.Note == "" {
		warnSlips(env, d)
	}
	to := render.Side{Rev: "this update"}
	if opts.DryRun {
		to.Rev = "this update (dry run: nothing written)"
	}
	if err := printChanges(env, opts.Format, run.Style, d, render.Side{Rev: path}, to, nil); err != nil || opts.DryRun {
		return err
	}
	return writePlans(env, run.Lock, []planWrite{{Path: path, Data: ed.Data, Stamp: stamp}})
}

// editFile makes the edit in the file as read now, with the stamp of what was read. An edit
// already recorded has no After.
func editFile(l *loaded, path string, edit planedit.Edit) (planedit.Edited, safewrite.Stamp, error) {
	data, stamp, err := safewrite.Read(path, planfile.MaxSize)
	if err != nil {
		return planedit.Edited{}, stamp, writeFailed(err)
	}
	// The file as loaded is edited when its text is still what was read, not parsed again.
	ed, err := planedit.Batch(data, []planedit.Edit{edit}, planedit.Options{Parsed: l.Parsed[path]})
	if err != nil {
		return ed, stamp, editFailed(path, err)
	}
	if bytes.Equal(ed.Data, data) {
		ed.After = nil
	}
	return ed, stamp, nil
}

// findToUpdate finds the action or measure with the id, refusing an id no plan has, with the
// nearest, and one that two places define.
func findToUpdate(l *loaded, id string) (query.Found, error) {
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

// request is the update the flags ask for.
func (o *updateOptions) request() planedit.Request {
	return planedit.Request{Status: plan.Status(o.Status), RAG: plan.RAG(o.RAG), Note: o.Note, Evidence: o.Evidence,
		Deadline: o.Deadline, Value: o.Value, Source: o.Source, Share: o.Share, ForYoungPeople: o.ForYoungPeople, Plain: o.Plain}
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
		return exitcode.Problemf(fe.Hint, "%s:%s; nothing written", path, strings.TrimPrefix(" "+fe.Error(), " "))
	case errors.As(err, &nf):
		return exitcode.Problemf(nf.Hint, "%s: %s", path, nf.Error())
	}
	return &exitcode.Error{Code: exitcode.Failure, Msg: fmt.Sprintf("%s: %v; nothing written", path, err)}
}

// warnSlips asks for the reason when a deadline slips (falls later, or loses its date) with no
// note: a board asks why, and the plan's history should say. A slip is what diff --fail-on slip
// means by one.
func warnSlips(env *Env, d *plandiff.Diff) {
	for _, c := range d.Actions {
		dc := c.Deadline
		if dc == nil || !dc.Slipped() {
			continue
		}
		to := "no date"
		if !dc.ToDue.IsZero() {
			to = render.Date(dc.ToDue)
		}
		fmt.Fprintf(env.Stderr, "cpp: warning: the deadline of %s moves later (%s → %s) with no reason given\n  hint: add --note saying why, so that the board and the plan's history can see it\n",
			c.ID, render.Date(dc.FromDue), to)
	}
}
