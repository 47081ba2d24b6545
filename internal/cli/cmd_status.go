package cli

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
)

func newStatusCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &summaryOptions{}
	c := &cobra.Command{
		Use:   "status [PATH...]",
		Short: "Where each plan and section stands: counts by status and RAG, complete, overdue, due this quarter (or in a window); and by lead",
		Long: `Where each plan and section stands, and each lead: counts by status and RAG, percent complete,
overdue (as of today) and due this quarter. A window (--quarter, --month, --from/--to, --within,
as due takes them) counts what falls due in it instead: the actions 'cpp due' lists for that
window. Every action matching the filters is still counted; due_this_quarter in CSV and JSON
keeps meaning this quarter, and due_in_window is the window's count.`,
		Example: `  cpp status
  cpp status --plan camden-cp --format markdown
  cpp status --quarter Q3-2025 --format csv
  cpp status -o status.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runStatus(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, "plan")
	addWindowFlags(c, &opts.windowOptions)
	opts.summary = true
	c.Flags().Lookup("sort").Usage = "plan: plans and sections in plan file order, the only order status gives (leads --sort orders teams)"
	return c
}

// statusJSON is one plan or section in JSON and CSV output; field names are stable.
type statusJSON struct {
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
}

var statusColumns = []string{"plan", "section", "title", "actions", "not_started", "in_progress", "complete", "dropped",
	"green", "amber", "red", "not_rated", "percent_complete", "overdue", "due_this_quarter", "due_in_window"}

var statusKinds = append([]render.CellKind{render.CellText, render.CellText, render.CellText},
	slices.Repeat([]render.CellKind{render.CellNumber}, len(statusColumns)-3)...)

func statusRecord(planID string, section *string, title string, c query.Counts) statusJSON {
	return statusJSON{Plan: planID, Section: section, Title: title, Actions: c.Actions,
		NotStarted: c.Status[plan.NotStarted], InProgress: c.Status[plan.InProgress], Complete: c.Status[plan.Complete],
		Dropped: c.Status[plan.Dropped], Green: c.RAG[plan.Green], Amber: c.RAG[plan.Amber], Red: c.RAG[plan.Red],
		NotRated: c.RAG[""], PercentDone: round1(c.PercentComplete()), Overdue: c.Overdue, DueThisQuarter: c.DueThisQuarter, DueInWindow: c.DueInWindow}
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

func (s statusJSON) cells() []string {
	sec := ""
	if s.Section != nil {
		sec = *s.Section
	}
	return []string{s.Plan, sec, s.Title, strconv.Itoa(s.Actions), strconv.Itoa(s.NotStarted), strconv.Itoa(s.InProgress), strconv.Itoa(s.Complete),
		strconv.Itoa(s.Dropped), strconv.Itoa(s.Green), strconv.Itoa(s.Amber), strconv.Itoa(s.Red), strconv.Itoa(s.NotRated),
		fmt.Sprintf("%.1f", s.PercentDone), strconv.Itoa(s.Overdue), strconv.Itoa(s.DueThisQuarter), strconv.Itoa(s.DueInWindow)}
}

func runStatus(env *Env, g *globalOptions, opts *summaryOptions) error {
	// The board reads a plan's sections in the plan's own order; another order was once accepted
	// and ignored, which looked like an answer.
	if opts.Sort != "plan" {
		return usageErrorf("status lists plans and sections in plan file order, and its leads busiest first: use --sort plan, or leads --sort for other orders of teams",
			"unknown sort key %q for status", opts.Sort)
	}
	w, given, err := opts.window(env, g)
	if err != nil {
		return err
	}
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	rows, today, st, l := q.Rows, q.Today, q.Style, q.Loaded
	var recs []statusJSON
	for _, ps := range query.ByPlanIn(rows, today, w) {
		recs = append(recs, statusRecord(ps.Plan.ID, nil, ps.Plan.Title, ps.Counts))
		for _, ss := range ps.Sections {
			id := ss.Section.ID
			recs = append(recs, statusRecord(ps.Plan.ID, &id, ss.Section.Title, ss.Counts))
		}
	}
	switch opts.Format {
	case "json":
		if recs == nil {
			recs = []statusJSON{}
		}
		err = render.WriteJSON(env.Stdout, recs)
	case "csv", "xlsx":
		cells := make([][]string, len(recs))
		for i, r := range recs {
			cells[i] = r.cells()
		}
		if opts.Format == "xlsx" {
			err = writeWorkbook(env, render.Doc{Title: "Status as of " + render.Date(today), Sheet: "Status", AsOf: today}, statusColumns, statusKinds, cells)
		} else {
			err = render.WriteCSV(env.Stdout, statusColumns, cells)
		}
	default:
		err = printer(opts.Format, st).Print(env.Stdout, statusDoc(recs, rows, today, w, given, plansOf(l, q.Filter)))
	}
	if err != nil {
		return err
	}
	return q.finish(env)
}

func statusDoc(recs []statusJSON, rows []query.Row, today time.Time, w query.Window, given bool, plans []*plan.Plan) render.Doc {
	d := render.Doc{Title: fmt.Sprintf("Status as of %s (this quarter: %s)", render.Date(today), w.Describe(plans))}
	column := "Due this qtr"
	if given {
		d.Title = fmt.Sprintf("Status as of %s (window: %s)", render.Date(today), w.Describe(plans))
		column = "Due in window"
	}
	// The terminal shows the figures a board asks for first; JSON and CSV carry every count.
	header := []string{"Section", "Actions", "Complete", "In progress", "Not started", "Red", "Amber", "Green", "% complete", "Overdue", column}
	var blk *render.Block
	for _, r := range recs {
		row := []string{"", strconv.Itoa(r.Actions), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted),
			strconv.Itoa(r.Red), strconv.Itoa(r.Amber), strconv.Itoa(r.Green), fmt.Sprintf("%.0f%%", r.PercentDone), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueInWindow)}
		if r.Section == nil {
			d.Blocks = append(d.Blocks, render.Block{Heading: fmt.Sprintf("%s: %s", r.Plan, r.Title), Header: header,
				Wide: []int{0}, Drop: statusDrop, MaxLines: 3, RAGColumn: -1})
			blk = &d.Blocks[len(d.Blocks)-1]
			row[0] = "All sections"
			blk.Rows = append(blk.Rows, row)
			continue
		}
		row[0] = r.Title
		blk.Rows = append(blk.Rows, row)
	}
	leads := render.Block{Heading: "By lead", Header: []string{"Lead", "Actions", "Overdue", column, "Complete", "Red", "Amber"},
		Wide: []int{0}, Drop: []int{6, 5, 4, 3}, MaxLines: 3, RAGColumn: -1, Empty: "No actions match."}
	sums := query.ByLeadIn(rows, today, w)
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
	d.Blocks = append(d.Blocks, leads)
	return d
}

// statusDrop is the order a narrow terminal goes without a status table's columns: not started
// and in progress, green, complete (% complete says it), then amber and red; the section, its
// actions, % complete, overdue and due stay. JSON and CSV carry every count.
var statusDrop = []int{4, 3, 7, 2, 6, 5}
