// Package deadline reads deadlines as councils write them ("Q3 2025", "September 2025",
// "2025-2028", "Reviewed annually") into periods, under the calendar or financial quarter
// convention. It owns the only definition of what a quarter, a financial year and a school term
// cover, and of when each occurrence of a recurring deadline falls (recur.go).
package deadline

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/lazyre"
	"github.com/cpp-plans/cpp/internal/suggest"
)

// Convention says how a bare quarter ("Q3 2025") is read.
type Convention int

const (
	// Calendar quarters: Q1 is January to March.
	Calendar Convention = iota
	// Financial quarters: Q1 is April to June; the year named is the one the financial year starts in.
	Financial
)

func (c Convention) String() string {
	if c == Financial {
		return "financial"
	}
	return "calendar"
}

// ParseConvention reads "calendar" or "financial".
func ParseConvention(s string) (Convention, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "calendar":
		return Calendar, true
	case "financial":
		return Financial, true
	}
	return Calendar, false
}

// Kind says whether a deadline falls due.
type Kind int

const (
	// Dated deadlines fall due at the end of their period.
	Dated Kind = iota
	// Recurring deadlines ("monthly", "Reviewed annually") repeat: each occurrence falls due at
	// the end of its period (see Schedule).
	Recurring
	// Open deadlines ("Ongoing") have no end.
	Open
	// ToBeConfirmed deadlines ("TBC", "TBA", "N/A") hold a place for a date nobody has set yet:
	// no period, never due, and listed apart so that someone sets one.
	ToBeConfirmed
)

func (k Kind) String() string {
	switch k {
	case Recurring:
		return "recurring"
	case Open:
		return "open"
	case ToBeConfirmed:
		return "to be confirmed"
	}
	return "dated"
}

// Unit names the size of a dated period, for people reading output.
type Unit string

const (
	Day           Unit = "day"
	Month         Unit = "month"
	Quarter       Unit = "quarter"
	Term          Unit = "term"
	Year          Unit = "year"
	FinancialYear Unit = "financial year"
	Years         Unit = "years"
	Months        Unit = "months"
	// Week is the week a "w/c 5 January 2026" (week commencing) cell names: seven days.
	Week Unit = "week"
)

// Deadline is a deadline as written and what it means.
type Deadline struct {
	Text string // as written
	Kind Kind
	// Start and End are the first and last day of a dated period (UTC midnight). Due is End.
	// A recurring deadline written with its start ("Commencing April 2021, biannually
	// thereafter") has that start in Start, where its occurrences begin when the action gives
	// no `from:`; End is zero.
	Start, End time.Time
	Unit       Unit
	// Convention is the convention a quarter was read in; Financial for "Q3 2025/26" whatever the plan says.
	Convention Convention
	// Every is the cadence of a recurring deadline: "monthly", "every two months", "quarterly", "annually".
	Every string
	// By marks "by 2026": due at the end, with no promise about when work starts.
	By bool
}

// Due is the date a dated deadline falls due; ok is false for recurring and open deadlines.
func (d Deadline) Due() (time.Time, bool) {
	if d.Kind != Dated {
		return time.Time{}, false
	}
	return d.End, true
}

// Error explains why a deadline could not be read.
type Error struct {
	Text    string
	Problem string
	Hint    string
	// NotUnderstood marks a cell that is words cpp does not place in time (a date mixed with
	// other words, two dates, a start, a two-digit year), as against a known form written wrongly
	// (Q5 2025, 31/02/2026, a misspelt month). A plan keeps such a deadline as written and every
	// answer that depends on it lists the action as "deadline not understood"; it is a warning,
	// where a known form written wrongly is an error to fix.
	NotUnderstood bool
}

// NotUnderstood reports whether err says a deadline is not understood (see Error.NotUnderstood).
func NotUnderstood(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.NotUnderstood
}

func (e *Error) Error() string {
	return fmt.Sprintf("cannot read deadline %q: %s", e.Text, e.Problem)
}

// Hint is the standard list of forms, for errors with no better suggestion.
const Hint = "write a quarter (Q3 2025, Q3 2025/26), a month (September 2025), a date (2025-09-30 or 30/09/2025), a year or range (2025, 2025-2028), or a recurrence (monthly, Reviewed annually)"

// recurring maps each spelling of a cadence, squashed (see squash), to its name.
var recurring = map[string]string{
	"weekly": "weekly", "everyweek": "weekly", "eachweek": "weekly",
	"fortnightly": "fortnightly", "everytwoweeks": "fortnightly", "every2weeks": "fortnightly",
	"monthly": "monthly", "everymonth": "monthly", "eachmonth": "monthly",
	"bimonthly": "every two months", "everytwomonths": "every two months", "every2months": "every two months",
	"twomonthly": "every two months", "2monthly": "every two months",
	"quarterly": "quarterly", "everyquarter": "quarterly", "eachquarter": "quarterly",
	"threemonthly": "quarterly", "3monthly": "quarterly", "everythreemonths": "quarterly", "every3months": "quarterly",
	"termly": "termly", "everyterm": "termly", "eachterm": "termly",
	"sixmonthly": "every six months", "6monthly": "every six months", "everysixmonths": "every six months",
	"every6months": "every six months", "biannually": "every six months", "biannual": "every six months",
	"halfyearly": "every six months", "semiannually": "every six months", "semiannual": "every six months",
	"twiceayear": "every six months", "twiceyearly": "every six months", "twiceannually": "every six months",
	"annually": "annually", "annual": "annually", "yearly": "annually", "everyyear": "annually",
	"eachyear": "annually", "everytwelvemonths": "annually", "every12months": "annually",
}

// open holds the squashed spellings of a deadline with no end.
var open = map[string]bool{"ongoing": true, "continuous": true, "continual": true, "throughout": true}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var (
	reQuarter    = lazyre.New(`^(?:q|quarter )(\d+)[ -]*(\d{4})(?:[/-](\d{2}|\d{4}))?$`)
	reQuarterRev = lazyre.New(`^(\d{4})(?:[/-](\d{2}|\d{4}))?[ -]*q(\d+)$`)
	reYear       = lazyre.New(`^(\d{4})$`)
	reYearPair   = lazyre.New(`^(\d{4}) ?([/-]) ?(\d{2}|\d{4})$`)
	reISODate    = lazyre.New(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reISOMonth   = lazyre.New(`^(\d{4})-(\d{1,2})$`)
	reUKDate     = lazyre.New(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})$`)
	reWordDate   = lazyre.New(`^(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+),? (\d{4})$`)
	reMonthDay   = lazyre.New(`^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`)
	reWordMonth  = lazyre.New(`^([a-z]+),? (\d{4})$`)
	reMonthRange = lazyre.New(`^([a-z]+)(?: (\d{4}))?(?:-| to | until )([a-z]+),? (\d{4})$`)
	reTerm       = lazyre.New(`^(autumn|spring|summer)(?: term)? (\d{4})$`)
)

// Parse reads a deadline as written; conv is the plan's quarter convention.
func Parse(text string, conv Convention) (Deadline, error) {
	d := Deadline{Text: text, Convention: conv}
	s := normalise(text)
	if s == "" {
		return d, &Error{Text: text, Problem: "it is empty", Hint: Hint}
	}
	if m, ok, err := marked(text, conv); ok {
		return m, err
	}
	if placeholder(s) {
		d.Kind = ToBeConfirmed
		return d, nil
	}
	if open[squash(s)] {
		d.Kind = Open
		return d, nil
	}
	if err := statusWord(text, s); err != nil {
		return d, err
	}
	if every, ok := recurringCadence(s); ok {
		d.Kind, d.Every = Recurring, every
		return d, nil
	}
	if r, ok, err := recurrenceWithStart(text, s, conv); ok || err != nil {
		return r, err
	}
	p, err := parseOne(text, s, conv)
	if unknown(err) {
		if _, ok, werr := amongWords(text, s, conv); ok {
			err = werr
		}
	}
	if err != nil {
		markNotUnderstood(err)
		return d, err
	}
	p.Text = text
	return p, nil
}

// notUnderstoodProblems begin the problems of a cell that is words cpp does not place in time,
// rather than a known form written wrongly.
var notUnderstoodProblems = []string{unknownForm, mixedWords, "it names more than one date", "it says when work starts",
	"it gives a date and says it is to be confirmed", "it has a two-digit year", "a financial year named by one year"}

func markNotUnderstood(err error) {
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	for _, p := range notUnderstoodProblems {
		if strings.HasPrefix(e.Problem, p) {
			e.NotUnderstood = true
		}
	}
}

// parseOne reads one period, with or without "by" (or another word that changes nothing, see
// cutLabel) in front.
func parseOne(text, s string, conv Convention) (Deadline, error) {
	s = cutLabel(s)
	if rest, ok := cutWeek(s); ok {
		d, err := parsePeriod(text, rest, conv)
		if err != nil {
			return d, err
		}
		if d.Unit != Day {
			return Deadline{Text: text}, &Error{Text: text, Problem: "a week commencing is a day, as in w/c 5 January 2026", Hint: Hint}
		}
		d.End, d.Unit = d.Start.AddDate(0, 0, 6), Week
		return d, nil
	}
	if rest, ok := cutBy(s); ok {
		inner, err := parsePeriod(text, rest, conv)
		if err != nil {
			return inner, err
		}
		inner.By = true
		return inner, nil
	}
	return parsePeriod(text, s, conv)
}

// dashes makes the dashes and spaces people type the same; built once, as a replacer is costly.
var dashes = strings.NewReplacer("–", "-", "—", "-", "\u00a0", " ")

func normalise(s string) string {
	s = dashes.Replace(strings.ToLower(s))
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSuffix(s, ".")
	s = reMonthDot.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, " - ", "-")
	s = strings.ReplaceAll(s, " / ", "/")
	return expandYears(s)
}

func recurringCadence(s string) (string, bool) {
	s = strings.Trim(s, " ,;:")
	for _, prefix := range []string{"", "reviewed ", "review ", "reported ", "to be reviewed ", "updated "} {
		if !strings.HasPrefix(s, prefix) {
			continue
		}
		rest := strings.TrimPrefix(s, prefix)
		for _, suffix := range []string{"", " review", " reviews", " report", " reporting", " meetings"} {
			if strings.HasSuffix(rest, suffix) {
				if every, ok := recurring[squash(strings.TrimSuffix(rest, suffix))]; ok {
					return every, true
				}
			}
		}
	}
	return "", false
}

// squash drops the spaces and hyphens people put in or leave out of one word: "bi-annually",
// "bi annually" and "biannually" are one spelling, as are "on-going" and "ongoing".
func squash(s string) string { return squasher.Replace(s) }

var squasher = strings.NewReplacer("-", "", " ", "", ".", "")

// labels are words in front of a date that change nothing: "Due: March 2026", "Target date
// March 2026", "In September 2025".
var labels = []string{"target date:", "target date ", "target:", "target ", "deadline:", "due date:", "due:",
	"due ", "date:", "in ", "during "}

// cutLabel strips one label from the front.
func cutLabel(s string) string {
	for _, l := range labels {
		if rest, ok := strings.CutPrefix(s, l); ok && rest != "" {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// cutWeek strips "w/c" and "week commencing" from the front: the week that starts on the day
// that follows.
func cutWeek(s string) (string, bool) {
	for _, prefix := range []string{"w/c ", "wc ", "w/c: ", "week commencing ", "week beginning ", "w/b "} {
		if rest, ok := strings.CutPrefix(s, prefix); ok {
			return rest, true
		}
	}
	return s, false
}

// cutBy strips "by", "by the end of", "end of" and similar from the front.
func cutBy(s string) (string, bool) {
	for _, prefix := range []string{"by the end of ", "by end of ", "by end ", "by ", "end of ", "end ", "before the end of ",
		"no later than ", "to be completed by ", "completed by ", "complete by ", "to complete by ", "due by "} {
		if strings.HasPrefix(s, prefix) {
			return strings.TrimPrefix(s, prefix), true
		}
	}
	return s, false
}

func parsePeriod(text, s string, conv Convention) (Deadline, error) {
	fail := func(problem, hint string) (Deadline, error) {
		if hint == "" {
			hint = Hint
		}
		return Deadline{Text: text}, &Error{Text: text, Problem: problem, Hint: hint}
	}
	if m := reQuarter.FindStringSubmatch(s); m != nil {
		return quarter(text, m[1], m[2], m[3], conv)
	}
	if m := reQuarterRev.FindStringSubmatch(s); m != nil {
		return quarter(text, m[3], m[1], m[2], conv)
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		y, err := year(text, m[1])
		if err != nil {
			return Deadline{Text: text}, err
		}
		return dated(date(y, 1, 1), date(y, 12, 31), Year, conv), nil
	}
	if m := reYearPair.FindStringSubmatch(s); m != nil && !isoMonthLike(m[1], m[2], m[3]) {
		return yearPair(text, m[1], m[2], m[3], conv)
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return day(text, m[1], m[2], m[3], conv)
	}
	if m := reISOMonth.FindStringSubmatch(s); m != nil {
		y, err := year(text, m[1])
		if err != nil {
			return Deadline{Text: text}, err
		}
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return fail(fmt.Sprintf("there is no month %d", mo), "months run from 01 to 12, as in 2025-09")
		}
		return monthPeriod(y, time.Month(mo), conv), nil
	}
	if m := reUKDate.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return day(text, m[5], m[3], m[1], conv)
	}
	if m := reTerm.FindStringSubmatch(s); m != nil {
		y, err := year(text, m[2])
		if err != nil {
			return Deadline{Text: text}, err
		}
		switch m[1] {
		case "autumn":
			return dated(date(y, 9, 1), date(y, 12, 31), Term, conv), nil
		case "spring":
			return dated(date(y, 1, 1), date(y, 3, 31), Term, conv), nil
		default:
			return dated(date(y, 4, 1), date(y, 7, 31), Term, conv), nil
		}
	}
	if m := reMonthRange.FindStringSubmatch(s); m != nil && isMonth(m[1]) && isMonth(m[3]) {
		return monthRange(text, m[1], m[2], m[3], m[4], conv)
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil && isMonth(m[1]) {
		return day(text, m[3], strconv.Itoa(int(months[m[1]])), m[2], conv)
	}
	if m := reWordDate.FindStringSubmatch(s); m != nil {
		mo, ok := months[m[2]]
		if !ok {
			return fail(fmt.Sprintf("%q is not a month", m[2]), monthHint(m[2]))
		}
		return day(text, m[3], strconv.Itoa(int(mo)), m[1], conv)
	}
	if m := reWordMonth.FindStringSubmatch(s); m != nil {
		mo, ok := months[m[1]]
		if !ok {
			return fail(fmt.Sprintf("%q is not a month", m[1]), monthHint(m[1]))
		}
		y, err := year(text, m[2])
		if err != nil {
			return Deadline{Text: text}, err
		}
		return monthPeriod(y, mo, conv), nil
	}
	if day, ok := Timestamp(s); ok {
		return fail("it is a timestamp, not a date", "write the date only, as YYYY-MM-DD: "+day)
	}
	if err := twoDigitYear(text, s); err != nil {
		return Deadline{Text: text}, err
	}
	if err := oneYearFinancial(text, s); err != nil {
		return Deadline{Text: text}, err
	}
	if d, ok := periodRange(text, s, conv); ok {
		return d, nil
	}
	return fail(unknownForm, "")
}

// periodRange reads two periods joined by "to", "until" or a dash ("2023/24 to 2025/26",
// "Q3 2025 - Q1 2026"): from the start of the first to the end of the second. ok is false unless
// both sides read and the first starts no later than the second ends.
func periodRange(text, s string, conv Convention) (Deadline, bool) {
	if len(s) > 60 {
		return Deadline{}, false
	}
	for i := 1; i < len(s)-1; i++ {
		var left, right string
		switch {
		case strings.HasPrefix(s[i:], " to "):
			left, right = s[:i], s[i+4:]
		case strings.HasPrefix(s[i:], " until "):
			left, right = s[:i], s[i+7:]
		case s[i] == '-':
			left, right = s[:i], s[i+1:]
		default:
			continue
		}
		a, err := parsePeriod(text, strings.TrimSpace(left), conv)
		if err != nil || a.Kind != Dated {
			continue
		}
		b, err := parsePeriod(text, strings.TrimSpace(right), conv)
		if err != nil || b.Kind != Dated || b.End.Before(a.Start) {
			continue
		}
		unit := Years
		if a.Unit == Month || a.Unit == Day || a.Unit == Quarter || a.Unit == Months {
			unit = Months
		}
		return dated(a.Start, b.End, unit, conv), true
	}
	return Deadline{}, false
}

func monthHint(word string) string {
	best, bestDist := "", 3
	for _, name := range monthNames {
		if d := suggest.Distance(strings.ToLower(name), word); d < bestDist {
			best, bestDist = name, d
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "write the month in full, as in September 2025"
}

func quarter(text, qs, ys, fys string, conv Convention) (Deadline, error) {
	q, _ := strconv.Atoi(qs)
	if q < 1 || q > 4 {
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("there is no quarter Q%d", q),
			Hint: "quarters run from Q1 to Q4"}
	}
	y, err := year(text, ys)
	if err != nil {
		return Deadline{Text: text}, err
	}
	if fys != "" {
		if err := checkFinancialPair(text, y, fys); err != nil {
			return Deadline{Text: text}, err
		}
		conv = Financial
	}
	var start time.Time
	if conv == Financial {
		start = date(y, 4, 1).AddDate(0, 3*(q-1), 0)
	} else {
		start = date(y, time.Month(3*(q-1)+1), 1)
	}
	d := dated(start, start.AddDate(0, 3, -1), Quarter, conv)
	return d, nil
}

// consecutive reports whether second (two or four digits) is the year after y.
func consecutive(y int, second string) bool {
	y2, _ := strconv.Atoi(second)
	if len(second) == 2 {
		return y2 == (y+1)%100
	}
	return y2 == y+1
}

// checkFinancialPair insists that "2025/26" names consecutive years.
func checkFinancialPair(text string, y int, second string) error {
	y2, _ := strconv.Atoi(second)
	if len(second) == 2 {
		y2 += y / 100 * 100
		if y2 < y {
			y2 += 100
		}
	}
	if y2 != y+1 {
		return &Error{Text: text, Problem: fmt.Sprintf("a financial year runs over two consecutive years, not %d to %d", y, y2),
			Hint: fmt.Sprintf("did you mean %d/%02d?", y, (y+1)%100)}
	}
	return nil
}

// isoMonthLike tells "2025-09" (a month) from "2025-26" (two years): a two-digit second part
// that cannot be a later year in the same century is read as a month. "2025-25" is neither, and
// is read as a range so that it is told to be one year.
func isoMonthLike(ys, sep, second string) bool {
	if sep != "-" || len(second) != 2 {
		return false
	}
	y, _ := strconv.Atoi(ys)
	n, _ := strconv.Atoi(second)
	return n < y%100 || (n == y%100 && n <= 12)
}

func yearPair(text, ys, sep, second string, conv Convention) (Deadline, error) {
	y, err := year(text, ys)
	if err != nil {
		return Deadline{Text: text}, err
	}
	financial := sep == "/" || (conv == Financial && len(second) == 2 && consecutive(y, second))
	if financial {
		if err := checkFinancialPair(text, y, second); err != nil {
			return Deadline{Text: text}, err
		}
		return dated(date(y, 4, 1), date(y+1, 3, 31), FinancialYear, Financial), nil
	}
	y2, _ := strconv.Atoi(second)
	if len(second) == 2 {
		y2 += y / 100 * 100
		if y2 < y {
			y2 += 100
		}
	}
	if y2 == y {
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("the range starts and ends in %d", y),
			Hint: fmt.Sprintf("for one year, write %d", y)}
	}
	if y2 < y {
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("the range ends (%d) before it starts (%d)", y2, y),
			Hint: "write the earlier year first, as in 2025-2028"}
	}
	if _, err := year(text, strconv.Itoa(y2)); err != nil {
		return Deadline{Text: text}, err
	}
	if conv == Financial {
		// A financial-year plan's "2025-2028" runs from April 2025 to the end of March 2028.
		return dated(date(y, 4, 1), date(y2, 3, 31), Years, conv), nil
	}
	return dated(date(y, 1, 1), date(y2, 12, 31), Years, conv), nil
}

func day(text, ys, ms, ds string, conv Convention) (Deadline, error) {
	y, err := year(text, ys)
	if err != nil {
		return Deadline{Text: text}, err
	}
	mo, _ := strconv.Atoi(ms)
	dd, _ := strconv.Atoi(ds)
	if mo < 1 || mo > 12 {
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("there is no month %d", mo),
			Hint: "write dates as YYYY-MM-DD or DD/MM/YYYY (day first, as in 30/09/2025)"}
	}
	t := date(y, time.Month(mo), dd)
	if dd < 1 || t.Month() != time.Month(mo) {
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("%s %d has no day %d", monthNames[mo-1], y, dd),
			Hint: fmt.Sprintf("the last day of %s %d is %d", monthNames[mo-1], y, daysIn(y, time.Month(mo)))}
	}
	return dated(t, t, Day, conv), nil
}

// monthRange reads "Jan-Mar 2026" and "Nov 2025 - Feb 2026": from the first day of one month
// to the last of the other. A range with one year that turns the year ("Nov-Feb 2026") is
// refused, as either year could be meant.
func monthRange(text, m1, y1s, m2, y2s string, conv Convention) (Deadline, error) {
	from, to := months[m1], months[m2]
	y2, err := year(text, y2s)
	if err != nil {
		return Deadline{Text: text}, err
	}
	y1 := y2
	if y1s != "" {
		if y1, err = year(text, y1s); err != nil {
			return Deadline{Text: text}, err
		}
	}
	if y1 > y2 || (y1 == y2 && from > to) {
		hint := "write the earlier month first"
		if y1s == "" {
			hint = fmt.Sprintf("write the years, as in %.3s %d - %.3s %d", monthNames[from-1], y2-1, monthNames[to-1], y2)
		}
		// With one year, either year could be meant: not understood, rather than wrong.
		return Deadline{Text: text}, &Error{Text: text, Problem: fmt.Sprintf("the range ends (%s) before it starts (%s)",
			monthNames[to-1], monthNames[from-1]), Hint: hint, NotUnderstood: y1s == ""}
	}
	end := monthPeriod(y2, to, conv).End
	return dated(date(y1, from, 1), end, Months, conv), nil
}

func isMonth(word string) bool {
	_, ok := months[word]
	return ok
}

func monthPeriod(y int, m time.Month, conv Convention) Deadline {
	start := date(y, m, 1)
	return dated(start, start.AddDate(0, 1, -1), Month, conv)
}

func year(text, s string) (int, error) {
	y, _ := strconv.Atoi(s)
	if err := CheckYear(y); err != nil {
		return 0, &Error{Text: text, Problem: fmt.Sprintf("the year %s is out of range", s), Hint: YearHint}
	}
	return y, nil
}

// MinYear and MaxYear bound the years cpp accepts in any date: in a plan's dates and deadlines,
// and on the command line. Years outside them are slips of the keyboard (0025, 20250), not plans.
const (
	MinYear = 1900
	MaxYear = 2199
)

// YearHint says which years are accepted, for hints.
var YearHint = fmt.Sprintf("cpp reads years from %d to %d; check the year", MinYear, MaxYear)

// CheckYear reports whether a year is one cpp accepts, and says why not.
func CheckYear(y int) error {
	if y < MinYear || y > MaxYear {
		return fmt.Errorf("the year %d is out of range: cpp reads years from %d to %d", y, MinYear, MaxYear)
	}
	return nil
}

var reTimestamp = lazyre.New(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)\d{1,2}:\d{2}`)

// Timestamp reports whether s is a date with a time of day ("2025-01-01T10:00:00Z", as
// spreadsheets and other tools export dates), and returns the date alone as YYYY-MM-DD.
func Timestamp(s string) (string, bool) {
	m := reTimestamp.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d), true
}

func dated(start, end time.Time, unit Unit, conv Convention) Deadline {
	return Deadline{Kind: Dated, Start: start, End: end, Unit: unit, Convention: conv}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func daysIn(y int, m time.Month) int { return date(y, m+1, 0).Day() }
