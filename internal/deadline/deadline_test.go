package deadline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDated(t *testing.T) {
	tests := []struct {
		text       string
		conv       Convention
		start, end string
		unit       Unit
		by         bool
	}{
		// calendar quarters and their boundaries
		{"Q1 2025", Calendar, "2025-01-01", "2025-03-31", Quarter, false},
		{"Q2 2025", Calendar, "2025-04-01", "2025-06-30", Quarter, false},
		{"Q3 2025", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		{"Q4 2025", Calendar, "2025-10-01", "2025-12-31", Quarter, false},
		{"q3-2025", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		{"2025Q3", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		{"2025 Q3", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		{"Quarter 3 2025", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		{"  Q3   2025 ", Calendar, "2025-07-01", "2025-09-30", Quarter, false},
		// financial quarters: a bare year is the one the financial year starts in
		{"Q1 2025", Financial, "2025-04-01", "2025-06-30", Quarter, false},
		{"Q3 2025", Financial, "2025-10-01", "2025-12-31", Quarter, false},
		{"Q4 2025", Financial, "2026-01-01", "2026-03-31", Quarter, false},
		// labelled with the financial year: financial whatever the plan says
		{"Q1 2025/26", Calendar, "2025-04-01", "2025-06-30", Quarter, false},
		{"Q3 2025/26", Calendar, "2025-10-01", "2025-12-31", Quarter, false},
		{"Q3 2025-26", Calendar, "2025-10-01", "2025-12-31", Quarter, false},
		{"Q4 2025/2026", Calendar, "2026-01-01", "2026-03-31", Quarter, false},
		{"Q3-2025/26", Calendar, "2025-10-01", "2025-12-31", Quarter, false},
		{"Q4 2099/00", Calendar, "2100-01-01", "2100-03-31", Quarter, false},
		{"Q4 2199", Calendar, "2199-10-01", "2199-12-31", Quarter, false},
		{"1900", Calendar, "1900-01-01", "1900-12-31", Year, false},
		// months
		{"September 2025", Calendar, "2025-09-01", "2025-09-30", Month, false},
		{"Sept 2025", Calendar, "2025-09-01", "2025-09-30", Month, false},
		{"sep 2025", Calendar, "2025-09-01", "2025-09-30", Month, false},
		{"April 2026", Calendar, "2026-04-01", "2026-04-30", Month, false},
		{"February 2024", Calendar, "2024-02-01", "2024-02-29", Month, false},
		{"February 2025", Calendar, "2025-02-01", "2025-02-28", Month, false},
		{"2025-09", Calendar, "2025-09-01", "2025-09-30", Month, false},
		// days
		{"2025-09-30", Calendar, "2025-09-30", "2025-09-30", Day, false},
		{"30/09/2025", Calendar, "2025-09-30", "2025-09-30", Day, false},
		{"1/4/2026", Calendar, "2026-04-01", "2026-04-01", Day, false},
		{"29/02/2028", Calendar, "2028-02-29", "2028-02-29", Day, false},
		{"30 September 2025", Calendar, "2025-09-30", "2025-09-30", Day, false},
		{"31st March 2026", Calendar, "2026-03-31", "2026-03-31", Day, false},
		// years, financial years and ranges
		{"2025", Calendar, "2025-01-01", "2025-12-31", Year, false},
		{"2025/26", Calendar, "2025-04-01", "2026-03-31", FinancialYear, false},
		{"2025-2028", Calendar, "2025-01-01", "2028-12-31", Years, false},
		{"2025 – 2028", Calendar, "2025-01-01", "2028-12-31", Years, false},
		{"2025-2026", Calendar, "2025-01-01", "2026-12-31", Years, false},
		{"2025-26", Calendar, "2025-01-01", "2026-12-31", Years, false},
		{"2025-26", Financial, "2025-04-01", "2026-03-31", FinancialYear, false},
		{"2025-2028", Financial, "2025-04-01", "2028-03-31", Years, false},
		// school terms
		{"Autumn 2025", Calendar, "2025-09-01", "2025-12-31", Term, false},
		{"Spring term 2026", Calendar, "2026-01-01", "2026-03-31", Term, false},
		{"Summer 2026", Calendar, "2026-04-01", "2026-07-31", Term, false},
		// "by"
		{"by 2026", Calendar, "2026-01-01", "2026-12-31", Year, true},
		{"By March 2026", Calendar, "2026-03-01", "2026-03-31", Month, true},
		{"by the end of 2026", Calendar, "2026-01-01", "2026-12-31", Year, true},
		{"End of Q2 2026", Calendar, "2026-04-01", "2026-06-30", Quarter, true},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.conv.String(), func(t *testing.T) {
			d, err := Parse(tt.text, tt.conv)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.text, err)
			}
			if d.Kind != Dated {
				t.Fatalf("kind = %v, want dated", d.Kind)
			}
			if got := d.Start.Format("2006-01-02"); got != tt.start {
				t.Errorf("start = %s, want %s", got, tt.start)
			}
			if got := d.End.Format("2006-01-02"); got != tt.end {
				t.Errorf("end = %s, want %s", got, tt.end)
			}
			if due, ok := d.Due(); !ok || !due.Equal(d.End) {
				t.Errorf("Due() = %v, %v; want the end", due, ok)
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

func TestParseUndated(t *testing.T) {
	tests := []struct {
		text  string
		kind  Kind
		every string
	}{
		{"Ongoing", Open, ""},
		{"ongoing.", Open, ""},
		{"monthly", Recurring, "monthly"},
		{"Monthly", Recurring, "monthly"},
		{"quarterly", Recurring, "quarterly"},
		{"every two months", Recurring, "every two months"},
		{"Every 2 months", Recurring, "every two months"},
		{"annually", Recurring, "annually"},
		{"yearly", Recurring, "annually"},
		{"Reviewed annually", Recurring, "annually"},
		{"every six months", Recurring, "every six months"},
		{"weekly", Recurring, "weekly"},
		{"fortnightly", Recurring, "fortnightly"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, err := Parse(tt.text, Calendar)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.text, err)
			}
			if d.Kind != tt.kind || d.Every != tt.every {
				t.Errorf("got kind %v every %q, want %v %q", d.Kind, d.Every, tt.kind, tt.every)
			}
			if _, ok := d.Due(); ok {
				t.Errorf("an undated deadline must not be due")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		text, problem, hint string
	}{
		{"Q5 2025", "there is no quarter Q5", "quarters run from Q1 to Q4"},
		{"Q0 2025", "there is no quarter Q0", "Q1 to Q4"},
		{"Septembr 2025", `"septembr" is not a month`, `did you mean "September"?`},
		{"Sepember 2025", `"sepember" is not a month`, `did you mean "September"?`},
		{"31/02/2026", "February 2026 has no day 31", "the last day of February 2026 is 28"},
		{"29/02/2025", "February 2025 has no day 29", "is 28"},
		{"2025-13-01", "there is no month 13", "YYYY-MM-DD"},
		{"2025-13", "there is no month 13", "01 to 12"},
		{"Q3 2025/27", "consecutive years", "2025/26"},
		{"2028-2025", "ends (2025) before it starts (2028)", ""},
		{"2025-2025", "the range starts and ends in 2025", "for one year, write 2025"},
		{"2025 - 2025", "the range starts and ends in 2025", "write 2025"},
		{"2025-25", "the range starts and ends in 2025", "write 2025"},
		{"1066", "out of range", "1900 to 2199"},
		{"1899", "the year 1899 is out of range", "1900 to 2199"},
		{"Q1 2250", "the year 2250 is out of range", "1900 to 2199"},
		{"2150-2250", "the year 2250 is out of range", ""},
		{"31/12/9999", "the year 9999 is out of range", ""},
		{"2025-09-30T17:00:00Z", "it is a timestamp, not a date", "write the date only, as YYYY-MM-DD: 2025-09-30"},
		{"2025-09-30 17:00", "it is a timestamp, not a date", "2025-09-30"},
		{"2025-9-3t09:00:00+01:00", "it is a timestamp, not a date", "2025-09-03"},
		{"by 2025-09-30T17:00:00Z", "it is a timestamp, not a date", "2025-09-30"},
		{"", "it is empty", ""},
		{"soon", "not a form cpp knows", "Q3 2025"},
		{"Q3", "not a form cpp knows", ""},
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
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("error %q does not quote the deadline", err)
			}
		})
	}
}

func TestCheckYear(t *testing.T) {
	for y, ok := range map[int]bool{MinYear: true, MaxYear: true, 2025: true, MinYear - 1: false, MaxYear + 1: false, 0: false, 20250: false} {
		err := CheckYear(y)
		if (err == nil) != ok {
			t.Errorf("CheckYear(%d) = %v, want ok %v", y, err, ok)
		}
		if err != nil && !strings.Contains(err.Error(), "1900 to 2199") {
			t.Errorf("CheckYear(%d) = %q: it should say which years are accepted", y, err)
		}
	}
}

func TestTimestamp(t *testing.T) {
	tests := map[string]string{
		"2025-01-01T10:00:00Z":      "2025-01-01",
		"2025-01-01 10:00:00":       "2025-01-01",
		"2025-01-01t10:00":          "2025-01-01",
		"2025-1-2T10:00:00.5+01:00": "2025-01-02",
		"2025-01-01":                "",
		"2025-01-01 to 2025-02-01":  "",
		"Q3 2025":                   "",
	}
	for in, want := range tests {
		got, ok := Timestamp(in)
		if got != want || ok != (want != "") {
			t.Errorf("Timestamp(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Q3 2025", "Q3 2025/26", "September 2025", "31/02/2026", "2025-2028", "by 2026", "monthly",
		"30.09.2025", "the 1st of April 2026", "Sept. 2025", "Q2 25/26", "FY2025/26", "Jan-Mar 2026", "Nov 2025 - Feb 2026",
		"Review progress April 2026", "End of Q2 2025/26", "bi-annually", "Commencing April 2021, biannually thereafter",
		"On-going", "TBC (awaiting funding)", "N/A", "Oct 12", "Complete", "April 2026 and March 2027"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, conv := range []Convention{Calendar, Financial} {
			d, err := Parse(s, conv)
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Problem == "" || e.Hint == "" {
					t.Fatalf("Parse(%q): error %v has no problem or hint", s, err)
				}
				continue
			}
			if d.Text != s {
				t.Fatalf("Parse(%q): text %q not kept as written", s, d.Text)
			}
			switch d.Kind {
			case Dated:
				if d.End.Before(d.Start) {
					t.Fatalf("Parse(%q): end %v before start %v", s, d.End, d.Start)
				}
				if CheckYear(d.Start.Year()) != nil || d.End.Year() > MaxYear+1 {
					t.Fatalf("Parse(%q): period %v – %v outside the years cpp reads", s, d.Start, d.End)
				}
			case Recurring:
				from := d.Start
				if from.IsZero() {
					from = date(2025, 1, 1)
				}
				if _, ok := NewSchedule(d, from, time.Time{}); !ok {
					t.Fatalf("Parse(%q): recurring %q cannot be laid out", s, d.Every)
				}
			case Open, ToBeConfirmed:
				if !d.Start.IsZero() || !d.End.IsZero() || d.Every != "" {
					t.Fatalf("Parse(%q): %v deadline with a period or cadence: %+v", s, d.Kind, d)
				}
			}
		}
	})
}
