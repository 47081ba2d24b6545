package plan

import "strings"

// statusSpellings are the words ParseStatus reads, as Spelling writes them, for each status.
var statusSpellings = []struct {
	s     Status
	words []string
}{
	{NotStarted, []string{"not-started", "not-yet-started", "to-do", "todo", "planned"}},
	{InProgress, []string{"in-progress", "started", "ongoing", "on-track", "underway", "under-way"}},
	{Complete, []string{"complete", "completed", "done", "achieved", "delivered"}},
	{Dropped, []string{"dropped", "cancelled", "canceled", "withdrawn", "stopped"}},
}

// ragSpellings are the words ParseRAG reads, as Spelling writes them, for each rating.
var ragSpellings = []struct {
	r     RAG
	words []string
}{
	{Green, []string{"green", "g"}},
	{Amber, []string{"amber", "a", "yellow"}},
	{Red, []string{"red", "r"}},
}

// ParseStatus reads a status as people write it in a form, a spreadsheet, a plan file or on the
// command line: "in-progress", "In progress", "on track", "Completed", "not started". ok is false
// for anything else; an empty string is not a status. Every reader and every flag asks this.
func ParseStatus(s string) (Status, bool) {
	k := Spelling(s)
	for _, x := range statusSpellings {
		for _, w := range x.words {
			if w == k {
				return x.s, true
			}
		}
	}
	return "", false
}

// ParseRAG reads a rating as a word or its letter: "Amber", "A", "red", "G". ok is false for
// anything else; an empty string is not a rating.
func ParseRAG(s string) (RAG, bool) {
	k := Spelling(s)
	for _, x := range ragSpellings {
		for _, w := range x.words {
			if w == k {
				return x.r, true
			}
		}
	}
	return "", false
}

// StatusSpellings lists every word ParseStatus reads, as Spelling writes it, for cpp schema.
func StatusSpellings() []string {
	var out []string
	for _, x := range statusSpellings {
		out = append(out, x.words...)
	}
	return out
}

// RAGSpellings lists every word ParseRAG reads, as Spelling writes it, for cpp schema.
func RAGSpellings() []string {
	var out []string
	for _, x := range ragSpellings {
		out = append(out, x.words...)
	}
	return out
}

// Word is a status as every output for people says it: "not started", "in progress",
// "complete", "dropped". The plan file and JSON keep the key ("not-started").
func (s Status) Word() string { return strings.ReplaceAll(string(s), "-", " ") }

// Word is a rating as every output for people says it: "Red", "Amber", "Green", and "Not rated"
// for none. The plan file and JSON keep the key ("amber", or null).
func (r RAG) Word() string {
	if r == "" {
		return "Not rated"
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// StatusWords and RAGWords list what ParseStatus and ParseRAG read, for hints.
const (
	StatusWords = "not-started, in-progress, complete, dropped (or as written in a return: Not started, In progress, On track, Completed)"
	RAGWords    = "green, amber, red (or G, A, R)"
)

// Spelling is a word as ParseStatus and ParseRAG compare it, and as the plan file's other fixed
// words (a section's kind, the quarters) are compared: lower case, the words between spaces,
// tabs, '-' and '_' joined by '-'. "In progress" and "in_progress" are "in-progress".
//
// Only A-Z are lower-cased: a letter that lower-cases to one of them (the Kelvin sign K to k) is
// not the letter, as an editor's schema, which matches [kK], agrees.
func Spelling(s string) string {
	return asciiLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "-"))
}

// asciiLower is s with A-Z lower-cased and every other character as it is.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
