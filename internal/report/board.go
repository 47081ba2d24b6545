package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// Detail is how much a report shows. The board pack (Board) is what a member reads in ten
// minutes: page one at a glance, then what needs the board's attention, then progress in brief.
// Full adds every action's row with its leads and latest note, every measure in full and the
// timeline by section; nothing in the plans is left out of it.
type Detail int

const (
	Board Detail = iota
	Full
)

// DetailNames are the values --detail takes, in Detail's order.
var DetailNames = []string{"board", "full"}

func (d Detail) String() string { return DetailNames[d] }

// ParseDetail reads --detail.
func ParseDetail(s string) (Detail, error) {
	for i, n := range DetailNames {
		if s == n {
			return Detail(i), nil
		}
	}
	return 0, fmt.Errorf("invalid --detail %q: use one of: %s", s, strings.Join(DetailNames, ", "))
}

// LongOverdueDays is how late an action is before the board is told it is long overdue.
const LongOverdueDays = 90

// Headline is one of the few figures above page one's table: the figure, and what it counts.
type Headline struct {
	Figure, Words string
}

// PlanGlance is a plan at a glance: a row for each section, and one for the plan's own figures
// when it has measures outside its sections.
type PlanGlance struct {
	Plan *plan.Plan
	Rows []GlanceRow
}

// GlanceRow is a section's actions and measures in counts.
type GlanceRow struct {
	Section *plan.Section // nil for the plan's own (context) figures
	Title   string
	Actions int
	Status  map[plan.Status]int
	RAG     map[plan.RAG]int // "" counts actions not rated
	Overdue int
	// Measures: on target (green), off target (amber or red), no data yet, and the rest (no
	// target, context figures, no direction), which are neither on nor off.
	OnTarget, OffTarget, NoData, Unrated int
}

// Attention is what needs the board's attention, in the order it reads it.
type Attention struct {
	// RedAmber are the open actions rated red or amber, red first, each with its latest note or
	// marked as having none.
	RedAmber []Exception
	// Overdue are the other overdue actions that have a note, the latest first: those more than
	// LongOverdueDays late are the ones a board asks about.
	Overdue []Exception
	// OffTarget are the measures rated red or amber against target.
	OffTarget []MeasureStatus
	// Chase is every overdue action with no note, grouped by lead, the longest list first: who
	// has not reported.
	Chase []LeadGroup
}

// NoUpdate counts the overdue actions with no note, each once however many leads it has.
func (a Attention) NoUpdate() int {
	seen := map[*plan.Action]bool{}
	for _, g := range a.Chase {
		for _, r := range g.Rows {
			seen[r.Action] = true
		}
	}
	return len(seen)
}

func attention(r *Report, plans []*plan.Plan) Attention {
	var a Attention
	var chase []query.Row
	for _, e := range r.Exceptions {
		switch {
		case e.Action.RAG == plan.Red || e.Action.RAG == plan.Amber:
			a.RedAmber = append(a.RedAmber, e)
		case !e.NoCommentary:
			a.Overdue = append(a.Overdue, e)
		}
		if e.NoCommentary && e.DaysLate > 0 {
			chase = append(chase, e.Row)
		}
	}
	for _, m := range r.Measures {
		if m.RAG == plan.Red || m.RAG == plan.Amber {
			a.OffTarget = append(a.OffTarget, m)
		}
	}
	sort.SliceStable(a.OffTarget, func(i, j int) bool {
		return a.OffTarget[i].RAG == plan.Red && a.OffTarget[j].RAG != plan.Red
	})
	a.Chase = byLead(chase, plans)
	sort.SliceStable(a.Chase, func(i, j int) bool { return len(a.Chase[i].Rows) > len(a.Chase[j].Rows) })
	return a
}

func glance(r *Report) []PlanGlance {
	var out []PlanGlance
	bySection := map[*plan.Section]*GlanceRow{}
	plansRow := map[*plan.Plan]*GlanceRow{}
	for _, p := range r.Plans {
		pg := PlanGlance{Plan: p}
		for _, s := range p.Sections {
			pg.Rows = append(pg.Rows, GlanceRow{Section: s, Title: words.OneLine(s.Title), Status: map[plan.Status]int{}, RAG: map[plan.RAG]int{}})
		}
		if len(p.Measures) > 0 {
			pg.Rows = append(pg.Rows, GlanceRow{Title: "Whole-plan figures", Status: map[plan.Status]int{}, RAG: map[plan.RAG]int{}})
		}
		out = append(out, pg)
	}
	for i := range out {
		for j := range out[i].Rows {
			g := &out[i].Rows[j]
			if g.Section != nil {
				bySection[g.Section] = g
			} else {
				plansRow[out[i].Plan] = g
			}
		}
	}
	for _, sp := range r.Sections {
		g := bySection[sp.Section]
		if g == nil {
			continue
		}
		for _, row := range sp.Rows {
			g.Actions++
			g.Status[row.Action.Status]++
			if !row.Action.Closed() {
				g.RAG[row.Action.RAG]++
			}
			if row.DaysLate > 0 {
				g.Overdue++
			}
		}
	}
	for _, m := range r.Measures {
		g := plansRow[m.Plan]
		if m.Section != nil {
			g = bySection[m.Section]
		}
		if g == nil {
			continue
		}
		switch {
		case m.NoData:
			g.NoData++
		case m.RAG == plan.Green:
			g.OnTarget++
		case m.RAG == plan.Red || m.RAG == plan.Amber:
			g.OffTarget++
		default:
			g.Unrated++
		}
	}
	return out
}

// StatusWords are a glance row's statuses in words, in plan order: "2 complete, 3 in progress".
func (g GlanceRow) StatusWords() string {
	var parts []string
	for _, s := range plan.Statuses {
		if n := g.Status[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, render.StatusWord(s)))
		}
	}
	if len(parts) == 0 {
		return "no actions"
	}
	return strings.Join(parts, ", ")
}

// ragOrder is the order RAG counts are told in: worst first.
var ragOrder = []plan.RAG{plan.Red, plan.Amber, plan.Green, ""}

// RAGWords are the RAG ratings of a glance row's open actions in words: "1 Red, 2 Amber, 4 Not
// rated". Complete and dropped actions carry no risk to delivery, so they are not counted.
func (g GlanceRow) RAGWords() string {
	var parts []string
	for _, rg := range ragOrder {
		if n := g.RAG[rg]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, render.RAGWord(rg)))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

// MeasureWords are a glance row's measures in words: "1 on target, 2 off target, 3 no data yet".
func (g GlanceRow) MeasureWords() string {
	var parts []string
	for _, c := range []struct {
		n    int
		word string
	}{{g.OnTarget, "on target"}, {g.OffTarget, "off target"}, {g.NoData, "no data yet"}, {g.Unrated, "not rated"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func headlines(r *Report) []Headline {
	c := r.Summary.Counts
	done := "actions complete (" + words.Percent(c.PercentComplete()) + ")"
	if c.Status[plan.Dropped] > 0 {
		done = "actions complete (" + words.Percent(c.PercentComplete()) + " of those not dropped)"
	}
	h := []Headline{{fmt.Sprintf("%d of %d", c.Status[plan.Complete], c.Actions), done}}
	over := "actions overdue"
	if c.Overdue == 1 {
		over = "action overdue"
	}
	if r.Summary.OverdueLong > 0 {
		over += fmt.Sprintf(", %d by more than %d days", r.Summary.OverdueLong, LongOverdueDays)
	}
	h = append(h, Headline{strconv.Itoa(c.Overdue), over})
	red, amber := 0, 0
	for _, e := range r.Attention.RedAmber {
		if e.Action.RAG == plan.Red {
			red++
		} else {
			amber++
		}
	}
	h = append(h, Headline{strconv.Itoa(red + amber), fmt.Sprintf("rated red or amber (%d red, %d amber)", red, amber)})
	h = append(h, Headline{strconv.Itoa(r.Attention.NoUpdate()), "overdue with no update from their lead"})
	if len(r.Measures) > 0 {
		with, on := 0, 0
		for _, m := range r.Measures {
			if !m.NoData {
				with++
			}
			if m.RAG == plan.Green {
				on++
			}
		}
		h = append(h, Headline{fmt.Sprintf("%d of %d", on, with), "measures with data on target"})
	}
	return h
}

// CommonLeads are the leads every action of a section shares, said once for the section rather
// than on every row.
func (sp SectionProgress) CommonLeads() []string {
	if len(sp.Rows) < 2 {
		return nil
	}
	var common []string
	for _, l := range sp.Rows[0].Leads {
		all := true
		for _, row := range sp.Rows[1:] {
			if !slices.Contains(row.Leads, l) {
				all = false
				break
			}
		}
		if all {
			common = append(common, l)
		}
	}
	return common
}

// OtherLeads are a row's leads that are not the section's common ones.
func OtherLeads(row query.Row, common []string) []string {
	var out []string
	for _, l := range row.Leads {
		if !slices.Contains(common, l) {
			out = append(out, l)
		}
	}
	return out
}

// notNamed is how plans transcribed from a document that names no council say so.
const notNamed = "not named in the source document"

// CouncilName is a council as a board reads it: "council not named" for a plan whose source
// document names none.
func CouncilName(c string) string {
	if strings.EqualFold(strings.TrimSpace(c), notNamed) || strings.TrimSpace(c) == "" {
		return "council not named"
	}
	return c
}
