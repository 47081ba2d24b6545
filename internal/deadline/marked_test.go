package deadline

import (
	"errors"
	"strings"
	"testing"
)

// A cell cpp import could not read as the table meant it (a date that reads both ways in a
// month-first table, a known form written wrongly) is kept whole as the deadline behind "not
// understood:", so that the plan says it is not understood, with the reason, rather than undated
// or an error that stops every answer.
func TestParseMarkedNotUnderstood(t *testing.T) {
	tests := []struct{ text, problem, hint string }{
		{"not understood: 03/04/2026", "03/04/2026 reads both day first (3 April 2026) and month first (4 March 2026)", "write the day meant as 2026-04-03 or 2026-03-04"},
		{"Not Understood:  31/02/2026", "February 2026 has no day 31", "the last day of February 2026 is 28"},
		{"not understood: Q5 2025", "there is no quarter Q5", "quarters run from Q1 to Q4"},
		{"not understood: Plan agreed by March; delivery ongoing", "it is not a form cpp knows", Hint},
		{"not understood: Q3 2025", "it is marked not understood", `once the deadline is checked, write it without "not understood:"`},
		{"not understood:", "it is marked not understood, with nothing after it", Hint},
	}
	for _, tt := range tests {
		for _, conv := range []Convention{Calendar, Financial} {
			d, err := Parse(tt.text, conv)
			var e *Error
			if !errors.As(err, &e) || !e.NotUnderstood {
				t.Errorf("Parse(%q) = %+v, %v; want not understood", tt.text, d, err)
				continue
			}
			if e.Problem != tt.problem || e.Hint != tt.hint {
				t.Errorf("Parse(%q): problem %q, hint %q; want %q, %q", tt.text, e.Problem, e.Hint, tt.problem, tt.hint)
			}
			if d.Text != tt.text || d.Kind != Dated || !d.End.IsZero() {
				t.Errorf("Parse(%q) = %+v: want the text as written and no period", tt.text, d)
			}
		}
	}
	// Words that merely contain the phrase are not the mark.
	if _, err := Parse("Q3 2025 (not understood: see note)", Calendar); err == nil || strings.Contains(err.Error(), "marked") {
		t.Errorf("a cell with the words inside is not marked: %v", err)
	}
}

func TestMarkNotUnderstood(t *testing.T) {
	if got := MarkNotUnderstood("31/02/2026"); got != "not understood: 31/02/2026" {
		t.Errorf("MarkNotUnderstood = %q", got)
	}
	for _, text := range []string{"31/02/2026", "Q5 2025", "03/04/2026", "Septembr 2025"} {
		if _, err := Parse(MarkNotUnderstood(text), Calendar); !NotUnderstood(err) {
			t.Errorf("Parse(MarkNotUnderstood(%q)): %v; want not understood", text, err)
		}
	}
}

func TestEitherWay(t *testing.T) {
	m, d, ok := EitherWay("03/04/2026")
	if !ok || m.Format("2006-01-02") != "2026-03-04" || d.Format("2006-01-02") != "2026-04-03" {
		t.Errorf("EitherWay(03/04/2026) = %v, %v, %v", m, d, ok)
	}
	for _, s := range []string{"04/04/2026", "30/09/2025", "03/04/26", "Q3 2025"} {
		if _, _, ok := EitherWay(s); ok {
			t.Errorf("EitherWay(%q) reads two ways", s)
		}
	}
}
