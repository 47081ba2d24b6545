package query

import (
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
)

// WindowAsked is a window as a command's flags ask for it: a quarter, a month, a range of dates or
// a span from today; at most one kind. Nothing asked is this quarter.
type WindowAsked struct {
	Quarter  *Window // read already
	Month    string
	From, To time.Time // zero when not given
	Within   string
}

// Choose is the window asked for as of today. A window that cannot be had is bad usage
// (exitcode.Usage), with a hint where one is known.
func (a WindowAsked) Choose(today time.Time) (Window, error) {
	given := 0
	for _, b := range []bool{a.Quarter != nil, a.Month != "", !a.From.IsZero() || !a.To.IsZero(), a.Within != ""} {
		if b {
			given++
		}
	}
	if given > 1 {
		return Window{}, exitcode.Usagef("give one of --quarter, --month, --from/--to or --within", "conflicting windows")
	}
	switch {
	case a.Quarter != nil:
		return *a.Quarter, nil
	case a.Month != "":
		w, err := ParseMonth(a.Month)
		if err != nil {
			return w, exitcode.Usagef("", "%s", err)
		}
		return w, nil
	case !a.From.IsZero() || !a.To.IsZero():
		return a.dates()
	case a.Within != "":
		end, err := within(today, a.Within)
		if err != nil {
			return Window{}, err
		}
		w := Range(today, end)
		w.Label = "the next " + a.Within
		return w, nil
	}
	return ThisQuarter(today), nil
}

func (a WindowAsked) dates() (Window, error) {
	if a.From.IsZero() || a.To.IsZero() {
		return Window{}, exitcode.Usagef("give both, as in --from 2025-07-01 --to 2025-09-30", "--from and --to go together")
	}
	if a.To.Before(a.From) {
		return Window{}, exitcode.Usagef("swap them", "--to %s is before --from %s", a.To.Format(time.DateOnly), a.From.Format(time.DateOnly))
	}
	return Range(a.From, a.To), nil
}

// maxWithin bounds --within at about ten years in each unit: a board looks a quarter or a year
// ahead, and a longer span is a typo (36500d).
var maxWithin = map[byte]int{'d': 3660, 'w': 522, 'm': 120}

// within reads "30d", "6w" or "3m" as a span from today.
func within(today time.Time, s string) (time.Time, error) {
	bad := exitcode.Usagef("write a number and a unit: 30d (days), 6w (weeks) or 3m (months)", "invalid --within %q", s)
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
		return today, exitcode.Usagef("for a longer span use --from and --to",
			"--within %s is too long: at most ten years (%dd, %dw or %dm)", s, maxWithin['d'], maxWithin['w'], maxWithin['m'])
	}
	switch unit {
	case 'd':
		return today.AddDate(0, 0, n), nil
	case 'w':
		return today.AddDate(0, 0, 7*n), nil
	}
	return deadline.AddMonths(today, n), nil
}
