package readability

import (
	"math"
	"strings"
	"testing"
)

// readingEase is Flesch's Reading Ease (1948): 206.835 − 1.015 × words per sentence − 84.6 ×
// syllables per word. cpp does not use it; the published examples give it, so it checks the
// counts Measure makes.
func readingEase(s Stats) float64 {
	return 206.835 - 1.015*s.WordsPerSentence() - 84.6*float64(s.Syllables)/float64(s.Words)
}

// The formulas on published worked examples. Wikipedia's article on the Flesch-Kincaid tests
// gives "The cat sat on the mat." a Reading Ease of 116 and "The Australian platypus is seemingly
// a hybrid of a mammal and reptilian creature." 37.5 (13 words, 24 syllables). Their grade levels
// follow from the same counts: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45, and 0.39 × 13 + 11.8 × 24/13 −
// 15.59 = 11.3.
func TestPublishedExamples(t *testing.T) {
	for _, tc := range []struct {
		text               string
		words, sents, syll int
		ease, grade        float64
	}{
		{"The cat sat on the mat.", 6, 1, 6, 116.1, -1.45},
		{"The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 13, 1, 24, 37.5, 11.3},
	} {
		s := Measure(tc.text)
		if s != (Stats{tc.words, tc.sents, tc.syll}) {
			t.Errorf("Measure(%q) = %+v, want %d words, %d sentence, %d syllables", tc.text, s, tc.words, tc.sents, tc.syll)
		}
		if got := readingEase(s); math.Abs(got-tc.ease) > 0.05 {
			t.Errorf("%q: reading ease %.2f, want %.1f", tc.text, got, tc.ease)
		}
		if got := s.Grade(); math.Abs(got-tc.grade) > 0.05 {
			t.Errorf("%q: grade %.2f, want %.2f", tc.text, got, tc.grade)
		}
	}
}

// The formula's coefficients, on counts given directly: Kincaid et al. (1975).
func TestFormulas(t *testing.T) {
	s := Stats{Words: 100, Sentences: 5, Syllables: 150} // 20 words a sentence, 1.5 syllables a word
	if got, want := s.Grade(), 0.39*20+11.8*1.5-15.59; math.Abs(got-want) > 1e-9 {
		t.Errorf("grade %v, want %v", got, want)
	}
	if got := s.ReadingAge(); got != 15 { // grade 9.91 → age 14.91 → 15
		t.Errorf("reading age %d, want 15", got)
	}
	if (Stats{}).ReadingAge() != 0 || (Stats{}).Grade() != 0 {
		t.Error("no words should give no grade and no age")
	}
	if got := Measure("Go. Run. Stop.").ReadingAge(); got != 5 {
		t.Errorf("the simplest text reads at %d, want the floor of 5", got)
	}
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"cat": 1, "the": 1, "make": 1, "table": 2, "people": 2, "moved": 1, "wanted": 2, "makes": 1,
		"houses": 2, "young": 1, "yes": 1, "happy": 2, "promise": 2, "education": 4, "care-experienced": 4,
		"Australian": 3, "reptilian": 3, "creature": 2, "seemingly": 3, "platypus": 3, "2025": 1, "don't": 1,
		"started": 2, "done": 1, "tell": 1, "what": 1, "mentor": 2,
	} {
		if got := Syllables(w); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "We will help you, e.g. with money. Dr. Jones said 2.5% is low! Is it?\n- a list item\n- another"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, s.Text)
		if text[s.Start:s.End] != s.Text {
			t.Errorf("offsets of %q give %q", s.Text, text[s.Start:s.End])
		}
	}
	want := []string{"We will help you, e.g. with money.", "Dr. Jones said 2.5% is low!", "Is it?", "- a list item", "- another"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
	if n := len(Words("care-experienced young people don't wait 2.5 years")); n != 7 {
		t.Errorf("Words counted %d, want 7", n)
	}
}

func check(text string) []Finding { return Check(text, Options{}) }

func TestLongSentence(t *testing.T) {
	long := "We will work with schools, colleges, health services and housing teams across the borough so that every young person who leaves care has a home, a job or a course, and someone to call."
	fs := check(long)
	found := false
	for _, f := range fs {
		if strings.Contains(f.Message, "this sentence has 34 words") {
			found = true
			if f.Start != 0 || long[f.Start:f.End] != "We will work with schools, colleges" {
				t.Errorf("the finding points at %q", long[f.Start:f.End])
			}
		}
	}
	if !found {
		t.Errorf("a 34-word sentence was not reported: %+v", fs)
	}
	if fs := check("We will find you a mentor. You can meet them every week."); len(fs) != 0 {
		t.Errorf("short sentences were reported: %+v", fs)
	}
}

func TestLongPassage(t *testing.T) {
	text := "We will make sure that every young person has a plan for their future that they helped to write. " +
		"We will check each of these plans with you at least twice in every single year that you are with us. " +
		"We will tell the board what you said about the plans and what they did about it afterwards."
	var msgs []string
	for _, f := range check(text) {
		msgs = append(msgs, f.Message)
	}
	if !strings.Contains(strings.Join(msgs, "\n"), "these 3 sentences average 19.3 words") {
		t.Errorf("a passage averaging over 19 words a sentence was not reported: %q", msgs)
	}
	if fs := check("One short sentence here that runs to exactly twenty words so the average is high but it is alone."); len(fs) != 0 {
		t.Errorf("a single sentence is not a passage: %+v", fs)
	}
}

func TestJargon(t *testing.T) {
	text := "We will facilitate robust stakeholder engagement and utilise key data going forward."
	want := map[string]string{"facilitate": `"help"`, "robust": `"strong"`, "stakeholder": `"people who work with you"`,
		"utilise": `"use"`, "key": `"main"`, "going forward": `"from now on"`}
	got := map[string]string{}
	for _, f := range check(text) {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("offsets of %q give %q", f.Text, text[f.Start:f.End])
		}
		got[f.Text] = f.Hint
	}
	for w, hint := range want {
		if !strings.Contains(got[w], hint) {
			t.Errorf("%q: hint %q, want one with %s", w, got[w], hint)
		}
	}
	for _, ok := range []string{"The monkey found a key stage test.", "Our delivery driver"} {
		for _, f := range check(ok) {
			if f.Text == "monkey" || f.Text == "delivery driver" {
				t.Errorf("%q flagged part of a word: %+v", ok, f)
			}
		}
	}
}

func TestAcronyms(t *testing.T) {
	text := "Your IRO will check your PEP. The Integrated Care Board (ICB) pays; the ICB agrees. Ask your GP or the NHS. IROs meet CYP."
	var got []string
	for _, f := range Check(text, Options{Glossary: map[string]string{"PEP": "Personal Education Plan"}}) {
		if strings.Contains(f.Message, "acronym") {
			got = append(got, f.Text)
			if text[f.Start:f.End] != f.Text {
				t.Errorf("offsets of %q give %q", f.Text, text[f.Start:f.End])
			}
		}
	}
	// IRO once (IROs is the same acronym), CYP; not PEP (glossary), ICB (spelt out), GP, NHS.
	if strings.Join(got, ",") != "IRO,CYP" {
		t.Errorf("acronyms reported: %q, want IRO, CYP", got)
	}
	for _, f := range check("The EET figure rose.") {
		if f.Text == "EET" && !strings.Contains(f.Hint, "in education, employment or training") {
			t.Errorf("EET hint %q does not say what it stands for", f.Hint)
		}
	}
}
