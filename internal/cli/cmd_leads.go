package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// summaryOptions are the flags of leads and status: the filters, and a window whose due
// actions they count (this quarter when none is given).
type summaryOptions struct {
	filterOptions
	windowOptions
	Paths []string
}

// window is the window asked about, or this quarter; given says whether one was asked about.
func (o *summaryOptions) window(env *Env, g *globalOptions) (w query.Window, given bool, err error) {
	today, err := g.today(env)
	if err != nil {
		return w, false, err
	}
	w, err = o.windowOptions.window(today)
	return w, o.given(), err
}

// windowWords name a summary's window in its text: "the window is ..." and its column's header,
// or as before for this quarter.
func windowWords(w query.Window, given bool, plans []*plan.Plan) (phrase, column string) {
	if given {
		return "the window is " + w.Describe(plans), "Due in window"
	}
	return "this quarter is " + w.Describe(plans), "Due this quarter"
}

func newLeadsCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &summaryOptions{}
	c := &cobra.Command{
		Use:   "leads [PATH...]",
		Short: "Each lead team with its actions, overdue, due this quarter (or in a window) and complete (aliases folded)",
		Long: `Each lead team with its actions, overdue (as of today), due this quarter and complete. A window
(--quarter, --month, --from/--to, --within, as due takes them) counts what falls due in it
instead of this quarter: the actions 'cpp due' lists for that window. Every action matching the
filters is still counted; due_this_quarter in CSV and JSON keeps meaning this quarter, and
due_in_window is the window's count.`,
		Example: `  cpp leads
  cpp leads --plan camden-cp --format csv
  cpp leads --quarter Q3-2025 --sort due
  cpp leads -o leads.xlsx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runLeads(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, query.LeadSortKeys[0])
	addWindowFlags(c, &opts.windowOptions)
	opts.summary = true
	c.Flags().Lookup("sort").Usage = "order of teams: actions (the busiest first), lead (by name), overdue or due (the most first)"
	return c
}

// leadJSON is one lead in JSON and CSV output; field names are stable. council is the council
// whose team it is, null (empty in CSV) for a team the registry shares across councils.
type leadJSON struct {
	Lead           string  `json:"lead"`
	Actions        int     `json:"actions"`
	Overdue        int     `json:"overdue"`
	DueThisQuarter int     `json:"due_this_quarter"`
	Complete       int     `json:"complete"`
	InProgress     int     `json:"in_progress"`
	NotStarted     int     `json:"not_started"`
	Council        *string `json:"council"`
	DueInWindow    int     `json:"due_in_window"`
}

var leadColumns = []string{"lead", "actions", "overdue", "due_this_quarter", "complete", "in_progress", "not_started", "council", "due_in_window"}

var leadKinds = []render.CellKind{render.CellText, render.CellNumber, render.CellNumber, render.CellNumber, render.CellNumber,
	render.CellNumber, render.CellNumber, render.CellText, render.CellNumber}

func (r leadJSON) cells() []string {
	council := ""
	if r.Council != nil {
		council = *r.Council
	}
	return []string{r.Lead, strconv.Itoa(r.Actions), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueThisQuarter), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted), council, strconv.Itoa(r.DueInWindow)}
}

func runLeads(env *Env, g *globalOptions, opts *summaryOptions) error {
	if !slices.Contains(query.LeadSortKeys, opts.Sort) {
		return usageErrorf("use one of: "+strings.Join(query.LeadSortKeys, ", "), "unknown sort key %q for leads", opts.Sort)
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
	sums := query.ByLeadIn(rows, today, w)
	if err := query.SortLeads(sums, opts.Sort); err != nil {
		return usageErrorf("", "%s", err)
	}
	recs := make([]leadJSON, len(sums))
	for i, s := range sums {
		recs[i] = leadJSON{s.Lead, s.Actions, s.Overdue, s.DueThisQuarter, s.Status[plan.Complete], s.Status[plan.InProgress], s.Status[plan.NotStarted], nil, s.DueInWindow}
		if s.Council != "" {
			recs[i].Council = &s.Council
		}
	}
	switch opts.Format {
	case "json":
		err = render.WriteJSON(env.Stdout, recs)
	case "csv", "xlsx":
		cells := make([][]string, len(recs))
		for i, r := range recs {
			cells[i] = r.cells()
		}
		if opts.Format == "xlsx" {
			err = writeWorkbook(env, render.Doc{Title: "Leads as of " + render.Date(today), Sheet: "Leads", AsOf: today}, leadColumns, leadKinds, cells)
		} else {
			err = render.WriteCSV(env.Stdout, leadColumns, cells)
		}
	default:
		// The council is shown when the answer spans more than one: otherwise it is the same on every row.
		withCouncil := query.Councils(sums) > 1
		phrase, column := windowWords(w, given, plansOf(l, q.Filter))
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
			council := ""
			if r.Council != nil {
				council = *r.Council
			}
			row := []string{r.Lead, strconv.Itoa(r.Actions), strconv.Itoa(r.Overdue), strconv.Itoa(r.DueInWindow), strconv.Itoa(r.Complete), strconv.Itoa(r.InProgress), strconv.Itoa(r.NotStarted)}
			if withCouncil {
				row = append([]string{r.Lead, council}, row[1:]...)
			}
			blk.Rows = append(blk.Rows, row)
		}
		blk.Notes = []string{fmt.Sprintf("As of %s; %s. An action with several leads counts for each.", render.Date(today), phrase)}
		if withCouncil {
			blk.Notes = append(blk.Notes, "A team is its council's own: two councils' teams of one name are counted apart, unless the lead registry marks the team `shared: true`.")
		}
		err = printer(opts.Format, st).Print(env.Stdout, render.Doc{Title: words.Count(len(recs), "lead", "leads"), Blocks: []render.Block{blk}})
	}
	if err != nil {
		return err
	}
	return q.finish(env)
}
