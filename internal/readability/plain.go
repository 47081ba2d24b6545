package readability

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/lazyre"
)

// Limits of the plain-English rules. GOV.UK asks for sentences of 25 words at most and writes
// for a reading age of about 9; easy-read guidance keeps to 15 words a sentence.
const (
	MaxSentenceWords = 25
	MaxAverageWords  = 15
	// MaxReadingAge is the oldest reading age the words young people read should need.
	MaxReadingAge = 11
)

// Rule names, as diagnostics show them.
const (
	RuleLongSentence = "plain-english"
	RuleReadingAge   = "reading-age"
)

// Finding is one plain-English problem in a text, at byte offsets [Start, End).
type Finding struct {
	Start, End int
	Text       string
	Message    string
	Hint       string
}

// Options are what the checks may be told: a glossary of acronyms a reader has been given (the
// repo config's), by acronym; those are not reported.
type Options struct {
	Glossary map[string]string
}

// Check runs the plain-English rules on one piece of text: sentences over MaxSentenceWords
// words, a passage of several sentences averaging over MaxAverageWords, words from the jargon
// list, and acronyms not spelt out (in the text, as "words (ACRONYM)", or in the glossary).
func Check(text string, opts Options) []Finding {
	var out []Finding
	sents := Sentences(text)
	total := 0
	for _, s := range sents {
		n := len(Words(s.Text))
		total += n
		if n > MaxSentenceWords {
			out = append(out, Finding{Start: s.Start, End: s.Start + len(firstWords(s.Text, 6)), Text: firstWords(s.Text, 6),
				Message: fmt.Sprintf("this sentence has %d words; plain English keeps to %d or fewer", n, MaxSentenceWords),
				Hint:    "split it into two or three shorter sentences"})
		}
	}
	if len(sents) > 1 {
		if avg := float64(total) / float64(len(sents)); avg > MaxAverageWords {
			out = append(out, Finding{Start: sents[0].Start, End: sents[0].Start + len(firstWords(sents[0].Text, 6)), Text: firstWords(sents[0].Text, 6),
				Message: fmt.Sprintf("these %d sentences average %.1f words; easy-read text averages %d or fewer", len(sents), avg, MaxAverageWords),
				Hint:    "use shorter sentences: one idea in each"})
		}
	}
	out = append(out, jargon(text)...)
	out = append(out, acronyms(text, opts)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// firstWords is the start of a sentence, for a message to point at.
func firstWords(s string, n int) string {
	ws := Words(s)
	if len(ws) <= n {
		return s
	}
	return s[:ws[n-1].End]
}

func jargon(text string) []Finding {
	var out []Finding
	for _, j := range jargonList() {
		for _, loc := range j.re.FindAllStringIndex(text, -1) {
			word := text[loc[0]:loc[1]]
			out = append(out, Finding{Start: loc[0], End: loc[1], Text: word,
				Message: fmt.Sprintf("%q is jargon to a young reader", word),
				Hint:    "try " + j.instead})
		}
	}
	return out
}

var (
	reAcronym = lazyre.New(`\b[A-Z][A-Za-z]*[A-Z]s?\b`)
	// Known lists what the acronyms plans use stand for, for the hint.
	known = map[string]string{
		"CYP": "children and young people", "EET": "in education, employment or training", "NEET": "not in education, employment or training",
		"IRO": "Independent Reviewing Officer", "ICB": "Integrated Care Board", "SDQ": "Strengths and Difficulties Questionnaire",
		"PEP": "Personal Education Plan", "PA": "Personal Adviser", "UASC": "unaccompanied asylum-seeking children",
		"CAMHS": "Child and Adolescent Mental Health Services", "SEND": "special educational needs and disabilities",
		"EHCP": "Education, Health and Care Plan", "LAC": "looked-after children", "CLA": "children looked after",
		"CiCC": "Children in Care Council", "SGO": "Special Guardianship Order", "DfE": "Department for Education",
		"VSH": "Virtual School Head", "CSC": "Children's Social Care", "CPB": "Corporate Parenting Board",
		"KPI": "key performance indicator", "SSDA": "the government's children looked after return",
		"MASH": "Multi-Agency Safeguarding Hub", "YOS": "Youth Offending Service", "YJS": "Youth Justice Service",
		"ASYE": "Assessed and Supported Year in Employment", "DWP": "Department for Work and Pensions",
	}
	// everyday acronyms a young reader knows.
	everyday = map[string]bool{"UK": true, "NHS": true, "GP": true, "OK": true, "TV": true, "ID": true, "BBC": true, "IT": true,
		"USA": true, "EU": true, "PE": true, "DJ": true, "PC": true, "CV": true, "PIN": true, "SMS": true, "LGBTQ": true,
		"LGBTQI": true, "LGBT": true, "LGBTQIA": true, "URL": true, "PDF": true, "A": true, "I": true}
)

func acronyms(text string, opts Options) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, loc := range reAcronym.FindAllStringIndex(text, -1) {
		word := text[loc[0]:loc[1]]
		if !isAcronym(word) {
			continue
		}
		key := strings.TrimSuffix(word, "s")
		if _, ok := known[word]; ok {
			key = word
		}
		if everyday[key] || seen[key] {
			continue
		}
		if _, ok := opts.Glossary[key]; ok {
			continue
		}
		// Spelt out here, as "Integrated Care Board (ICB)", or before.
		if loc[0] > 0 && text[loc[0]-1] == '(' && loc[1] < len(text) && text[loc[1]] == ')' {
			seen[key] = true
			continue
		}
		if strings.Contains(text[:loc[0]], "("+key+")") || strings.Contains(text[:loc[0]], "("+key+"s)") {
			continue
		}
		// Or the acronym in brackets after its words: "ICB (Integrated Care Board)".
		if rest := text[loc[1]:]; strings.HasPrefix(rest, " (") && len(rest) > 3 && unicode.IsUpper(rune(rest[2])) {
			continue
		}
		seen[key] = true
		hint := "spell it out the first time, as \"Full Name (" + key + ")\", or add it to the glossary"
		if full, ok := known[key]; ok {
			hint = fmt.Sprintf("write %q, or spell it out the first time: \"%s (%s)\"", full, full, key)
		}
		out = append(out, Finding{Start: loc[0], End: loc[1], Text: word,
			Message: fmt.Sprintf("%q is an acronym that is not spelt out", word), Hint: hint})
	}
	return out
}

// isAcronym: two to seven letters, mostly capitals ("CYP", "IROs", "CiCC", "DfE"), not a
// shouted word in a title ("PLEDGE" is caught by length only when short).
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 7 || len(w) > 5 && known[w] == "" {
		return false
	}
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper*2 > len(w) || upper >= 2 && len(w) <= 4
}
