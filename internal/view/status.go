package view

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// StatusRecord is one plan or section in JSON and CSV output; field names are stable.
type StatusRecord struct {
	Plan           string  `json:"plan"`
	Section        *string `json:"section"`
	Title          string  `json:"title"`
	Actions        int     `json:"actions"`
	NotStarted     int     `json:"not_started"`
	InProgress     int     `json:"in_progress"`
	Complete       int     `json:"complete"`
	Dropped        int     `json:"dropped"`
	Green          int     `json:"green"`
	Amber          int     `json:"amber"`
	Red            int     `json:"red"`
	NotRated       int     `json:"not_rated"`
	PercentDone    float64 `json:"percent_complete"`
	Overdue        int     `json:"overdue"`
	DueThisQuarter int     `json:"due_this_quarter"`
	DueInWindow    int     `json:"due_in_window"`
	// NotUnderstood counts the actions whose deadline cpp cannot place in time: counted as
	// neither due nor overdue, and never as undated.
	NotUnderstood int `json:"not_understood"`
}

// StatusColumns are the CSV and workbook columns of StatusRecord; StatusKinds type them.
var StatusColumns = []string{"plan", "section", "title", "actions", "not_started", "in_progress", "complete", "dropped",
	"green", "amber", "red", "not_rated", "percent_complete", "overdue", "due_this_quarter", "due_in_window", "not_understood"}

var StatusKinds = append([]render.CellKind{render.CellText, render.CellText, render.CellText},
	slices.Repeat([]render.CellKind{render.CellNumber}, len(StatusColumns)-3)...)

func statusRecord(planID string, section *string, title string, c query.Counts) StatusRecord {
	return StatusRecord{Plan: planID, Section: section, Title: title, Actions: c.Actions,
		NotStarted: c.Status[plan.NotStarted], InProgress: c.Status[plan.InProgress], Complete: c.Status[plan.Complete],
		Dropped: c.Status[plan.Dropped], Green: c.RAG[plan.Green], Amber: c.RAG[plan.Amber], Red: c.RAG[plan.Red],
		NotRated: c.RAG[""], PercentDone: round1(c.PercentComplete()), Overdue: c.Overdue, DueThisQuarter: c.DueThisQuarter, DueInWindow: c.DueInWindow,
		NotUnderstood: c.NotUnderstood}
}

// StatusRecords are each plan's counts, then its sections', in plan file order; never nil, so
// that JSON gives [] for none.
func StatusRecords(sums []query.PlanSummary) []StatusRecord {
	recs := []StatusRecord{}
	for _, ps := range sums {
		recs = append(recs, statusRecord(ps.Plan.ID, nil, ps.Plan.Title, ps.Counts))
		for _, ss := range ps.Sections {
			id := ss.Section.ID
			recs = append(recs, statusRecord(ps.Plan.ID, &id, ss.Section.Title, ss.Counts))
		}
	}
	return recs
}

// CSVRow is the record's cells, in StatusColumns' order.
func (s StatusRecord) CSVRow() []string {
	sec := ""
	if s.Section != nil {
		sec = *s.Section
	}
	return []string{s.Plan, sec, s.Title, strconv.Itoa(s.Actions), strconv.Itoa(s.NotStarted), strconv.Itoa(s.InProgress), strconv.Itoa(s.Complete),
		strconv.Itoa(s.Dropped), strconv.Itoa(s.Green), strconv.Itoa(s.Amber), strconv.Itoa(s.Red), strconv.Itoa(s.NotRated),
		fmt.Sprintf("%.1f", s.PercentDone), strconv.Itoa(s.Overdue), strconv.Itoa(s.DueThisQuarter), strconv.Itoa(s.DueInWindow),
		strconv.Itoa(s.NotUnderstood)}
}

// StatusDoc is status for people: a table per plan of its sections, then one of the leads.
func StatusDoc(recs []StatusRecord, leads []query.LeadSummary, w Window) render.Doc {
	d := render.Doc{Title: fmt.Sprintf("Status as of %s (this quarter: %s)", render.Date(w.Today), w.Describe(w.Plans))}
	column := "Due this qtr"
	if w.Given {
		d.Title = fmt.Sprintf("Status as of %s (window: %s)", render.Date(w.Today), w.Describe(w.Plans))
		column = "Due in window"
	}
	d.Blocks = append(statusBlocks(recs, column), leadsBlock(leads, column))
	return d
}

// statusBlocks are a table for each plan: all its sections, then each. The terminal shows the
// figures a board asks for first; JSON and CSV carry every count.
func statusBlocks(recs []StatusRecord, column string) []render.Block {
	header := []string{"Section", "Actions", "Complete", "In progress", "Not started", "Red", "Amber", "Green", "% complete", "Overdue", column}
	var blocks []render.Block
	for _, r := range recs {
		row := []string{r.Title, strconv.Itoa(r.Actions), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted),
			strconv.Itoa(r.Red), strconv.Itoa(r.Amber), strconv.Itoa(r.Green), words.Percent(r.PercentDone), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueInWindow)}
		if r.Section == nil {
			blocks = append(blocks, render.Block{Heading: fmt.Sprintf("%s: %s", r.Plan, r.Title), Header: header,
				Wide: []int{0}, Drop: statusDrop, MaxLines: 3, RAGColumn: -1})
			row[0] = "All sections"
		}
		blk := &blocks[len(blocks)-1]
		blk.Rows = append(blk.Rows, row)
	}
	return blocks
}

// statusDrop is the order a narrow terminal goes without a status table's columns: not started
// and in progress, green, complete (% complete says it), then amber and red; the section, its
// actions, % complete, overdue and due stay. JSON and CSV carry every count.
var statusDrop = []int{4, 3, 7, 2, 6, 5}

// leadsBlock is status's table of the leads.
func leadsBlock(sums []query.LeadSummary, column string) render.Block {
	leads := render.Block{Heading: "By lead", Header: []string{"Lead", "Actions", "Overdue", column, "Complete", "Red", "Amber"},
		Wide: []int{0}, Drop: []int{6, 5, 4, 3}, MaxLines: 3, RAGColumn: -1, Empty: "No actions match."}
	withCouncil := query.Councils(sums) > 1
	if withCouncil {
		leads.Header = append([]string{"Lead", "Council"}, leads.Header[1:]...)
		leads.Wide = []int{0, 1}
		leads.Drop = []int{7, 6, 5, 4}
	}
	for _, s := range sums {
		row := []string{s.Lead, strconv.Itoa(s.Actions), strconv.Itoa(s.Overdue), strconv.Itoa(s.DueInWindow),
			strconv.Itoa(s.Status[plan.Complete]), strconv.Itoa(s.RAG[plan.Red]), strconv.Itoa(s.RAG[plan.Amber])}
		if withCouncil {
			row = append([]string{s.Lead, s.Council}, row[1:]...)
		}
		leads.Rows = append(leads.Rows, row)
	}
	return leads
}
