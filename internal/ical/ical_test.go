package ical

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// physicalLines splits a calendar at CRLF and fails on any other line end.
func physicalLines(t *testing.T, b []byte) []string {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("calendar does not end in CRLF: %q", b[max(0, len(b)-20):])
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
	}
	return lines
}

// checkLines checks RFC 5545 3.1 on every physical line: at most 75 octets, whole UTF-8
// characters, only a continuation starting with a space, and no control character but tab.
func checkLines(t *testing.T, b []byte) {
	t.Helper()
	for i, l := range physicalLines(t, b) {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character or is not UTF-8: %q", i+1, l)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
				t.Errorf("line %d has control character %U: %q", i+1, r, l)
			}
		}
		if i > 0 && strings.HasPrefix(l, "\t") {
			t.Errorf("line %d continues with a tab; this writer uses one space", i+1)
		}
	}
}

func decode(t *testing.T, b []byte) *goical.Calendar {
	t.Helper()
	cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("an iCalendar parser refuses the output: %v\n%s", err, b)
	}
	return cal
}

// Text that is hostile to a line-based format: every TEXT escape, a long line, characters of
// several UTF-8 lengths at every offset a fold can fall on, and terminal escapes.
func TestTextSurvivesAParser(t *testing.T) {
	long := strings.Repeat("Ensure care leavers, in every borough; ", 12)
	cases := []struct{ name, in, want string }{
		{"plain", "Create a peer mentoring programme.", ""},
		{"escapes", `a\b;c,d` + "\nsecond line\n\nafter a blank", ""},
		{"backslash at a fold", strings.Repeat(`\`, 200), ""},
		{"long", long, ""},
		{"emoji", strings.Repeat("🎉 celebrate ", 30), ""},
		{"accents and CJK", strings.Repeat("Children’s café 児童 ", 25), ""},
		{"one byte in", "x" + strings.Repeat("é", 80), ""},
		{"two bytes in", "xx" + strings.Repeat("😀", 80), ""},
		{"tab", "a\tb", ""},
		{"CRLF", "a\r\nb", "a\nb"},
		{"line and paragraph separators", "a\u2028b\u2029c\u0085d", "a\nb\nc\nd"},
		{"terminal escapes", "Review \x1b[31mthe plan\x1b[0m\a now", `Review \x1b[31mthe plan\x1b[0m\a now`},
		{"C1 and bidi", "a\u009bb\u202ec", `a\u009bb\u202ec`},
		{"not UTF-8", "a\xffb", `a\xffb`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := c.want
			if want == "" {
				want = c.in
			}
			var b bytes.Buffer
			err := Write(&b, Calendar{Name: c.in, Stamp: day(2025, 10, 1), Events: []Event{{
				UID: "uid," + c.in, Day: day(2025, 9, 30), Summary: c.in, Description: c.in,
			}}})
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, b.Bytes())
			cal := decode(t, b.Bytes())
			if got, err := cal.Props.Text("X-WR-CALNAME"); err != nil || got != want {
				t.Errorf("X-WR-CALNAME reads back %q, %v; want %q", got, err, want)
			}
			events := cal.Events()
			if len(events) != 1 {
				t.Fatalf("%d events, want 1", len(events))
			}
			for _, p := range []string{"SUMMARY", "DESCRIPTION"} {
				if got, err := events[0].Props.Text(p); err != nil || got != want {
					t.Errorf("%s reads back %q, %v; want %q", p, got, err, want)
				}
			}
			if got, err := events[0].Props.Text("UID"); err != nil || got != "uid,"+want {
				t.Errorf("UID reads back %q, %v; want %q", got, err, "uid,"+want)
			}
		})
	}
}

// An all-day event: DTSTART and DTEND are DATEs, the end the next day (exclusive); the
// calendar has what RFC 5545 requires of it and of each event.
func TestAllDayEvent(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, Calendar{Name: "Due", Stamp: day(2025, 10, 1), Events: []Event{
		{UID: "a", Day: day(2025, 12, 31), Summary: "A: one"},
		{UID: "b", Day: day(2026, 2, 28), Summary: "B: two", Cancelled: true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, b.Bytes())
	cal := decode(t, b.Bytes())
	for _, p := range []string{"VERSION", "PRODID"} {
		if cal.Props.Get(p) == nil {
			t.Errorf("calendar has no %s", p)
		}
	}
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("%d events, want 2", len(events))
	}
	wantDays := [][2]time.Time{{day(2025, 12, 31), day(2026, 1, 1)}, {day(2026, 2, 28), day(2026, 3, 1)}}
	for i, e := range events {
		for _, p := range []string{"DTSTART", "DTEND"} {
			if v := e.Props.Get(p).ValueType(); v != goical.ValueDate {
				t.Errorf("event %d: %s is a %s, want a DATE", i, p, v)
			}
		}
		start, err1 := e.DateTimeStart(time.UTC)
		end, err2 := e.DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || !start.Equal(wantDays[i][0]) || !end.Equal(wantDays[i][1]) {
			t.Errorf("event %d: %v to %v (%v, %v); want %v to %v", i, start, end, err1, err2, wantDays[i][0], wantDays[i][1])
		}
		stamp, err := e.Props.DateTime("DTSTAMP", time.UTC)
		if err != nil || !stamp.Equal(day(2025, 10, 1)) || !strings.HasSuffix(e.Props.Get("DTSTAMP").Value, "Z") {
			t.Errorf("event %d: DTSTAMP %v, %v; want 2025-10-01 in UTC", i, stamp, err)
		}
	}
	if st, _ := events[1].Status(); st != goical.EventCancelled {
		t.Errorf("dropped event's status is %q, want CANCELLED", st)
	}
	if st := events[0].Props.Get("STATUS"); st != nil {
		t.Errorf("event has STATUS %q, want none", st.Value)
	}
}

// A calendar with no events still parses, so that a query with no dated action writes a
// calendar that empties the old one rather than an error.
func TestEmptyCalendar(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Calendar{Name: "Nothing due", Stamp: day(2025, 10, 1)}); err != nil {
		t.Fatal(err)
	}
	checkLines(t, b.Bytes())
	if n := len(decode(t, b.Bytes()).Events()); n != 0 {
		t.Errorf("%d events, want none", n)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFull }

var errFull = errors.New("disk full")

func TestWriteError(t *testing.T) {
	err := Write(failWriter{}, Calendar{Events: []Event{{UID: "a", Day: day(2025, 1, 1), Summary: strings.Repeat("x", 10000)}}})
	if err != errFull {
		t.Errorf("Write returned %v, want the writer's error", err)
	}
}
