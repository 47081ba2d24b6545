package deadline

import (
	"testing"
	"time"
)

func TestQuarterContaining(t *testing.T) {
	for _, tc := range []struct {
		day        string
		conv       Convention
		name       string
		start, end string
		next       string
	}{
		{"2026-01-15", Calendar, "Q1 2026", "2026-01-01", "2026-03-31", "Q2 2026"},
		{"2026-01-15", Financial, "Q4 2025/26", "2026-01-01", "2026-03-31", "Q1 2026/27"},
		{"2025-04-01", Financial, "Q1 2025/26", "2025-04-01", "2025-06-30", "Q2 2025/26"},
		{"2025-03-31", Financial, "Q4 2024/25", "2025-01-01", "2025-03-31", "Q1 2025/26"},
		{"2025-12-31", Calendar, "Q4 2025", "2025-10-01", "2025-12-31", "Q1 2026"},
		{"2025-12-31", Financial, "Q3 2025/26", "2025-10-01", "2025-12-31", "Q4 2025/26"},
		{"2099-11-02", Financial, "Q3 2099/00", "2099-10-01", "2099-12-31", "Q4 2099/00"},
	} {
		day, _ := time.Parse(time.DateOnly, tc.day)
		q := QuarterContaining(day, tc.conv)
		if q.Text != tc.name || q.Start.Format(time.DateOnly) != tc.start || q.End.Format(time.DateOnly) != tc.end {
			t.Errorf("QuarterContaining(%s, %s) = %s %s–%s, want %s %s–%s", tc.day, tc.conv, q.Text,
				q.Start.Format(time.DateOnly), q.End.Format(time.DateOnly), tc.name, tc.start, tc.end)
		}
		if n := NextQuarter(q, tc.conv); n.Text != tc.next {
			t.Errorf("NextQuarter(%s) = %s, want %s", q.Text, n.Text, tc.next)
		}
		// The name, read back in the same convention, covers the same dates.
		back, err := Parse(q.Text, tc.conv)
		if err != nil || !back.Start.Equal(q.Start) || !back.End.Equal(q.End) {
			t.Errorf("Parse(%q, %s) = %v %v, want the quarter it names", q.Text, tc.conv, back, err)
		}
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		day  string
		n    int
		want string
	}{
		{"2025-01-31", 1, "2025-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-03-31", 1, "2025-04-30"},
		{"2025-08-31", 6, "2026-02-28"},
		{"2025-01-15", 3, "2025-04-15"},
		{"2025-11-30", 3, "2026-02-28"},
		{"2025-05-31", 0, "2025-05-31"},
	} {
		day, _ := time.Parse(time.DateOnly, tc.day)
		if got := AddMonths(day, tc.n).Format(time.DateOnly); got != tc.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tc.day, tc.n, got, tc.want)
		}
	}
}

// The default reporting period is the quarter that has just ended: a board meeting in October reads
// about July to September, and on a quarter's last day that quarter is whole.
func TestLastFullQuarter(t *testing.T) {
	for _, tc := range []struct {
		day   string
		conv  Convention
		words string
	}{
		{"2025-10-01", Calendar, "Quarter 3 2025: July to September 2025"},
		{"2025-10-01", Financial, "Quarter 2 2025/26: July to September 2025"},
		{"2025-11-20", Financial, "Quarter 2 2025/26: July to September 2025"},
		{"2025-09-30", Financial, "Quarter 2 2025/26: July to September 2025"},
		{"2025-09-29", Financial, "Quarter 1 2025/26: April to June 2025"},
		{"2025-12-31", Calendar, "Quarter 4 2025: October to December 2025"},
		{"2026-01-01", Calendar, "Quarter 4 2025: October to December 2025"},
		{"2026-02-10", Financial, "Quarter 3 2025/26: October to December 2025"},
		{"2025-04-01", Financial, "Quarter 4 2024/25: January to March 2025"},
	} {
		day, _ := time.Parse(time.DateOnly, tc.day)
		if got := QuarterWords(LastFullQuarter(day, tc.conv)); got != tc.words {
			t.Errorf("LastFullQuarter(%s, %s) = %q, want %q", tc.day, tc.conv, got, tc.words)
		}
	}
	d := Deadline{Start: time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)}
	if got := MonthsWords(d); got != "November 2025 to January 2026" {
		t.Errorf("MonthsWords across a year = %q", got)
	}
}
