package query

import (
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
)

// Every default period is the quarter holding today, named in each plan's convention: on 15 Jan
// 2026 a financial-year plan is in Q4 2025/26 (January to March), not Q1 2026/27.
func TestWindowsInEachConvention(t *testing.T) {
	cal := &plan.Plan{ID: "cal", Quarters: deadline.Calendar}
	fin := &plan.Plan{ID: "fin", Quarters: deadline.Financial}
	for _, tc := range []struct {
		name     string
		w        Window
		plans    []*plan.Plan
		describe string
		next     string
	}{
		{"this quarter, calendar", ThisQuarter(day("2026-01-15")), []*plan.Plan{cal},
			"Q1 2026, calendar: 1 Jan 2026 – 31 Mar 2026", "Q2 2026, calendar: 1 Apr 2026 – 30 Jun 2026"},
		{"this quarter, financial", ThisQuarter(day("2026-01-15")), []*plan.Plan{fin},
			"Q4 2025/26, financial: 1 Jan 2026 – 31 Mar 2026", "Q1 2026/27, financial: 1 Apr 2026 – 30 Jun 2026"},
		{"this quarter, both", ThisQuarter(day("2026-01-15")), []*plan.Plan{cal, fin},
			"Q1 2026, calendar: 1 Jan 2026 – 31 Mar 2026 (cal); Q4 2025/26, financial: 1 Jan 2026 – 31 Mar 2026 (fin)",
			"Q2 2026, calendar: 1 Apr 2026 – 30 Jun 2026 (cal); Q1 2026/27, financial: 1 Apr 2026 – 30 Jun 2026 (fin)"},
		{"bare quarter, financial", mustQuarter(t, "Q4-2025"), []*plan.Plan{fin},
			"Q4 2025, financial: 1 Jan 2026 – 31 Mar 2026", "Q1 2026, financial: 1 Apr 2026 – 30 Jun 2026"},
		{"financial quarter", mustQuarter(t, "Q4-2025/26"), []*plan.Plan{cal},
			"Q4 2025/26, financial: 1 Jan 2026 – 31 Mar 2026", "Q1 2026/27, financial: 1 Apr 2026 – 30 Jun 2026"},
		{"month, next is the quarter holding the day after it", mustMonth(t, "2025-12"), []*plan.Plan{fin},
			"December 2025: 1 Dec 2025 – 31 Dec 2025", "Q4 2025/26, financial: 1 Jan 2026 – 31 Mar 2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.w.Describe(tc.plans); got != tc.describe {
				t.Errorf("Describe = %q\nwant       %q", got, tc.describe)
			}
			if got := tc.w.Next().Describe(tc.plans); got != tc.next {
				t.Errorf("Next().Describe = %q\nwant              %q", got, tc.next)
			}
		})
	}
	if got := ThisQuarter(day("2026-01-15")).Name([]*plan.Plan{cal, fin}); got != "Q1 2026 / Q4 2025/26" {
		t.Errorf("Name = %q", got)
	}
}

func mustQuarter(t *testing.T, s string) Window {
	w, err := ParseQuarter(s)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func mustMonth(t *testing.T, s string) Window {
	w, err := ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A report given no period covers the quarter just ended, named as a board paper names it.
func TestLastFullQuarterWords(t *testing.T) {
	cal := &plan.Plan{ID: "cal", Quarters: deadline.Calendar}
	fin := &plan.Plan{ID: "fin", Quarters: deadline.Financial}
	for _, tc := range []struct {
		name  string
		w     Window
		plans []*plan.Plan
		words string
	}{
		{"financial, October", LastFullQuarter(day("2025-10-01")), []*plan.Plan{fin}, "Quarter 2 2025/26: July to September 2025"},
		{"calendar, October", LastFullQuarter(day("2025-10-01")), []*plan.Plan{cal}, "Quarter 3 2025: July to September 2025"},
		{"both", LastFullQuarter(day("2025-10-01")), []*plan.Plan{cal, fin}, "Quarter 3 2025 / Quarter 2 2025/26: July to September 2025"},
		{"its last day", LastFullQuarter(day("2025-12-31")), []*plan.Plan{cal}, "Quarter 4 2025: October to December 2025"},
		{"next", LastFullQuarter(day("2025-10-01")).Next(), []*plan.Plan{fin}, "Quarter 3 2025/26: October to December 2025"},
		{"financial given", mustQuarter(t, "Q3-2025/26"), []*plan.Plan{cal, fin}, "Quarter 3 2025/26: October to December 2025"},
		{"bare quarter, read two ways", mustQuarter(t, "Q4-2025"), []*plan.Plan{cal, fin},
			"Quarter 4 2025: October to December 2025 (calendar); Quarter 4 2025/26: January to March 2026 (financial)"},
	} {
		if got := tc.w.Words(tc.plans); got != tc.words {
			t.Errorf("%s: Words = %q, want %q", tc.name, got, tc.words)
		}
	}
}
