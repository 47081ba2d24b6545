package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown, with Mermaid charts. All plan
// text goes through render's escaping, so it shows as written and cannot break a table.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	// Headings and list items end at a newline: their text goes on one line.
	esc, line := render.InlineMarkdown, render.MarkdownLine
	fmt.Fprintf(&b, "# %s\n\n", line(r.Title))
	if len(r.LeftOut) > 0 {
		// A plain blockquote rather than GitHub's [!WARNING] alert, which other renderers
		// (pandoc, editors' previews) show as literal text.
		fmt.Fprintf(&b, "> **Partial report:** %s Run `cpp validate` for details.\n>\n", partialSentence(r))
		for _, lo := range r.LeftOut {
			fmt.Fprintf(&b, "> - **%s**: %s\n", esc(words.OneLine(lo.File)), esc(words.OneLine(lo.Error)))
		}
		b.WriteString("\n")
	}
	writePersonalMarkdown(&b, r.Options.Personal)
	fmt.Fprintf(&b, "Report as of %s. Reporting period: %s. Next period: %s.\n\n", words.Day(r.AsOf),
		esc(r.Period.Description), esc(r.Next.Description))
	if len(r.Plans) > 1 {
		b.WriteString("Plans in this report:\n\n")
		for _, p := range r.Plans {
			fmt.Fprintf(&b, "- %s: %s (%s)\n", line(p.ID), line(p.Title), line(p.Council))
		}
		b.WriteString("\n")
	}

	b.WriteString("## Summary\n\n")
	b.WriteString(esc(r.Summary.Narrative) + "\n\n")
	b.WriteString(render.MarkdownTable([]string{"Figure", "Actions"}, summaryRows(r)))
	b.WriteString("\n```mermaid\n" + mermaidPie(r) + "```\n\n")
	if nu := notUnderstoodRows(r); len(nu) > 0 {
		fmt.Fprintf(&b, "### Deadlines not understood (%d)\n\n%s\n\n", len(nu), notUnderstoodLeadIn)
		b.WriteString(render.MarkdownTable([]string{"Action", "Lead", "Deadline as written"}, nu))
		b.WriteString("\n")
	}

	b.WriteString("## Exceptions\n\n")
	if len(r.Exceptions) == 0 {
		b.WriteString("No action is rated red or amber, and none is overdue.\n\n")
	} else {
		fmt.Fprintf(&b, "Every action rated red or amber, and every overdue action (a recurring commitment is overdue when its last period passed with no update), with its latest progress note. "+
			"\"No commentary\" marks an exception with no note; \"stale\" a latest note more than %d days old.\n\n", r.Options.StaleDays)
		b.WriteString(render.MarkdownTable([]string{"Action", "Lead", "Deadline", "Days late", "RAG", "Latest note"}, exceptionRows(r)))
		b.WriteString("\n")
	}

	b.WriteString("## Progress by section\n\n")
	for _, sp := range r.Sections {
		fmt.Fprintf(&b, "### %s\n\n", line(sectionHeading(sp, len(r.Plans) > 1)))
		if sp.Section.Promise != "" {
			fmt.Fprintf(&b, "> %s\n\n", esc(words.OneLine(sp.Section.Promise)))
		}
		fmt.Fprintf(&b, "%s\n\n", SharedLine(sp.Section, r.Period.window, r.AsOf))
		if len(sp.Rows) == 0 {
			b.WriteString("No actions.\n\n")
			continue
		}
		b.WriteString(render.MarkdownTable([]string{"Action", "Deadline", "Leads", "Status", "RAG", "Latest update"}, sectionRows(r, sp.Rows)))
		b.WriteString("\n")
	}
	gantt, dropped := mermaidGantt(r)
	b.WriteString("### Timeline of deadlines\n\n```mermaid\n" + gantt + "```\n\n")
	if dropped > 0 {
		fmt.Fprintf(&b, "%s left out of the timeline; %s in the tables above.\n\n",
			words.Count(dropped, "dropped action is", "dropped actions are"), words.Pick(dropped, "it is", "they are"))
	}

	fmt.Fprintf(&b, "## Coming up in %s\n\n", esc(r.Next.Label))
	if len(r.ComingUp) == 0 {
		b.WriteString("Nothing falls due in the next period.\n\n")
	}
	for _, g := range r.ComingUp {
		fmt.Fprintf(&b, "### %s\n\n", line(g.Lead))
		b.WriteString(render.MarkdownTable([]string{"Action", "Deadline", "Due", "Status", "RAG"}, comingRows(g.Rows)))
		b.WriteString("\n")
	}

	b.WriteString("## Measures\n\n")
	if len(r.Measures) == 0 {
		b.WriteString("The plans set no measures.\n\n")
	} else {
		fmt.Fprintf(&b, "RAG against target: green on target or within %.0f%% of it; amber further off but improving; red further off and not improving. "+
			"Direction of travel is against the previous observation.%s\n\n", r.Options.Tolerance*100, measuresNote(r))
		b.WriteString(render.MarkdownTable([]string{"Measure", "Baseline", "Latest", "Previous", "Target", "Travel", "RAG"}, measureRows(r)))
		b.WriteString("\n")
	}

	if r.Changes != nil {
		fmt.Fprintf(&b, "## Changes since %s\n\n", line(r.Changes.Since))
		writeChangesMarkdown(&b, r.Changes)
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// partialSentence says how much of the plans a partial report leaves out.
func partialSentence(r *Report) string {
	n := len(r.LeftOut)
	return fmt.Sprintf("%s with errors %s left out, so this report does not count what %s.",
		words.Count(n, "plan file", "plan files"), words.Pick(n, "is", "are"), words.Pick(n, "it holds", "they hold"))
}

func summaryRows(r *Report) [][]string {
	c := r.Summary.Counts
	rows := [][]string{{"All actions", strconv.Itoa(c.Actions)}}
	for _, s := range plan.Statuses {
		rows = append(rows, []string{"Status: " + render.StatusWord(s), strconv.Itoa(c.Status[s])})
	}
	for _, g := range []plan.RAG{plan.Red, plan.Amber, plan.Green} {
		rows = append(rows, []string{"RAG: " + render.RAGWord(g), strconv.Itoa(c.RAG[g])})
	}
	rows = append(rows,
		[]string{"RAG: " + render.RAGWord(""), strconv.Itoa(c.RAG[""])},
		[]string{"Percent complete", fmt.Sprintf("%.0f%%", c.PercentComplete())},
		[]string{"Overdue", strconv.Itoa(c.Overdue)},
		[]string{"Overdue by more than 90 days", strconv.Itoa(r.Summary.OverdueLong)},
		[]string{"Due in " + r.Period.Label, strconv.Itoa(r.Summary.DueInPeriod)},
		[]string{"Due in " + r.Next.Label, strconv.Itoa(r.Summary.DueNext)},
		[]string{"Recurring", strconv.Itoa(c.Recurring)},
		[]string{"Ongoing (no end date)", strconv.Itoa(c.Ongoing)},
		[]string{"Deadline to be confirmed", strconv.Itoa(c.ToBeConfirmed)},
		[]string{"No deadline given", strconv.Itoa(c.Undated)},
		[]string{"Deadline not understood", strconv.Itoa(c.NotUnderstood)},
	)
	return rows
}

// notUnderstoodRows are the actions whose deadline cpp cannot place in time, each with its
// deadline as written: they may be due, late or neither, and the board should know which.
func notUnderstoodRows(r *Report) [][]string {
	var out [][]string
	for _, row := range r.NotUnderstood {
		out = append(out, []string{actionCell(row.Action), leadsCell(row), row.Action.Deadline.Text})
	}
	return out
}

const notUnderstoodLeadIn = "cpp cannot place these deadlines in time, so these actions are in no count of due or overdue actions. Each is shown as written; write it as a date cpp reads (cpp validate says why each is not understood)."

// ActionCell names an action: id and text.
func actionCell(a *plan.Action) string { return a.ID + ": " + words.OneLine(a.Label()) }

func exceptionRows(r *Report) [][]string {
	var rows [][]string
	for _, e := range r.Exceptions {
		note := "No commentary"
		if e.Latest != nil {
			note = words.Day(e.Latest.Date) + ": " + e.Latest.Note
			if e.Stale {
				note = "Stale (" + words.Day(e.Latest.Date) + "): " + e.Latest.Note
			}
		}
		late := "-"
		if e.DaysLate > 0 {
			late = strconv.Itoa(e.DaysLate)
		}
		rows = append(rows, []string{actionCell(e.Action), leadsCell(e.Row), exceptionDeadline(e.Row), late, render.RAGWord(e.Action.RAG), note})
	}
	return rows
}

func leadsCell(r query.Row) string {
	if len(r.Leads) == 0 {
		return "-"
	}
	return strings.Join(r.Leads, ", ")
}

// exceptionDeadline names a missed occurrence of a recurring commitment by its period, so that
// the board sees which review or report never came; other deadlines as deadlineCell.
func exceptionDeadline(r query.Row) string {
	if r.Recurring && r.DaysLate > 0 {
		return fmt.Sprintf("%s (no update for %s – %s)", r.Action.Deadline.Text, words.Day(r.Start), words.Day(r.Due))
	}
	return deadlineCell(r)
}

func deadlineCell(r query.Row) string {
	a := r.Action
	switch {
	case !a.HasDeadline:
		return "-"
	case r.HasDue():
		return a.Deadline.Text + " (" + words.Day(r.Due) + ")"
	}
	return a.Deadline.Text
}

func sectionHeading(sp SectionProgress, withPlan bool) string {
	if withPlan {
		return sp.Plan.ID + ": " + sp.Section.Title
	}
	return sp.Section.Title
}

func sectionRows(r *Report, rows []query.Row) [][]string {
	var out [][]string
	for _, row := range rows {
		upd := "-"
		if u := r.LatestUpdate(row.Action); u != nil {
			upd = words.Day(u.Date) + ": " + u.Note
		}
		out = append(out, []string{actionCell(row.Action), deadlineCell(row), leadsCell(row),
			render.StatusWord(row.Action.Status), render.RAGWord(row.Action.RAG), upd})
	}
	return out
}

func comingRows(rows []query.Row) [][]string {
	var out [][]string
	for _, row := range rows {
		out = append(out, []string{actionCell(row.Action), row.Action.Deadline.Text, words.Day(row.Due),
			render.StatusWord(row.Action.Status), render.RAGWord(row.Action.RAG)})
	}
	return out
}

// TravelWord is the direction of travel as a word and an arrow.
func TravelWord(m MeasureStatus) string {
	if m.Travel == "" {
		return "-"
	}
	arrow := "→"
	if m.Latest != nil && m.Previous != nil {
		switch {
		case m.Latest.Value > m.Previous.Value:
			arrow = "↑"
		case m.Latest.Value < m.Previous.Value:
			arrow = "↓"
		}
	}
	return string(m.Travel) + " " + arrow
}

// MeasureRAGWord is a measure's RAG, or why it has none.
func MeasureRAGWord(m MeasureStatus) string {
	switch {
	case m.NoData:
		return "no data"
	case m.RAG != "":
		return render.RAGWord(m.RAG)
	case m.Measure.Target == nil:
		return "no target"
	case m.Direction == "context":
		return "context"
	}
	return "no direction"
}

// measuresNote explains the ratings that are not plain: those with a direction taken from
// baseline and target, and those that have a target but no way to tell which side of it is good.
func measuresNote(r *Report) string {
	var inferred, none bool
	for _, m := range r.Measures {
		inferred = inferred || m.Inferred
		none = none || MeasureRAGWord(m) == "no direction"
	}
	var s string
	if inferred {
		s += " A measure that gives no direction is rated by the way its target lies from its baseline."
	}
	if none {
		s += " \"No direction\" marks a measure with a target but no direction, and no baseline different from the target to infer one from."
	}
	return s
}

func value(m *plan.Measure, o *plan.Observation, withDate bool) string {
	if o == nil {
		return "-"
	}
	v := words.Value(o.Value, m.Unit)
	if withDate && o.HasDate {
		v += " (" + words.Day(o.Date) + ")"
	}
	return v
}

func measureRows(r *Report) [][]string {
	var out [][]string
	for _, m := range r.Measures {
		name := m.Measure.ID + ": " + words.OneLine(m.Measure.Text)
		if m.NoData {
			out = append(out, []string{name, value(m.Measure, m.Measure.Baseline, true), "no data", "-", value(m.Measure, m.Measure.Target, true), "-", "no data"})
			continue
		}
		out = append(out, []string{name, value(m.Measure, m.Measure.Baseline, true), value(m.Measure, m.Latest, true),
			value(m.Measure, m.Previous, false), value(m.Measure, m.Measure.Target, true), TravelWord(m), MeasureRAGWord(m)})
	}
	return out
}

func writeChangesMarkdown(b *strings.Builder, c *Changes) {
	if len(c.Added)+len(c.Dropped)+len(c.Completed)+len(c.Moved) == 0 {
		b.WriteString("No action was added, dropped or completed, and no deadline moved.\n\n")
		return
	}
	items := func(title string, list []Item) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(b, "### %s (%d)\n\n", title, len(list))
		var rows [][]string
		for _, it := range list {
			rows = append(rows, []string{it.ID, words.OneLine(it.Text)})
		}
		b.WriteString(render.MarkdownTable([]string{"Action", "Text"}, rows) + "\n")
	}
	items("Added", c.Added)
	items("Completed", c.Completed)
	items("Dropped", c.Dropped)
	if len(c.Moved) > 0 {
		fmt.Fprintf(b, "### Deadlines moved (%d)\n\n", len(c.Moved))
		var rows [][]string
		for _, m := range c.Moved {
			rows = append(rows, []string{m.ID, m.From, m.To, moveDays(m)})
		}
		b.WriteString(render.MarkdownTable([]string{"Action", "From", "To", "Moved by"}, rows) + "\n")
	}
}

func moveDays(m Move) string {
	switch {
	case m.FromDue.IsZero() || m.ToDue.IsZero():
		return "-"
	case m.Days > 0:
		return fmt.Sprintf("%d days later", m.Days)
	case m.Days < 0:
		return fmt.Sprintf("%d days earlier", -m.Days)
	}
	return "same due date"
}

// mermaidLabel keeps a label inside Mermaid's quotes and syntax.
func mermaidLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '"', ':', ';', '#', '%', '`', '<', '>', '{', '}', '[', ']', '\n', '\r':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func mermaidPie(r *Report) string {
	var b strings.Builder
	b.WriteString("pie showData title Actions by status\n")
	for _, s := range plan.Statuses {
		if n := r.Summary.Status[s]; n > 0 {
			fmt.Fprintf(&b, "    \"%s\" : %d\n", mermaidLabel(capitalise(render.StatusWord(s))), n)
		}
	}
	return b.String()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ganttLabelMax is the longest section label the gantt shows: its labels sit in a left margin
// (ganttLeftPadding pixels wide, at mermaid's 11px section font) and a longer one runs over the bars.
const (
	ganttLabelMax    = 40
	ganttLeftPadding = 250
)

// mermaidGantt draws each dated action as a bar over its deadline's period, by section:
// done when complete, active when in progress, crit when red or overdue. Recurring commitments
// are left to the tables: a bar for one occurrence would read as the whole commitment. Dropped
// actions are left out too, and counted beneath the chart: no bar style says "dropped", and a bar
// reads as work planned. Mermaid's own "today" line is the reader's clock, so it is turned off
// and the report's date drawn as a vertical marker instead.
func mermaidGantt(r *Report) (chart string, dropped int) {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nconfig:\n  gantt:\n    leftPadding: %d\n---\n", ganttLeftPadding)
	asOf := words.Day(r.AsOf)
	fmt.Fprintf(&b, "gantt\n    title Deadlines by section, as of %s\n    dateFormat YYYY-MM-DD\n    axisFormat %%b %%Y\n    todayMarker off\n", asOf)
	fmt.Fprintf(&b, "    As of %s :vert, asof, %s, 0d\n", asOf, r.AsOf.Format("2006-01-02"))
	for _, sp := range r.Sections {
		var lines []string
		for _, row := range sp.Rows {
			if !row.HasDue() || row.Recurring {
				continue
			}
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
			lines = append(lines, fmt.Sprintf("    %s :%s\n", mermaidLabel(a.ID), strings.Join(tags, ", ")))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "    section %s\n", ganttSection(sp, len(r.Plans) > 1))
		b.WriteString(strings.Join(lines, ""))
	}
	return b.String(), dropped
}

// ganttSection is a section's label in the gantt: its heading as mermaid can read it, cut to fit
// the margin. A title with nothing left to read once mermaid's syntax is taken out (":;#") would
// make an empty "section" line, which does not parse, so the section's id stands in for it.
func ganttSection(sp SectionProgress, withPlan bool) string {
	label := mermaidLabel(sectionHeading(sp, withPlan))
	if !hasAlnum(mermaidLabel(sp.Section.Title)) {
		label = mermaidLabel(sp.Section.ID)
	}
	return cutLabel(label, ganttLabelMax)
}

// cutLabel shortens s to at most max characters with an ellipsis, at a word's end where one is
// near enough to keep most of the text.
func cutLabel(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max-1])
	if i := strings.LastIndexByte(cut, ' '); i >= len(cut)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}

func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
