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
)

func newLeadsCmd(env *Env, g *globalOptions) *cobra.Command {
	opts := &listOptions{}
	c := &cobra.Command{
		Use:   "leads [PATH...]",
		Short: "Each lead team with its actions, overdue, due this quarter and complete (aliases folded)",
		Example: `  cpp leads
  cpp leads --plan camden-cp --format csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			return runLeads(env, g, opts)
		},
	}
	addFilterFlags(c, &opts.filterOptions, query.LeadSortKeys[0])
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
}

var leadColumns = []string{"lead", "actions", "overdue", "due_this_quarter", "complete", "in_progress", "not_started", "council"}

func (r leadJSON) cells() []string {
	council := ""
	if r.Council != nil {
		council = *r.Council
	}
	return []string{r.Lead, itoa(r.Actions), itoa(r.Overdue), itoa(r.DueThisQuarter), itoa(r.Complete), itoa(r.InProgress), itoa(r.NotStarted), council}
}

func runLeads(env *Env, g *globalOptions, opts *listOptions) error {
	if !slices.Contains(query.LeadSortKeys, opts.Sort) {
		return usageErrorf("use one of: "+strings.Join(query.LeadSortKeys, ", "), "unknown sort key %q for leads", opts.Sort)
	}
	q, err := startQuery(env, g, &opts.filterOptions, opts.Paths, nil)
	if err != nil {
		return err
	}
	rows, today, st, l := q.Rows, q.Today, q.Style, q.Loaded
	sums := query.ByLead(rows, today)
	if err := query.SortLeads(sums, opts.Sort); err != nil {
		return usageErrorf("", "%s", err)
	}
	recs := make([]leadJSON, len(sums))
	for i, s := range sums {
		recs[i] = leadJSON{s.Lead, s.Actions, s.Overdue, s.DueThisQuarter, s.Status[plan.Complete], s.Status[plan.InProgress], s.Status[plan.NotStarted], nil}
		if s.Council != "" {
			recs[i].Council = &s.Council
		}
	}
	switch opts.Format {
	case "json":
		err = render.WriteJSON(env.Stdout, recs)
	case "csv":
		cells := make([][]string, len(recs))
		for i, r := range recs {
			cells[i] = r.cells()
		}
		err = render.WriteCSV(env.Stdout, leadColumns, cells)
	default:
		// The council is shown when the answer spans more than one: otherwise it is the same on every row.
		withCouncil := query.Councils(sums) > 1
		blk := render.Block{Header: []string{"Lead", "Actions", "Overdue", "Due this quarter", "Complete", "In progress", "Not started"},
			Wide: []int{0}, RAGColumn: -1, Empty: "No actions match."}
		if withCouncil {
			blk.Header = append(blk.Header[:1], append([]string{"Council"}, blk.Header[1:]...)...)
			blk.Wide = []int{0, 1}
		}
		for _, r := range recs {
			cells := r.cells()
			row := cells[:len(cells)-1]
			if withCouncil {
				row = append([]string{cells[0], cells[len(cells)-1]}, row[1:]...)
			}
			blk.Rows = append(blk.Rows, row)
		}
		blk.Notes = []string{fmt.Sprintf("As of %s; this quarter is %s. An action with several leads counts for each.",
			render.Date(today), query.ThisQuarter(today).Describe(plansOf(l, q.Filter)))}
		if withCouncil {
			blk.Notes = append(blk.Notes, "A team is its council's own: two councils' teams of one name are counted apart, unless the lead registry marks the team `shared: true`.")
		}
		err = printer(opts.Format, st).Print(env.Stdout, render.Doc{Title: plural(len(recs), "lead", "leads"), Blocks: []render.Block{blk}})
	}
	if err != nil {
		return err
	}
	return l.finish()
}

func itoa(n int) string { return strconv.Itoa(n) }
