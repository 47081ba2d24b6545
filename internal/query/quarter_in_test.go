package query

import (
	"testing"

	"github.com/cpp-plans/cpp/internal/deadline"
)

func TestParseQuarterIn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		conv deadline.Convention
		want string
	}{
		{"Q3-2025", deadline.Financial, "Q3 2025/26, financial: 1 Oct 2025 – 31 Dec 2025"},
		{"Q3-2025", deadline.Calendar, "Q3 2025, calendar: 1 Jul 2025 – 30 Sep 2025"},
		{"Q1-2026/27", deadline.Calendar, "Q1 2026/27, financial: 1 Apr 2026 – 30 Jun 2026"},
	} {
		w, err := ParseQuarterIn(tc.in, tc.conv)
		if err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		if got := w.Describe(nil); got != tc.want {
			t.Errorf("ParseQuarterIn(%q, %s) = %q, want %q", tc.in, tc.conv, got, tc.want)
		}
	}
	if _, err := ParseQuarterIn("Q5-2025", deadline.Financial); err == nil {
		t.Error("Q5-2025 read as a quarter")
	}
}
