package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/query"
)

// windowOptions are the flags that name a span of dates: due lists what falls due in it, and
// leads and status count it.
type windowOptions struct {
	Quarter  quarterFlag
	Month    string
	From, To dateFlag
	Within   string
}

func addWindowFlags(c *cobra.Command, o *windowOptions) {
	fl := c.Flags()
	o.Quarter.name, o.From.name, o.To.name = "quarter", "from", "to"
	fl.VarP(&o.Quarter, "quarter", "q", "a quarter: Q3-2025 (each plan's convention) or Q3-2025/26 (financial)")
	fl.StringVar(&o.Month, "month", "", "a month: 2025-09")
	fl.Var(&o.From, "from", "from this date (YYYY-MM-DD), with --to")
	fl.Var(&o.To, "to", "to this date (YYYY-MM-DD), with --from")
	fl.StringVar(&o.Within, "within", "", "from today for this long: 30d, 6w or 3m")
}

// given says whether any window flag was given.
func (o *windowOptions) given() bool {
	return o.Quarter.given+o.Month+o.From.given+o.To.given+o.Within != ""
}

// window is the window the flags ask for, or this quarter; query.WindowAsked decides.
func (o *windowOptions) window(today time.Time) (query.Window, error) {
	a := query.WindowAsked{Month: o.Month, From: o.From.value, To: o.To.value, Within: o.Within}
	if o.Quarter.given != "" {
		a.Quarter = &o.Quarter.window
	}
	return a.Choose(today)
}

// windowedOptions are the flags of due, leads and status: the filters, and a window (this
// quarter when none is given) whose actions due lists, and leads and status count.
type windowedOptions struct {
	filterOptions
	windowOptions
	Paths []string
}
