package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/history"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/words"
)

// ActionRecord is one action in JSON and CSV output. Its field names and order are a stable
// interface: scripts and spreadsheets depend on them (documented in the README).
type ActionRecord struct {
	Plan      string   `json:"plan"`
	Section   string   `json:"section"`
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Deadline  *string  `json:"deadline"`
	Start     *string  `json:"start"`
	Due       *string  `json:"due"`
	Recurring bool     `json:"recurring"`
	Leads     []string `json:"leads"`
	Status    string   `json:"status"`
	RAG       *string  `json:"rag"`
	DaysLate  int      `json:"days_late"`
	Tags      []string `json:"tags"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	// DeadlineNotUnderstood marks an action whose deadline is written but cannot be placed in
	// time. A JSON, CSV or workbook listing about dates carries such actions last with this
	// set, since it cannot say whether they belong (README, "Output formats"); tables and
	// Markdown name them on stderr.
	DeadlineNotUnderstood bool `json:"deadline_not_understood"`
}

// ActionColumns is the CSV header, in the JSON field order.
var ActionColumns = []string{"plan", "section", "id", "text", "deadline", "start", "due", "recurring",
	"leads", "status", "rag", "days_late", "tags", "file", "line", "deadline_not_understood"}

// ActionKinds types the ActionColumns in a workbook.
var ActionKinds = []CellKind{CellText, CellText, CellText, CellText, CellText, CellDate, CellDate, CellBool,
	CellText, CellText, CellText, CellNumber, CellText, CellText, CellNumber, CellBool}

const isoDate = "2006-01-02"

// ActionRecords turns rows into records.
func ActionRecords(rows []query.Row) []ActionRecord {
	out := make([]ActionRecord, 0, len(rows))
	for _, r := range rows {
		a := r.Action
		rec := ActionRecord{
			Plan: r.Plan.ID, Section: r.Section.ID, ID: a.ID, Text: a.Label(), Recurring: r.Recurring,
			Leads: nonNil(r.Leads), Status: string(a.Status), DaysLate: r.DaysLate, Tags: nonNil(a.Tags),
			File: r.Plan.File, Line: a.Pos.Line, DeadlineNotUnderstood: a.DeadlineNotUnderstood(),
		}
		if a.HasDeadline {
			rec.Deadline = ptr(a.Deadline.Text)
		}
		if r.HasDue() {
			rec.Start = ptr(r.Start.Format(isoDate))
			rec.Due = ptr(r.Due.Format(isoDate))
		}
		if a.RAG != "" {
			rec.RAG = ptr(string(a.RAG))
		}
		out = append(out, rec)
	}
	return out
}

// CSVRow is a record as CSV cells: lists joined with "; ", null as empty.
func (r ActionRecord) CSVRow() []string {
	return []string{r.Plan, r.Section, r.ID, r.Text, deref(r.Deadline), deref(r.Start), deref(r.Due),
		strconv.FormatBool(r.Recurring), strings.Join(r.Leads, "; "), r.Status, deref(r.RAG),
		strconv.Itoa(r.DaysLate), strings.Join(r.Tags, "; "), r.File, strconv.Itoa(r.Line), strconv.FormatBool(r.DeadlineNotUnderstood)}
}

func ptr(s string) *string { return &s }

// orNull is s, or null when it is empty: JSON gives every key of a record, null when there is no
// value (README, "Output formats").
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// ActionColumnsFor says which optional columns an action table shows.
type ActionColumnsFor struct {
	Late  bool                     // days late, for overdue listings
	Chase bool                     // a listing for chasing (due, overdue): the leads go last
	Slips map[string]*history.Slip // when set, how often each deadline has moved and what it was first
}

// ActionBlock shows rows as a table for people.
func ActionBlock(heading string, rows []query.Row, cols ActionColumnsFor) Block {
	// On a narrow terminal the deadline as written goes first (Due has its date), then the
	// leads and the status; an overdue listing has days late to say when, so Due goes too. The
	// id (for show), the text (30 cells of it before any of those) and the RAG rating are always
	// there; long text is cut at three lines. A listing for chasing keeps whom to chase to the
	// last, and first leaves out a column that says the same on every row ("Not rated").
	b := Block{Heading: heading, Header: []string{"ID", "Action", "Deadline", "Due", "Leads", "Status", "RAG"},
		Wide: []int{1, 2, 4}, Drop: []int{2, 4, 5}, TextMin: 30, MaxLines: 3, RAGColumn: 6, DropSame: cols.Chase}
	if cols.Chase {
		b.Drop = []int{2, 5, 4}
	}
	if cols.Late {
		b.Header = append(b.Header, "Days late")
		b.Drop = slices.Insert(b.Drop, len(b.Drop)-1, 3)
		if !cols.Chase {
			b.Drop = []int{2, 4, 5, 3}
		}
	}
	if cols.Slips != nil {
		b.Header = append(b.Header, "Moves", "First deadline")
	}
	for _, r := range rows {
		a := r.Action
		due := ""
		switch {
		case r.HasDue():
			due = Date(r.Due)
		case r.Recurring:
			due = "recurring"
		case a.HasDeadline && a.DeadlineErr == nil && a.Deadline.Kind == deadline.ToBeConfirmed:
			due = "to be confirmed"
		case a.DeadlineNotUnderstood():
			due = "not understood"
		}
		row := []string{a.ID, a.Label(), a.Deadline.Text, due, strings.Join(r.Leads, ", "), StatusWord(a.Status), RAGWord(a.RAG)}
		if cols.Late {
			row = append(row, strconv.Itoa(r.DaysLate))
		}
		if cols.Slips != nil {
			if s := cols.Slips[a.ID]; s != nil {
				row = append(row, fmt.Sprintf("%d (%d later)", s.Moves, s.Later), s.Original)
			} else {
				row = append(row, "-", "-")
			}
		}
		b.Rows = append(b.Rows, row)
	}
	return b
}

// Date is how dates read in tables: "30 Sep 2025".
func Date(t time.Time) string { return words.Day(t) }

// StatusWord is a status as people write it: plan.Status.Word.
func StatusWord(s plan.Status) string { return s.Word() }

// RAGWord is a RAG rating as a word (plan.RAG.Word); colour may be added but the word is always
// there.
func RAGWord(r plan.RAG) string { return r.Word() }

// SlipActionRecord extends an action record with how its deadline has moved through git history.
type SlipActionRecord struct {
	ActionRecord
	Moves            int     `json:"moves"`
	Later            int     `json:"moves_later"`
	OriginalDeadline string  `json:"original_deadline"`
	OriginalDue      *string `json:"original_due"`
	LastMoved        *string `json:"last_moved"`
}

// SlipColumns is the CSV header of --slipped listings, in the JSON field order.
var SlipColumns = append(append([]string{}, ActionColumns...), "moves", "moves_later", "original_deadline", "original_due", "last_moved")

// SlipKinds types the SlipColumns in a workbook.
var SlipKinds = append(append([]CellKind{}, ActionKinds...), CellNumber, CellNumber, CellText, CellDate, CellDate)

// SlipRecords turns rows into records with their slippage.
func SlipRecords(rows []query.Row, slips map[string]*history.Slip) []SlipActionRecord {
	out := make([]SlipActionRecord, 0, len(rows))
	for i, rec := range ActionRecords(rows) {
		r := SlipActionRecord{ActionRecord: rec}
		if s := slips[rows[i].Action.ID]; s != nil {
			r.Moves, r.Later, r.OriginalDeadline, r.OriginalDue = s.Moves, s.Later, s.Original, isoPtr(s.OriginalDue)
			if s.LastMove.Hash != "" {
				r.LastMoved = ptr(s.LastMove.Date.Format(isoDate))
			}
		}
		out = append(out, r)
	}
	return out
}

// CSVRow is a record as CSV cells.
func (r SlipActionRecord) CSVRow() []string {
	return append(r.ActionRecord.CSVRow(), strconv.Itoa(r.Moves), strconv.Itoa(r.Later), r.OriginalDeadline, deref(r.OriginalDue), deref(r.LastMoved))
}
