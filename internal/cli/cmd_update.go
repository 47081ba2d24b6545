package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/validate"
)

type updateOptions struct {
	ID                                     string
	Status, RAG, Note, Date, Deadline      string
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
	fl := c.Flags()
	fl.StringVar(&opts.Status, "status", "", "the action's status now: not-started, in-progress, complete, dropped")
	fl.StringVar(&opts.RAG, "rag", "", "the action's RAG rating now: green, amber, red")
	fl.StringVar(&opts.Note, "note", "", "the progress note (for a measure: a note on the figure)")
	fl.StringVar(&opts.Date, "date", "", "the update's date, YYYY-MM-DD (default today)")
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
	return c
}

func runUpdate(env *Env, g *globalOptions, opts *updateOptions) error {
	run, err := startChange(env, g, opts.Date, opts.Plans, true, !opts.DryRun)
	if err != nil {
		return err
	}
	defer run.Lock.Release()
	day, st, l := run.Day, run.Style, run.Loaded
	found, ok, near := query.Find(l.Plans, opts.ID)
	if !ok {
		hint := "run 'cpp list' to see the action ids, 'cpp show ID' for one"
		if len(near) > 0 {
			hint = "did you mean " + strings.Join(near, ", ") + "?"
		}
		if len(l.Broken) > 0 {
			hint += "; files with errors were not read (see above)"
		}
		return problemf(hint, "no action or measure has id %q", opts.ID)
	}
	if where := validate.Ambiguous(l.Plans, found.ID()); where != "" {
		return problemf("rename one of them so that the id is used once (cpp validate names them), then update again",
			"id %q is defined more than once, so cpp cannot tell which to update: %s; nothing written", found.ID(), where)
	}
	path := found.Plan.File
	edit, err := opts.edit(found, day)
	if err != nil {
		return err
	}
	data, stamp, err := safewrite.Read(path, planfile.MaxSize)
	if err != nil {
		return writeFailed(err)
	}
	// The file as loaded is edited when its text is still what was read, not parsed again.
	ed, err := planedit.Batch(data, []planedit.Edit{edit}, planedit.Options{Parsed: l.Parsed[path]})
	if err != nil {
		return editFailed(path, err)
	}
	if ed.After == nil || bytes.Equal(ed.Data, data) {
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
	if err := printChanges(env, opts.Format, st, d, render.Side{Rev: path}, to, nil); err != nil {
		return err
	}
	if opts.DryRun {
		return nil
	}
	return writePlans(env, run.Lock, []planWrite{{path: path, data: ed.Data, stamp: stamp}})
}

// edit checks the flags against what the id names and returns the edit to make.
func (o *updateOptions) edit(f query.Found, day time.Time) (planedit.Edit, error) {
	if f.Measure != nil {
		for name, v := range map[string]string{"--status": o.Status, "--rag": o.RAG, "--deadline": o.Deadline, "--evidence": o.Evidence,
			"--for-young-people": o.ForYoungPeople, "--plain": o.Plain} {
			if v != "" {
				return planedit.Edit{}, usageErrorf("for a measure give --value, with --date, --source and --note", "%s is for actions; %s is a measure", name, f.Measure.ID)
			}
		}
		if o.Value == "" {
			return planedit.Edit{}, usageErrorf("give the figure: --value 58", "a measure's update needs --value")
		}
		e := planedit.MeasureEdit{Date: day, Value: strings.TrimSpace(o.Value), Source: o.Source, Note: o.Note}
		return planedit.Edit{ID: f.Measure.ID, Measure: &e}, nil
	}
	if o.Value != "" || o.Source != "" {
		return planedit.Edit{}, usageErrorf("for an action give --status, --rag, --note, --deadline or --evidence", "--value and --source are for measures; %s is an action", f.Action.ID)
	}
	e := planedit.ActionEdit{Date: day, Note: o.Note, Evidence: o.Evidence, Deadline: strings.TrimSpace(o.Deadline),
		Share: o.Share, ForYoungPeople: o.ForYoungPeople, Plain: o.Plain}
	if o.Status != "" {
		s, ok := plan.ParseStatus(o.Status)
		if !ok {
			return planedit.Edit{}, usageErrorf("use one of: "+plan.StatusWords, "invalid --status %q", o.Status)
		}
		e.Status = s
	}
	if o.RAG != "" {
		r, ok := plan.ParseRAG(o.RAG)
		if !ok {
			return planedit.Edit{}, usageErrorf("use one of: "+plan.RAGWords, "invalid --rag %q", o.RAG)
		}
		e.RAG = r
	}
	if e.Status == "" && e.RAG == "" && e.Note == "" && e.Evidence == "" && e.Deadline == "" && e.ForYoungPeople == "" && e.Plain == "" {
		return planedit.Edit{}, usageErrorf("give --status, --rag, --note, --deadline or --evidence", "nothing to record for %s", f.Action.ID)
	}
	return planedit.Edit{ID: f.Action.ID, Action: &e}, nil
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
		return usageErrorf(ie.Hint, "%s", ie.Message)
	case errors.As(err, &fe):
		return problemf(fe.Hint, "%s:%s; nothing written", path, strings.TrimPrefix(" "+fe.Error(), " "))
	case errors.As(err, &nf):
		return problemf(nf.Hint, "%s: %s", path, nf.Error())
	}
	return &exitError{code: ExitFailure, msg: fmt.Sprintf("%s: %v; nothing written", path, err)}
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
