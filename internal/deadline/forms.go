package deadline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/lazyre"
)

// This file reads deadline cells as councils' published plans write them, beyond the tidy forms
// of deadline.go: financial years with two-digit or "FY" years, placeholders (TBC), a status
// typed into the deadline column, a recurrence with its start, and a date among words ("Review
// progress April 2026"). Where a cell could mean two things (a two-digit year, two dates), it is
// refused with a hint that says how to write the one meant, never read as a guess.

const unknownForm = "it is not a form cpp knows"

// unknown reports whether err is the plain "not a form" refusal, with nothing more specific to say.
func unknown(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Problem == unknownForm
}

var (
	// "sept." and "jan." are abbreviations; the full stop says nothing.
	reMonthDot = lazyre.New(`\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	// "FY2025/26", "FY 25-26", "financial year 2025-26": always a financial year.
	reFYPair = lazyre.New(`\b(?:fy|financial year) ?(\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4})\b`)
	// "Q2 25/26": a financial quarter with two-digit years.
	reQuarterShortPair = lazyre.New(`\bq(\d+)[ -]?(\d{2})[/-](\d{2})$`)
	reShortPair        = lazyre.New(`^(\d{2})/(\d{2})$`)
	reFYOne            = lazyre.New(`^(?:fy|financial year) ?(\d{2}|\d{4})$`)
)

// expandYears rewrites the financial-year spellings with short or prefixed years as "2025/26",
// which parsePeriod reads as financial whatever the plan's convention. A bare "25/26" is read so
// only when its years follow each other; "09/25" is not a financial year.
func expandYears(s string) string {
	s = reFYPair.ReplaceAllStringFunc(s, func(m string) string {
		p := reFYPair.FindStringSubmatch(m)
		return century(p[1]) + "/" + p[2]
	})
	s = reQuarterShortPair.ReplaceAllString(s, "q$1 20$2/$3")
	if p := reShortPair.FindStringSubmatch(s); p != nil {
		a, _ := strconv.Atoi(p[1])
		b, _ := strconv.Atoi(p[2])
		if b == (a+1)%100 {
			s = "20" + p[1] + "/" + p[2]
		}
	}
	return s
}

// century reads a two-digit year as this century's: plans are written about the years ahead.
func century(y string) string {
	if len(y) == 2 {
		return "20" + y
	}
	return y
}

var (
	// "Oct 25", and "Mar-26" as Excel saves to CSV a cell it shows as a month
	reShortMonth      = lazyre.New(`^([a-z]+)(?:,? |-)(\d{2})$`)
	reShortWordDate   = lazyre.New(`^(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+),? (\d{2})$`)
	reShortNumDate    = lazyre.New(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$`)
	reShortQuarter    = lazyre.New(`^(?:q|quarter )(\d)[ -]?(\d{2})$`)
	reShortMonthRange = lazyre.New(`^([a-z]+)(?:-| to )([a-z]+),? (\d{2})$`)
)

// twoDigitYear refuses a date with a two-digit year: "Oct 12" could be October 2012 or
// 12 October, so the hint gives the four-digit reading for the writer to confirm.
func twoDigitYear(text, s string) error {
	refuse := func(reading string) error {
		return &Error{Text: text, Problem: "it has a two-digit year", Hint: fmt.Sprintf("did you mean %s?", reading)}
	}
	if m := reShortMonth.FindStringSubmatch(s); m != nil && isMonth(m[1]) {
		return refuse(fmt.Sprintf("%s %s", monthNames[months[m[1]]-1], century(m[2])))
	}
	if m := reShortWordDate.FindStringSubmatch(s); m != nil && isMonth(m[2]) {
		return refuse(fmt.Sprintf("%s %s %s", m[1], monthNames[months[m[2]]-1], century(m[3])))
	}
	if m := reShortNumDate.FindStringSubmatch(s); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		return refuse(fmt.Sprintf("%02d/%02d/%s", d, mo, century(m[3])))
	}
	if m := reShortQuarter.FindStringSubmatch(s); m != nil {
		return refuse(fmt.Sprintf("Q%s %s", m[1], century(m[2])))
	}
	if m := reShortMonthRange.FindStringSubmatch(s); m != nil && isMonth(m[1]) && isMonth(m[2]) {
		return refuse(fmt.Sprintf("%s–%s %s", monthNames[months[m[1]]-1], monthNames[months[m[2]]-1], century(m[3])))
	}
	return nil
}

// oneYearFinancial refuses "FY2026": councils name a financial year by the year it starts in and
// by the year it ends in, and both are common.
func oneYearFinancial(text, s string) error {
	m := reFYOne.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	y, err := year(text, century(m[1]))
	if err != nil {
		return err
	}
	return &Error{Text: text, Problem: "a financial year named by one year could be either of two",
		Hint: fmt.Sprintf("write both years: %d/%02d (April %d to March %d) or %d/%02d", y-1, y%100, y-1, y, y, (y+1)%100)}
}

// placeholders are the squashed spellings of "no date yet".
var placeholders = []string{"tbc", "tba", "tbd", "tbcd", "n/a", "notapplicable", "tobeconfirmed", "tobeagreed",
	"tobedetermined", "tobedecided", "tobearranged"}

// placeholder reports whether s says the date is still to be set: "TBC", or "TBC" followed by
// words with no date in them ("TBC (awaiting funding decision)", "TBC - subject to recruitment").
func placeholder(s string) bool {
	lead := s
	if i := strings.IndexAny(s, "(,;:- "); i > 0 && !strings.HasPrefix(s, "to be ") {
		lead = s[:i]
	} else if strings.HasPrefix(s, "to be ") {
		lead = strings.Join(strings.Fields(s)[:min(3, len(strings.Fields(s)))], " ")
		lead = strings.TrimRight(lead, "(,;:-.")
	}
	return slices.Contains(placeholders, squash(lead)) && !strings.ContainsFunc(s, unicode.IsDigit)
}

// statuses are the squashed status words people type into a deadline column, with the status
// they mean.
var statuses = map[string]string{
	"complete": "complete", "completed": "complete", "done": "complete", "achieved": "complete",
	"closed": "complete", "finished": "complete", "delivered": "complete",
	"inprogress": "in-progress", "underway": "in-progress", "started": "in-progress", "ontrack": "in-progress",
	"progressing": "in-progress",
	"notstarted":  "not-started", "notyetstarted": "not-started",
	"dropped": "dropped", "cancelled": "dropped", "canceled": "dropped", "withdrawn": "dropped",
	"nolongerrequired": "dropped",
}

// statusWord refuses a status typed where the deadline goes ("Complete"): the status has a key
// of its own, and the deadline the action had is lost.
func statusWord(text, s string) error {
	st, ok := statuses[squash(strings.Trim(s, " !.,;:"))]
	if !ok {
		return nil
	}
	return &Error{Text: text, Problem: "it is a status, not a deadline",
		Hint: fmt.Sprintf("set `status: %s`, and give the deadline the action had (or leave `deadline:` out)", st)}
}

// startWords begin a phrase saying when work starts.
// revisedFrom is the refusal of a cell that gives a deadline and the one it moved from ("March
// 2026 (revised from Dec 2025)"): a deadline that moved, not work that starts; nil when words
// (spaced, with a space at each end) say no such thing.
func revisedFrom(text, words string) error {
	if m := reRevisedFrom.FindStringSubmatch(words); m != nil {
		return &Error{Text: text, Problem: "it names more than one date: the deadline and the one it was " + m[1] + " from",
			Hint: "write the deadline it is now; cpp diff and cpp log show where it moved from, and a progress note can say why"}
	}
	return nil
}

// reRevisedFrom finds a word of revisedWords before "from", after anything but a letter ("2026-moved
// from", as dashes are squashed).
var reRevisedFrom = lazyre.New(`(?:^|[^a-z])(` + strings.Join(revisedWords, "|") + `) from `)

// revisedWords say, before "from", that a deadline moved: "revised from Dec 2025".
var revisedWords = []string{"revised", "moved", "changed", "slipped", "delayed", "amended", "extended", "rescheduled", "deferred", "postponed", "brought forward"}

var startWords = []string{"commencing from ", "commencing ", "starting from ", "starting ", "beginning ", "from ", "with effect from "}

// recurrenceWithStart reads a cadence with the date its occurrences start, in either order:
// "Commencing April 2021, biannually thereafter", "Monthly from June 2025". ok is false when s
// is not one; err is set when it is one whose start cannot be read.
func recurrenceWithStart(text, s string, conv Convention) (Deadline, bool, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), " thereafter")
	words := strings.Fields(s)
	if len(words) > maxWords {
		return Deadline{}, false, nil
	}
	trim := func(part string) string {
		part = strings.Trim(part, " ,;:")
		for _, w := range []string{"and then ", "then ", "and "} {
			part = strings.TrimPrefix(part, w)
		}
		for _, w := range []string{" and then", " then", " and"} {
			part = strings.TrimSuffix(part, w)
		}
		return strings.Trim(part, " ,;:")
	}
	for i := 1; i < len(words); i++ {
		left, right := trim(strings.Join(words[:i], " ")), trim(strings.Join(words[i:], " "))
		for _, pair := range [][2]string{{right, left}, {left, right}} {
			every, ok := recurringCadence(pair[0])
			if !ok {
				continue
			}
			rest, ok := cutStart(pair[1])
			if !ok {
				continue
			}
			p, err := parsePeriod(text, rest, conv)
			if err != nil {
				return Deadline{Text: text}, true, err
			}
			return Deadline{Text: text, Kind: Recurring, Every: every, Start: p.Start, Convention: conv}, true, nil
		}
	}
	return Deadline{}, false, nil
}

func cutStart(s string) (string, bool) {
	for _, w := range startWords {
		if strings.HasPrefix(s, w) {
			return strings.TrimPrefix(s, w), true
		}
	}
	return s, false
}

// maxWords bounds the searches for a recurrence's start and for a date among words: deadline
// cells are short, and both searches try every run of words.
const maxWords = 16

// mixedWords is the problem of a cell that holds one date among other words.
const mixedWords = "it mixes a date with other words"

// amongWords looks for a date in a cell with words before or after it ("Review progress April
// 2026", "Pilot by June 2026, then ongoing"), to say what is wrong with it: such a cell is never
// read as its date, since the words may change what it means (a pilot, then ongoing work; a
// draft; a date still to be confirmed). The refusal names the date it found; a cell whose other
// words hold another date, say when work starts, or say the date is to be confirmed gets that
// more specific refusal. ok is false when no run of words reads as a period or gives a more
// specific refusal. A bare year among words ("Review in 2026") is not taken for a date.
func amongWords(text, s string, conv Convention) (Deadline, bool, error) {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > maxWords {
		return Deadline{}, false, nil
	}
	for i, w := range words {
		words[i] = strings.Trim(w, `()[]{},;:"'-`)
	}
	for n := len(words) - 1; n > 0; n-- {
		for i := 0; i+n <= len(words); i++ {
			run := strings.Join(words[i:i+n], " ")
			if reYear.MatchString(run) || reYearPair.MatchString(run) {
				continue
			}
			_, err := parseOne(text, run, conv)
			if unknown(err) || notMonthWord(err) {
				continue
			}
			if err != nil {
				if rerr := revisedFrom(text, " "+strings.Join(words, " ")+" "); rerr != nil {
					err = rerr // "moved from March 2026" is no start
				}
				return Deadline{Text: text}, true, err
			}
			others := append(append([]string{}, words[:i]...), words[i+n:]...)
			if err := otherWords(text, others); err != nil {
				return Deadline{Text: text}, true, err
			}
			return Deadline{Text: text}, true, &Error{Text: text, Problem: mixedWords,
				Hint: `cpp reads a deadline only when the cell is the date alone (with "by", "end of" or "w/c" at most): write the deadline alone, and keep the other words in the action's text or a progress note`}
		}
	}
	return Deadline{}, false, nil
}

// notMonthWord tells a word that is no month ("in 2026", "meeting 2026") from a misspelt month
// ("Septembr 2025"), which is worth a refusal that names the month meant.
func notMonthWord(err error) bool {
	var e *Error
	if !errors.As(err, &e) || !strings.HasSuffix(e.Problem, "is not a month") {
		return false
	}
	word, _ := strconv.Unquote(strings.TrimSuffix(e.Problem, " is not a month"))
	return len(word) < 4 || !strings.HasPrefix(e.Hint, "did you mean")
}

// otherWords checks the words around a date for a second date, a start or a placeholder.
func otherWords(text string, others []string) error {
	rest := " " + strings.Join(others, " ") + " "
	if err := revisedFrom(text, rest); err != nil {
		return err
	}
	for _, w := range startWords {
		if strings.Contains(rest, " "+w) {
			return &Error{Text: text, Problem: "it says when work starts, not when it is due",
				Hint: "write when it is due; for a recurrence, write its start with it (Commencing April 2021, annually thereafter) or give `from:`"}
		}
	}
	for _, w := range []string{" after ", " since "} {
		if strings.Contains(rest, w) {
			return &Error{Text: text, Problem: "it says when work starts, not when it is due",
				Hint: "write when it is due, as in by March 2026"}
		}
	}
	for _, w := range others {
		if slices.Contains(placeholders, squash(w)) {
			return &Error{Text: text, Problem: "it gives a date and says it is to be confirmed",
				Hint: "write the date, or TBC until there is one"}
		}
		_, month := months[w]
		if strings.ContainsFunc(w, unicode.IsDigit) || (month && w != "may") || reQuarterWord.MatchString(w) {
			return &Error{Text: text, Problem: "it names more than one date",
				Hint: "write the one the action is due by; keep the others in the action's text"}
		}
	}
	return nil
}

var reQuarterWord = lazyre.New(`^q[1-4]$`)
