package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

type showOptions struct {
	ID     string
	Format string
	Paths  []string
}

func newShowCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &showOptions{}
	c := &cobra.Command{
		Use:     "show ID [PATH...]",
		Short:   "Show one action in full: its plan, section, deadline, leads, progress and where it lives",
		Example: `  cpp show camden-cp.p1.2`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.ID, opts.Paths = args[0], args[1:]
			for _, p := range opts.Paths {
				if looksLikeID(p) {
					return usageErrorf("show one action at a time: run 'cpp show "+p+"' next, or 'cpp list --format markdown' for many",
						"cpp show takes one action id; %q is a second id, not a file or folder", p)
				}
			}
			return runShow(env, g, opts)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table, markdown or json")
	return c
}

func runShow(env *Env, g *globalOptions, opts *showOptions) error {
	formats := []string{"table", "markdown", "json"}
	if !slices.Contains(formats, opts.Format) {
		return badFormat(opts.Format, formats)
	}
	today, err := g.today(env)
	if err != nil {
		return err
	}
	st, err := g.style(env)
	if err != nil {
		return err
	}
	l, err := loadPlans(env, opts.Paths)
	if err != nil {
		return err
	}
	f, ok, near := query.FindAny(l.Plans, opts.ID)
	if !ok {
		hint := "run 'cpp list' to see the action ids"
		if len(near) > 0 {
			hint = "did you mean " + strings.Join(near, ", ") + "?"
		}
		return problemf(hint, "no plan, section, action or measure has id %q", opts.ID)
	}
	if f.Action == nil {
		if err := showOther(env, opts.Format, st, f, l, today); err != nil {
			return err
		}
		return l.finish()
	}
	r := query.NewRow(f.Plan, f.Section, f.Action, l.Registry, today)
	found := &r
	slip := deadlineHistory(env, opts.Paths, found.Action.ID, l)
	if opts.Format == "json" {
		err = render.WriteJSON(env.Stdout, showRecord(*found, slip))
	} else {
		err = printer(opts.Format, st).Print(env.Stdout, showDoc(*found, slip))
	}
	if err != nil {
		return err
	}
	if slip != nil && slip.Slip != nil && slip.Slip.Truncated {
		warnShallow(env, slip.Slip)
		return &silentExit{code: ExitPartial}
	}
	return l.finish()
}

// showJSON is an action in full; it extends the listing record with the details.
type showJSON struct {
	render.ActionRecord
	PlanTitle    string       `json:"plan_title"`
	SectionTitle string       `json:"section_title"`
	Promise      *string      `json:"promise"`
	LeadsAsGiven []string     `json:"leads_as_written"`
	Outcomes     []string     `json:"outcomes"`
	Links        []string     `json:"links"`
	Parent       *string      `json:"parent"`
	Updates      []updateJSON `json:"updates"`
	// DeadlineHistory is null outside a git repository and for an action not yet committed.
	DeadlineHistory *render.SlipRecord `json:"deadline_history"`
}

type updateJSON struct {
	Date     string  `json:"date"`
	Status   *string `json:"status"`
	RAG      *string `json:"rag"`
	Note     string  `json:"note"`
	Evidence *string `json:"evidence"`
}

// deadlineHistory is how the action's deadline has moved through git; nil when the plans are not
// in a git repository (or git is not installed), which show does not treat as an error.
func deadlineHistory(env *Env, paths []string, id string, l *loaded) *slipInfo {
	repo, err := openPlanRepo(env, paths)
	if err != nil {
		return nil
	}
	h, err := history.Load(repo.git, "HEAD", repo.under, l.Registry)
	if err != nil {
		return nil
	}
	return &slipInfo{history.SlipOf(h.Action(id))}
}

// slipInfo is what show knows of an action's history: a nil Slip means not committed yet.
type slipInfo struct{ Slip *history.Slip }

func showRecord(r query.Row, si *slipInfo) showJSON {
	a := r.Action
	out := showJSON{ActionRecord: render.ActionRecords([]query.Row{r})[0], PlanTitle: r.Plan.Title,
		SectionTitle: r.Section.Title, Promise: optional(r.Section.Promise), LeadsAsGiven: nonEmpty(a.EffectiveLeads()),
		Outcomes: nonEmpty(a.Outcomes), Links: nonEmpty(a.Links), Updates: []updateJSON{}}
	if si != nil {
		out.DeadlineHistory = render.NewSlipRecord(si.Slip)
	}
	if a.Parent != "" {
		out.Parent = &a.Parent
	}
	for _, u := range a.Updates {
		uj := updateJSON{Date: u.Date.Format("2006-01-02"), Note: u.Note}
		if u.Evidence != "" {
			uj.Evidence = &u.Evidence
		}
		if u.Status != "" {
			s := string(u.Status)
			uj.Status = &s
		}
		if u.RAG != "" {
			s := string(u.RAG)
			uj.RAG = &s
		}
		out.Updates = append(out.Updates, uj)
	}
	return out
}

func nonEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func showDoc(r query.Row, si *slipInfo) render.Doc {
	a := r.Action
	d := render.Doc{Title: a.ID}
	fields := [][]string{
		{"Plan", fmt.Sprintf("%s: %s (%s)", r.Plan.ID, r.Plan.Title, r.Plan.Council)},
		{"Section", fmt.Sprintf("%s: %s", r.Section.ID, r.Section.Title)},
	}
	if r.Section.Promise != "" {
		fields = append(fields, []string{"Promise", r.Section.Promise})
	}
	if a.Text != "" {
		fields = append(fields, []string{"Action", a.Text})
	}
	if a.Parent != "" {
		fields = append(fields, []string{"Part of", a.Parent})
	}
	fields = append(fields, []string{"Deadline", deadlineWords(r)})
	if si != nil {
		h := "not committed yet"
		if s := si.Slip; s != nil {
			h = render.SlipWords(s)
			if s.Moves > 0 {
				h += fmt.Sprintf(" Last moved in %s on %s; 'cpp log %s' shows each change.", s.LastMove.Short(), render.Date(s.LastMove.Date), a.ID)
			}
		}
		fields = append(fields, []string{"Deadline history", h})
	}
	leads := strings.Join(r.Leads, ", ")
	if len(a.Leads) == 0 && len(r.Leads) > 0 {
		leads += " (the section's delivering teams)"
	}
	if leads == "" {
		leads = "-"
	}
	fields = append(fields,
		[]string{"Leads", leads},
		[]string{"Status", render.StatusWord(a.Status)},
		[]string{"RAG", render.RAGWord(a.RAG)},
	)
	for i, o := range a.Outcomes {
		label := ""
		if i == 0 {
			label = "Outcomes"
		}
		fields = append(fields, []string{label, o})
	}
	if len(a.Links) > 0 {
		fields = append(fields, []string{"Links", strings.Join(a.Links, "; ")})
	}
	if len(a.Tags) > 0 {
		fields = append(fields, []string{"Tags", strings.Join(a.Tags, ", ")})
	}
	fields = append(fields, []string{"File", fmt.Sprintf("%s:%d", r.Plan.File, a.Pos.Line)})
	d.Blocks = append(d.Blocks, render.Block{Header: []string{"Field", "Value"}, Rows: fields, Wide: []int{1}, RAGColumn: -1})
	upd := render.Block{Heading: "Progress updates", Header: []string{"Date", "Status", "RAG", "Note"}, Wide: []int{3}, RAGColumn: 2,
		Empty: "No progress updates yet."}
	for _, u := range a.Updates {
		status := "-"
		if u.Status != "" {
			status = render.StatusWord(u.Status)
		}
		upd.Rows = append(upd.Rows, []string{render.Date(u.Date), status, render.RAGWord(u.RAG), u.Words()})
	}
	d.Blocks = append(d.Blocks, upd)
	return d
}

// deadlineWords is a deadline as written and as dates: "Q3 2025 (1 Jul 2025 – 30 Sep 2025, calendar quarter; due 30 Sep 2025, 12 days late)".
func deadlineWords(r query.Row) string {
	a := r.Action
	switch {
	case !a.HasDeadline:
		return "none given"
	case a.DeadlineErr != nil:
		return a.Deadline.Text + " (cannot be read)"
	case r.Recurring:
		return recurringWords(r)
	case a.Deadline.Kind == deadline.ToBeConfirmed:
		return a.Deadline.Text + " (to be confirmed: no date yet)"
	case !r.HasDue():
		return a.Deadline.Text + " (open-ended)"
	}
	d := a.Deadline
	unit := string(d.Unit)
	if d.Unit == deadline.Quarter {
		unit = d.Convention.String() + " quarter"
	}
	s := fmt.Sprintf("%s (%s – %s, %s; due %s", d.Text, render.Date(d.Start), render.Date(d.End), unit, render.Date(r.Due))
	if r.DaysLate > 0 {
		s += fmt.Sprintf(", %s late", words.Count(r.DaysLate, "day", "days"))
	}
	return s + ")"
}

// recurringWords is a recurring deadline with the occurrence that matters today: "annually
// (recurring: annually; missed 1 Jan 2025 – 31 Dec 2025, due 31 Dec 2025, 15 days late)", or the
// next one to fall due.
func recurringWords(r query.Row) string {
	a := r.Action
	s := fmt.Sprintf("%s (recurring: %s", a.Deadline.Text, a.Deadline.Every)
	if !a.From.IsZero() {
		s += " from " + render.Date(a.From)
	}
	switch {
	case r.DaysLate > 0:
		s += fmt.Sprintf("; missed %s – %s, due %s, %s late", render.Date(r.Start), render.Date(r.Due), render.Date(r.Due), words.Count(r.DaysLate, "day", "days"))
	case r.HasDue():
		s += fmt.Sprintf("; next %s – %s, due %s", render.Date(r.Start), render.Date(r.Due), render.Date(r.Due))
	}
	return s + ")"
}

// looksLikeID tells a second action id from a path given after the id: an id has no slash, no
// .yaml ending, and names nothing on disk.
func looksLikeID(arg string) bool {
	if strings.ContainsAny(arg, `/\`) || planfile.IsPlanFile(arg) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}
