package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
)

type dueOptions struct {
	filterOptions
	Quarter, Month, From, To, Within string
	Paths                            []string
}

func newDueCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &dueOptions{}
	c := &cobra.Command{
		Use:   "due [PATH...]",
		Short: "Actions whose deadline falls in a quarter, a month or a date range",
		Long: `List the actions whose deadline falls due in a window. A quarter written without a
financial year (Q3-2025) is read in each plan's own convention; Q3-2025/26 is always financial.
A recurring deadline (monthly, Reviewed annually) is listed when one of its occurrences falls due
in the window, with that occurrence's due date. With no window, the current quarter.`,
		Example: `  cpp due --quarter Q3-2025
  cpp due --quarter Q3-2025/26 --lead "Virtual School"
  cpp due --month 2025-09 --format csv
  cpp due --within 30d`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runDue(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "due")
	fl := c.Flags()
	fl.StringVarP(&opts.Quarter, "quarter", "q", "", "a quarter: Q3-2025 (each plan's convention) or Q3-2025/26 (financial)")
	fl.StringVar(&opts.Month, "month", "", "a month: 2025-09")
	fl.StringVar(&opts.From, "from", "", "from this date (YYYY-MM-DD), with --to")
	fl.StringVar(&opts.To, "to", "", "to this date (YYYY-MM-DD), with --from")
	fl.StringVar(&opts.Within, "within", "", "from today for this long: 30d, 6w or 3m")
	return c
}

// window turns the window flags into a query window; exactly one kind may be given.
func (o *dueOptions) window(today time.Time) (query.Window, error) {
	given := 0
	for _, s := range []string{o.Quarter, o.Month, o.From + o.To, o.Within} {
		if s != "" {
			given++
		}
	}
	if given > 1 {
		return query.Window{}, usageErrorf("give one of --quarter, --month, --from/--to or --within", "conflicting windows")
	}
	switch {
	case o.Quarter != "":
		w, err := query.ParseQuarter(o.Quarter)
		if err != nil {
			return w, usageErrorf("", "%s", err)
		}
		return w, nil
	case o.Month != "":
		w, err := query.ParseMonth(o.Month)
		if err != nil {
			return w, usageErrorf("", "%s", err)
		}
		return w, nil
	case o.From != "" || o.To != "":
		if o.From == "" || o.To == "" {
			return query.Window{}, usageErrorf("give both, as in --from 2025-07-01 --to 2025-09-30", "--from and --to go together")
		}
		from, err := flagDate("--from", o.From)
		if err != nil {
			return query.Window{}, err
		}
		to, err := flagDate("--to", o.To)
		if err != nil {
			return query.Window{}, err
		}
		if to.Before(from) {
			return query.Window{}, usageErrorf("swap them", "--to %s is before --from %s", o.To, o.From)
		}
		return query.Range(from, to), nil
	case o.Within != "":
		end, err := within(today, o.Within)
		if err != nil {
			return query.Window{}, err
		}
		w := query.Range(today, end)
		w.Label = "the next " + o.Within
		return w, nil
	}
	return query.ThisQuarter(today), nil
}

// maxWithin bounds --within at about ten years in each unit: a board looks a quarter or a year
// ahead, and a longer span is a typo (36500d).
var maxWithin = map[byte]int{'d': 3660, 'w': 522, 'm': 120}

// within reads "30d", "6w" or "3m" as a span from today.
func within(today time.Time, s string) (time.Time, error) {
	bad := usageErrorf("write a number and a unit: 30d (days), 6w (weeks) or 3m (months)", "invalid --within %q", s)
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 {
		return today, bad
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 || maxWithin[unit] == 0 {
		return today, bad
	}
	if n > maxWithin[unit] {
		return today, usageErrorf("for a longer span use --from and --to", "--within %s is too long: at most ten years (%dd, %dw or %dm)", s, maxWithin['d'], maxWithin['w'], maxWithin['m'])
	}
	switch unit {
	case 'd':
		return today.AddDate(0, 0, n), nil
	case 'w':
		return today.AddDate(0, 0, 7*n), nil
	}
	return deadline.AddMonths(today, n), nil
}

func runDue(env *Env, g *globalOptions, opts *dueOptions) error {
	var w query.Window
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, func(today time.Time) (*query.Window, error) {
		var err error
		w, err = opts.window(today)
		return &w, err
	})
	if err != nil {
		return err
	}
	rows, f, st, l := q.Rows, q.Filter, q.Style, q.Loaded
	doc := render.Doc{Title: fmt.Sprintf("Due in %s: %s", w.Describe(plansOf(l, f)), plural(len(rows), "action", "actions"))}
	doc.Blocks = planBlocks(rows, render.ActionColumnsFor{Late: f.Overdue})
	if err := writeActions(env, opts.Format, st, doc, rows); err != nil {
		return err
	}
	return l.finish()
}

// plansOf are the plans a filter looks at, for describing a window.
func plansOf(l *loaded, f query.Filter) []*plan.Plan {
	var out []*plan.Plan
	for _, p := range l.Plans {
		if len(f.Plans) == 0 || query.ContainsFold(f.Plans, p.ID) {
			out = append(out, p)
		}
	}
	return out
}
