package cli

import (
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/query"
)

// windowOptions are the flags that name a span of dates: due lists what falls due in it, and
// leads and status count it.
type windowOptions struct {
	Quarter, Month, From, To, Within string
}

func addWindowFlags(c *cobra.Command, o *windowOptions) {
	fl := c.Flags()
	fl.StringVarP(&o.Quarter, "quarter", "q", "", "a quarter: Q3-2025 (each plan's convention) or Q3-2025/26 (financial)")
	fl.StringVar(&o.Month, "month", "", "a month: 2025-09")
	fl.StringVar(&o.From, "from", "", "from this date (YYYY-MM-DD), with --to")
	fl.StringVar(&o.To, "to", "", "to this date (YYYY-MM-DD), with --from")
	fl.StringVar(&o.Within, "within", "", "from today for this long: 30d, 6w or 3m")
}

// given says whether any window flag was given.
func (o *windowOptions) given() bool {
	return o.Quarter+o.Month+o.From+o.To+o.Within != ""
}

// window turns the window flags into a query window; exactly one kind may be given.
func (o *windowOptions) window(today time.Time) (query.Window, error) {
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
