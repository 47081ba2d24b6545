package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/report"
)

type reportOptions struct {
	Plans     []string
	AsOf      dateFlag
	Period    quarterFlag
	Format    string
	Output    string
	Since     string
	StaleDays int
	Tolerance float64
	Detail    string
	Paths     []string
	For       string
	Redact    bool
	// formatGiven says --format was given; otherwise -o FILE's extension may choose it.
	formatGiven bool
	// From the repository's cpp.yaml: the title, and the convention a bare --period is read in.
	title    string
	quarters *deadline.Convention
}

// fromConfig takes the defaults the repository's cpp.yaml gives for what the flags leave out.
func (opts *reportOptions) fromConfig(env *Env, c *cobra.Command) error {
	cfg, err := repoConfig(env)
	if err != nil {
		return err
	}
	if cfg.Report.StaleDays != 0 && !c.Flags().Changed("stale-days") {
		opts.StaleDays = cfg.Report.StaleDays
	}
	if cfg.Report.Tolerance != nil && !c.Flags().Changed("tolerance") {
		opts.Tolerance = *cfg.Report.Tolerance
	}
	opts.title = cfg.Report.Title
	if cfg.QuartersSet {
		opts.quarters = &cfg.Quarters
	}
	return nil
}

func newReportCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &reportOptions{}
	c := &cobra.Command{
		Use:   "report [PATH...]",
		Short: "The board pack (at a glance, what needs the board's attention, progress, coming up, measures, changes) or the young people's version, in Markdown or HTML",
		Example: `  cpp report --as-of 2025-12-31 --format markdown
  cpp report --plan camden-cp --period Q3-2025 --format html -o board-report.html
  cpp report --since v2025-q2 -o report.md
  cpp report --detail full -o board-full.html
  cpp report --for young-people --redact -o you-said-we-did.html`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			opts.formatGiven = c.Flags().Changed("format")
			if err := opts.fromConfig(env, c); err != nil {
				return err
			}
			return runReport(env, g, opts)
		},
	}
	fl := c.Flags()
	fl.StringSliceVar(&opts.Plans, "plan", nil, "only these plans (ids); default every plan, with a combined summary")
	opts.AsOf.name = "as-of"
	fl.Var(&opts.AsOf, "as-of", "the report date, YYYY-MM-DD (default --today, $CPP_TODAY or the clock)")
	opts.Period.name = "period"
	fl.Var(&opts.Period, "period", "the reporting period, a quarter: Q3-2025 (in cpp.yaml's quarters, else each plan's) or Q3-2025/26 (default the last quarter ended on or before the report date)")
	format := formatFlag(&opts.Format, "markdown", "markdown", "html")
	fl.VarP(format, "format", "f", format.help("output format")+" (default: html for -o FILE ending .html or .htm)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to this file (atomically; never a plan file it reads) instead of standard output; - for standard output")
	fl.StringVar(&opts.Since, "since", "", "list changes since this git revision (a tag, branch or commit)")
	fl.IntVar(&opts.StaleDays, "stale-days", 90, "flag an exception whose latest note is older than this many days (default: cpp.yaml's report.stale_days, else 90)")
	opts.Detail = report.DetailNames[report.Board]
	detail := enumOf(&opts.Detail, "invalid --detail %q", report.DetailNames...)
	fl.Var(detail, "detail", detail.help("how much to show (board: the pack; full: adds every action's row and note, every measure, the timeline by section)"))
	fl.Float64Var(&opts.Tolerance, "tolerance", report.DefaultTolerance, "how far from target (a fraction) a measure may be and still be green (default: cpp.yaml's report.tolerance, else 0.1)")
	opts.For = report.ForBoard
	fl.Var(enumOf(&opts.For, "invalid --for %q", report.Audiences...), "for", "who the report is for: "+strings.Join(report.Audiences, " or ")+" (You said, we did: only what the plan shares with them)")
	fl.BoolVar(&opts.Redact, "redact", false, "replace text that looks like personal data (a child's initial and age, a postcode, a name with a title...) with [removed]")
	return c
}

func runReport(env *Env, g *globalOptions, opts *reportOptions) error {
	job, err := report.Prepare(opts.request(env, g))
	if err != nil {
		return err
	}
	l, err := loadPlans(env, opts.Paths)
	if err != nil {
		return err
	}
	plans, err := plansNamed(env, l, opts.Plans)
	if err != nil {
		return err
	}
	made, err := job.Make(plans, l.Registry, l.Broken)
	if err != nil {
		return err
	}
	fmt.Fprint(env.Stderr, made.Warnings)
	noteNotPlacedAs(env, made.NotPlaced, made.NotPlacedWhat)
	// The report is never written over a plan it was made from, however the path is spelt.
	if err := writeOutput(env, opts.Output, made.Doc, l.Files, ""); err != nil {
		return err
	}
	return l.Finish()
}

// request is the flags as the report reads them; the repository is opened only for --since.
func (opts *reportOptions) request(env *Env, g *globalOptions) report.Request {
	return report.Request{Title: opts.title, Format: opts.Format, FormatGiven: opts.formatGiven, Output: opts.Output,
		Tolerance: opts.Tolerance, StaleDays: opts.StaleDays, Detail: opts.Detail, For: opts.For, Redact: opts.Redact,
		Today: func() (time.Time, error) { return g.today(env) }, AsOf: opts.AsOf.value,
		PeriodGiven: opts.Period.given, Period: opts.Period.window, Quarters: opts.quarters,
		Since: opts.Since, Repo: func() (*gitrev.PlanRepo, error) { return openPlanRepo(env, opts.Paths) }}
}
