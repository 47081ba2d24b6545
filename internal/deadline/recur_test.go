package deadline

import (
	"fmt"
	"testing"
	"time"
)

func isoDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func occ(o Occurrence, ok bool) string {
	if !ok {
		return "none"
	}
	return o.Start.Format(time.DateOnly) + ".." + o.End.Format(time.DateOnly)
}

// The two plans of the tests: a calendar plan and a financial-year plan, as the bundled plans and
// councils' own write their periods.
const (
	calStart, calEnd = "2025-01-01", "2028-12-31"
	finStart, finEnd = "2025-04-01", "2028-03-31"
)

func schedule(t *testing.T, every, from, until string) Schedule {
	t.Helper()
	d, err := Parse(every, Calendar)
	if err != nil {
		t.Fatalf("Parse(%q): %v", every, err)
	}
	s, ok := NewSchedule(d, isoDay(from), isoDay(until))
	if !ok {
		t.Fatalf("NewSchedule(%q, %s, %s): no schedule", every, from, until)
	}
	return s
}

func TestScheduleAt(t *testing.T) {
	for _, tc := range []struct {
		every, from, until string
		want               []string // occurrences 0, 1, 2, ...; "none" where there is none
	}{
		{"annually", calStart, calEnd, []string{"2025-01-01..2025-12-31", "2026-01-01..2026-12-31", "2027-01-01..2027-12-31", "2028-01-01..2028-12-31", "none"}},
		{"Reviewed annually", finStart, finEnd, []string{"2025-04-01..2026-03-31", "2026-04-01..2027-03-31", "2027-04-01..2028-03-31", "none"}},
		{"quarterly", calStart, calEnd, []string{"2025-01-01..2025-03-31", "2025-04-01..2025-06-30", "2025-07-01..2025-09-30"}},
		{"quarterly", finStart, finEnd, []string{"2025-04-01..2025-06-30", "2025-07-01..2025-09-30", "2025-10-01..2025-12-31", "2026-01-01..2026-03-31"}},
		{"every six months", finStart, finEnd, []string{"2025-04-01..2025-09-30", "2025-10-01..2026-03-31"}},
		{"every two months", calStart, calEnd, []string{"2025-01-01..2025-02-28", "2025-03-01..2025-04-30"}},
		{"monthly", calStart, calEnd, []string{"2025-01-01..2025-01-31", "2025-02-01..2025-02-28", "2025-03-01..2025-03-31"}},
		// From the 31st: each period starts on the 31st or the last day of a shorter month, and
		// never drifts to the 28th.
		{"monthly", "2025-01-31", "", []string{"2025-01-31..2025-02-27", "2025-02-28..2025-03-30", "2025-03-31..2025-04-29", "2025-04-30..2025-05-30"}},
		{"monthly", "2028-01-31", "", []string{"2028-01-31..2028-02-28", "2028-02-29..2028-03-30"}},
		{"annually", "2024-02-29", "", []string{"2024-02-29..2025-02-27", "2025-02-28..2026-02-27"}},
		{"weekly", calStart, calEnd, []string{"2025-01-01..2025-01-07", "2025-01-08..2025-01-14"}},
		{"fortnightly", calStart, calEnd, []string{"2025-01-01..2025-01-14", "2025-01-15..2025-01-28"}},
		// Termly follows the school terms; the first runs from the plan's start.
		{"termly", calStart, calEnd, []string{"2025-01-01..2025-03-31", "2025-04-01..2025-07-31", "2025-09-01..2025-12-31", "2026-01-01..2026-03-31"}},
		{"termly", finStart, finEnd, []string{"2025-04-01..2025-07-31", "2025-09-01..2025-12-31", "2026-01-01..2026-03-31"}},
		{"every term", "2025-10-15", "", []string{"2025-10-15..2025-12-31", "2026-01-01..2026-03-31"}},
		{"termly", "2025-08-10", "", []string{"2025-09-01..2025-12-31"}},
		// The last period is cut short at the plan's end.
		{"annually", "2025-07-01", calEnd, []string{"2025-07-01..2026-06-30", "2026-07-01..2027-06-30", "2027-07-01..2028-06-30", "2028-07-01..2028-12-31", "none"}},
		{"termly", "2025-01-01", "2025-05-31", []string{"2025-01-01..2025-03-31", "2025-04-01..2025-05-31", "none"}},
	} {
		s := schedule(t, tc.every, tc.from, tc.until)
		for i, want := range tc.want {
			if got := occ(s.At(i)); got != want {
				t.Errorf("%s from %s to %s: At(%d) = %s, want %s", tc.every, tc.from, tc.until, i, got, want)
			}
		}
	}
}

func TestScheduleQueries(t *testing.T) {
	for _, tc := range []struct {
		every, from, until string
		on                 string // the day asked about
		last, next         string // LastDueBefore(on), NextDueFrom(on)
	}{
		// A calendar plan's annual review: 2025's falls due on 31 Dec 2025.
		{"annually", calStart, calEnd, "2026-02-10", "2025-01-01..2025-12-31", "2026-01-01..2026-12-31"},
		{"annually", calStart, calEnd, "2025-12-31", "none", "2025-01-01..2025-12-31"},
		{"annually", calStart, calEnd, "2026-01-01", "2025-01-01..2025-12-31", "2026-01-01..2026-12-31"},
		{"annually", calStart, calEnd, "2024-06-01", "none", "2025-01-01..2025-12-31"},
		// After the plan's end: the last occurrence is the last past one, and none is next.
		{"annually", calStart, calEnd, "2030-05-01", "2028-01-01..2028-12-31", "none"},
		// A financial plan's annual review falls due on 31 March.
		{"annually", finStart, finEnd, "2026-02-10", "none", "2025-04-01..2026-03-31"},
		{"annually", finStart, finEnd, "2026-05-01", "2025-04-01..2026-03-31", "2026-04-01..2027-03-31"},
		{"quarterly", finStart, finEnd, "2026-05-01", "2026-01-01..2026-03-31", "2026-04-01..2026-06-30"},
		{"every two months", finStart, finEnd, "2025-10-01", "2025-08-01..2025-09-30", "2025-10-01..2025-11-30"},
		{"monthly", "2025-06-15", calEnd, "2026-02-10", "2025-12-15..2026-01-14", "2026-01-15..2026-02-14"},
		{"monthly", "2025-01-31", "", "2025-03-30", "2025-01-31..2025-02-27", "2025-02-28..2025-03-30"},
		{"monthly", "2025-01-31", "", "2025-03-31", "2025-02-28..2025-03-30", "2025-03-31..2025-04-29"},
		{"weekly", calStart, calEnd, "2025-01-15", "2025-01-08..2025-01-14", "2025-01-15..2025-01-21"},
		{"fortnightly", calStart, calEnd, "2025-01-20", "2025-01-01..2025-01-14", "2025-01-15..2025-01-28"},
		// August belongs to no term: the Summer term is the last past, Autumn the next.
		{"termly", calStart, calEnd, "2025-08-15", "2025-04-01..2025-07-31", "2025-09-01..2025-12-31"},
		{"termly", finStart, finEnd, "2026-02-10", "2025-09-01..2025-12-31", "2026-01-01..2026-03-31"},
		{"termly", "2025-08-10", "", "2025-08-20", "none", "2025-09-01..2025-12-31"},
	} {
		s := schedule(t, tc.every, tc.from, tc.until)
		on := isoDay(tc.on)
		if got := occ(s.LastDueBefore(on)); got != tc.last {
			t.Errorf("%s from %s to %s: LastDueBefore(%s) = %s, want %s", tc.every, tc.from, tc.until, tc.on, got, tc.last)
		}
		if got := occ(s.NextDueFrom(on)); got != tc.next {
			t.Errorf("%s from %s to %s: NextDueFrom(%s) = %s, want %s", tc.every, tc.from, tc.until, tc.on, got, tc.next)
		}
	}
}

func TestScheduleFirstDueIn(t *testing.T) {
	q4, q4End := isoDay("2025-10-01"), isoDay("2025-12-31")
	for _, tc := range []struct {
		every, from, until string
		want               string
	}{
		{"annually", calStart, calEnd, "2025-01-01..2025-12-31"},
		{"annually", finStart, finEnd, "none"},
		{"monthly", "2025-06-15", calEnd, "2025-09-15..2025-10-14"},
		{"every two months", finStart, finEnd, "2025-10-01..2025-11-30"},
		{"termly", calStart, calEnd, "2025-09-01..2025-12-31"},
		{"every six months", calStart, calEnd, "2025-07-01..2025-12-31"},
		{"annually", "2026-01-01", calEnd, "none"},
	} {
		s := schedule(t, tc.every, tc.from, tc.until)
		if got := occ(s.FirstDueIn(q4, q4End)); got != tc.want {
			t.Errorf("%s from %s to %s: FirstDueIn(Q4 2025) = %s, want %s", tc.every, tc.from, tc.until, got, tc.want)
		}
	}
}

// Every cadence Parse reads can be laid out, and the quick answers agree with walking the
// occurrences one by one, on every day for five years, for calendar and financial plans and for
// anchors at the end of a month.
func TestScheduleAgreesWithWalking(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: walks every day of five years for every cadence")
	}
	cadences := map[string]bool{}
	for _, every := range recurring {
		cadences[every] = true
	}
	for every := range cadences {
		for _, span := range [][2]string{{calStart, calEnd}, {finStart, finEnd}, {"2025-01-31", ""}, {"2025-08-31", "2027-02-14"}} {
			s := schedule(t, every, span[0], span[1])
			var all []Occurrence
			for i := 0; ; i++ {
				o, ok := s.At(i)
				if !ok || i > 400 {
					break
				}
				if i > 0 {
					prev := all[i-1]
					gap := o.Start.Sub(prev.End).Hours() / 24
					if gap != 1 && !(every == Termly && prev.End.Month() == time.July) {
						t.Fatalf("%s from %s: occurrence %d starts %s, %v days after the last ended", every, span[0], i, o.Start.Format(time.DateOnly), gap)
					}
				}
				if o.End.Before(o.Start) {
					t.Fatalf("%s from %s: occurrence %d ends before it starts: %s", every, span[0], i, occ(o, true))
				}
				all = append(all, o)
			}
			for d := isoDay("2024-06-01"); d.Before(isoDay("2030-01-01")); d = d.AddDate(0, 0, 1) {
				wantLast, wantNext := "none", "none"
				for _, o := range all {
					if o.End.Before(d) {
						wantLast = occ(o, true)
					} else if wantNext == "none" {
						wantNext = occ(o, true)
					}
				}
				label := fmt.Sprintf("%s from %s to %s on %s", every, span[0], span[1], d.Format(time.DateOnly))
				if got := occ(s.LastDueBefore(d)); got != wantLast {
					t.Fatalf("%s: LastDueBefore = %s, want %s", label, got, wantLast)
				}
				if got := occ(s.NextDueFrom(d)); got != wantNext {
					t.Fatalf("%s: NextDueFrom = %s, want %s", label, got, wantNext)
				}
			}
		}
	}
}

func TestNewScheduleRefuses(t *testing.T) {
	dated, _ := Parse("Q3 2025", Calendar)
	open, _ := Parse("Ongoing", Calendar)
	annual, _ := Parse("annually", Calendar)
	for _, tc := range []struct {
		name        string
		d           Deadline
		from, until string
	}{
		{"a dated deadline", dated, calStart, calEnd},
		{"an open deadline", open, calStart, calEnd},
		{"no anchor", annual, "", calEnd},
		{"an anchor after the end", annual, "2029-01-01", calEnd},
	} {
		if s, ok := NewSchedule(tc.d, isoDay(tc.from), isoDay(tc.until)); ok {
			t.Errorf("%s: NewSchedule = %+v, want none", tc.name, s)
		}
	}
}
