package query

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// Window is a span of dates asked about. A quarter written without a financial year ("Q3 2025")
// is read in each plan's own convention, so it may cover different dates for different plans; the
// quarter holding a day ("this quarter") covers the same dates for every plan but is named in
// each plan's convention.
type Window struct {
	// Label names a window given by the user; a window around a day is named by Name instead.
	Label string
	// Fixed is the span when it does not depend on the plan (a month, a date range, "Q3 2025/26").
	Fixed *deadline.Deadline
	// Quarter and Year are set for a bare quarter, read per plan.
	Quarter, Year int
	// At, when set, makes the window the quarter holding that day (see deadline.QuarterContaining).
	At time.Time
}

// ThisQuarter is the quarter holding day: what every command means by "this quarter" and uses
// when it is given no period.
func ThisQuarter(day time.Time) Window { return Window{At: day} }

// ParseQuarter reads the --quarter flag: "Q3-2025", "Q3 2025", "2025Q3" (read in each plan's
// convention), or "Q3-2025/26" (financial).
func ParseQuarter(s string) (Window, error) {
	d, err := deadline.Parse(s, deadline.Calendar)
	if err != nil || d.Kind != deadline.Dated || d.Unit != deadline.Quarter || d.By {
		return Window{}, quarterError(s, err)
	}
	if d.Convention == deadline.Financial {
		return Window{Label: deadline.QuarterName(d), Fixed: &d}, nil
	}
	q := int(d.Start.Month()-1)/3 + 1
	return Window{Label: deadline.QuarterName(d), Quarter: q, Year: d.Start.Year()}, nil
}

func quarterError(s string, err error) error {
	var de *deadline.Error
	if e, ok := err.(*deadline.Error); ok {
		de = e
	}
	if de != nil && strings.Contains(de.Problem, "quarter") {
		return fmt.Errorf("invalid quarter %q: %s (%s)", s, de.Problem, de.Hint)
	}
	return fmt.Errorf("invalid quarter %q: write it as Q3-2025 (read in each plan's convention) or Q3-2025/26 (financial)", s)
}

// ParseMonth reads the --month flag: "2025-09" or "September 2025".
func ParseMonth(s string) (Window, error) {
	d, err := deadline.Parse(s, deadline.Calendar)
	if err != nil || d.Kind != deadline.Dated || d.Unit != deadline.Month || d.By {
		if e, ok := err.(*deadline.Error); ok {
			return Window{}, fmt.Errorf("invalid month %q: %s (write it as 2025-09)", s, e.Problem)
		}
		return Window{}, fmt.Errorf("invalid month %q: write it as 2025-09", s)
	}
	return Window{Label: d.Start.Format("January 2006"), Fixed: &d}, nil
}

// Range is a window between two dates, both included.
func Range(from, to time.Time) Window {
	d := deadline.Deadline{Kind: deadline.Dated, Start: from, End: to, Unit: deadline.Day}
	return Window{Label: words.Day(from) + " to " + words.Day(to), Fixed: &d}
}

func convOf(p *plan.Plan) deadline.Convention {
	if p == nil {
		return deadline.Calendar
	}
	return p.Quarters
}

// period is the window as a period for plans of one convention.
func (w Window) period(conv deadline.Convention) deadline.Deadline {
	switch {
	case w.Fixed != nil:
		return *w.Fixed
	case !w.At.IsZero():
		return deadline.QuarterContaining(w.At, conv)
	}
	d, _ := deadline.Parse(fmt.Sprintf("Q%d %d", w.Quarter, w.Year), conv)
	return d
}

// Span is the dates a window covers for a plan, and the convention it was read in.
func (w Window) Span(p *plan.Plan) (start, end time.Time, conv deadline.Convention) {
	d := w.period(convOf(p))
	return d.Start, d.End, d.Convention
}

// Next is the quarter after the window, read the way the window is: the quarter after a bare
// quarter is read per plan, the one after a financial quarter is financial, and the one after a
// month or a range is the quarter holding the day after it, named in each plan's convention.
func (w Window) Next() Window {
	switch {
	case !w.At.IsZero():
		return ThisQuarter(deadline.QuarterContaining(w.At, deadline.Calendar).End.AddDate(0, 0, 1))
	case w.Fixed == nil:
		q, y := w.Quarter+1, w.Year
		if q > 4 {
			q, y = 1, y+1
		}
		return Window{Label: fmt.Sprintf("Q%d %d", q, y), Quarter: q, Year: y}
	case w.Fixed.Unit == deadline.Quarter:
		n := deadline.NextQuarter(*w.Fixed, w.Fixed.Convention)
		return Window{Label: n.Text, Fixed: &n}
	}
	return ThisQuarter(w.Fixed.End.AddDate(0, 0, 1))
}

// conventions are the quarter conventions of plans, calendar first; calendar alone when there are
// no plans.
func conventions(plans []*plan.Plan) (convs []deadline.Convention, ids map[deadline.Convention][]string) {
	ids = map[deadline.Convention][]string{}
	for _, p := range plans {
		ids[p.Quarters] = append(ids[p.Quarters], p.ID)
	}
	for _, c := range []deadline.Convention{deadline.Calendar, deadline.Financial} {
		if len(ids[c]) > 0 {
			convs = append(convs, c)
		}
	}
	if len(convs) == 0 {
		convs = []deadline.Convention{deadline.Calendar}
	}
	return convs, ids
}

// Name is what to call the window for these plans: its label, or for the quarter around a day,
// the quarter's name in each convention the plans use ("Q1 2026 / Q4 2025/26").
func (w Window) Name(plans []*plan.Plan) string {
	if w.At.IsZero() {
		return w.Label
	}
	convs, _ := conventions(plans)
	names := make([]string, len(convs))
	for i, c := range convs {
		names[i] = w.period(c).Text
	}
	return strings.Join(names, " / ")
}

// Describe says what dates a window covers for the given plans, and in which convention: "Q3 2025,
// calendar: 1 Jul 2025 – 30 Sep 2025". When the plans read it differently, each convention's
// reading is given with the plans that read it so.
func (w Window) Describe(plans []*plan.Plan) string {
	if w.Fixed != nil {
		if w.Fixed.Unit == deadline.Quarter {
			return fmt.Sprintf("%s, %s: %s", w.Label, w.Fixed.Convention, words.Span(w.Fixed.Start, w.Fixed.End))
		}
		return fmt.Sprintf("%s: %s", w.Label, words.Span(w.Fixed.Start, w.Fixed.End))
	}
	convs, ids := conventions(plans)
	if len(convs) == 1 {
		d := w.period(convs[0])
		return fmt.Sprintf("%s, %s: %s", w.Name(plans), convs[0], words.Span(d.Start, d.End))
	}
	parts := make([]string, len(convs))
	for i, c := range convs {
		d := w.period(c)
		parts[i] = fmt.Sprintf("%s: %s (%s)", c, words.Span(d.Start, d.End), strings.Join(ids[c], ", "))
		if !w.At.IsZero() {
			parts[i] = d.Text + ", " + parts[i]
		}
	}
	if !w.At.IsZero() {
		return strings.Join(parts, "; ")
	}
	return w.Label + ", " + strings.Join(parts, "; ")
}

// LastFullQuarter is the quarter that has ended on or before day (see deadline.LastFullQuarter):
// the period a quarterly report covers when it is given none. Calendar and financial quarters are
// the same months, so it is one window, named in each plan's convention.
func LastFullQuarter(day time.Time) Window {
	return ThisQuarter(deadline.LastFullQuarter(day, deadline.Calendar).Start)
}

// Words names the window as a board paper does, in the conventions the plans use: "Quarter 2
// 2025/26: July to September 2025", or for plans of both conventions "Quarter 3 2025 / Quarter 2
// 2025/26: July to September 2025". A window that is not a quarter is named by its label.
func (w Window) Words(plans []*plan.Plan) string {
	if w.Fixed != nil && w.Fixed.Unit != deadline.Quarter {
		return w.Label
	}
	convs, _ := conventions(plans)
	var names, months, whole []string
	for _, c := range convs {
		d := w.period(c)
		names = append(names, "Quarter "+strings.TrimPrefix(deadline.QuarterName(d), "Q"))
		months = append(months, deadline.MonthsWords(d))
		whole = append(whole, deadline.QuarterWords(d)+" ("+c.String()+")")
		if w.Fixed != nil {
			break // a financial quarter names the same months for every plan
		}
	}
	for _, m := range months[1:] {
		if m != months[0] {
			return strings.Join(whole, "; ")
		}
	}
	return strings.Join(names, " / ") + ": " + months[0]
}
