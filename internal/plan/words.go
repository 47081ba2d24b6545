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
