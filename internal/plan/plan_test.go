package plan

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLatestNote(t *testing.T) {
	a := &Action{Updates: []Update{
		{Date: day("2025-09-12"), Note: "first of the day"},
		{Date: day("2025-09-30"), Status: Complete}, // no note: not a note
		{Date: day("2025-09-12"), Note: "second of the day"},
		{Date: day("2025-08-01"), Note: "written last, dated earlier"},
		{Date: day("2025-10-15"), Note: "after the day asked about"},
	}}
	for _, tc := range []struct {
		asOf, want string
	}{
		{"2025-07-31", ""},
		{"2025-08-01", "written last, dated earlier"},
		{"2025-09-12", "second of the day"},
		{"2025-10-14", "second of the day"},
		{"2025-10-15", "after the day asked about"},
	} {
		got := ""
		if u := a.LatestNote(day(tc.asOf)); u != nil {
			got = u.Note
		}
		if got != tc.want {
			t.Errorf("LatestNote(%s) = %q, want %q", tc.asOf, got, tc.want)
		}
	}
	if (&Action{}).LatestNote(day("2025-01-01")) != nil {
		t.Error("an action with no updates has a latest note")
	}
}
