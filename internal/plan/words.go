package plan

import "strings"

// ParseStatus reads a status as people write it in a form, a spreadsheet or on the command line:
// "in-progress", "In progress", "on track", "Completed", "not started". ok is false for anything
// else; an empty string is not a status.
func ParseStatus(s string) (Status, bool) {
	switch wordKey(s) {
	case "not-started", "not-yet-started", "to-do", "todo", "planned":
		return NotStarted, true
	case "in-progress", "started", "ongoing", "on-track", "underway", "under-way":
		return InProgress, true
	case "complete", "completed", "done", "achieved", "delivered":
		return Complete, true
	case "dropped", "cancelled", "canceled", "withdrawn", "stopped":
		return Dropped, true
	}
	return "", false
}

// ParseRAG reads a rating as a word or its letter: "Amber", "A", "red", "G". ok is false for
// anything else; an empty string is not a rating.
func ParseRAG(s string) (RAG, bool) {
	switch wordKey(s) {
	case "green", "g":
		return Green, true
	case "amber", "a", "yellow":
		return Amber, true
	case "red", "r":
		return Red, true
	}
	return "", false
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

// wordKey is a word as ParseStatus and ParseRAG compare it: lower case, words joined by '-'.
func wordKey(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "-"))
}
