package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/workspace"
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
	up, err := run.Update(opts.ID, opts.request(), run.Day)
	if up == nil || err != nil { // nil: already recorded
		return err
	}
	if err := printChanges(env, opts.Format, run.Style, up.Diff, render.Side{Rev: up.Write.Path}, opts.side(), nil); err != nil || opts.DryRun {
		return err
	}
	return writePlans(env, run.Lock, []workspace.PlanWrite{up.Write})
}

// request is the update the flags ask for.
func (o *updateOptions) request() planedit.Request {
	return planedit.Request{Status: plan.Status(o.Status), RAG: plan.RAG(o.RAG), Note: o.Note, Evidence: o.Evidence,
		Deadline: o.Deadline, Value: o.Value, Source: o.Source, Share: o.Share, ForYoungPeople: o.ForYoungPeople, Plain: o.Plain}
}

// side names the update as the new side of the change.
func (o *updateOptions) side() render.Side {
	if o.DryRun {
		return render.Side{Rev: "this update (dry run: nothing written)"}
	}
	return render.Side{Rev: "this update"}
}
