package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/teambition/rrule-go"
)

// icalEvents is the script command `icalevents FILE`: it reads an iCalendar file as a calendar
// program would, with an independent parser, after checking RFC 5545's line rules (CRLF ends,
// at most 75 octets, whole UTF-8 characters), and prints the calendar's name and each event:
// its UID, day, the first days its RRULE gives and how many in all, summary, description and
// status. Text is printed quoted, so that an escape in it shows.
func icalEvents(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: icalevents FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		ts.Fatalf("%s does not end in CRLF", args[0])
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		switch {
		case strings.ContainsAny(l, "\r\n"):
			ts.Fatalf("%s:%d: a line end that is not CRLF: %q", args[0], i+1, l)
		case len(l) > 75:
			ts.Fatalf("%s:%d: %d octets, more than 75: %q", args[0], i+1, len(l), l)
		case !utf8.ValidString(l):
			ts.Fatalf("%s:%d: not whole UTF-8 characters: %q", args[0], i+1, l)
		}
	}
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	for _, p := range []string{"VERSION", "PRODID"} {
		if cal.Props.Get(p) == nil {
			ts.Fatalf("%s: the calendar has no %s", args[0], p)
		}
	}
	name, _ := cal.Props.Text("X-WR-CALNAME")
	out := ts.Stdout()
	fmt.Fprintf(out, "calendar %q\n", name)
	if desc, _ := cal.Props.Text("X-WR-CALDESC"); desc != "" {
		fmt.Fprintf(out, "description %q\n", desc)
	}
	for _, e := range cal.Events() {
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART"} {
			if e.Props.Get(p) == nil {
				ts.Fatalf("%s: an event has no %s", args[0], p)
			}
		}
		uid, err := e.Props.Text("UID")
		ts.Check(err)
		start, err := e.DateTimeStart(time.UTC)
		ts.Check(err)
		end, err := e.DateTimeEnd(time.UTC)
		ts.Check(err)
		if e.Props.Get("DTSTART").ValueType() != goical.ValueDate || !end.Equal(start.AddDate(0, 0, 1)) {
			ts.Fatalf("%s: event %s is not one whole day", args[0], uid)
		}
		fmt.Fprintf(out, "event %q\n  on %s\n", uid, start.Format(time.DateOnly))
		if opt, err := e.Props.RecurrenceRule(); err != nil {
			ts.Fatalf("%s: event %s: %v", args[0], uid, err)
		} else if opt != nil {
			opt.Dtstart = start
			rule, err := rrule.NewRRule(*opt)
			ts.Check(err)
			var set rrule.Set
			set.RRule(rule)
			// go-ical's RecurrenceSet reads EXDATEs as RDATEs, so the RDATEs are read here.
			for _, p := range e.Props["RDATE"] {
				d, err := p.DateTime(time.UTC)
				ts.Check(err)
				set.RDate(d)
			}
			days := set.Between(start, start.AddDate(100, 0, 0), true)
			var first []string
			for _, d := range days[:min(4, len(days))] {
				first = append(first, d.Format(time.DateOnly))
			}
			fmt.Fprintf(out, "  repeats %s: %s, … (%d days)\n", e.Props.Get("RRULE").Value, strings.Join(first, ", "), len(days))
		}
		for _, p := range []string{"SUMMARY", "DESCRIPTION", "STATUS"} {
			if e.Props.Get(p) == nil {
				continue
			}
			v, err := e.Props.Text(p)
			ts.Check(err)
			fmt.Fprintf(out, "  %s %q\n", strings.ToLower(p), v)
		}
	}
}
