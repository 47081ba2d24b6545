package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// ActionLog is one action's history for printing: its id and text now, and the commits that
// changed it, newest first.
type ActionLog struct {
	ID, Text string
	Events   []history.Event
	Slip     *history.Slip
}

func (l ActionLog) summary() string {
	s := fmt.Sprintf("%d %s changed it.", len(l.Events), words.Pick(len(l.Events), "commit", "commits"))
	if l.Slip != nil && l.Slip.Truncated {
		s = fmt.Sprintf("%d %s fetched %s it.", len(l.Events), words.Pick(len(l.Events), "commit", "commits"), words.Pick(len(l.Events), "holds", "hold"))
	}
	if l.Slip != nil {
		s += " " + SlipWords(l.Slip)
	}
	return s
}

// SlipWords says how a deadline has moved: "Deadline moved 2 times (2 later) since it was
// first committed as Q3 2025 (30 Sep 2025)."
func SlipWords(s *history.Slip) string {
	first := dueText(s.Original, s.OriginalDue)
	if s.Truncated {
		// A shallow clone: what the history fetched starts with is not what was first committed.
		w := "Deadline history unknown (shallow clone): the history fetched starts at " + s.Added.Short() + " with " + first + "."
		if s.Moves > 0 {
			w += fmt.Sprintf(" Moved %d %s (%d later) since.", s.Moves, words.Pick(s.Moves, "time", "times"), s.Later)
		}
		return w
	}
	if s.Moves == 0 {
		return "Deadline not moved since it was first committed as " + first + "."
	}
	return fmt.Sprintf("Deadline moved %d %s (%d later) since it was first committed as %s.",
		s.Moves, words.Pick(s.Moves, "time", "times"), s.Later, first)
}

// LogText writes an action's history for a terminal, like git log: one heading line a commit,
// the fields that changed beneath.
func LogText(w io.Writer, l ActionLog, st Style) error {
	s := newDiffStyles(w, st)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", s.bold.Render(termsafe.Line("History of "+l.ID+": "+l.Text)), termsafe.Line(l.summary()))
	for i := range l.Events {
		e := &l.Events[i]
		c := e.Commit
		mark := s.mark(e.Change.Kind)
		if e.Truncated {
			mark = "?"
		}
		fmt.Fprintf(&b, "\n%s %s  %s  %s  %s\n", mark, s.mod.Render(c.Short()), c.Date.Format(isoDate),
			termsafe.Line(c.Author), termsafe.Line(c.Subject))
		switch {
		case e.Truncated:
			s.field(&b, "    ", "shallow", "history fetched starts here; earlier commits are not in this clone")
		case e.Change.Kind == plandiff.Added, e.Change.Kind == plandiff.Removed:
			s.field(&b, "    ", string(e.Change.Kind), termsafe.Line(e.Change.ID))
		case e.Change.Kind == plandiff.Renamed:
			s.field(&b, "    ", "id", renamedID(e.Change.ID, e.Change.OldID))
		}
		s.action(&b, "    ", &e.Change)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// LogMarkdown writes an action's history as a Markdown table, a row a commit.
func LogMarkdown(w io.Writer, l ActionLog) error {
	var rows [][]string
	for i := range l.Events {
		e := &l.Events[i]
		cell := changeCell(&e.Change)
		if e.Truncated {
			cell = "history fetched starts here (shallow clone)<br>" + strings.TrimPrefix(cell, "added, ")
		}
		rows = append(rows, []string{code(e.Commit.Short()), e.Commit.Date.Format(isoDate), MarkdownCell(e.Commit.Author),
			MarkdownCell(e.Commit.Subject), cell})
	}
	_, err := fmt.Fprintf(w, "### History of %s\n\n%s\n\n%s\n%s", code(l.ID), MarkdownCell(l.Text), InlineMarkdown(l.summary()),
		"\n"+MarkdownRawTable([]string{"Commit", "Date", "Author", "Subject", "Changes"}, rows))
	return err
}

// changeCell is an action's changes in one table cell, a line each.
func changeCell(c *plandiff.ActionChange) string {
	var lines []string
	switch c.Kind {
	case plandiff.Added:
		return "added, " + MarkdownCell("deadline "+deadlineText(c.New.Deadline.Text, c.New))
	case plandiff.Removed:
		return "removed"
	case plandiff.Renamed:
		lines = append(lines, "renamed from "+code(c.OldID))
	}
	if dc := c.Deadline; dc != nil {
		lines = append(lines, "deadline "+MarkdownCell(withNote(dueText(dc.From, dc.FromDue)+" → "+dueText(dc.To, dc.ToDue)+": "+dc.Movement(), dc.Note)))
	}
	for _, f := range c.Fields {
		lines = append(lines, fieldMarkdown(f))
	}
	for _, u := range c.NewUpdates {
		lines = append(lines, "update added: "+MarkdownCell(updateText(u)))
	}
	for _, u := range c.LostUpdates {
		lines = append(lines, "update deleted or rewritten: "+MarkdownCell(updateText(u)))
	}
	return strings.Join(lines, "<br>")
}

// LogRecord is the JSON form of an action's history; its field names are documented.
type LogRecord struct {
	ID      string         `json:"id"`
	Text    string         `json:"text"`
	Slip    *SlipRecord    `json:"deadline_history"`
	Commits []CommitChange `json:"commits"`
	// Truncated: the clone is shallow and the action's history goes back past what was fetched.
	Truncated bool `json:"history_truncated"`
}

// CommitChange is one commit's change to the action.
type CommitChange struct {
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Author  string `json:"author"` // the name only: an email address is personal data
	Subject string `json:"subject"`
	// ShallowStart marks where a shallow clone's history starts: "added" there means "already there".
	ShallowStart bool `json:"shallow_start"`
	ChangeRecord
}

// SlipRecord is how an action's deadline has moved through git history.
type SlipRecord struct {
	Moves            int     `json:"moves"`
	Later            int     `json:"later"`
	OriginalDeadline string  `json:"original_deadline"`
	OriginalDue      *string `json:"original_due"`
	FirstCommit      string  `json:"first_commit"`
	LastMoveCommit   *string `json:"last_move_commit"`
	LastMoveDate     *string `json:"last_move_date"`
	Truncated        bool    `json:"history_truncated"` // a shallow clone: moves before first_commit are unknown
}

// NewSlipRecord is a Slip for JSON; nil stays null.
func NewSlipRecord(s *history.Slip) *SlipRecord {
	if s == nil {
		return nil
	}
	r := &SlipRecord{Moves: s.Moves, Later: s.Later, OriginalDeadline: s.Original, OriginalDue: isoPtr(s.OriginalDue), FirstCommit: s.Added.Hash, Truncated: s.Truncated}
	if s.LastMove.Hash != "" {
		r.LastMoveCommit = ptr(s.LastMove.Hash)
		r.LastMoveDate = ptr(s.LastMove.Date.Format(isoDate))
	}
	return r
}

// LogJSON writes an action's history as one JSON document.
func LogJSON(w io.Writer, l ActionLog) error {
	rec := LogRecord{ID: l.ID, Text: l.Text, Slip: NewSlipRecord(l.Slip), Commits: []CommitChange{}, Truncated: l.Slip != nil && l.Slip.Truncated}
	for i := range l.Events {
		e := &l.Events[i]
		rec.Commits = append(rec.Commits, CommitChange{Commit: e.Commit.Hash, Date: e.Commit.Date.Format("2006-01-02T15:04:05Z07:00"),
			Author: e.Commit.Author, Subject: e.Commit.Subject, ShallowStart: e.Truncated, ChangeRecord: actionRecord(&e.Change)})
	}
	return WriteJSON(w, rec)
}
