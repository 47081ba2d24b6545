package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// The report is composed once, as a list of blocks (headings, paragraphs, tables, lists, charts),
// and each printer draws the same blocks: Markdown and HTML cannot say different things.

type block interface{ isBlock() }

type heading struct {
	Level    int
	Text, ID string
}

// para is a paragraph of text; Lead marks one that introduces what follows it (kept with it in
// print).
type para struct {
	Text string
	Lead bool
}

type quote struct{ Text string }

// cell is one table cell: text as written, with an id shown small after it, or a RAG or status
// word shown as a badge, and for HTML a chart drawn before the words (the words are its text
// equivalent).
type cell struct {
	Text   string
	ID     string
	RAG    bool   // Text is a RAG word, or a measure's reason for having none
	Status bool   // Text is a status word
	After  string // a RAG word after a status ("in progress" then "Amber")
	Chart  string // HTML only: trusted inline SVG, built here
}

type tableRow struct {
	Cells   []cell
	Dropped bool
}

type table struct {
	Caption string
	Header  []string
	Rows    []tableRow
	// RowHeads marks the first column as the row's header (a glance row's section).
	RowHeads bool
}

// item is a list item: a bold name, words, and a run of actions (text and id) after them.
type item struct {
	Strong, Text string
	Refs         []ref
}

// ref is an action in a list: its words, its id, and a note after them (its deadline).
type ref struct{ Text, ID, Note string }

type list struct {
	Items []item
}

// figures are the headline figures.
type figures struct{ Items []Headline }

// chart is a figure: an inline SVG in HTML, a Mermaid block in Markdown; either may be empty.
type chart struct {
	Mermaid string
	HTML    func() string
	Note    string // Markdown only: said beneath the chart
}

func (heading) isBlock() {}
func (para) isBlock()    {}
func (quote) isBlock()   {}
func (table) isBlock()   {}
func (list) isBlock()    {}
func (figures) isBlock() {}
func (chart) isBlock()   {}

func compose(r *Report) []block {
	var d []block
	add := func(b ...block) { d = append(d, b...) }
	full := r.Options.Detail == Full

	a := r.Attention
	// Page one: at a glance.
	add(heading{2, "At a glance", "glance"})
	add(figures{r.Headlines})
	add(para{Text: r.Summary.Narrative})
	if line := notReported(a); line != "" {
		add(para{Text: line})
	}
	add(para{Text: deadlineSentence(r)})
	bars := 0
	for _, pg := range r.Glance {
		caption := "Sections at a glance"
		if len(r.Plans) > 1 {
			caption = words.OneLine(pg.Plan.Title)
		}
		t := table{Caption: caption, Header: []string{"Section", "Actions by status", "Open actions by RAG", "Overdue", "Measures"}, RowHeads: true}
		for _, g := range pg.Rows {
			bars++
			t.Rows = append(t.Rows, tableRow{Cells: []cell{{Text: g.Title}, {Text: g.StatusWords(), Chart: statusBarSVG(g, fmt.Sprintf("s%d", bars))},
				{Text: g.RAGWords(), Chart: ragBarSVG(g, fmt.Sprintf("r%d", bars))}, {Text: strconv.Itoa(g.Overdue)}, {Text: g.MeasureWords()}}})
		}
		add(t)
	}

	// What needs the board's attention.
	add(heading{2, "What needs the board's attention", "attention"})
	if len(a.RedAmber)+len(a.Overdue)+len(a.OffTarget)+len(a.Chase)+len(r.NotUnderstood) == 0 {
		add(para{Text: "No action is rated red or amber or is overdue, and no measure is off target."})
	}
	if len(a.RedAmber) > 0 {
		add(heading{3, fmt.Sprintf("Rated red or amber (%d)", len(a.RedAmber)), "red-amber"})
		add(para{Text: fmt.Sprintf("Red first, each with its latest progress note. \"No commentary\" marks one with no note; \"Stale\" a latest note more than %d days old.", r.Options.StaleDays), Lead: true})
		t := table{Caption: "Actions rated red or amber", Header: []string{"Action", "Lead", "Deadline", "RAG", "Latest note"}}
		for _, e := range a.RedAmber {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{actionCell(e.Action), {Text: leadsText(e.Leads)}, {Text: lateDeadline(e.Row)},
				{Text: render.RAGWord(e.Action.RAG), RAG: true}, {Text: noteText(e)}}})
		}
		add(t)
	}
	if len(a.Chase) > 0 {
		n := a.NoUpdate()
		add(heading{3, fmt.Sprintf("Overdue with no update, by lead (%d)", n), "chase"})
		add(para{Text: "Each lead with the overdue actions they have given no progress note on, and how late each is: who to ask for one.", Lead: true})
		var l list
		for _, g := range a.Chase {
			it := item{Strong: g.Lead, Text: fmt.Sprintf("%d overdue, no update", len(g.Rows))}
			for _, row := range g.Rows {
				it.Refs = append(it.Refs, ref{Text: briefText(row.Action.Label(), full), ID: row.Action.ID, Note: lateDeadline(row)})
			}
			l.Items = append(l.Items, it)
		}
		add(l)
	}

	if len(a.Overdue) > 0 {
		add(heading{3, fmt.Sprintf("Overdue, with an update (%d)", len(a.Overdue)), "overdue"})
		add(para{Text: fmt.Sprintf("Overdue actions not rated red or amber that have a progress note, the latest first; %d of them more than %d days late.", longOverdue(a.Overdue), LongOverdueDays), Lead: true})
		t := table{Caption: "Overdue actions with an update", Header: []string{"Action", "Lead", "Deadline", "Latest note"}}
		for _, e := range a.Overdue {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{actionCell(e.Action), {Text: leadsText(e.Leads)}, {Text: lateDeadline(e.Row)}, {Text: noteText(e)}}})
		}
		add(t)
	}
	if len(a.OffTarget) > 0 {
		add(heading{3, fmt.Sprintf("Measures off target (%d)", len(a.OffTarget)), "off-target"})
		t := table{Caption: "Measures off target", Header: []string{"Measure", "Lead", "Latest", "Target", "Travel", "RAG", "Commentary"}}
		for _, m := range a.OffTarget {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{{Text: words.OneLine(m.Measure.Text), ID: m.Measure.ID}, {Text: measureLead(m)},
				{Text: value(m.Measure, m.Latest, true)}, {Text: value(m.Measure, m.Measure.Target, true)}, {Text: TravelWord(m)},
				{Text: MeasureRAGWord(m), RAG: true}, {Text: measureNote(m)}}})
		}
		add(t)
	}
	if len(r.NotUnderstood) > 0 {
		add(heading{3, fmt.Sprintf("Deadlines not understood (%d)", len(r.NotUnderstood)), "not-understood"})
		add(para{Text: notUnderstoodLeadIn, Lead: true})
		t := table{Caption: "Deadlines not understood", Header: []string{"Action", "Lead", "Deadline as written"}}
		for _, row := range r.NotUnderstood {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{actionCell(row.Action), {Text: leadsText(row.Leads)}, {Text: row.Action.Deadline.Text}}})
		}
		add(t)
	}

	// Progress by section.
	add(heading{2, "Progress by section", "progress"})
	if !full {
		add(para{Text: "Every action in brief. The report with --detail full adds each action's latest note, every measure in full and the timeline by section."})
	}
	for _, sp := range r.Sections {
		add(heading{3, sectionHeading(sp, len(r.Plans) > 1), ""})
		if full && sp.Section.Promise != "" {
			add(quote{words.OneLine(sp.Section.Promise)})
		}
		for _, line := range sectionLines(r, sp) {
			add(para{Text: line, Lead: true})
		}
		if len(sp.Rows) == 0 {
			add(para{Text: "No actions."})
			continue
		}
		if full {
			add(sectionTable(r, sp, sp.Rows, true, "Actions: "+sectionHeading(sp, len(r.Plans) > 1)))
			continue
		}
		add(para{Text: sectionSummary(r, sp), Lead: len(sp.InPeriod) > 0})
		if len(sp.InPeriod) > 0 {
			add(sectionTable(r, sp, sp.InPeriod, false, "Due in "+r.Period.Label+": "+sectionHeading(sp, len(r.Plans) > 1)))
		}
	}
	add(timelineBlocks(r)...)

	// Coming up.
	add(heading{2, "Coming up in " + r.Next.Words, "coming-up"})
	if len(r.ComingUp) == 0 {
		add(para{Text: "Nothing falls due in the next period."})
	}
	if !full && len(r.ComingUp) > 0 {
		add(para{Text: "Each lead with the actions due in the quarter, and when.", Lead: true})
		var l list
		for _, g := range r.ComingUp {
			it := item{Strong: g.Lead, Text: words.Count(len(g.Rows), "action", "actions")}
			for _, row := range g.Rows {
				it.Refs = append(it.Refs, ref{Text: briefText(row.Action.Label(), false), ID: row.Action.ID, Note: row.Action.Deadline.Text})
			}
			l.Items = append(l.Items, it)
		}
		add(l)
	}
	for _, g := range r.ComingUp {
		if !full {
			break
		}
		add(heading{3, fmt.Sprintf("%s (%d)", g.Lead, len(g.Rows)), ""})
		t := table{Caption: "Due in " + r.Next.Label + ": " + g.Lead, Header: []string{"Action", "Deadline", "Progress"}}
		for _, row := range g.Rows {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{actionCell(row.Action), {Text: row.Action.Deadline.Text + " (" + words.Day(row.Due) + ")"}, progressCell(row.Action)},
				Dropped: row.Action.Status == plan.Dropped})
		}
		add(t)
	}

	add(measureBlocks(r, full)...)

	if c := r.Changes; c != nil {
		add(heading{2, "Changes since " + c.Since, "changes"})
		add(changeBlocks(c)...)
	}
	return d
}

// sectionLines are the lines said once under a section's heading, before its actions: what was
// shared with young people in the period, and the lead every action shares. Other lines about a
// whole section belong here too.
func sectionLines(r *Report, sp SectionProgress) []string {
	out := []string{SharedLine(sp.Section, r.Period.window, r.AsOf)}
	if common := sp.CommonLeads(); len(common) > 0 {
		out = append(out, words.Pick(len(common), "Lead", "Leads")+" for every action: "+strings.Join(common, ", ")+".")
	}
	return out
}

// sectionSummary is a section in one sentence: its actions by status, how many are overdue, and
// how many fell due in the reporting period.
func sectionSummary(r *Report, sp SectionProgress) string {
	var g GlanceRow
	for _, pg := range r.Glance {
		for _, row := range pg.Rows {
			if row.Section == sp.Section {
				g = row
			}
		}
	}
	s := fmt.Sprintf("%s: %s", words.Count(g.Actions, "action", "actions"), g.StatusWords())
	if g.Overdue > 0 {
		s += fmt.Sprintf("; %d overdue", g.Overdue)
	}
	if len(sp.InPeriod) == 0 {
		return s + ". None fell due in " + r.Period.Label + "."
	}
	return s + fmt.Sprintf(". Due in %s:", r.Period.Label)
}

func sectionTable(r *Report, sp SectionProgress, rows []query.Row, full bool, caption string) table {
	common := sp.CommonLeads()
	leadCol := false
	for _, row := range rows {
		if len(OtherLeads(row, common)) > 0 {
			leadCol = true
		}
	}
	header := []string{"Action", "Deadline"}
	if leadCol {
		if len(common) == 0 {
			header = append(header, "Leads")
		} else {
			header = append(header, "Other leads")
		}
	}
	header = append(header, "Progress")
	if full {
		header = append(header, "Latest update")
	}
	t := table{Caption: caption, Header: header}
	for _, row := range rows {
		cells := []cell{actionCell(row.Action), {Text: deadlineCell(row)}}
		if leadCol {
			cells = append(cells, cell{Text: leadsText(OtherLeads(row, common))})
		}
		cells = append(cells, progressCell(row.Action))
		if full {
			upd := "-"
			if u := r.LatestUpdate(row.Action); u != nil {
				upd = words.Day(u.Date) + ": " + u.Note
			}
			cells = append(cells, cell{Text: upd})
		}
		t.Rows = append(t.Rows, tableRow{Cells: cells, Dropped: row.Action.Status == plan.Dropped})
	}
	return t
}

func actionCell(a *plan.Action) cell { return cell{Text: words.OneLine(a.Label()), ID: a.ID} }

// progressCell is an action's status and, while it is open, its RAG.
func progressCell(a *plan.Action) cell {
	c := cell{Text: render.StatusWord(a.Status), Status: true}
	if !a.Closed() {
		c.After = render.RAGWord(a.RAG)
	}
	return c
}

func leadsText(leads []string) string {
	if len(leads) == 0 {
		return "-"
	}
	return strings.Join(leads, ", ")
}

// lateDeadline is a deadline with how late it is.
func lateDeadline(r query.Row) string {
	s := exceptionDeadline(r)
	if r.DaysLate > 0 {
		s += fmt.Sprintf(", %s late", words.Count(r.DaysLate, "day", "days"))
	}
	return s
}

func noteText(e Exception) string {
	switch {
	case e.Latest == nil:
		return "No commentary"
	case e.Stale:
		return "Stale (" + words.Day(e.Latest.Date) + "): " + e.Latest.Note
	}
	return words.Day(e.Latest.Date) + ": " + e.Latest.Note
}

func longOverdue(es []Exception) int {
	n := 0
	for _, e := range es {
		if e.DaysLate > LongOverdueDays {
			n++
		}
	}
	return n
}

// measureLead is who a measure's section says delivers it.
func measureLead(m MeasureStatus) string {
	if m.Section == nil || len(m.Section.DeliveredBy) == 0 {
		return "-"
	}
	return strings.Join(m.Section.DeliveredBy, ", ")
}

// measureNote is the note on a measure's latest observation.
func measureNote(m MeasureStatus) string {
	if m.Latest == nil || m.Latest.Note == "" {
		return "No commentary"
	}
	return m.Latest.Note
}

// deadlineSentence tells the actions' deadlines apart: dated, recurring, and the three kinds
// that never fall due.
func deadlineSentence(r *Report) string {
	var parts []string
	for _, f := range deadlineFigures(r) {
		parts = append(parts, fmt.Sprintf("%d %s", f.n, f.words))
	}
	return "Deadlines: " + strings.Join(parts, "; ") + "."
}

type figure struct {
	words string
	n     int
}

// deadlineFigures count the actions by the kind of deadline they have. Those with none that falls
// due are told apart: ongoing, to be confirmed, none given, and one written that cpp cannot place
// in time.
func deadlineFigures(r *Report) []figure {
	c := r.Summary.Counts
	undated := c.Ongoing + c.ToBeConfirmed + c.Undated + c.NotUnderstood
	return []figure{
		{"dated", c.Actions - c.Recurring - undated},
		{"recurring", c.Recurring},
		{"ongoing (no end date)", c.Ongoing},
		{"to be confirmed", c.ToBeConfirmed},
		{"not given", c.Undated},
		{"written but not understood", c.NotUnderstood},
	}
}

func measureBlocks(r *Report, full bool) []block {
	d := []block{heading{2, "Measures", "measures"}}
	if len(r.Measures) == 0 {
		return append(d, para{Text: "The plans set no measures."})
	}
	var with, without []MeasureStatus
	for _, m := range r.Measures {
		if m.NoData {
			without = append(without, m)
		} else {
			with = append(with, m)
		}
	}
	d = append(d, para{Text: fmt.Sprintf("RAG against target: green on target or within %.0f%% of it; amber further off but improving; red further off and not improving. "+
		"Direction of travel is against the previous observation.%s", r.Options.Tolerance*100, measuresNote(r)), Lead: true})
	if len(with) > 0 {
		d = append(d, heading{3, fmt.Sprintf("Measures with data (%d)", len(with)), ""})
		t := table{Caption: "Measures with data", Header: []string{"Measure", "Latest", "Target", "Trend", "Travel", "RAG"}}
		for _, m := range with {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{{Text: words.OneLine(m.Measure.Text), ID: m.Measure.ID}, {Text: value(m.Measure, m.Latest, true)},
				{Text: value(m.Measure, m.Measure.Target, true)}, {Text: trendText(m), Chart: sparkSVG(m)}, {Text: TravelWord(m)}, {Text: MeasureRAGWord(m), RAG: true}}})
		}
		d = append(d, t)
	}
	if len(without) > 0 {
		d = append(d, heading{3, fmt.Sprintf("No data yet (%d)", len(without)), ""})
		var refs []ref
		for _, m := range without {
			refs = append(refs, ref{Text: briefText(m.Measure.Text, full), ID: m.Measure.ID})
		}
		d = append(d, list{Items: []item{{Text: words.Count(len(without), "measure has", "measures have") + " no observation on or before " + words.Day(r.AsOf), Refs: refs}}})
	}
	if full {
		d = append(d, heading{3, "Every measure", ""})
		t := table{Caption: "Every measure", Header: []string{"Measure", "Baseline", "Latest", "Previous", "Target", "Travel", "RAG"}}
		for i, row := range measureRows(r) {
			m := r.Measures[i]
			cells := []cell{{Text: words.OneLine(m.Measure.Text), ID: m.Measure.ID}}
			for _, c := range row[1:] {
				cells = append(cells, cell{Text: c})
			}
			cells[6].RAG = true
			t.Rows = append(t.Rows, tableRow{Cells: cells})
		}
		d = append(d, t)
	}
	return d
}

// trendText is a measure's observations up to the report date, oldest first: what its sparkline
// draws, in words.
func trendText(m MeasureStatus) string {
	var parts []string
	for _, o := range m.History {
		parts = append(parts, value(m.Measure, &o, false))
	}
	return strings.Join(parts, " → ")
}

func changeBlocks(c *Changes) []block {
	if len(c.Added)+len(c.Dropped)+len(c.Completed)+len(c.Moved) == 0 {
		return []block{para{Text: "No action was added, dropped or completed, and no deadline moved."}}
	}
	var d []block
	items := func(title string, list []Item) {
		if len(list) == 0 {
			return
		}
		d = append(d, heading{3, fmt.Sprintf("%s (%d)", title, len(list)), ""})
		t := table{Caption: title, Header: []string{"Action"}}
		for _, it := range list {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{{Text: words.OneLine(it.Text), ID: it.ID}}, Dropped: title == "Dropped"})
		}
		d = append(d, t)
	}
	items("Added", c.Added)
	items("Completed", c.Completed)
	items("Dropped", c.Dropped)
	if len(c.Moved) > 0 {
		d = append(d, heading{3, fmt.Sprintf("Deadlines moved (%d)", len(c.Moved)), ""})
		t := table{Caption: "Deadlines moved", Header: []string{"Action", "From", "To", "Moved by"}}
		for _, m := range c.Moved {
			t.Rows = append(t.Rows, tableRow{Cells: []cell{{Text: words.OneLine(m.Text), ID: m.ID}, {Text: m.From}, {Text: m.To}, {Text: moveDays(m)}}})
		}
		d = append(d, t)
	}
	return d
}

// briefMax is the longest an action's words run in the pack's lists; the whole of them is in the
// tables and in --detail full.
const briefMax = 100

// briefText is text on one line, cut at a word's end with "…" in the pack.
func briefText(s string, full bool) string {
	s = words.OneLine(s)
	if full {
		return s
	}
	return cutLabel(s, briefMax)
}

// notReportedMax is how many leads page one names as not having reported; the chase list names
// them all.
const notReportedMax = 5

// notReported names, on page one, the leads with overdue actions and no update on them, most
// first.
func notReported(a Attention) string {
	if len(a.Chase) == 0 {
		return ""
	}
	var names []string
	for i, g := range a.Chase {
		if i == notReportedMax {
			names = append(names, fmt.Sprintf("and %s (see the chase list)", words.Count(len(a.Chase)-i, "other lead", "other leads")))
			break
		}
		names = append(names, fmt.Sprintf("%s (%d)", g.Lead, len(g.Rows)))
	}
	return "No update on overdue actions from: " + strings.Join(names, ", ") + "."
}

const notUnderstoodLeadIn = "cpp cannot place these deadlines in time, so these actions are in no count of due or overdue actions. Each is shown as written; write it as a date cpp reads (cpp validate says why each is not understood)."
