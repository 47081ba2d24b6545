package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/cpp-plans/cpp/internal/gitrev"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// Side names one side of a diff (see gitrev.Side).
type Side = gitrev.Side

// diffStyles decorate diff text on a terminal. The markers (+, -, ~, >, [-…-], {+…+}) carry the
// meaning; colour only repeats it. Text from plans and git goes through termsafe.Line before it
// is styled or written: each field keeps to its line, and only cpp's own colours reach the terminal.
type diffStyles struct {
	bold, add, del, mod lipgloss.Style
}

func newDiffStyles(w io.Writer, st Style) diffStyles {
	lg := lipgloss.NewRenderer(w)
	if st.Color {
		lg.SetColorProfile(termenv.ANSI256)
	} else {
		lg.SetColorProfile(termenv.Ascii)
	}
	return diffStyles{
		bold: lg.NewStyle().Bold(true),
		add:  lg.NewStyle().Foreground(lipgloss.Color("10")),
		del:  lg.NewStyle().Foreground(lipgloss.Color("9")),
		mod:  lg.NewStyle().Foreground(lipgloss.Color("214")),
	}
}

func (s diffStyles) mark(k plandiff.Kind) string {
	switch k {
	case plandiff.Added:
		return s.add.Render("+")
	case plandiff.Removed:
		return s.del.Render("-")
	case plandiff.Renamed:
		return s.mod.Render(">")
	}
	return s.mod.Render("~")
}

// words writes a word diff as git does: "Recruit [-15-]{+20+} more".
func (s diffStyles) words(segs []plandiff.Segment) string {
	var b strings.Builder
	for i, seg := range segs {
		if i > 0 && !(seg.Op == plandiff.Inserted && segs[i-1].Op == plandiff.Deleted) {
			b.WriteString(" ")
		}
		switch seg.Op {
		case plandiff.Deleted:
			b.WriteString(s.del.Render("[-" + termsafe.Line(seg.Text) + "-]"))
		case plandiff.Inserted:
			b.WriteString(s.add.Render("{+" + termsafe.Line(seg.Text) + "+}"))
		default:
			b.WriteString(termsafe.Line(seg.Text))
		}
	}
	return b.String()
}

// field writes one changed field, indented under its item.
func (s diffStyles) field(b *strings.Builder, indent, name, value string) {
	fmt.Fprintf(b, "%s%-10s %s\n", indent, name, value)
}

func (s diffStyles) fields(b *strings.Builder, indent string, fs []plandiff.Field) {
	for _, f := range fs {
		switch {
		case f.Words != nil:
			s.field(b, indent, f.Name, s.words(f.Words))
		case f.Added != nil || f.Removed != nil:
			var ps []string
			for _, a := range f.Added {
				ps = append(ps, s.add.Render("+"+termsafe.Line(a)))
			}
			for _, r := range f.Removed {
				ps = append(ps, s.del.Render("-"+termsafe.Line(r)))
			}
			s.field(b, indent, f.Name, withNote(strings.Join(ps, "  "), f.Note))
		default:
			s.field(b, indent, f.Name, termsafe.Line(valueWord(f.Name, f.From)+" → "+valueWord(f.Name, f.To)))
		}
	}
}

// valueWord is a field's value as people write it: "not started", "Amber", "(none)".
func valueWord(field, v string) string {
	switch {
	case field == "rag":
		return RAGWord(plan.RAG(v))
	case v == "":
		return "(none)"
	case field == "status":
		return StatusWord(plan.Status(v))
	}
	return v
}

// action writes what changed in an action, one field a line.
func (s diffStyles) action(b *strings.Builder, indent string, c *plandiff.ActionChange) {
	switch c.Kind {
	case plandiff.Added:
		s.field(b, indent, "deadline", termsafe.Line(deadlineText(c.New.Deadline.Text, c.New)))
		s.field(b, indent, "leads", termsafe.Line(orNone(strings.Join(c.New.EffectiveLeads(), ", "))))
		s.field(b, indent, "status", termsafe.Line(StatusWord(c.New.Status)))
		return
	case plandiff.Removed:
		s.field(b, indent, "deadline", termsafe.Line(deadlineText(c.Old.Deadline.Text, c.Old)))
		s.field(b, indent, "status", termsafe.Line(StatusWord(c.Old.Status)))
		return
	}
	if dc := c.Deadline; dc != nil {
		mv := dc.Movement()
		if dc.Slipped() {
			mv = s.del.Render(mv)
		}
		s.field(b, indent, "deadline", withNote(termsafe.Line(dueText(dc.From, dc.FromDue)+" → "+dueText(dc.To, dc.ToDue))+": "+mv, dc.Note))
	}
	s.fields(b, indent, c.Fields)
	for _, u := range c.NewUpdates {
		s.field(b, indent, "update", s.add.Render("+"+termsafe.Line(updateText(u))))
	}
	for _, u := range c.LostUpdates {
		s.field(b, indent, "update", s.del.Render("-"+termsafe.Line(updateText(u))))
	}
}

// DiffText writes a diff for a terminal: a summary, then each plan's changes, one line per item
// with its changed fields beneath.
func DiffText(w io.Writer, d *plandiff.Diff, from, to Side, st Style) error {
	s := newDiffStyles(w, st)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", s.bold.Render("Plan changes from "+from.String()+" to "+to.String()), d.Count().Headline())
	const indent = "      "
	for _, id := range diffPlanIDs(d) {
		fmt.Fprintf(&b, "\n%s  %s\n", s.bold.Render(termsafe.Line(id)), termsafe.Line(d.Titles[id]))
		for _, c := range d.Plans {
			if c.ID == id {
				fmt.Fprintf(&b, "  %s plan %s\n", s.mark(c.Kind), c.Kind)
				s.fields(&b, indent, c.Fields)
			}
		}
		for _, c := range d.Sections {
			if c.Plan == id {
				fmt.Fprintf(&b, "  %s section %s  %s\n", s.mark(c.Kind), renamedID(c.ID, c.OldID), termsafe.Line(c.Title))
				s.fields(&b, indent, c.Fields)
			}
		}
		for i := range d.Actions {
			if c := &d.Actions[i]; c.Plan == id {
				fmt.Fprintf(&b, "  %s %s  %s\n", s.mark(c.Kind), renamedID(c.ID, c.OldID), termsafe.Line(c.Text))
				s.action(&b, indent, c)
			}
		}
		for i := range d.Measures {
			if c := &d.Measures[i]; c.Plan == id {
				fmt.Fprintf(&b, "  %s measure %s  %s\n", s.mark(c.Kind), renamedID(c.ID, c.OldID), termsafe.Line(c.Text))
				s.fields(&b, indent, c.Fields)
				for _, o := range c.NewObservations {
					s.field(&b, indent, "value", s.add.Render("+"+termsafe.Line(observationText(o))))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MarkdownLimit is the most bytes DiffMarkdown writes: GitHub refuses a comment over 65,536
// characters, and the workflow's comment step fails with it; the margin is for what a workflow
// adds around the diff.
const MarkdownLimit = 60000

// DiffMarkdown writes a diff fit to paste as a pull-request comment: a heading, the summary in
// one line, the deadlines moved and the actions removed in open tables, then every other kind of
// change in a folded table (<details>), most consequential first. Past MarkdownLimit, rows are
// left out from the least consequential tables up, and a last line says how many.
func DiffMarkdown(w io.Writer, d *plandiff.Diff, from, to Side) error {
	return diffMarkdown(w, d, from, to, MarkdownLimit)
}

// mdTable is one table of a Markdown diff; folded tables sit in <details>.
type mdTable struct {
	heading string
	header  []string
	rows    [][]string
	folded  bool
	total   int // rows before any were left out; 0 when none were
}

func diffMarkdown(w io.Writer, d *plandiff.Diff, from, to Side, limit int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### Plan changes: %s → %s\n\n**%s**\n", code(from.String()), code(to.String()), InlineMarkdown(d.Count().Headline()))
	var tables []mdTable
	table := func(heading string, header []string, rows [][]string) {
		if len(rows) > 0 {
			tables = append(tables, mdTable{heading: heading, header: header, rows: rows, folded: heading != "Deadlines slipped" && heading != "Actions removed"})
		}
	}
	action := func(c *plandiff.ActionChange) string {
		return code(c.ID) + " " + MarkdownCell(c.Text)
	}
	var slipped, moved, status, leads, wording, updates, other, added, removed, renamed [][]string
	for i := range d.Actions {
		c := &d.Actions[i]
		switch c.Kind {
		case plandiff.Added:
			added = append(added, []string{action(c), MarkdownCell(deadlineText(c.New.Deadline.Text, c.New)), MarkdownCell(strings.Join(c.New.EffectiveLeads(), ", "))})
			continue
		case plandiff.Removed:
			removed = append(removed, []string{action(c), MarkdownCell(deadlineText(c.Old.Deadline.Text, c.Old)), MarkdownCell(StatusWord(c.Old.Status))})
			continue
		case plandiff.Renamed:
			renamed = append(renamed, []string{code(c.OldID), code(c.ID), MarkdownCell(c.Text)})
		}
		if dc := c.Deadline; dc != nil {
			mv := MarkdownCell(withNote(dc.Movement(), dc.Note))
			if dc.Slipped() {
				mv = "**" + mv + "**"
			}
			row := []string{action(c), MarkdownCell(dueText(dc.From, dc.FromDue)), MarkdownCell(dueText(dc.To, dc.ToDue)), mv}
			if dc.Slipped() {
				slipped = append(slipped, row)
			} else {
				moved = append(moved, row)
			}
		}
		var st, rag []string
		for _, f := range c.Fields {
			switch {
			case f.Name == "status":
				st = []string{StatusWord(plan.Status(f.From)), StatusWord(plan.Status(f.To))}
			case f.Name == "rag":
				rag = []string{RAGWord(plan.RAG(f.From)), RAGWord(plan.RAG(f.To))}
			case f.Name == "leads":
				who := action(c)
				if f.Note != "" {
					who += " (" + MarkdownCell(f.Note) + ")"
				}
				leads = append(leads, []string{who, MarkdownCell(strings.Join(f.Added, ", ")), MarkdownCell(strings.Join(f.Removed, ", "))})
			case f.Words != nil:
				wording = append(wording, []string{code(c.ID), f.Name, markdownWords(f.Words)})
			default:
				other = append(other, []string{code(c.ID), f.Name, MarkdownCell(orNone(f.From)), MarkdownCell(orNone(f.To))})
			}
		}
		if st != nil || rag != nil {
			status = append(status, []string{action(c), change(st), change(rag)})
		}
		for _, u := range c.NewUpdates {
			updates = append(updates, []string{code(c.ID), "added", u.Date.Format(isoDate), MarkdownCell(updateStatus(u)), MarkdownCell(u.Words())})
		}
		for _, u := range c.LostUpdates {
			updates = append(updates, []string{code(c.ID), "deleted or rewritten", u.Date.Format(isoDate), MarkdownCell(updateStatus(u)), MarkdownCell(u.Words())})
		}
	}
	table("Deadlines slipped", []string{"Action", "From", "To", "Change"}, slipped)
	table("Actions removed", []string{"Action", "Deadline", "Status"}, removed)
	table("Deadlines brought forward or newly dated", []string{"Action", "From", "To", "Change"}, moved)
	table("Actions added", []string{"Action", "Deadline", "Leads"}, added)
	table("Status and RAG", []string{"Action", "Status", "RAG"}, status)
	table("Leads", []string{"Action", "Added", "Removed"}, leads)
	table("Wording", []string{"Action", "Field", "Change (~~removed~~ **added**)"}, wording)
	table("Progress updates", []string{"Action", "Update", "Date", "Status", "Note"}, updates)
	table("Actions renamed", []string{"Was", "Now", "Action"}, renamed)
	table("Other changes", []string{"Action", "Field", "From", "To"}, other)

	var measures, structure [][]string
	for i := range d.Measures {
		c := &d.Measures[i]
		var what []string
		if c.Kind == plandiff.Renamed {
			what = append(what, "renamed from "+code(c.OldID))
		}
		for _, f := range c.Fields {
			what = append(what, fieldMarkdown(f))
		}
		for _, o := range c.NewObservations {
			what = append(what, "new value "+MarkdownCell(observationText(o)))
		}
		measures = append(measures, []string{code(c.ID) + " " + MarkdownCell(c.Text), string(c.Kind), strings.Join(what, "<br>")})
	}
	table("Measures", []string{"Measure", "Change", "Detail"}, measures)
	for _, c := range d.Plans {
		structure = append(structure, []string{"plan " + code(c.ID) + " " + MarkdownCell(c.Title), string(c.Kind), fieldsCell(c.Fields)})
	}
	for _, c := range d.Sections {
		what := fieldsCell(c.Fields)
		if c.Kind == plandiff.Renamed {
			what = strings.TrimPrefix(what+"<br>renamed from "+code(c.OldID), "<br>")
		}
		structure = append(structure, []string{"section " + code(c.ID) + " " + MarkdownCell(c.Title), string(c.Kind), what})
	}
	table("Plans and sections", []string{"Item", "Change", "Detail"}, structure)
	writeTables(&b, tables, limit)
	_, err := io.WriteString(w, b.String())
	return err
}

// leftOut is the last line of a diff cut to fit: how many rows were left out, and from which tables.
func leftOut(n int, parts []string) string {
	return fmt.Sprintf("\n**%d more changes left out** to keep this comment under GitHub's limit (%s); run `cpp diff` with the same revisions locally to see them all.\n",
		n, strings.Join(parts, ", "))
}

// writeTables writes the tables after b's heading and summary, keeping the whole within limit
// bytes: rows are taken in order of consequence, and once one does not fit, it and every row
// after it are left out and counted in a last line.
func writeTables(b *strings.Builder, tables []mdTable, limit int) {
	var whole strings.Builder
	for _, t := range tables {
		writeTable(&whole, t)
	}
	if b.Len()+whole.Len() <= limit {
		b.WriteString(whole.String())
		return
	}
	var most []string
	for _, t := range tables {
		most = append(most, fmt.Sprintf("%s: %d", t.heading, 1<<20))
	}
	budget := limit - b.Len() - len(leftOut(1<<20, most))
	left := 0
	var parts []string
	for _, t := range tables {
		keep := 0
		if left == 0 {
			cost := tableCost(t)
			for keep < len(t.rows) {
				row := len(MarkdownRawTable(t.header, t.rows[keep:keep+1])) - len(MarkdownRawTable(t.header, nil))
				if cost+row > budget {
					break
				}
				cost += row
				keep++
			}
			if keep > 0 {
				budget -= cost
			}
		}
		if keep < len(t.rows) {
			left += len(t.rows) - keep
			parts = append(parts, fmt.Sprintf("%s: %d", t.heading, len(t.rows)-keep))
		}
		if keep > 0 {
			if keep < len(t.rows) {
				t.total = len(t.rows)
			}
			t.rows = t.rows[:keep]
			writeTable(b, t)
		}
	}
	b.WriteString(leftOut(left, parts))
}

// tableCost is the bytes a table takes with no rows: heading (or <details>), header, separator.
func tableCost(t mdTable) int {
	var sb strings.Builder
	t.rows = nil
	writeTable(&sb, t)
	return sb.Len() + len(" (first 999999 of 999999)")
}

func writeTable(b *strings.Builder, t mdTable) {
	title := fmt.Sprintf("%s (%d)", t.heading, len(t.rows))
	if t.total > len(t.rows) {
		title = fmt.Sprintf("%s (first %d of %d)", t.heading, len(t.rows), t.total)
	}
	if t.folded {
		fmt.Fprintf(b, "\n<details>\n<summary>%s</summary>\n\n%s\n</details>\n", title, MarkdownRawTable(t.header, t.rows))
		return
	}
	fmt.Fprintf(b, "\n#### %s\n\n%s", title, MarkdownRawTable(t.header, t.rows))
}

// fieldsCell is changed fields in one table cell, a line each.
func fieldsCell(fs []plandiff.Field) string {
	var what []string
	for _, f := range fs {
		what = append(what, fieldMarkdown(f))
	}
	return strings.Join(what, "<br>")
}

// fieldMarkdown is one changed field in Markdown: "text: Recruit ~~15~~ **20**", "rag Amber → Red".
func fieldMarkdown(f plandiff.Field) string {
	if f.Words != nil {
		return f.Name + ": " + markdownWords(f.Words)
	}
	return f.Name + " " + MarkdownCell(withNote(valueWord(f.Name, f.From)+" → "+valueWord(f.Name, f.To), f.Note))
}

// withNote adds why a value changed though it is written the same: "(quarters: calendar → financial)".
func withNote(s, note string) string {
	if note == "" {
		return s
	}
	// A note names leads and registry spellings: data, made visible like any other.
	return s + " (" + termsafe.Line(note) + ")"
}

func change(pair []string) string {
	if pair == nil {
		return ""
	}
	return MarkdownCell(orNone(pair[0]) + " → " + orNone(pair[1]))
}

// markdownWords shows a word diff as ~~removed~~ **added**, which GitHub renders in tables.
func markdownWords(segs []plandiff.Segment) string {
	var parts []string
	for _, s := range segs {
		t := MarkdownCell(s.Text)
		switch s.Op {
		case plandiff.Deleted:
			parts = append(parts, "~~"+t+"~~")
		case plandiff.Inserted:
			parts = append(parts, "**"+t+"**")
		default:
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

func diffPlanIDs(d *plandiff.Diff) []string {
	var ids []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, c := range d.Plans {
		add(c.ID)
	}
	for _, c := range d.Sections {
		add(c.Plan)
	}
	for _, c := range d.Actions {
		add(c.Plan)
	}
	for _, c := range d.Measures {
		add(c.Plan)
	}
	slices.Sort(ids)
	return ids
}

// renamedID is an id, or an old id and the new one, for a line of text.
func renamedID(id, old string) string {
	if old == "" {
		return termsafe.Line(id)
	}
	return termsafe.Line(old) + " → " + termsafe.Line(id)
}

// dueText is a deadline as written with the day it falls due: "Q3 2025 (30 Sep 2025)".
func dueText(text string, due time.Time) string {
	if text == "" {
		return "(none)"
	}
	if due.IsZero() {
		return text
	}
	return text + " (" + Date(due) + ")"
}

func deadlineText(text string, a *plan.Action) string {
	due, _ := a.Due()
	return dueText(text, due)
}

func updateStatus(u plan.Update) string {
	var ps []string
	if u.Status != "" {
		ps = append(ps, StatusWord(u.Status))
	}
	if u.RAG != "" {
		ps = append(ps, RAGWord(u.RAG))
	}
	return strings.Join(ps, ", ")
}

func updateText(u plan.Update) string {
	s := u.Date.Format(isoDate)
	if st := updateStatus(u); st != "" {
		s += " (" + st + ")"
	}
	return s + ": " + u.Words()
}

func observationText(o plan.Observation) string {
	s := words.Value(o.Value, "")
	if o.HasDate {
		s += " at " + o.Date.Format(isoDate)
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// DiffRecord is the JSON form of a diff; its field names are part of cpp's documented interface.
type DiffRecord struct {
	From      Side            `json:"from"`
	To        Side            `json:"to"`
	Summary   string          `json:"summary"`
	Counts    plandiff.Counts `json:"counts"`
	Plans     []ChangeRecord  `json:"plans"`
	Sections  []ChangeRecord  `json:"sections"`
	Actions   []ChangeRecord  `json:"actions"`
	Measures  []ChangeRecord  `json:"measures"`
	Triggered []TriggerRecord `json:"triggered"`
}

// ChangeRecord is one plan, section, action or measure that changed.
type ChangeRecord struct {
	Plan           *string         `json:"plan"`
	ID             string          `json:"id"`
	OldID          *string         `json:"old_id"`
	Text           string          `json:"text"`
	Change         plandiff.Kind   `json:"change"`
	Kinds          []string        `json:"kinds"`
	Deadline       *DeadlineRecord `json:"deadline"`
	Fields         []FieldRecord   `json:"fields"`
	UpdatesAdded   []UpdateRecord  `json:"updates_added"`
	UpdatesRemoved []UpdateRecord  `json:"updates_removed"`
	// Action is the whole of an action added or removed: what it was, or is, committed to.
	Action *ActionSnapshot `json:"action"`
}

// ActionSnapshot is an added or removed action's deadline, leads, status and rating.
type ActionSnapshot struct {
	Deadline *string  `json:"deadline"`
	Due      *string  `json:"due"`
	Leads    []string `json:"leads"`
	Status   string   `json:"status"`
	RAG      *string  `json:"rag"`
}

func snapshot(a *plan.Action) *ActionSnapshot {
	if a == nil {
		return nil
	}
	s := &ActionSnapshot{Leads: append([]string{}, a.EffectiveLeads()...), Status: string(a.Status)}
	if a.HasDeadline {
		s.Deadline = ptr(a.Deadline.Text)
	}
	if due, ok := a.Due(); ok {
		s.Due = isoPtr(due)
	}
	if a.RAG != "" {
		s.RAG = ptr(string(a.RAG))
	}
	return s
}

// DeadlineRecord is a deadline that changed; dates are ISO, null when not dated.
type DeadlineRecord struct {
	From     string  `json:"from"`
	To       string  `json:"to"`
	FromDue  *string `json:"from_due"`
	ToDue    *string `json:"to_due"`
	Days     *int    `json:"days"`
	Movement string  `json:"movement"`
	Slipped  bool    `json:"slipped"`
	AfterEnd bool    `json:"after_plan_end"`
	PlanEnd  *string `json:"plan_end"`
	Note     *string `json:"note"`
	// FromNotUnderstood and ToNotUnderstood: the deadline is written but cpp cannot place it in
	// time (from_due or to_due is then null, as for one with no date).
	FromNotUnderstood bool `json:"from_not_understood"`
	ToNotUnderstood   bool `json:"to_not_understood"`
}

// FieldRecord is one changed field. Lists carry added and removed items; texts their words.
type FieldRecord struct {
	Field   string       `json:"field"`
	From    string       `json:"from"`
	To      string       `json:"to"`
	Added   []string     `json:"added"`
	Removed []string     `json:"removed"`
	Words   []WordRecord `json:"words"`
	Note    *string      `json:"note"`
}

// WordRecord is a run of words kept ("same"), "deleted" or "inserted".
type WordRecord struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// UpdateRecord is a progress update.
type UpdateRecord struct {
	Date     string  `json:"date"`
	Status   *string `json:"status"`
	RAG      *string `json:"rag"`
	Note     string  `json:"note"`
	Evidence *string `json:"evidence"`
}

// TriggerRecord is a change that matched --fail-on.
type TriggerRecord struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	What string `json:"what"`
}

// DiffJSON writes a diff as one JSON document.
func DiffJSON(w io.Writer, d *plandiff.Diff, from, to Side, triggered []plandiff.Trigger) error {
	rec := DiffRecord{From: from, To: to, Summary: d.Count().Headline(), Counts: d.Count(),
		Plans: []ChangeRecord{}, Sections: []ChangeRecord{}, Actions: []ChangeRecord{}, Measures: []ChangeRecord{}, Triggered: []TriggerRecord{}}
	for _, c := range d.Plans {
		rec.Plans = append(rec.Plans, ChangeRecord{ID: c.ID, Text: c.Title, Change: c.Kind, Kinds: []string{}, Fields: fieldRecords(c.Fields), UpdatesAdded: []UpdateRecord{}, UpdatesRemoved: []UpdateRecord{}})
	}
	for _, c := range d.Sections {
		rec.Sections = append(rec.Sections, ChangeRecord{Plan: orNull(c.Plan), ID: c.ID, OldID: orNull(c.OldID), Text: c.Title, Change: c.Kind, Kinds: []string{}, Fields: fieldRecords(c.Fields), UpdatesAdded: []UpdateRecord{}, UpdatesRemoved: []UpdateRecord{}})
	}
	for i := range d.Actions {
		rec.Actions = append(rec.Actions, actionRecord(&d.Actions[i]))
	}
	for i := range d.Measures {
		c := &d.Measures[i]
		r := ChangeRecord{Plan: orNull(c.Plan), ID: c.ID, OldID: orNull(c.OldID), Text: c.Text, Change: c.Kind, Kinds: nonNil(c.Kinds()), Fields: fieldRecords(c.Fields), UpdatesAdded: []UpdateRecord{}, UpdatesRemoved: []UpdateRecord{}}
		for _, o := range c.NewObservations {
			r.Fields = append(r.Fields, FieldRecord{Field: "observation", To: observationText(o)})
		}
		rec.Measures = append(rec.Measures, r)
	}
	for _, t := range triggered {
		rec.Triggered = append(rec.Triggered, TriggerRecord{t.Kind, t.ID, t.What})
	}
	return WriteJSON(w, rec)
}

func actionRecord(c *plandiff.ActionChange) ChangeRecord {
	r := ChangeRecord{Plan: orNull(c.Plan), ID: c.ID, OldID: orNull(c.OldID), Text: c.Text, Change: c.Kind, Kinds: nonNil(c.Kinds()), Fields: fieldRecords(c.Fields), UpdatesAdded: []UpdateRecord{}, UpdatesRemoved: []UpdateRecord{}}
	if dc := c.Deadline; dc != nil {
		r.Deadline = &DeadlineRecord{From: dc.From, To: dc.To, FromDue: isoPtr(dc.FromDue), ToDue: isoPtr(dc.ToDue),
			Movement: dc.Movement(), Slipped: dc.Slipped(), AfterEnd: dc.AfterEnd, PlanEnd: isoPtr(dc.PlanEnd), Note: orNull(dc.Note),
			FromNotUnderstood: dc.FromNotUnderstood, ToNotUnderstood: dc.ToNotUnderstood}
		if !dc.FromDue.IsZero() && !dc.ToDue.IsZero() {
			days := dc.Days
			r.Deadline.Days = &days
		}
	}
	r.UpdatesAdded = UpdateRecords(c.NewUpdates)
	r.UpdatesRemoved = UpdateRecords(c.LostUpdates)
	switch c.Kind {
	case plandiff.Added:
		r.Action = snapshot(c.New)
	case plandiff.Removed:
		r.Action = snapshot(c.Old)
	}
	return r
}

func fieldRecords(fs []plandiff.Field) []FieldRecord {
	out := []FieldRecord{}
	for _, f := range fs {
		r := FieldRecord{Field: f.Name, From: f.From, To: f.To, Added: nonNil(f.Added), Removed: nonNil(f.Removed), Words: []WordRecord{}, Note: orNull(f.Note)}
		for _, s := range f.Words {
			op := map[plandiff.Op]string{plandiff.Same: "same", plandiff.Deleted: "deleted", plandiff.Inserted: "inserted"}[s.Op]
			r.Words = append(r.Words, WordRecord{op, s.Text})
		}
		out = append(out, r)
	}
	return out
}

// UpdateRecords are progress updates as records: the one shape diff and show print them in.
func UpdateRecords(us []plan.Update) []UpdateRecord {
	out := []UpdateRecord{}
	for _, u := range us {
		out = append(out, UpdateRecord{Date: u.Date.Format(isoDate), Status: orNull(string(u.Status)), RAG: orNull(string(u.RAG)), Note: u.Note, Evidence: orNull(u.Evidence)})
	}
	return out
}

func isoPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return ptr(t.Format(isoDate))
}
