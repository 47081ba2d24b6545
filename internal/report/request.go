package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/config"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// Request is what cpp report is asked for: its flags, with the defaults the repository's cpp.yaml
// gives for what they leave out.
type Request struct {
	Title       string // cpp.yaml's title; "" for the plans'
	Format      string // "markdown" or "html"
	FormatGiven bool   // else an Output ending .html or .htm makes the report HTML
	Output      string
	Tolerance   float64
	StaleDays   int
	Detail      string // one of DetailNames
	For         string // one of Audiences
	Redact      bool
	// Today is the clock; AsOf, when not zero, is the report date instead.
	Today func() (time.Time, error)
	AsOf  time.Time
	// PeriodGiven is --period as typed ("" for the last quarter ended on or before the report
	// date) and Period the quarter it names in each plan's convention; Quarters, when set, is
	// the repository's convention, which a bare quarter is read in instead.
	PeriodGiven string
	Period      query.Window
	Quarters    *deadline.Convention
	// Since is the git revision whose plans the report lists the changes since; Repo opens the
	// plans' repository, and is called only then.
	Since string
	Repo  func() (*gitrev.PlanRepo, error)
}

// Job is a request checked, with its date, period and format settled: ready to make from plans.
type Job struct {
	req  Request
	opts Options
}

// Prepare checks a request and settles the report's format (--format, else the output file's
// extension), date (--as-of, else today) and period (--period, else the date's last full
// quarter). A value out of range is bad usage.
func Prepare(req Request) (*Job, error) {
	if !req.FormatGiven {
		switch strings.ToLower(filepath.Ext(req.Output)) {
		case ".html", ".htm":
			req.Format = "html"
		}
	}
	if err := req.checkNumbers(); err != nil {
		return nil, err
	}
	today, err := req.Today()
	if err != nil {
		return nil, err
	}
	asOf := today
	if !req.AsOf.IsZero() {
		asOf = req.AsOf
	}
	period, err := req.period(asOf)
	if err != nil {
		return nil, err
	}
	detail, err := ParseDetail(req.Detail)
	if err != nil {
		return nil, err
	}
	return &Job{req: req, opts: Options{Title: req.Title, AsOf: asOf, Period: period, StaleDays: req.StaleDays, Tolerance: req.Tolerance, Detail: detail}}, nil
}

// checkNumbers refuses a tolerance that is not a fraction and a number of days out of range.
func (req Request) checkNumbers() error {
	// NaN compares false with everything, so this form turns it away too.
	if !(req.Tolerance >= 0 && req.Tolerance < 1) {
		return exitcode.Usagef("write a fraction such as 0.1 (within 10% of target is green)",
			"invalid --tolerance %v: it is a fraction of the target, at least 0 and less than 1", req.Tolerance)
	}
	if req.StaleDays < 1 || req.StaleDays > config.MaxStaleDays {
		return exitcode.Usagef("write a number of days such as 90", "invalid --stale-days %d: it is a whole number of days from 1 to %d", req.StaleDays, config.MaxStaleDays)
	}
	return nil
}

// period is the reporting period: the quarter given, read in the repository's convention when
// cpp.yaml gives one; else the last quarter ended on or before the report date.
func (req Request) period(asOf time.Time) (query.Window, error) {
	if req.PeriodGiven == "" {
		return query.LastFullQuarter(asOf), nil
	}
	if req.Quarters == nil {
		return req.Period, nil
	}
	period, err := query.ParseQuarterIn(req.PeriodGiven, *req.Quarters)
	if err != nil {
		return query.Window{}, exitcode.Usagef("", "invalid --period: %s", strings.TrimPrefix(err.Error(), "invalid quarter "))
	}
	return period, nil
}

// Made is a report made: the document, and what its maker is told on stderr.
type Made struct {
	Doc []byte
	// Warnings name the text that looks like personal data, which the report publishes, or
	// removed with Redact: lines for stderr, "" when there is none.
	Warnings string
	// NotPlaced are the open actions the young people's report leaves out of "What happens
	// next", as cpp cannot say when they fall due, and NotPlacedWhat says so: the board's pack lists them
	// in its body, the young people's version cannot.
	NotPlaced     []query.Row
	NotPlacedWhat string
}

// Make makes the report of plans (the files in broken are named at its top as left out), with the
// changes since the request's revision when it names one.
func (j *Job) Make(plans []*plan.Plan, reg *plan.Registry, broken []*planfile.File) (*Made, error) {
	opts := j.opts
	opts.LeftOut = leftOutOf(broken)
	if j.req.Since != "" {
		repo, err := j.req.Repo()
		if err != nil {
			return nil, err
		}
		if opts.Changes, err = changesSince(repo, j.req.Since, plans); err != nil {
			return nil, err
		}
	}
	doc, found, err := Publish(plans, reg, opts, PublishOptions{For: j.req.For, Format: j.req.Format, Redact: j.req.Redact, Source: planSources()})
	if err != nil {
		return nil, err
	}
	m := &Made{Doc: doc, Warnings: personalWarnings(found, j.req.Redact)}
	if j.req.For == ForYoungPeople {
		// Only an open action is told in "What happens next": a closed one is left out of it
		// whenever it fell due, and said under what was done or stopped.
		for _, row := range query.NotPlaced(plans, reg, query.Filter{Today: opts.AsOf}) {
			if !row.Action.Closed() {
				m.NotPlaced = append(m.NotPlaced, row)
			}
		}
		m.NotPlacedWhat = fmt.Sprintf("left out of \"What happens next\", as cpp cannot say when %s",
			words.Pick(len(m.NotPlaced), "it falls due", "they fall due"))
	}
	return m, nil
}

// leftOutOf names the files a report leaves out, for the notice at its top.
func leftOutOf(broken []*planfile.File) []LeftOut {
	var out []LeftOut
	for _, f := range broken {
		d, _ := f.FirstError()
		out = append(out, LeftOut{File: f.Path, Error: d.OneLine()})
	}
	return out
}

// planSources reads the plan files' text, each once, so that personal text is named where it
// starts, as validate names it.
func planSources() func(file string) []byte {
	sources := map[string][]byte{}
	return func(file string) []byte {
		if data, ok := sources[file]; ok {
			return data
		}
		data, _ := safewrite.ReadFile(file, planfile.MaxSize)
		sources[file] = data
		return data
	}
}

// personalWarnings are the lines for stderr that name the text that looks like personal data,
// which the report publishes, or removed with redact.
func personalWarnings(found []PersonalText, redact bool) string {
	verb := "publishes"
	if redact {
		verb = "removed"
	}
	var b strings.Builder
	for _, f := range found {
		fmt.Fprintf(&b, "cpp: warning: %s: the report %s what looks like %s: %q\n",
			termsafe.Line(fmt.Sprintf("%s:%d:%d", f.File, f.Pos.Line, f.Pos.Col)), verb, f.Kind, termsafe.Line(f.Text))
	}
	if len(found) > 0 && !redact {
		b.WriteString("  hint: take it out of the plan, or run the report again with --redact\n")
	}
	return b.String()
}

// changesSince compares plans with the same plans (by id) at a git revision. The changes name the
// revision as people know it (a tag, or a date and subject): "HEAD~2" means another commit
// tomorrow. Git's failures exit 3 with one line.
func changesSince(repo *gitrev.PlanRepo, since string, plans []*plan.Plan) (*Changes, error) {
	side, err := repo.Side(since)
	if err != nil {
		return nil, gitrev.Failure(err)
	}
	then, err := repo.At(side)
	if err != nil {
		return nil, gitrev.Failure(err)
	}
	want := map[string]bool{}
	for _, p := range plans {
		want[p.ID] = true
	}
	var old []*plan.Plan
	for _, p := range then[0].Plans {
		if want[p.ID] {
			old = append(old, p)
		}
	}
	if name, err := repo.Git.Describe(since, side.Commit); err == nil {
		since = name
	}
	return Compare(since, old, plans), nil
}
