package view

import (
	"fmt"
	"strconv"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// LeadRecord is one lead in JSON and CSV output; field names are stable. council is the council
// whose team it is, null (empty in CSV) for a team the registry shares across councils.
type LeadRecord struct {
	Lead           string  `json:"lead"`
	Actions        int     `json:"actions"`
	Overdue        int     `json:"overdue"`
	DueThisQuarter int     `json:"due_this_quarter"`
	Complete       int     `json:"complete"`
	InProgress     int     `json:"in_progress"`
	NotStarted     int     `json:"not_started"`
	Council        *string `json:"council"`
	DueInWindow    int     `json:"due_in_window"`
	// NotUnderstood counts the lead's actions whose deadline cpp cannot place in time: counted as
	// neither due nor overdue, and never as undated.
	NotUnderstood int `json:"not_understood"`
}

// LeadColumns are the CSV and workbook columns of LeadRecord; LeadKinds type them.
var LeadColumns = []string{"lead", "actions", "overdue", "due_this_quarter", "complete", "in_progress", "not_started", "council", "due_in_window", "not_understood"}

var LeadKinds = []render.CellKind{render.CellText, render.CellNumber, render.CellNumber, render.CellNumber, render.CellNumber,
	render.CellNumber, render.CellNumber, render.CellText, render.CellNumber, render.CellNumber}

// LeadRecords are the leads' summaries as records.
func LeadRecords(sums []query.LeadSummary) []LeadRecord {
	recs := make([]LeadRecord, len(sums))
	for i, s := range sums {
		recs[i] = LeadRecord{s.Lead, s.Actions, s.Overdue, s.DueThisQuarter, s.Status[plan.Complete], s.Status[plan.InProgress], s.Status[plan.NotStarted], nil, s.DueInWindow, s.NotUnderstood}
		if s.Council != "" {
			recs[i].Council = &s.Council
		}
	}
	return recs
}

func (r LeadRecord) council() string {
	if r.Council == nil {
		return ""
	}
	return *r.Council
}

// CSVRow is the record's cells, in LeadColumns' order.
func (r LeadRecord) CSVRow() []string {
	return []string{r.Lead, strconv.Itoa(r.Actions), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueThisQuarter), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted), r.council(), strconv.Itoa(r.DueInWindow), strconv.Itoa(r.NotUnderstood)}
}

// Window is the span a summary counts what falls due in: the one asked for, or this quarter.
type Window struct {
	query.Window
	Given bool         // asked for, not this quarter
	Plans []*plan.Plan // the plans looked at, whose conventions name a quarter
	Today time.Time
}

// words name the window in a summary's text ("the window is ...") and its column's header.
func (w Window) words() (phrase, column string) {
	if w.Given {
		return "the window is " + w.Describe(w.Plans), "Due in window"
	}
	return "this quarter is " + w.Describe(w.Plans), "Due this quarter"
}

// LeadsDoc is the leads' table for people.
func LeadsDoc(recs []LeadRecord, councils int, w Window) render.Doc {
	// The council is shown when the answer spans more than one: otherwise it is the same on every row.
	withCouncil := councils > 1
	phrase, column := w.words()
	// A narrow terminal goes without the counts by status first (the JSON and CSV have them),
	// then the window's; the team, its council, its actions and overdue stay.
	blk := render.Block{Header: []string{"Lead", "Actions", "Overdue", column, "Complete", "In progress", "Not started"},
		Wide: []int{0}, Drop: []int{5, 6, 4, 3}, MaxLines: 3, RAGColumn: -1, Empty: "No actions match."}
	if withCouncil {
		blk.Header = append(blk.Header[:1], append([]string{"Council"}, blk.Header[1:]...)...)
		blk.Wide = []int{0, 1}
		blk.Drop = []int{6, 7, 5, 4}
	}
	for _, r := range recs {
		row := []string{r.Lead, strconv.Itoa(r.Actions), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueInWindow), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted)}
		if withCouncil {
			row = append([]string{r.Lead, r.council()}, row[1:]...)
		}
		blk.Rows = append(blk.Rows, row)
	}
	blk.Notes = []string{fmt.Sprintf("As of %s; %s. An action with several leads counts for each.", render.Date(w.Today), phrase)}
	if withCouncil {
		blk.Notes = append(blk.Notes, "A team is its council's own: two councils' teams of one name are counted apart, unless the lead registry marks the team `shared: true`.")
	}
	return render.Doc{Title: words.Count(len(recs), "lead", "leads"), Blocks: []render.Block{blk}}
}
