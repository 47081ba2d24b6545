// Package ical writes iCalendar (RFC 5545) files of all-day events, for Outlook and Google
// Calendar: content lines end in CRLF and are folded at 75 octets, never inside a UTF-8 character
// or an escape; text is escaped, and characters a terminal would act on show as escapes (see
// termsafe), as in every other output meant for people. It owns the format, not what goes in it:
// actions.go makes events of actions, recur.go repeats them as a recurring deadline does.
package ical

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cpp-plans/cpp/internal/termsafe"
)

// ProdID names the program that wrote a calendar, as RFC 5545 asks. It carries no version, so
// that a new release does not change every calendar it writes.
const ProdID = "-//cpp-plans//cpp//EN"

// Calendar is a calendar of all-day events.
type Calendar struct {
	// Name is what a calendar program calls the calendar when it imports it (X-WR-CALNAME).
	Name string
	// Description is what a calendar program shows about the calendar (X-WR-CALDESC): what it
	// leaves out, since a calendar cannot hold an event with no day. Empty writes none.
	Description string
	// Stamp is every event's DTSTAMP: when the calendar was made, given rather than read from the
	// clock so that the same plans on the same day give the same bytes.
	Stamp  time.Time
	Events []Event
}

// Event is one all-day event, or a run of them.
type Event struct {
	// UID is the event's identity: a calendar that imports an event with a UID it has replaces
	// the old one instead of adding a second.
	UID string
	// Day is the (first) day the event falls on.
	Day time.Time
	// Repeat, when it has a Rule, makes Day the first of a run of days.
	Repeat      Recurrence
	Summary     string
	Description string
	// Cancelled marks an event that will not happen (STATUS:CANCELLED).
	Cancelled bool
}

// Recurrence is how a calendar repeats an event: an RRULE from the event's day, up to Until when
// it is not zero, and dates the rule cannot give (RDATE).
type Recurrence struct {
	Rule  string // the RRULE value without UNTIL; empty when the event happens once
	Until time.Time
	Extra []time.Time
}

// Write writes the calendar.
func Write(w io.Writer, c Calendar) error {
	lw := &lineWriter{w: bufio.NewWriter(w)}
	lw.line("BEGIN", "VCALENDAR")
	lw.line("VERSION", "2.0")
	lw.line("PRODID", Text(ProdID))
	lw.line("CALSCALE", "GREGORIAN")
	lw.line("METHOD", "PUBLISH")
	if c.Name != "" {
		lw.line("X-WR-CALNAME", Text(c.Name))
	}
	if c.Description != "" {
		lw.line("X-WR-CALDESC", Text(c.Description))
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		lw.line("BEGIN", "VEVENT")
		lw.line("UID", Text(e.UID))
		lw.line("DTSTAMP", stamp)
		lw.line("DTSTART;VALUE=DATE", Date(e.Day))
		// An all-day event ends (exclusively) the next day: RFC 5545 3.6.1.
		lw.line("DTEND;VALUE=DATE", Date(e.Day.AddDate(0, 0, 1)))
		if r := e.Repeat; r.Rule != "" {
			rule := r.Rule
			if !r.Until.IsZero() {
				rule += ";UNTIL=" + Date(r.Until)
			}
			lw.line("RRULE", rule)
			for _, d := range r.Extra {
				lw.line("RDATE;VALUE=DATE", Date(d))
			}
		}
		lw.line("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			lw.line("DESCRIPTION", Text(e.Description))
		}
		if e.Cancelled {
			lw.line("STATUS", "CANCELLED")
		}
		// A deadline is not a meeting: it leaves the day free in a diary.
		lw.line("TRANSP", "TRANSPARENT")
		lw.line("END", "VEVENT")
	}
	lw.line("END", "VCALENDAR")
	if lw.err != nil {
		return lw.err
	}
	return lw.w.Flush()
}

// Date is a DATE value: 20250930.
func Date(t time.Time) string { return t.Format("20060102") }

// Text is s as a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped,
// and every character a terminal would act on shown as an escape, as termsafe writes it (ESC as
// `\x1b`), since control characters are not allowed in TEXT and are not meant to be in a plan.
// Every line break (termsafe.LineBreak: "\r\n", U+2028 among them) is a newline, `\n`.
func Text(s string) string {
	s = termsafe.Text(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineWriter writes content lines, keeping the first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

// maxOctets is the longest a content line may be, CRLF not counted (RFC 5545 3.1).
const maxOctets = 75

// line writes "name:value" folded: each physical line at most 75 octets, each continuation
// starting with one space. It folds between characters and never inside an escape, so that a
// reader that unescapes before it unfolds (against the RFC, but some do) still reads the text.
func (lw *lineWriter) line(name, value string) {
	if lw.err != nil {
		return
	}
	s := name + ":" + value
	limit := maxOctets
	for len(s) > limit {
		cut := 0
		for cut < len(s) {
			n := atom(s, cut)
			if cut+n > limit {
				break
			}
			cut += n
		}
		lw.write(s[:cut], "\r\n ")
		s = s[cut:]
		limit = maxOctets - 1 // the space that starts a continuation counts
	}
	lw.write(s, "\r\n")
}

func (lw *lineWriter) write(s, end string) {
	if lw.err != nil {
		return
	}
	if _, err := lw.w.WriteString(s); err != nil {
		lw.err = err
		return
	}
	_, lw.err = lw.w.WriteString(end)
}

// atom is the length of what may not be split at s[i]: an escape (Text writes every backslash
// as the start of one) or one UTF-8 character.
func atom(s string, i int) int {
	if s[i] == '\\' && i+1 < len(s) {
		_, n := utf8.DecodeRuneInString(s[i+1:])
		return 1 + n
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}
