package ical

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/cpp-plans/cpp/internal/deadline"
)

var cadences = []string{"weekly", "fortnightly", "monthly", "every two months", "quarterly", "termly", "every six months", "annually"}

// dueDates are the days cpp says s falls due on, up to horizon.
func dueDates(s deadline.Schedule, horizon time.Time) []time.Time {
	var out []time.Time
	for i := 0; ; i++ {
		o, ok := s.At(i)
		if !ok || o.End.After(horizon) {
			return out
		}
		out = append(out, o.End)
	}
}

// calendarDates writes the event and reads back, with an independent parser and RRULE expander,
// the days a calendar program shows it on, up to horizon.
func calendarDates(t *testing.T, first time.Time, r Recurrence, horizon time.Time) []time.Time {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, Calendar{Stamp: first, Events: []Event{{UID: "x", Day: first, Repeat: r, Summary: "x"}}}); err != nil {
		t.Fatal(err)
	}
	e := decode(t, b.Bytes()).Events()[0]
	start, err := e.DateTimeStart(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	opt, err := e.Props.RecurrenceRule()
	if err != nil {
		t.Fatalf("RRULE: %v\n%s", err, b.Bytes())
	}
	if opt == nil {
		return []time.Time{start}
	}
	opt.Dtstart = start
	rule, err := rrule.NewRRule(*opt)
	if err != nil {
		t.Fatalf("RRULE: %v\n%s", err, b.Bytes())
	}
	var set rrule.Set
	set.RRule(rule)
	// go-ical's RecurrenceSet reads EXDATEs as RDATEs, so the RDATEs are read here.
	for _, p := range e.Props["RDATE"] {
		d, err := p.DateTime(time.UTC)
		if err != nil {
			t.Fatalf("RDATE: %v", err)
		}
		set.RDate(d)
	}
	return set.Between(start, horizon, true)
}

// For every cadence and every anchor day of a leap year and the year after (ends of months,
// 29 February, mid-term), with no end, with a plan end that cuts a period short and with one
// that ends a period, the days a calendar shows are exactly the days cpp says fall due.
func TestRepeatMatchesSchedule(t *testing.T) {
	if testing.Short() {
		t.Skip("expands every cadence from 730 anchors")
	}
	for _, every := range cadences {
		for from := day(2024, 1, 1); from.Year() < 2026; from = from.AddDate(0, 0, 1) {
			full, ok := deadline.NewSchedule(deadline.Deadline{Kind: deadline.Recurring, Every: every}, from, time.Time{})
			if !ok {
				t.Fatalf("%s from %s: no schedule", every, from.Format(time.DateOnly))
			}
			aligned, _ := full.At(7)
			for _, until := range []time.Time{{}, from.AddDate(2, 1, 9), aligned.End, from.AddDate(0, 0, 3)} {
				s, ok := deadline.NewSchedule(deadline.Deadline{Kind: deadline.Recurring, Every: every}, from, until)
				if !ok {
					continue
				}
				name := fmt.Sprintf("%s from %s until %s", every, from.Format(time.DateOnly), until.Format(time.DateOnly))
				first, r, ok := Repeat(s)
				if !ok {
					t.Fatalf("%s: no recurrence", name)
				}
				horizon := from.AddDate(3, 6, 0)
				want := dueDates(s, horizon)
				got := calendarDates(t, first, r, horizon)
				if !slices.EqualFunc(got, want, time.Time.Equal) {
					t.Fatalf("%s: rule %q until %v extra %v\ncalendar shows %v\ncpp has        %v", name, r.Rule, r.Until, r.Extra, dates(got), dates(want))
				}
			}
		}
	}
}

func dates(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Format(time.DateOnly)
	}
	return out
}

// The rules a person reads in a calendar file, for the common anchors.
func TestRepeatRules(t *testing.T) {
	cases := []struct {
		every      string
		from, till time.Time
		first      string
		rule       string
		extra      []string
	}{
		{"monthly", day(2025, 4, 1), day(2028, 3, 31), "2025-04-30", "FREQ=MONTHLY;BYMONTHDAY=-1", nil},
		{"quarterly", day(2025, 4, 1), day(2028, 3, 31), "2025-06-30", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", nil},
		{"every six months", day(2025, 1, 1), time.Time{}, "2025-06-30", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1", nil},
		{"annually", day(2025, 4, 1), day(2028, 3, 31), "2026-03-31", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1", nil},
		{"annually", day(2025, 9, 15), time.Time{}, "2026-09-14", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=14", nil},
		{"monthly", day(2025, 1, 31), time.Time{}, "2025-02-27", "FREQ=MONTHLY;BYMONTHDAY=-2", nil},
		{"monthly", day(2025, 1, 30), time.Time{}, "2025-02-27", "FREQ=MONTHLY;BYMONTHDAY=29,-2;BYSETPOS=1", nil},
		{"weekly", day(2025, 4, 1), time.Time{}, "2025-04-07", "FREQ=WEEKLY", nil},
		{"fortnightly", day(2025, 4, 1), time.Time{}, "2025-04-14", "FREQ=WEEKLY;INTERVAL=2", nil},
		{"termly", day(2025, 4, 1), day(2028, 3, 31), "2025-07-31", "FREQ=YEARLY;BYMONTH=3,7,12;BYMONTHDAY=-1", nil},
		{"quarterly", day(2025, 1, 1), day(2026, 2, 15), "2025-03-31", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", []string{"2026-02-15"}},
		{"annually", day(2025, 4, 1), day(2025, 12, 31), "2025-12-31", "", nil},
	}
	for _, c := range cases {
		s, ok := deadline.NewSchedule(deadline.Deadline{Kind: deadline.Recurring, Every: c.every}, c.from, c.till)
		if !ok {
			t.Fatalf("%s from %s: no schedule", c.every, c.from)
		}
		first, r, ok := Repeat(s)
		wantUntil := c.till
		if c.rule == "" {
			wantUntil = time.Time{} // one day: nothing repeats, so nothing ends
		}
		if !ok || first.Format(time.DateOnly) != c.first || r.Rule != c.rule || !slices.Equal(dates(r.Extra), c.extra) || !r.Until.Equal(wantUntil) {
			t.Errorf("%s from %s until %s: first %s, rule %q, until %s, extra %v, %v; want %s, %q, %v",
				c.every, c.from.Format(time.DateOnly), c.till.Format(time.DateOnly), first.Format(time.DateOnly), r.Rule,
				r.Until.Format(time.DateOnly), dates(r.Extra), ok, c.first, c.rule, c.extra)
		}
	}
}

func TestRepeatUnknownCadence(t *testing.T) {
	s, ok := deadline.NewSchedule(deadline.Deadline{Kind: deadline.Recurring, Every: "monthly"}, day(2025, 1, 1), time.Time{})
	if !ok {
		t.Fatal("no schedule")
	}
	s.Every = "every blue moon"
	if _, _, ok := Repeat(s); ok {
		t.Error("a cadence with no rule gave a recurrence")
	}
}
