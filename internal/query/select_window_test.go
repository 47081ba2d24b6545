package query

import (
	"fmt"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Select leaves out an action whose one due date is outside a window before it makes the
// action's row; the answer must be what making every row and keeping those in the window gives,
// over the bundled plans (recurring, ranged, undated and unreadable deadlines among them), in
// every quarter and month of five years, as of days before, during and after them.
func TestSelectWindowIsEveryRowInIt(t *testing.T) {
	files, ds := planfile.Expand([]string{"../../plans"})
	if len(ds) > 0 {
		t.Fatal(ds[0].OneLine())
	}
	var plans []*plan.Plan
	var leads []*plan.Lead
	for _, f := range planfile.LoadAll(files, planfile.Options{}) {
		if f.Plan != nil {
			plans = append(plans, f.Plan)
		}
		leads = append(leads, f.Leads...)
	}
	reg := plan.NewRegistry(leads)
	var windows []Window
	for y := 2024; y <= 2028; y++ {
		for q := 1; q <= 4; q++ {
			windows = append(windows, mustQuarter(t, fmt.Sprintf("Q%d-%d", q, y)))
		}
		for m := 1; m <= 12; m++ {
			windows = append(windows, mustMonth(t, fmt.Sprintf("%d-%02d", y, m)))
		}
	}
	kept := 0
	for _, today := range []string{"2024-01-15", "2025-10-01", "2029-06-30"} {
		for _, w := range windows {
			f := Filter{Window: &w, Today: day(today)}
			got := Select(plans, reg, f)
			var want []Row
			for _, p := range plans {
				start, end, _ := w.Span(p)
				for _, s := range p.Sections {
					for _, a := range s.Actions {
						r := NewRow(p, s, a, reg, f.Today)
						if r.Recurring {
							r = r.inWindow(start, end)
						}
						if r.HasDue() && !r.Due.Before(start) && !r.Due.After(end) {
							want = append(want, r)
						}
					}
				}
			}
			if fmt.Sprint(rowsSeen(got)) != fmt.Sprint(rowsSeen(want)) {
				t.Errorf("%s as of %s:\n got %v\nwant %v", w.Name(plans), today, rowsSeen(got), rowsSeen(want))
			}
			kept += len(got)
		}
	}
	if kept == 0 {
		t.Fatal("no window kept any action: the comparison proves nothing")
	}
}

// rowsSeen is what a listing shows of each row that a window decides: its id, due date and days
// late.
func rowsSeen(rows []Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = fmt.Sprintf("%s %s %d", r.Action.ID, r.Due.Format("2006-01-02"), r.DaysLate)
	}
	return out
}
