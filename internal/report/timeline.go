package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// tlGroup is a band of the timeline: a section (in full), or a plan's open actions (the pack).
type tlGroup struct {
	Title string
	ID    string // the section's id, when the group is one
	Rows  []query.Row
}

// timelineGroups are the timeline's bands. The board pack draws the work still to do, by plan,
// in deadline order; --detail full draws every dated action by section. Recurring commitments are
// left to the tables: a bar for one occurrence would read as the whole commitment.
func timelineGroups(r *Report) []tlGroup {
	dated := func(row query.Row) bool { return row.HasDue() && !row.Recurring }
	var out []tlGroup
	if r.Options.Detail == Full {
		for _, sp := range r.Sections {
			g := tlGroup{Title: sectionHeading(sp, len(r.Plans) > 1), ID: sp.Section.ID}
			for _, row := range sp.Rows {
				if dated(row) {
					g.Rows = append(g.Rows, row)
				}
			}
			if len(g.Rows) > 0 {
				out = append(out, g)
			}
		}
		return out
	}
	for _, p := range r.Plans {
		g := tlGroup{Title: "Open actions", ID: p.ID}
		if len(r.Plans) > 1 {
			g.Title = words.OneLine(p.Title)
		}
		for _, sp := range r.Sections {
			if sp.Plan != p {
				continue
			}
			for _, row := range sp.Rows {
				if dated(row) && !row.Action.Closed() {
					g.Rows = append(g.Rows, row)
				}
			}
		}
		sort.SliceStable(g.Rows, func(i, j int) bool {
			a, b := g.Rows[i].Action.Deadline, g.Rows[j].Action.Deadline
			if !a.End.Equal(b.End) {
				return a.End.Before(b.End)
			}
			return a.Start.Before(b.Start)
		})
		if len(g.Rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

func timelineBlocks(r *Report) []block {
	groups := timelineGroups(r)
	title := "Timeline of open actions"
	if r.Options.Detail == Full {
		title = "Timeline of deadlines by section"
	}
	gantt, dropped := mermaidGantt(r, groups, title)
	note := ""
	if dropped > 0 {
		note = fmt.Sprintf("%s left out of the timeline; %s in the tables above.",
			words.Count(dropped, "dropped action is", "dropped actions are"), words.Pick(dropped, "it is", "they are"))
	}
	if r.Options.Detail != Full {
		note = strings.TrimSpace("Complete and dropped actions are in the tables above, not in the timeline. " + note)
	}
	return []block{heading{3, title, "timeline"}, chart{Mermaid: gantt, Note: note, HTML: func() string { return timelineHTML(r, groups, title) }}}
}

// ganttLabelMax is the longest label the gantt shows: section labels sit in a left margin
// (ganttLeftPadding pixels wide, at mermaid's 11px section font), and a longer task label runs
// over its neighbours' bars.
const (
	ganttLabelMax    = 40
	ganttLeftPadding = 250
	// ganttTicks is the most axis labels the gantt draws: "Sep 2026" is about 50 pixels at
	// mermaid's font, and the axis is about 500 pixels in GitHub's column beside the margin.
	ganttTicks = 6
)

// ganttKeywords start a line of a gantt chart; mermaid reads them case-insensitively, so a task
// named "Section 20 review" would start a section.
var ganttKeywords = []string{"section", "title", "dateformat", "axisformat", "tickinterval", "excludes", "includes",
	"todaymarker", "inclusiveenddates", "topaxis", "weekday", "weekend", "acctitle", "accdescr", "gantt", "click"}

// mermaidGantt draws each dated action as a bar over its deadline's period, labelled with its
// words cut short: done when complete, active when in progress, crit when red or overdue. Dropped
// actions are left out, and counted beneath the chart: no bar style says "dropped", and a bar
// reads as work planned. Mermaid's own "today" line is the reader's clock, so it is turned off
// and the report's date drawn as a vertical marker instead. The axis is labelled every few months,
// so that its labels never run into each other.
func mermaidGantt(r *Report, groups []tlGroup, title string) (chart string, dropped int) {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nconfig:\n  gantt:\n    leftPadding: %d\n---\n", ganttLeftPadding)
	asOf := words.Day(r.AsOf)
	var minT, maxT time.Time
	for _, g := range groups {
		for _, row := range g.Rows {
			d := row.Action.Deadline
			if minT.IsZero() || d.Start.Before(minT) {
				minT = d.Start
			}
			if d.End.After(maxT) {
				maxT = d.End
			}
		}
	}
	fmt.Fprintf(&b, "gantt\n    title %s, as of %s\n    dateFormat YYYY-MM-DD\n    axisFormat %%b %%Y\n", title, asOf)
	if !minT.IsZero() {
		fmt.Fprintf(&b, "    tickInterval %dmonth\n", tickMonths(minT, maxT))
	}
	fmt.Fprintf(&b, "    todayMarker off\n    As of %s :vert, asof, %s, 0d\n", asOf, r.AsOf.Format("2006-01-02"))
	for _, g := range groups {
		var lines []string
		for _, row := range g.Rows {
			a := row.Action
			if a.Status == plan.Dropped {
				dropped++
				continue
			}
			var tags []string
			switch {
			case a.Status == plan.Complete:
				tags = append(tags, "done")
			case a.RAG == plan.Red || row.DaysLate > 0:
				tags = append(tags, "crit")
			case a.Status == plan.InProgress:
				tags = append(tags, "active")
			}
			tags = append(tags, a.Deadline.Start.Format("2006-01-02"), a.Deadline.End.AddDate(0, 0, 1).Format("2006-01-02"))
			lines = append(lines, fmt.Sprintf("    %s :%s\n", ganttTask(a), strings.Join(tags, ", ")))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "    section %s\n", ganttSection(g))
		b.WriteString(strings.Join(lines, ""))
	}
	return b.String(), dropped
}

// tickMonths is the months between the gantt's axis labels: the fewest that keep to ganttTicks.
func tickMonths(from, to time.Time) int {
	months := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1
	for _, step := range []int{1, 2, 3, 6, 12, 24} {
		if months <= step*ganttTicks {
			return step
		}
	}
	return 60
}

// ganttTask is an action's label in the gantt: its words cut short at a word's end, never a word
// mermaid reads as its own; its id when it has no words mermaid can show.
func ganttTask(a *plan.Action) string {
	// A code block is not linked on GitHub, but the rule for Markdown holds in all of it: no
	// "@name" that could notify anyone (render.Unlinked).
	label := cutLabel(mermaidLabel(render.Unlinked(a.Label())), ganttLabelMax)
	if !hasAlnum(label) {
		label = mermaidLabel(a.ID)
	}
	first := strings.ToLower(strings.Fields(label + " x")[0])
	for _, k := range ganttKeywords {
		if strings.HasPrefix(first, k) {
			return "Action - " + label
		}
	}
	return label
}

// ganttSection is a band's label in the gantt: its title as mermaid can read it, cut to fit the
// margin. A title with nothing left to read once mermaid's syntax is taken out (":;#") would make
// an empty "section" line, which does not parse, so the section's id stands in for it.
func ganttSection(g tlGroup) string {
	label := mermaidLabel(g.Title)
	if !hasAlnum(label) {
		label = mermaidLabel(g.ID)
	}
	return cutLabel(label, ganttLabelMax)
}
