package query

import (
	"errors"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
)

// The window a command's flags ask for, in a calendar-quarter plan; what cannot be had is bad
// usage, with the flags' words.
func TestChoose(t *testing.T) {
	p := &plan.Plan{ID: "p"}
	today := day("2025-10-15")
	q3 := mustQuarter(t, "Q3-2025")
	tests := []struct {
		name       string
		a          WindowAsked
		start, end string
		label      string
		msg, hint  string
	}{
		{"nothing asked: this quarter", WindowAsked{}, "2025-10-01", "2025-12-31", "", "", ""},
		{"a quarter", WindowAsked{Quarter: &q3}, "2025-07-01", "2025-09-30", "Q3 2025", "", ""},
		{"a month", WindowAsked{Month: "2025-09"}, "2025-09-01", "2025-09-30", "September 2025", "", ""},
		{"dates", WindowAsked{From: day("2025-07-01"), To: day("2025-08-15")}, "2025-07-01", "2025-08-15", "1 Jul 2025 to 15 Aug 2025", "", ""},
		{"within days", WindowAsked{Within: "30d"}, "2025-10-15", "2025-11-14", "the next 30d", "", ""},
		{"within weeks", WindowAsked{Within: "2W"}, "2025-10-15", "2025-10-29", "the next 2W", "", ""},
		{"within months", WindowAsked{Within: "3m"}, "2025-10-15", "2026-01-15", "the next 3m", "", ""},
		{"two kinds", WindowAsked{Quarter: &q3, Month: "2025-09"}, "", "", "", "conflicting windows", "give one of --quarter, --month, --from/--to or --within"},
		{"from alone", WindowAsked{From: day("2025-07-01")}, "", "", "", "--from and --to go together", "give both, as in --from 2025-07-01 --to 2025-09-30"},
		{"to before from", WindowAsked{From: day("2025-07-01"), To: day("2025-06-01")}, "", "", "", "--to 2025-06-01 is before --from 2025-07-01", "swap them"},
		{"bad within", WindowAsked{Within: "soon"}, "", "", "", `invalid --within "soon"`, "write a number and a unit: 30d (days), 6w (weeks) or 3m (months)"},
		{"within too long", WindowAsked{Within: "36500d"}, "", "", "", "--within 36500d is too long: at most ten years (3660d, 522w or 120m)", "for a longer span use --from and --to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := tt.a.Choose(today)
			if tt.msg != "" {
				var e *exitcode.Error
				if !errors.As(err, &e) || e.Code != exitcode.Usage || e.Msg != tt.msg || e.Hint != tt.hint {
					t.Fatalf("error %#v, want usage %q with hint %q", err, tt.msg, tt.hint)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			start, end, _ := w.Span(p)
			if start != day(tt.start) || end != day(tt.end) || w.Label != tt.label {
				t.Errorf("%v – %v %q, want %s – %s %q", start, end, w.Label, tt.start, tt.end, tt.label)
			}
		})
	}
	if _, err := (WindowAsked{Month: "2025-13"}).Choose(today); exitcode.Of(err) != exitcode.Usage {
		t.Errorf("a bad month: %v", err)
	}
}
