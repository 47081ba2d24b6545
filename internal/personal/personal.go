// Package personal finds text that could identify a child or a member of staff: email addresses,
// phone numbers, a single initial with an age ("Child J (aged 14)", "J (14)"), "Child X" or "YP X",
// "initials KM", dates of birth, NHS numbers (with a valid check digit), UK postcodes, and a title with a surname
// ("Mrs Patel"). Plans and board packs are published; validate warns about such text, and the
// reports name it before publishing it, or replace it with Removed. The patterns are written to
// miss ordinary plan words: a team called "Children in Care", "Q4 2025", "aged 16-25".
package personal

import (
	"sort"
	"strings"

	"github.com/cpp-plans/cpp/internal/lazyre"
)

// Removed is what redaction puts in place of personal text.
const Removed = "[removed]"

// Kind names what a match looks like, as messages say it ("a date of birth").
type Kind string

const (
	Email      Kind = "an email address"
	Phone      Kind = "a phone number"
	InitialAge Kind = "a child's initial and age"
	ChildRef   Kind = "a child referred to by a letter"
	Initials   Kind = "a person's initials"
	Birth      Kind = "a date of birth"
	NHSNumber  Kind = "an NHS number"
	Postcode   Kind = "a postcode"
	Titled     Kind = "a person's title and surname"
)

// Match is personal-looking text at byte offsets [Start, End) of the text searched.
type Match struct {
	Start, End int
	Text       string
	Kind       Kind
}

// Hint says what to write instead.
func (m Match) Hint() string {
	switch m.Kind {
	case Email:
		return "plans are published: name the team or role instead, and keep contact details out of the plan"
	case Phone:
		return "plans are published: keep phone numbers out of the plan"
	case InitialAge, ChildRef, Initials:
		return "plans and board packs are published: say \"a young person\" or give a count, never a child's initial, letter or age"
	case Birth:
		return "plans and board packs are published: keep dates of birth out of plan text and notes"
	case NHSNumber:
		return "plans and board packs are published: keep NHS numbers and case numbers out of plan text and notes"
	case Postcode:
		return "plans and board packs are published: name the area or service, not a postcode"
	case Titled:
		return "plans and board packs are published: name the team or role (\"the Virtual School Head\"), not the person"
	}
	return "plans and board packs are published: take this out"
}

var (
	reEmail = lazyre.New(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// UK numbers: 07xxx xxxxxx, 020 xxxx xxxx, 01xxx xxxxxx, +44 ..., with spaces, dots or dashes.
	rePhone = lazyre.New(`(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s.-]?){9,10}\b`)
	// A single capital letter (optionally "Child"/"YP" before it) and an age: "J (aged 14)",
	// "Child J, aged 14", "K age 9", "J (14 yrs)". A range ("aged 16-25") follows no initial.
	reInitialAge = lazyre.New(`\b(?:(?:Child|YP|CYP|CLA|LAC|Young person|young person)\s+)?[A-Z]\.?,?\s*(?:\(\s*(?:aged?\s*:?\s*\d{1,2}|\d{1,2}\s*(?:yrs?|years?(?: old)?|yo))\s*\)|(?:aged?|age:)\s*\d{1,2}\b(?:\s*(?:yrs?|years?(?: old)?))?|\d{1,2}\s*(?:yrs|years old|yo)\b)`)
	// With "Child" or "YP" before the letter, a bare number in brackets is an age: "YP K (15)".
	reChildAge = lazyre.New(`\b(?:Child|YP|CYP|Young [Pp]erson)\s+[A-Z]\.?\s*\(\s*\d{1,2}\s*\)`)
	// A bare letter and an age in brackets, as a hurried note writes a child: "J (14) moved",
	// "placed with K (9)". Find keeps it only when no capitalised word comes before the letter
	// ("Plan A (1)", "Appendix B (3)" are labels); "A" and "I" are words.
	reBareAge = lazyre.New(`(?:^|[^\pL\pN'’])([B-HJ-Z])\s?\(\s*(\d{1,2})\s*\)`)
	// "Child X", "YP X", "Young person B": a letter standing for a child, also as "YP B's".
	// "Child Protection", "Children in Care" and "YP Forum" are words, not letters.
	reChildRef = lazyre.New(`\b(?:Child|YP|CYP|Young [Pp]erson|Sibling)\s+[A-Z](?:\.|\b)(?:['’]s\b|[^\pL'’]|$)`)
	// "initials KM", "Initials: K.M.": a person's initials, written as such.
	reInitials = lazyre.New(`\b[Ii]nitials\s*:?\s*(?:[A-Z]\.(?:\s?[A-Z]\.){0,2}|[A-Z]{1,3}\b)`)
	// A date of birth: "DOB", "D.O.B.", "date of birth" or "born", and the date if one follows.
	reBirth = lazyre.New(`(?i)\b(?:d\.?o\.?b\b\.?|date of birth|born(?: on)?)(?:\s*[:\-]?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}))?`)
	// Ten digits, alone or as 3-3-4; the check digit decides.
	reNHS = lazyre.New(`\b\d{3}[ -]?\d{3}[ -]?\d{4}\b`)
	// A full UK postcode in capitals, outward and inward code: "NW1 2DB", "PE29 3TN", "SW1A 1AA".
	// Q, V and X never begin one, so "Q4 2025" is not a postcode.
	rePostcode = lazyre.New(`\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}|GIR\s?0AA)\b`)
	// A title and a capitalised surname: "Mrs Patel", "Dr. O'Neill", "Ms Smith-Jones".
	reTitled = lazyre.New(`\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][a-z]*(?:['’][A-Z]?[a-z]+)?(?:-[A-Z][a-z]+)?\b`)
)

// notSurnames follow a title in plan text without naming a person: "Dr Barnardo's" is a
// charity.
var notSurnames = map[string]bool{"Barnardo": true}

// A pattern is one kind of personal text, with could, a cheap test that s holds what every match
// needs (a word, "@", enough digits): Go's regexp tries a pattern at every byte, and validate asks
// about every line of every plan, most of which could hold none. keep, when set, drops a match
// that only looks like one.
type pattern struct {
	re    *lazyre.Regexp
	kind  Kind
	could func(s string) bool
	keep  func(string) bool
}

var patterns = []pattern{
	{reEmail, Email, func(s string) bool { return strings.Contains(s, "@") }, nil},
	// "0" and nine or ten digits, or "+44" and nine.
	{rePhone, Phone, func(s string) bool { return digits(s) >= 9 }, nil},
	// Every form has an age: "age", "yr", "year" or "yo", and a number.
	{reInitialAge, InitialAge, func(s string) bool {
		return digits(s) > 0 && containsAny(s, "age", "yr", "year", "yo")
	}, func(t string) bool {
		// "I" and "A" are words; without "Child" or brackets they are not initials.
		first := strings.Fields(t)[0]
		return !(first == "I" || first == "A") || strings.Contains(t, "(")
	}},
	{reChildAge, InitialAge, func(s string) bool {
		return bracketedNumber(s) && containsAny(s, "Child", "YP", "Young ")
	}, nil},
	{reChildRef, ChildRef, func(s string) bool { return containsAny(s, "Child", "YP", "Young ", "Sibling") }, nil},
	{reInitials, Initials, func(s string) bool { return strings.Contains(s, "nitials") }, nil},
	{reBirth, Birth, func(s string) bool {
		// reBirth ignores case; none of these letters has a case form outside ASCII that ToLower
		// would not bring back to it (TestCouldSeesEveryCase).
		lower := strings.ToLower(s)
		return containsAny(lower, "born", "date of birth", "dob", "d.o", "do.b")
	}, func(t string) bool {
		// "born" alone is an ordinary word ("newly born"); with a date it is a birth date.
		lower := strings.ToLower(t)
		return !strings.HasPrefix(lower, "born") || strings.ContainsAny(t, "0123456789")
	}},
	{reNHS, NHSNumber, func(s string) bool { return digits(s) >= 10 }, ValidNHS},
	// The outward code's digit follows a capital letter, unless it is GIR 0AA.
	{rePostcode, Postcode, func(s string) bool { return capitalThenDigit(s) || strings.Contains(s, "GIR") }, nil},
	{reTitled, Titled, func(s string) bool { return containsAny(s, "Mr", "Ms", "Miss", "Mx", "Dr") }, func(t string) bool {
		f := strings.Fields(t)
		last := strings.TrimRight(f[len(f)-1], "'’s")
		return !notSurnames[last] && len(last) > 1
	}},
}

// Find returns the personal-looking text in s, in order, none overlapping.
func Find(s string) []Match {
	var ms []Match
	for _, p := range patterns {
		if p.could(s) {
			ms = appendMatches(ms, s, p)
		}
	}
	if bracketedNumber(s) {
		ms = appendBareAges(ms, s)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	// The longest match at a place wins; one inside another is the same text.
	out := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start < end {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

func appendMatches(ms []Match, s string, p pattern) []Match {
	k := p.kind
	for _, loc := range p.re.FindAllStringIndex(s, -1) {
		start, end := loc[0], loc[1]
		// Trailing separators are not part of what was found.
		for end > start && strings.ContainsRune(" .,-(", rune(s[end-1])) && k != Birth && k != ChildRef && k != Initials {
			end--
		}
		if k == ChildRef {
			for end > start && !isAlnum(s[end-1]) && s[end-1] != '.' {
				end--
			}
			// "YP B's": the possessive is not part of the letter.
			for _, poss := range []string{"'s", "’s"} {
				if strings.HasSuffix(s[start:end], poss) {
					end -= len(poss)
				}
			}
		}
		text := s[start:end]
		if p.keep != nil && !p.keep(text) {
			continue
		}
		ms = append(ms, Match{Start: start, End: end, Text: text, Kind: k})
	}
	return ms
}

// appendBareAges adds each "J (14)" that reBareAge finds, unless the age is over 25 or a
// capitalised word comes before the letter.
func appendBareAges(ms []Match, s string) []Match {
	for _, loc := range reBareAge.FindAllStringSubmatchIndex(s, -1) {
		start, end := loc[2], loc[1]
		if age := s[loc[4]:loc[5]]; len(age) == 2 && age > "25" || afterCapitalised(s[:start]) {
			continue
		}
		ms = append(ms, Match{Start: start, End: end, Text: s[start:end], Kind: InitialAge})
	}
	return ms
}

// digits counts the ASCII digits in s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// bracketedNumber reports whether s has a "(" and a digit, as an age in brackets needs.
func bracketedNumber(s string) bool {
	return strings.Contains(s, "(") && digits(s) > 0
}

// capitalThenDigit reports whether a capital letter comes just before a digit somewhere in s.
func capitalThenDigit(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' && s[i-1] >= 'A' && s[i-1] <= 'Z' {
			return true
		}
	}
	return false
}

// afterCapitalised reports whether the text before a letter ends in a capitalised word
// ("Plan", "Appendix B"), which makes the letter a label rather than a child's initial.
func afterCapitalised(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	return w[0] >= 'A' && w[0] <= 'Z' && isAlnum(w[len(w)-1])
}

func isAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// ValidNHS reports whether ten digits (spaces and dashes ignored) are an NHS number: the check
// digit is 11 less the weighted sum (weights 10 down to 2) of the first nine mod 11, with 11
// read as 0, and 10 never valid.
func ValidNHS(s string) bool {
	var d []int
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, int(r-'0'))
		case r == ' ' || r == '-':
		default:
			return false
		}
	}
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += d[i] * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == d[9]
}

// Redact replaces every match in s with Removed.
func Redact(s string) string {
	ms := Find(s)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m.Start])
		b.WriteString(Removed)
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}
