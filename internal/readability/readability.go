// Package readability measures how hard text is to read, and checks it against plain-English
// guidance: sentences, words and syllables; the Flesch-Kincaid grade level, and the reading age
// that grade gives; and the plain-English rules validate runs on the
// text a plan shows to young people (long sentences, long passages, jargon, acronyms not spelt
// out). It does no I/O: callers map the byte offsets it returns to file positions.
package readability

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of text at byte offsets [Start, End).
type Span struct {
	Start, End int
	Text       string
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"no": true, "vs": true, "approx": true, "inc": true, "st": true, "cllr": true, "nb": true}

// Sentences splits text into sentences: at '.', '!' or '?' followed by a space and what can
// start a sentence, at a line break that starts a list item or follows a blank line, and at
// the end. A full stop after an abbreviation ("e.g.", "Dr.") or inside a number ("2.5") does
// not end one.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if hasWord(s) {
			lead := len(text[start:end]) - len(strings.TrimLeft(text[start:end], " \t\r\n"))
			out = append(out, Span{Start: start + lead, End: start + lead + len(s), Text: s})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) && strings.IndexByte(".!?\"')’”]", text[j]) >= 0 {
				j++
			}
			if j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
				continue
			}
			if c == '.' && abbreviations[strings.ToLower(lastWord(text[start:i]))] {
				continue
			}
			emit(j)
			i = j - 1
		case c == '\n':
			// A blank line, or a list item on the next line, starts a new sentence.
			rest := strings.TrimLeft(text[i+1:], " \t")
			if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "* ") || strings.HasPrefix(rest, "• ") {
				emit(i)
			}
		}
	}
	emit(len(text))
	return out
}

func lastWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '(' || r == '\n' })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Words are the words of text: runs of letters and digits, joined by an apostrophe, a hyphen or
// a full stop between digits ("care-experienced", "don't", "2.5" are one word each).
func Words(text string) []Span {
	var out []Span
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') {
			// A joiner counts only between two word characters ("2.5", "1,000", "don't").
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if (r == '.' || r == ',') && !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				inWord = false
			} else {
				inWord = unicode.IsLetter(next) || unicode.IsDigit(next)
			}
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, Span{start, i, text[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(text), text[start:]})
	}
	return out
}

// Syllables estimates the syllables in a word by its groups of vowels (y counts as one), less a
// silent final e ("make") and the e of -ed and -es where it is not said ("moved", "makes"),
// with at least one a word. A hyphenated word is the sum of its parts; a number counts as one.
// It is an estimate, as every readability tool's is; the tests pin it on published examples.
func Syllables(word string) int {
	if strings.ContainsAny(word, "-") {
		n := 0
		for _, p := range strings.Split(word, "-") {
			if p != "" {
				n += Syllables(p)
			}
		}
		return max(n, 1)
	}
	w := strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(word))
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters == 0 {
		return 1
	}
	if len(w) <= 3 {
		return 1
	}
	isVowel := func(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
	n := 0
	prev := false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i])
		// A y before a vowel is a consonant ("young", "yes").
		if w[i] == 'y' && i+1 < len(w) && isVowel(w[i+1]) && w[i+1] != 'y' {
			v = false
		}
		if v && !prev {
			n++
		}
		prev = v
	}
	switch {
	case strings.HasSuffix(w, "le") && len(w) > 3 && !isVowel(w[len(w)-3]):
		// "table", "people": the final e is said with the l.
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && !strings.HasSuffix(w, "ye"):
		n--
	case strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded") && !isVowel(w[len(w)-3]):
		n--
	case strings.HasSuffix(w, "es") && len(w) > 4 && !isVowel(w[len(w)-3]) && !strings.ContainsRune("sxzhgc", rune(w[len(w)-3])):
		n--
	}
	return max(n, 1)
}

// Stats are the counts the formulas use.
type Stats struct {
	Words, Sentences, Syllables int
}

// Measure counts the words, sentences and syllables of text.
func Measure(text string) Stats {
	var s Stats
	for _, sent := range Sentences(text) {
		ws := Words(sent.Text)
		if len(ws) == 0 {
			continue
		}
		s.Sentences++
		for _, w := range ws {
			s.Words++
			s.Syllables += Syllables(w.Text)
		}
	}
	return s
}

// Add combines the counts of two pieces of text.
func (s Stats) Add(t Stats) Stats {
	return Stats{s.Words + t.Words, s.Sentences + t.Sentences, s.Syllables + t.Syllables}
}

// WordsPerSentence is the average sentence length.
func (s Stats) WordsPerSentence() float64 {
	if s.Sentences == 0 {
		return 0
	}
	return float64(s.Words) / float64(s.Sentences)
}

// Grade is the Flesch-Kincaid grade level (Kincaid et al., 1975): 0.39 × words per sentence +
// 11.8 × syllables per word − 15.59, a US school grade.
func (s Stats) Grade() float64 {
	if s.Words == 0 {
		return 0
	}
	return 0.39*s.WordsPerSentence() + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
}

// ReadingAge is the age, in years, of a reader in the grade Grade gives: US grade 1 starts at 6,
// so the age is the grade plus 5, rounded, and never below 5 (the age school starts in England).
func (s Stats) ReadingAge() int {
	if s.Words == 0 {
		return 0
	}
	return max(5, int(math.Round(s.Grade()+5)))
}
