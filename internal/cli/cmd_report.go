package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/report"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
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

// leftOut names the files a report leaves out, for the notice at its top.
func leftOut(l *loaded) []report.LeftOut {
	var out []report.LeftOut
	for _, f := range l.Broken {
		d, _ := f.FirstError()
		out = append(out, report.LeftOut{File: f.Path, Error: d.OneLine()})
	}
	return out
}

// maxStaleDays is a century: a note older than that is stale under any rule a board would set.
const maxStaleDays = 36500

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
	ro, err := opts.options(env, g)
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
	ro.LeftOut = leftOut(l)
	if opts.Since != "" {
		if ro.Changes, err = changesSince(env, opts, plans); err != nil {
			return err
		}
	}
	// The plan files' text, so that personal text is named where it starts, as validate names it.
	sources := map[string][]byte{}
	source := func(file string) []byte {
		if data, ok := sources[file]; ok {
			return data
		}
		data, _ := safewrite.ReadFile(file, planfile.MaxSize)
		sources[file] = data
		return data
	}
	doc, found, err := report.Publish(plans, l.Registry, ro, report.PublishOptions{For: opts.For, Format: opts.Format, Redact: opts.Redact, Source: source})
	if err != nil {
		return err
	}
	warnPersonal(env, found, opts.Redact)
	if opts.For == report.ForYoungPeople {
		// The board's pack lists these in its body; the young people's version cannot, so
		// whoever makes it is told which it left out of "What happens next".
		rows := query.NotPlaced(plans, l.Registry, query.Filter{Today: ro.AsOf})
		noteNotPlacedAs(env, rows, fmt.Sprintf("left out of \"What happens next\", as cpp cannot say when %s",
			words.Pick(len(rows), "it falls due", "they fall due")))
	}
	// The report is never written over a plan it was made from, however the path is spelt.
	if err := writeOutput(env, opts.Output, doc, l.Files, ""); err != nil {
		return err
	}
	return l.Finish()
}

// options checks the flags and settles the report's date (--as-of, else today) and period
// (--period, else the date's quarter).
func (opts *reportOptions) options(env *Env, g *globalOptions) (report.Options, error) {
	if !opts.formatGiven {
		switch strings.ToLower(filepath.Ext(opts.Output)) {
		case ".html", ".htm":
			opts.Format = "html"
		}
	}
	// NaN compares false with everything, so this form turns it away too.
	if !(opts.Tolerance >= 0 && opts.Tolerance < 1) {
		return report.Options{}, exitcode.Usagef("write a fraction such as 0.1 (within 10% of target is green)",
			"invalid --tolerance %v: it is a fraction of the target, at least 0 and less than 1", opts.Tolerance)
	}
	if opts.StaleDays < 1 || opts.StaleDays > maxStaleDays {
		return report.Options{}, exitcode.Usagef("write a number of days such as 90", "invalid --stale-days %d: it is a whole number of days from 1 to %d", opts.StaleDays, maxStaleDays)
	}
	asOf, err := g.today(env)
	if err != nil {
		return report.Options{}, err
	}
	if opts.AsOf.given != "" {
		asOf = opts.AsOf.value
	}
	period := query.LastFullQuarter(asOf)
	if opts.Period.given != "" {
		period = opts.Period.window
		// A bare quarter is read in the repository's convention when cpp.yaml gives one.
		if opts.quarters != nil {
			if period, err = query.ParseQuarterIn(opts.Period.given, *opts.quarters); err != nil {
				return report.Options{}, exitcode.Usagef("", "invalid --period: %s", strings.TrimPrefix(err.Error(), "invalid quarter "))
			}
		}
	}
	// --detail is checked as it is read (enumFlag), so this cannot fail.
	detail, err := report.ParseDetail(opts.Detail)
	if err != nil {
		return report.Options{}, err
	}
	return report.Options{Title: opts.title, AsOf: asOf, Period: period, StaleDays: opts.StaleDays, Tolerance: opts.Tolerance, Detail: detail}, nil
}

// warnPersonal names on stderr the text that looks like personal data, which the report
// publishes, or removed with --redact.
func warnPersonal(env *Env, found []report.PersonalText, redact bool) {
	verb := "publishes"
	if redact {
		verb = "removed"
	}
	for _, f := range found {
		fmt.Fprintf(env.Stderr, "cpp: warning: %s: the report %s what looks like %s: %q\n", termsafe.Line(fmt.Sprintf("%s:%d:%d", f.File, f.Pos.Line, f.Pos.Col)), verb, f.Kind, termsafe.Line(f.Text))
	}
	if len(found) > 0 && !redact {
		fmt.Fprintf(env.Stderr, "  hint: take it out of the plan, or run the report again with --redact\n")
	}
}
