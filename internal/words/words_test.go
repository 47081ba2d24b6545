package words

import (
	"math"
	"testing"
	"time"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 actions"}, {1, "1 action"}, {2, "2 actions"}, {-1, "-1 actions"}} {
		if got := Count(tc.n, "action", "actions"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := Pick(1, "is", "are") + " " + Pick(3, "is", "are"); got != "is are" {
		t.Errorf("Pick: %q", got)
	}
}

func TestOneLine(t *testing.T) {
	if got := OneLine("  Draft\r\n the\tplan \n"); got != "Draft the plan" {
		t.Errorf("OneLine = %q", got)
	}
}

func TestDates(t *testing.T) {
	a := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	if got := Span(a, b); got != "1 Jul 2025 – 30 Sep 2025" {
		t.Errorf("Span = %q", got)
	}
}

// A value of -0 printed "-0%" in show and "0%" in the report: there is one answer, "0%".
func TestValue(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, tc := range []struct {
		v    float64
		unit string
		want string
	}{
		{negZero, "%", "0%"},
		{0, "%", "0%"},
		{negZero, "", "0"},
		{12.5, "%", "12.5%"},
		{40, "days", "40 days"},
		{-3.25, "", "-3.25"},
		{1e21, "", "1000000000000000000000"},
		{0.000001, "", "0.000001"},
	} {
		if got := Value(tc.v, tc.unit); got != tc.want {
			t.Errorf("Value(%v, %q) = %q, want %q", tc.v, tc.unit, got, tc.want)
		}
	}
}

// Values print as written: small ones are not rounded to 0 or put in e-notation.
func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want string
	}{
		{70, "70"}, {0, "0"}, {-2, "-2"}, {12.5, "12.5"}, {12.25, "12.25"}, {0.35, "0.35"}, {0.004, "0.004"},
		{0.00001, "0.00001"}, {1e-5, "0.00001"}, {-0.05, "-0.05"}, {1234567.89, "1234567.89"}, {1e21, "1000000000000000000000"},
	} {
		if got := Number(tt.in); got != tt.want {
			t.Errorf("Number(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoted(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"Actions"}, `"Actions"`},
		{[]string{"Plan 2025", `say "hi"`, "tab\there"}, `"Plan 2025", "say \"hi\"", "tab\there"`},
	} {
		if got := Quoted(tt.in); got != tt.want {
			t.Errorf("Quoted(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	list := []string{"camden-cp", "Virtual School"}
	for s, want := range map[string]bool{"CAMDEN-CP": true, "virtual school": true, "camden": false, "": false} {
		if got := ContainsFold(list, s); got != want {
			t.Errorf("ContainsFold(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestPercent(t *testing.T) {
	for p, want := range map[float64]string{0: "0%", 0.2: "1%", 0.5: "1%", 1.4: "1%", 37.5: "38%", 99.4: "99%", 99.6: "99%", 100: "100%"} {
		if got := Percent(p); got != want {
			t.Errorf("Percent(%v) = %q, want %q", p, got, want)
		}
	}
}
