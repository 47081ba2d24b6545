package deadline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The forms real plans write, beyond the tidy ones of TestParseDated: each read in a calendar
// and in a financial plan, since a quarter or a range of years can mean different months in each.
func TestParseRealForms(t *testing.T) {
	tests := []struct {
		text string
		// the period in a calendar plan, then in a financial one
		cal, fin string
		unit     Unit
		by       bool
	}{
		// day-month-year with dots or ordinals
		{"30.09.2025", "2025-09-30..2025-09-30", "2025-09-30..2025-09-30", Day, false},
		{"1.4.2026", "2026-04-01..2026-04-01", "2026-04-01..2026-04-01", Day, false},
		{"30-09-2025", "2025-09-30..2025-09-30", "2025-09-30..2025-09-30", Day, false},
		{"1st April 2026", "2026-04-01..2026-04-01", "2026-04-01..2026-04-01", Day, false},
		{"1st of April 2026", "2026-04-01..2026-04-01", "2026-04-01..2026-04-01", Day, false},
		{"the 22nd of March 2026", "2026-03-22..2026-03-22", "2026-03-22..2026-03-22", Day, false},
		{"April 1st, 2026", "2026-04-01..2026-04-01", "2026-04-01..2026-04-01", Day, false},
		{"3rd Nov 2025", "2025-11-03..2025-11-03", "2025-11-03..2025-11-03", Day, false},
		// abbreviated months with a full stop
		{"Sept. 2025", "2025-09-01..2025-09-30", "2025-09-01..2025-09-30", Month, false},
		{"Jan. 2026", "2026-01-01..2026-01-31", "2026-01-01..2026-01-31", Month, false},
		{"30 Sept. 2025", "2025-09-30..2025-09-30", "2025-09-30..2025-09-30", Day, false},
		{"31st Mar. 2026", "2026-03-31..2026-03-31", "2026-03-31..2026-03-31", Day, false},
		// financial quarters and years with two-digit or prefixed years: financial in any plan
		{"Q2 25/26", "2025-07-01..2025-09-30", "2025-07-01..2025-09-30", Quarter, false},
		{"Q4 25/26", "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", Quarter, false},
		{"Q2 25-26", "2025-07-01..2025-09-30", "2025-07-01..2025-09-30", Quarter, false},
		{"Q3 FY25/26", "2025-10-01..2025-12-31", "2025-10-01..2025-12-31", Quarter, false},
		{"Q1 FY2026/27", "2026-04-01..2026-06-30", "2026-04-01..2026-06-30", Quarter, false},
		{"FY25/26 Q3", "2025-10-01..2025-12-31", "2025-10-01..2025-12-31", Quarter, false},
		{"FY2025/26", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", FinancialYear, false},
		{"FY 2025-26", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", FinancialYear, false},
		{"FY25/26", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", FinancialYear, false},
		{"Financial year 2025-26", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", FinancialYear, false},
		{"25/26", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", FinancialYear, false},
		{"by FY2026/27", "2026-04-01..2027-03-31", "2026-04-01..2027-03-31", FinancialYear, true},
		// month ranges
		{"Jan-Mar 2026", "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", Months, false},
		{"Jan - Mar 2026", "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", Months, false},
		{"January to March 2026", "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", Months, false},
		{"Sept.–Dec. 2025", "2025-09-01..2025-12-31", "2025-09-01..2025-12-31", Months, false},
		{"Nov 2025 - Feb 2026", "2025-11-01..2026-02-28", "2025-11-01..2026-02-28", Months, false},
		{"April 2025 to March 2026", "2025-04-01..2026-03-31", "2025-04-01..2026-03-31", Months, false},
		{"by Jan-Mar 2026", "2026-01-01..2026-03-31", "2026-01-01..2026-03-31", Months, true},
		// words that change nothing: "by", "end of", a label, "w/c"
		{"End of Q2 2025/26", "2025-07-01..2025-09-30", "2025-07-01..2025-09-30", Quarter, true},
		{"End of Q2 2026", "2026-04-01..2026-06-30", "2026-07-01..2026-09-30", Quarter, true},
		{"End March 2026", "2026-03-01..2026-03-31", "2026-03-01..2026-03-31", Month, true},
		{"No later than 31 March 2026", "2026-03-31..2026-03-31", "2026-03-31..2026-03-31", Day, true},
		{"To be completed by Q4 2025", "2025-10-01..2025-12-31", "2026-01-01..2026-03-31", Quarter, true},
		{"Due: September 2025", "2025-09-01..2025-09-30", "2025-09-01..2025-09-30", Month, false},
		{"Target date: 30/09/2025", "2025-09-30..2025-09-30", "2025-09-30..2025-09-30", Day, false},
		{"In Autumn 2025", "2025-09-01..2025-12-31", "2025-09-01..2025-12-31", Term, false},
		{"w/c 5 January 2026", "2026-01-05..2026-01-11", "2026-01-05..2026-01-11", Week, false},
		{"W/C 05/01/2026", "2026-01-05..2026-01-11", "2026-01-05..2026-01-11", Week, false},
		{"Week commencing 5th January 2026", "2026-01-05..2026-01-11", "2026-01-05..2026-01-11", Week, false},
		// two periods joined: from the start of one to the end of the other
		{"2023/24 to 2025/26", "2023-04-01..2026-03-31", "2023-04-01..2026-03-31", Years, false},
		{"2023/24 - 2025/26", "2023-04-01..2026-03-31", "2023-04-01..2026-03-31", Years, false},
		{"Q3 2025 to Q1 2026", "2025-07-01..2026-03-31", "2025-10-01..2026-06-30", Months, false},
		// a range written with a two-digit end that is no financial year: the years
		{"2023-26", "2023-01-01..2026-12-31", "2023-04-01..2026-03-31", Years, false},
	}
	for _, tt := range tests {
		for _, conv := range []Convention{Calendar, Financial} {
			want := tt.cal
			if conv == Financial {
				want = tt.fin
			}
			t.Run(tt.text+"/"+conv.String(), func(t *testing.T) {
				d, err := Parse(tt.text, conv)
				if err != nil {
					t.Fatalf("Parse(%q): %v (hint: %s)", tt.text, err, hintOf(err))
				}
				if d.Kind != Dated {
					t.Fatalf("kind = %v, want dated", d.Kind)
				}
				if got := d.Start.Format(time.DateOnly) + ".." + d.End.Format(time.DateOnly); got != want {
					t.Errorf("period = %s, want %s", got, want)
				}
				if d.Unit != tt.unit {
					t.Errorf("unit = %q, want %q", d.Unit, tt.unit)
				}
				if d.By != tt.by {
					t.Errorf("by = %v, want %v", d.By, tt.by)
				}
				if d.Text != tt.text {
					t.Errorf("text = %q, want it kept as written", d.Text)
				}
			})
		}
	}
}

func TestParseRecurrenceForms(t *testing.T) {
	tests := []struct {
		text, every, start string
	}{
		{"bi-annually", "every six months", ""},
		{"Bi-annual", "every six months", ""},
		{"biannual", "every six months", ""},
		{"six-monthly", "every six months", ""},
		{"6 monthly", "every six months", ""},
		{"half-yearly", "every six months", ""},
		{"semi-annually", "every six months", ""},
		{"twice yearly", "every six months", ""},
		{"termly", "termly", ""},
		{"Each term", "termly", ""},
		{"three-monthly", "quarterly", ""},
		{"every 3 months", "quarterly", ""},
		{"bi-monthly", "every two months", ""},
		{"Monthly.", "monthly", ""},
		{"Annual review", "annually", ""},
		{"Reviewed six-monthly", "every six months", ""},
		// a recurrence with its start
		{"Commencing April 2021, biannually thereafter", "every six months", "2021-04-01"},
		{"Commencing April 2021 and biannually thereafter", "every six months", "2021-04-01"},
		{"Starting 1st June 2025, then monthly", "monthly", "2025-06-01"},
		{"From Q2 2025 quarterly thereafter", "quarterly", "2025-04-01"},
		{"Monthly from June 2025", "monthly", "2025-06-01"},
		{"Annually, commencing 1.4.2026", "annually", "2026-04-01"},
		{"Termly from Autumn 2025", "termly", "2025-09-01"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := Parse(tt.text, Calendar)
			if err != nil {
				t.Fatalf("Parse(%q): %v (hint: %s)", tt.text, err, hintOf(err))
			}
			if d.Kind != Recurring || d.Every != tt.every {
				t.Fatalf("got kind %v every %q, want recurring %q", d.Kind, d.Every, tt.every)
			}
			start := ""
			if !d.Start.IsZero() {
				start = d.Start.Format(time.DateOnly)
			}
			if start != tt.start {
				t.Errorf("start = %q, want %q", start, tt.start)
			}
			if _, ok := d.Due(); ok {
				t.Errorf("a recurring deadline must not be due")
			}
			if d.Text != tt.text {
				t.Errorf("text = %q, want it kept as written", d.Text)
			}
		})
	}
}

// A recurrence written with its start is laid out from that start, whatever the plan's.
func TestScheduleFromWrittenStart(t *testing.T) {
	d, err := Parse("Commencing April 2021, biannually thereafter", Financial)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := NewSchedule(d, d.Start, time.Time{})
	if !ok {
		t.Fatal("no schedule")
	}
	for i, want := range []string{"2021-04-01..2021-09-30", "2021-10-01..2022-03-31", "2022-04-01..2022-09-30"} {
		if got := occ(s.At(i)); got != want {
			t.Errorf("At(%d) = %s, want %s", i, got, want)
		}
	}
}

func TestParseNoDate(t *testing.T) {
	tests := []struct {
		text string
		kind Kind
	}{
		{"Ongoing", Open},
		{"On-going", Open},
		{"on going", Open},
		{"ON-GOING.", Open},
		{"Continuous", Open},
		{"TBC", ToBeConfirmed},
		{"tbc.", ToBeConfirmed},
		{"TBA", ToBeConfirmed},
		{"TBD", ToBeConfirmed},
		{"N/A", ToBeConfirmed},
		{"n / a", ToBeConfirmed},
		{"To be confirmed", ToBeConfirmed},
		{"To be agreed", ToBeConfirmed},
		{"TBC (awaiting funding decision)", ToBeConfirmed},
		{"TBC - subject to recruitment", ToBeConfirmed},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := Parse(tt.text, Financial)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.text, err)
			}
			if d.Kind != tt.kind {
				t.Errorf("kind = %v, want %v", d.Kind, tt.kind)
			}
			if _, ok := d.Due(); ok {
				t.Errorf("%q must have no due date", tt.text)
			}
			if !d.Start.IsZero() || !d.End.IsZero() || d.Every != "" {
				t.Errorf("%q must have no period and no cadence: %+v", tt.text, d)
			}
		})
	}
	if got := ToBeConfirmed.String(); got != "to be confirmed" {
		t.Errorf("ToBeConfirmed.String() = %q", got)
	}
}

func TestParseRefusedWithFix(t *testing.T) {
	tests := []struct {
		text, problem, hint string
	}{
		// two-digit years: the hint gives the four-digit reading
		{"Oct 12", "two-digit year", "did you mean October 2012?"},
		{"October 25", "two-digit year", "did you mean October 2025?"},
		{"Sept. 26", "two-digit year", "did you mean September 2026?"},
		{"30 Sept 25", "two-digit year", "did you mean 30 September 2025?"},
		{"30/09/25", "two-digit year", "did you mean 30/09/2025?"},
		{"1.4.26", "two-digit year", "did you mean 01/04/2026?"},
		{"Q3 25", "two-digit year", "did you mean Q3 2025?"},
		{"Jan-Mar 26", "two-digit year", "did you mean January–March 2026?"},
		// how Excel saves a cell it shows as a month ("Mar-26") to CSV
		{"Mar-26", "two-digit year", "did you mean March 2026?"},
		{"Jun-26", "two-digit year", "did you mean June 2026?"},
		{"Sep-25", "two-digit year", "did you mean September 2025?"},
		{"Review Oct 12", "two-digit year", "did you mean October 2012?"},
		// a status word: set status
		{"Complete", "a status, not a deadline", "set `status: complete`"},
		{"Completed.", "a status, not a deadline", "set `status: complete`"},
		{"Done", "a status, not a deadline", "set `status: complete`"},
		{"In progress", "a status, not a deadline", "set `status: in-progress`"},
		{"On track", "a status, not a deadline", "set `status: in-progress`"},
		{"Not started", "a status, not a deadline", "set `status: not-started`"},
		{"Cancelled", "a status, not a deadline", "set `status: dropped`"},
		// what cannot be read as one period
		{"Nov-Feb 2026", "ends (February) before it starts (November)", "Nov 2025 - Feb 2026"},
		{"April 2026 and March 2027", "more than one date", ""},
		{"Q3 2025 or Q4 2025", "more than one date", ""},
		{"March or April 2026", "more than one date", ""},
		{"FY2026", "one year", "2025/26"},
		{"Commencing April 2021", "says when work starts", ""},
		{"From April 2026", "says when work starts", ""},
		{"After Q3 2025", "says when work starts", ""},
		{"March 2026 (revised from Dec 2025)", "more than one date: the deadline and the one it was revised from", "write the deadline it is now"},
		{"June 2026 - moved from March 2026", "more than one date: the deadline and the one it was moved from", ""},
		{"Dec 2025, slipped from Sept 2025", "the one it was slipped from", ""},
		{"Septembr 2025 review", `"septembr" is not a month`, `did you mean "September"?`},
		{"Septembr-Mar 2026", "not a form cpp knows", ""},
		{"Review in 2026", "mixes a date with other words", ""},
		{"FY25/27", "consecutive years", "2025/26"},
		{"Q2 25/27", "consecutive years", "2025/26"},
		{"Commencing April 2021, fortnightly-ish", "says when work starts", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := Parse(tt.text, Calendar)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error = %v, want *Error", tt.text, err)
			}
			if !strings.Contains(e.Problem, tt.problem) {
				t.Errorf("problem = %q, want it to contain %q", e.Problem, tt.problem)
			}
			if !strings.Contains(e.Hint, tt.hint) {
				t.Errorf("hint = %q, want it to contain %q", e.Hint, tt.hint)
			}
		})
	}
}

// A cell that mixes a date with other words is not read as its date, for the words may change
// what it means: it is not understood, kept whole, and a plan warns about it and lists it in
// every answer (TestParseRefusedWithFix has the refusals of known forms written wrongly, which
// are errors).
func TestParseNotUnderstood(t *testing.T) {
	tests := []struct {
		text, problem string
	}{
		// the cells: each was read as its date, and an action showed months late
		{"Pilot by June 2026, then ongoing", "mixes a date with other words"},
		{"Scoping -January 2027", "mixes a date with other words"},
		{"Draft: Sept 2026 (tbc)", "says it is to be confirmed"},
		{"Plan agreed by March 2026; delivery ongoing", "mixes a date with other words"},
		{"Plan agreed by March; delivery ongoing", "not a form cpp knows"},
		{"September 2025 Virtual School", "mixes a date with other words"},
		// what was once read as the one date among words
		{"Review progress April 2026", "mixes a date with other words"},
		{"Q3 2025 Commissioning", "mixes a date with other words"},
		{"Report to the board (September 2025)", "mixes a date with other words"},
		{"Launch event: 30.09.2025", "mixes a date with other words"},
		{"Review of the offer by March 2027", "mixes a date with other words"},
		{"Audit in Autumn 2025", "mixes a date with other words"},
		// words cpp does not place in time at all, or places two ways
		{"Statutory: within 20 working days", "not a form cpp knows"},
		{"soon", "not a form cpp knows"},
		{"April 2026 and March 2027", "more than one date"},
		{"From April 2026", "says when work starts"},
		{"Oct 12", "two-digit year"},
		{"Nov-Feb 2026", "ends (February) before it starts (November)"},
		{"FY2026", "one year"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			for _, conv := range []Convention{Calendar, Financial} {
				d, err := Parse(tt.text, conv)
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Parse(%q) = %+v, %v: want it not understood", tt.text, d, err)
				}
				if !strings.Contains(e.Problem, tt.problem) || !NotUnderstood(err) {
					t.Errorf("problem = %q (not understood: %v), want %q, not understood", e.Problem, e.NotUnderstood, tt.problem)
				}
				if d.Text != tt.text {
					t.Errorf("text = %q, want it kept whole", d.Text)
				}
			}
		})
	}
	// Known forms written wrongly are errors to fix, not "not understood".
	for _, text := range []string{"Q5 2025", "Septembr 2025", "31/02/2026", "2025-2025", "Complete", "Q1 2250", "2025-09-30T17:00:00Z"} {
		if _, err := Parse(text, Calendar); err == nil || NotUnderstood(err) {
			t.Errorf("Parse(%q): %v, want an error that is not \"not understood\"", text, err)
		}
	}
}

func hintOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint
	}
	return ""
}

// A long cell is refused at once: the searches for a recurrence's start and for a date among
// words try runs of words, and must not take time that grows with the square of its length.
func TestParseLongCell(t *testing.T) {
	for _, s := range []string{strings.Repeat("a ", 20000), strings.Repeat("monthly ", 5000) + "from"} {
		start := time.Now()
		_, err := Parse(s, Financial)
		if !unknown(err) {
			t.Errorf("Parse(%d bytes): %v, want not a form cpp knows", len(s), err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("Parse(%d bytes) took %v", len(s), took)
		}
	}
}

// A recurrence's start written as a bare quarter is read in the plan's convention, as any other
// quarter is: "From Q2 2025" starts in April in a calendar plan and in July in a financial one.
func TestRecurrenceStartInEachConvention(t *testing.T) {
	for _, tc := range []struct {
		conv  Convention
		start string
	}{
		{Calendar, "2025-04-01"},
		{Financial, "2025-07-01"},
	} {
		d, err := Parse("From Q2 2025 quarterly thereafter", tc.conv)
		if err != nil {
			t.Fatalf("%s: %v", tc.conv, err)
		}
		if got := d.Start.Format(time.DateOnly); d.Kind != Recurring || got != tc.start || d.Convention != tc.conv {
			t.Errorf("%s: %v from %s (%s), want recurring from %s (%s)", tc.conv, d.Kind, got, d.Convention, tc.start, tc.conv)
		}
	}
}
