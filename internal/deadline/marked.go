package deadline

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/cpp-plans/cpp/internal/lazyre"
	"github.com/cpp-plans/cpp/internal/words"
)

// This file reads a deadline marked "not understood:": the cell as written, kept whole, by
// someone (cpp import, or a person) who knows it cannot be taken as it reads. cpp import writes
// it for a date that reads both ways in a table that writes dates month first (03/04/2026) and
// for a known form written wrongly (31/02/2026, Q5 2025), which would otherwise be an error in
// the plan or a comment that leaves the action undated. Such a deadline is not understood, with
// the reason the rest gives, so every answer that depends on it names the action.

// NotUnderstoodMark is the mark in front of a deadline kept whole and not understood.
const NotUnderstoodMark = "not understood:"

// MarkNotUnderstood is text kept whole as a deadline that Parse reads as not understood.
func MarkNotUnderstood(text string) string { return NotUnderstoodMark + " " + text }

var reMarked = lazyre.New(`(?is)^\s*not\s+understood\s*:\s*(.*?)\s*$`)

// marked reads a deadline marked not understood; ok is false when text has no mark.
func marked(text string, conv Convention) (Deadline, bool, error) {
	m := reMarked.FindStringSubmatch(text)
	if m == nil {
		return Deadline{}, false, nil
	}
	d := Deadline{Text: text, Convention: conv}
	refuse := func(problem, hint string) (Deadline, bool, error) {
		return d, true, &Error{Text: text, Problem: problem, Hint: hint, NotUnderstood: true}
	}
	rest := m[1]
	if rest == "" {
		return refuse("it is marked not understood, with nothing after it", Hint)
	}
	_, err := Parse(rest, conv)
	var e *Error
	if err != nil && errors.As(err, &e) && e.NotUnderstood {
		return refuse(e.Problem, e.Hint)
	}
	if monthFirst, dayFirst, ok := EitherWay(rest); ok {
		return refuse(fmt.Sprintf("%s reads both day first (%s) and month first (%s)", words.OneLine(rest),
			dayFirst.Format("2 January 2006"), monthFirst.Format("2 January 2006")),
			fmt.Sprintf("write the day meant as %s or %s", dayFirst.Format("2006-01-02"), monthFirst.Format("2006-01-02")))
	}
	if err != nil && errors.As(err, &e) {
		return refuse(e.Problem, e.Hint)
	}
	return refuse("it is marked not understood", `once the deadline is checked, write it without "not understood:"`)
}

// reNumDate is a date written with numbers only and a four-digit year: 03/04/2026, 3.4.2026.
var reNumDate = lazyre.New(`\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})\b`)

// EitherWay is the first date in text written with numbers only that reads as two different
// days, month first and day first (03/04/2026 is 4 March or 3 April 2026), as its two readings;
// ok is false when there is none.
func EitherWay(text string) (monthFirst, dayFirst time.Time, ok bool) {
	for _, m := range reNumDate.FindAllStringSubmatch(text, -1) {
		a, c, y := atoi(m[1]), atoi(m[3]), atoi(m[5])
		if m[2] != m[4] || a < 1 || a > 12 || c < 1 || c > 12 || a == c {
			continue
		}
		return date(y, time.Month(a), c), date(y, time.Month(c), a), true
	}
	return time.Time{}, time.Time{}, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
