package personal

import (
	"strings"
	"testing"
)

// Notes as officers write them in a hurry: each must be found, with what it looks like.
func TestFindsPersonalText(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		kind       Kind
	}{
		{"Child J (aged 14) moved to a new placement in Kentish Town.", "Child J (aged 14)", InitialAge},
		{"J, aged 15, has started college.", "J, aged 15", InitialAge},
		{"Placement found for K age 9 after the panel.", "K age 9", InitialAge},
		{"YP K (15) attended the forum.", "YP K (15)", InitialAge},
		{"M (16 yrs) is now in EET.", "M (16 yrs)", InitialAge},
		{"Child X was supported to attend.", "Child X", ChildRef},
		{"YP B said the forum helped.", "YP B", ChildRef},
		{"Young person C. took part", "Young person C.", ChildRef},
		{"Checked YP's DOB 12/03/2010 with the school.", "DOB 12/03/2010", Birth},
		{"date of birth: 3 March 2011", "date of birth: 3 March 2011", Birth},
		{"born on 2010-04-01, so 15 now", "born on 2010-04-01", Birth},
		{"D.O.B. missing from the referral", "D.O.B.", Birth},
		{"NHS number 943 476 5919 given to the GP.", "943 476 5919", NHSNumber},
		{"NHS no. 9434765919.", "9434765919", NHSNumber},
		{"Moved to NW1 2DB last week.", "NW1 2DB", Postcode},
		{"Lives near PE29 3TN", "PE29 3TN", Postcode},
		{"SW1A 1AA", "SW1A 1AA", Postcode},
		{"Agreed with Mrs Patel (social worker).", "Mrs Patel", Titled},
		{"Dr. O'Neill to review the health plan", "Dr. O'Neill", Titled},
		{"Ms Smith-Jones chaired it", "Ms Smith-Jones", Titled},
		{"Mr A Khan will attend", "Mr A Khan", Titled},
		// A hurried note: the initial and the age in brackets, with nothing before them.
		{"J (14) moved to new placement", "J (14)", InitialAge},
		{"Placed with K (9) and her carers.", "K (9)", InitialAge},
		{"Update: M(16) started college.", "M(16)", InitialAge},
		{"YP B's placement ended in May.", "YP B", ChildRef},
		{"Child C’s review was moved.", "Child C", ChildRef},
		{"aged 15, initials KM", "initials KM", Initials},
		{"Initials: K.M. recorded on the referral", "Initials: K.M.", Initials},
		{"Contact jane.doe@example.gov.uk", "jane.doe@example.gov.uk", Email},
		{"Ring 07700 900123 to book.", "07700 900123", Phone},
	} {
		ms := Find(tc.text)
		if len(ms) != 1 || ms[0].Text != tc.want || ms[0].Kind != tc.kind {
			t.Errorf("Find(%q) = %+v, want %q as %s", tc.text, ms, tc.want, tc.kind)
			continue
		}
		if got := tc.text[ms[0].Start:ms[0].End]; got != tc.want {
			t.Errorf("Find(%q): offsets give %q", tc.text, got)
		}
	}
}

// Ordinary plan words that must not be taken for personal data.
func TestLeavesOrdinaryWords(t *testing.T) {
	for _, text := range []string{
		"The Children in Care team will meet the Children in Care Council quarterly.",
		"Child Protection conferences and Child and Adolescent Mental Health Services",
		"Review by Q4 2025, then Q1 2026/27 and Q3 2025-26.",
		"Offer every care leaver aged 16-25 a personal adviser.",
		"Young people aged 18 to 21 in suitable accommodation",
		"Priority A (2) and Pledge B (3) of the strategy",
		"Work with Dr Barnardo's on the mentoring offer.",
		"I was 15 when I came into care.",
		"Newly born babies and their parents; born and raised in Camden",
		"72% of children had an up to date dental check in 2024-25.",
		"Reference 2025 0001 9999 in the finance system", // ten digits, but no valid check digit
		"Meet the YP Forum and the CYP Partnership Board",
		"EET rose to 61% (England 56%) for 19-21 year olds",
		// A letter and a number in brackets after a capitalised word is a label, not a child.
		"Plan A (1), Appendix B (3) and Option C (12) were agreed.",
		"Key Stage 4 results for Year 11 pupils and the 16-plus team",
		"The SW1 team and the Q4 2025 return",
		"The Children in Care Council initials the minutes.",
		"The initials of the scheme (CPP) are used in the letters.",
		"Initial HA within 20 working days; Initial Health Assessment (IHA) rates",
	} {
		if ms := Find(text); len(ms) > 0 {
			t.Errorf("Find(%q) = %+v, want nothing", text, ms)
		}
	}
}

func TestValidNHS(t *testing.T) {
	for s, want := range map[string]bool{
		"943 476 5919": true, // the NHS's own example
		"9434765919":   true,
		"943-476-5919": true,
		"943 476 5918": false, // wrong check digit
		"401 023 2137": true,
		"401 023 2136": false,
		"123 456 789":  false, // nine digits
		"000 000 0060": false, // the weighted sum leaves a check digit of 10: never valid
		"000 000 0061": false,
	} {
		if got := ValidNHS(s); got != want {
			t.Errorf("ValidNHS(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	in := "Child J (aged 14) moved to NW1 2DB; Mrs Patel has the DOB 12/03/2010."
	got := Redact(in)
	want := "[removed] moved to [removed]; [removed] has the [removed]."
	if got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
	if Redact("Nothing personal here.") != "Nothing personal here." {
		t.Error("Redact changed text with nothing personal in it")
	}
	if strings.Contains(Redact("Call 020 7974 4444"), "7974") {
		t.Error("Redact left a phone number")
	}
}
