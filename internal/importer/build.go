package importer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/lazyre"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/words"
)

// section and action are the plan as it is built, before ids are given and it is written.
type section struct {
	title, kind string
	line        int
	actions     []*action // top-level actions; each holds its sub-actions
	measures    []string
	num         int // its number in ids: pNUM
}

type action struct {
	line     int
	text     string
	outcomes []string
	deadline string
	leads    []string
	status   plan.Status
	rag      plan.RAG
	measures []string
	updates  []update
	comments []string
	ref      string
	subs     []*action
	num      int    // its number in ids
	id       string // given by finish
}

type update struct {
	date time.Time
	note string
}

type builder struct {
	t    tabular.Table
	hr   int
	cols []Column
	o    Options
	res  *Result
	// col is the column index of each single-column field, or -1.
	col map[Field]int
	// merged[r][c] is the merge whose top-left cell is at (r, c).
	merged  map[[2]int]tabular.Merge
	covered map[[2]int]bool // cells inside a merge, not its top-left
	// under[r][c] is the merge a cell is in when that merge runs down over several rows in c's
	// column: the cell shows the merge's text.
	under    map[[2]int]tabular.Merge
	sections []*section
	cur      *section
	// progressDate is each progress column's date.
	progressDate map[int]time.Time
	leadsSeen    map[string]bool
	// actionSeen is set once walk has read an action.
	actionSeen bool
	// warned holds the rows isHeading has warned about: walk asks of a row more than once.
	warned map[int]bool
	// refLevel is the deepest numbering level of the table's refs ("2.1" is 2): a row whose ref
	// is a level above it is a heading.
	refLevel int
	// othersFilled is set when a row with an action has text beyond its ref and action cells.
	othersFilled bool
	// monthFirst names the first date in the deadline column that reads only month first
	// ("09/30/2025 at row 3"), or is "" when there is none.
	monthFirst string
}

func newBuilder(t tabular.Table, hr int, cols []Column, o Options, res *Result) *builder {
	b := &builder{t: t, hr: hr, cols: cols, o: o, res: res, col: map[Field]int{},
		merged: map[[2]int]tabular.Merge{}, covered: map[[2]int]bool{}, under: map[[2]int]tabular.Merge{}, progressDate: map[int]time.Time{},
		leadsSeen: map[string]bool{}, warned: map[int]bool{}}
	for _, f := range []Field{FieldAction, FieldMilestone, FieldDeadline, FieldRAG, FieldStatus, FieldRef, FieldSection} {
		b.col[f] = -1
	}
	for _, c := range cols {
		if _, single := b.col[c.Field]; single && b.col[c.Field] < 0 {
			b.col[c.Field] = c.Index
		}
	}
	for _, m := range t.Merges {
		b.merged[[2]int{m.Row, m.Col}] = m
		for r := m.Row; r < m.Row+m.Height; r++ {
			for c := m.Col; c < m.Col+m.Width; c++ {
				if r != m.Row || c != m.Col {
					b.covered[[2]int{r, c}] = true
				}
				if c == m.Col && m.Height > 1 {
					b.under[[2]int{r, c}] = m
				}
			}
		}
	}
	res.HeaderLine = t.Rows[hr].Line
	if rc := b.col[FieldRef]; rc >= 0 {
		for r := hr + 1; r < len(t.Rows); r++ {
			if b.cell(r, b.col[FieldAction]) == "" {
				continue
			}
			b.refLevel = max(b.refLevel, levelOf(b.cell(r, rc)))
			for c, cell := range t.Rows[r].Cells {
				if c != rc && c != b.col[FieldAction] && cell.Text != "" {
					b.othersFilled = true
				}
			}
		}
	}
	for _, c := range cols {
		if c.Field == FieldProgress {
			b.progressDate[c.Index] = b.dateOfProgress(c)
		}
	}
	if dc := b.col[FieldDeadline]; dc >= 0 {
	scan:
		for r := hr + 1; r < len(t.Rows); r++ {
			for _, m := range reSlashDate.FindAllStringSubmatch(b.cell(r, dc), -1) {
				if mm, dd := atoi(m[1]), atoi(m[3]); mm >= 1 && mm <= 12 && dd > 12 && dd <= 31 {
					b.monthFirst = fmt.Sprintf("%s at row %d", m[0], b.line(r))
					break scan
				}
			}
		}
	}
	return b
}

// reSlashDate is a date written with numbers only: 30/09/2025, 9-30-2025, 30.09.25.
var reSlashDate = lazyre.New(`\b(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b`)

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// monthFirstOnly rewrites the dates in text that read only month first (09/30/2025: there is no
// month 30) as YYYY-MM-DD, giving the new text and the first such day; ok is false when there
// is none, or when a date in text reads day first.
func monthFirstOnly(text string) (iso string, first time.Time, ok bool) {
	bad := false
	iso = reSlashDate.ReplaceAllStringFunc(text, func(m string) string {
		p := reSlashDate.FindStringSubmatch(m)
		mm, dd, y := atoi(p[1]), atoi(p[3]), atoi(p[5])
		if len(p[5]) != 4 || p[2] != p[4] || mm < 1 || mm > 12 || dd <= 12 {
			bad = true
			return m
		}
		day := time.Date(y, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
		if day.Day() != dd {
			bad = true // 02/30/2026 is no day either way
			return m
		}
		if first.IsZero() {
			first = day
		}
		return day.Format("2006-01-02")
	})
	return iso, first, !bad && !first.IsZero()
}

// cell is the text of row r's cell in column c ("" for a column the row lacks).
func (b *builder) cell(r, c int) string {
	if c < 0 || c >= len(b.t.Rows[r].Cells) {
		return ""
	}
	return b.t.Rows[r].Cells[c].Text
}

// shown is row r's cell in column c as the reader sees it: a cell merged down over several rows
// (one Lead for three actions, one Timescale for two milestones) shows its text and colour on
// every row it covers, though the file keeps them only in its top-left cell.
func (b *builder) shown(r, c int) tabular.Cell {
	if m, ok := b.under[[2]int{r, c}]; ok {
		r = m.Row
	}
	if c < 0 || c >= len(b.t.Rows[r].Cells) {
		return tabular.Cell{}
	}
	return b.t.Rows[r].Cells[c]
}

func (b *builder) line(r int) int { return b.t.Rows[r].Line }

func (b *builder) warn(r int, msg, hint string) {
	b.res.Warnings = append(b.res.Warnings, Note{Line: b.line(r), Message: msg, Hint: hint})
}

func (b *builder) keep(r int, a *action, header, text, why string) {
	c := fmt.Sprintf("%s: %s", header, text)
	if why != "" {
		c += " (" + why + ")"
	}
	a.comments = append(a.comments, c)
	msg := fmt.Sprintf("%s %q kept as a comment", header, words.OneLine(text))
	if why != "" {
		msg += ": " + why
	}
	b.res.Kept = append(b.res.Kept, Note{Line: b.line(r), Message: msg})
}

// isHeading reports whether row r starts a section, and its title. A row is a heading only when
// it looks like one: one merged cell spans the whole row; its text is only in the first cell of a
// table whose actions are in another column; its text is only in its first cell and that cell is
// filled, or names a kind of section ("Priority 2: Health", "Theme: ..."), or comes before any
// action; or its ref is a numbering level above the actions' ("2" over "2.1", "2.2"). A row
// whose text is only in the first cell of a table whose actions are in that column, and that
// none of these marks as a heading, is an action with nothing else filled in: an undated row
// among dated actions is an action, and the summary says which reading was chosen.
func (b *builder) isHeading(r int) (string, bool) {
	row := b.t.Rows[r]
	if len(row.Cells) < 2 {
		return "", false
	}
	if m, ok := b.merged[[2]int{r, 0}]; ok && m.Width >= len(row.Cells) && row.Cells[0].Text != "" {
		return row.Cells[0].Text, true
	}
	if title, ok := b.refLevelHeading(r); ok {
		return title, true
	}
	for _, c := range row.Cells[1:] {
		if c.Text != "" {
			return "", false
		}
	}
	text := row.Cells[0].Text
	if text == "" || b.covered[[2]int{r, 0}] {
		return "", false
	}
	if b.col[FieldAction] != 0 {
		return text, true // the actions fill another column
	}
	switch {
	case noteLike(text):
		return text, true // a note or key: left out after the last action, with a warning
	case strings.HasSuffix(strings.TrimSpace(text), "."):
		return "", false // a sentence: an action with nothing else filled in
	case row.Cells[0].Fill != "" || namesSectionKind(text):
		return text, true
	case !b.actionSeen:
		return text, true // above every action: the first section's title
	}
	if !b.warned[r] {
		b.warned[r] = true
		b.warn(r, fmt.Sprintf("%q has text only in its first cell, among actions: read as an action with no deadline or lead, not a heading", words.OneLine(text)),
			`if it is a heading, merge its cell across the table (or fill it, or begin it "Priority", "Theme", ...) and import again`)
	}
	return "", false
}

// namesSectionKind reports whether text begins with a word that names a section ("Priority 2:
// Health", "Theme - Homes", "Pillar 3").
func namesSectionKind(text string) bool {
	first := strings.ToLower(strings.TrimRight(strings.Fields(text + " x")[0], ":.-0123456789"))
	switch first {
	case "priority", "priorities", "pledge", "promise", "theme", "section", "workstream", "pillar", "objective",
		"cohort", "strand", "outcome", "ambition", "area":
		return true
	}
	return false
}

// noteLike reports whether a row's text is a note or a key to the table rather than an action or
// a heading: "Note: ...", "Key: G = on track", "* reviewed quarterly", "Last updated 1 May 2025".
func noteLike(text string) bool {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, p := range []string{"note", "notes", "key", "rag key", "source", "sources", "last updated", "updated", "version", "*", "†"} {
		if strings.HasPrefix(t, p) && (len(t) == len(p) || !unicode.IsLetter(rune(t[len(p)]))) {
			return true
		}
	}
	return strings.Contains(t, " = ")
}

// refLevelHeading reports whether row r is a heading by its numbering: its ref is a level above
// the actions' ("2" where actions are "2.1", "2.2"), and the row has text only in its ref and
// action cells. The title is the action cell's text, after the ref.
func (b *builder) refLevelHeading(r int) (string, bool) {
	rc, ac := b.col[FieldRef], b.col[FieldAction]
	if rc < 0 || ac < 0 || b.refLevel < 2 {
		return "", false
	}
	ref := strings.TrimSpace(b.cell(r, rc))
	text := b.cell(r, ac)
	if text == "" || levelOf(ref) == 0 || levelOf(ref) >= b.refLevel {
		return "", false
	}
	for c, cell := range b.t.Rows[r].Cells {
		if c != rc && c != ac && cell.Text != "" {
			return "", false
		}
	}
	// The next row with a ref must be numbered under this one ("2.1" under "2"), and the
	// table's actions must fill other columns, which this row leaves empty.
	base := strings.TrimSuffix(strings.TrimSpace(ref), ".")
	for n := r + 1; n < len(b.t.Rows); n++ {
		next := strings.TrimSpace(b.cell(n, rc))
		if next == "" {
			continue
		}
		if !strings.HasPrefix(next, base+".") || !b.othersFilled {
			return "", false
		}
		return ref + " " + text, true
	}
	return "", false
}

var reRefLevels = lazyre.New(`^(?:[A-Za-z]+\s*)?(\d+(?:\.\d+)*)\.?$`)

// levelOf is how many numbers a ref has: "2" is 1, "2.1" is 2; 0 for a ref that is no number.
func levelOf(ref string) int {
	m := reRefLevels.FindStringSubmatch(strings.TrimSpace(ref))
	if m == nil {
		return 0
	}
	return strings.Count(m[1], ".") + 1
}

// totalWords begin a row that sums the table up rather than giving an action.
var totalWords = map[string]bool{"total": true, "totals": true, "grand total": true, "sub total": true, "subtotal": true}

// isTotals reports whether row r's first text is "Total" (or "Totals", "Grand total"): the foot
// of a tracker that counts its actions.
func (b *builder) isTotals(r int) bool {
	for _, c := range b.t.Rows[r].Cells {
		if c.Text != "" {
			return totalWords[headerKey(c.Text)]
		}
	}
	return false
}

// rowText is row r's cells with text, quoted, for messages.
func (b *builder) rowText(r int) string {
	var parts []string
	for _, c := range b.t.Rows[r].Cells {
		if c.Text != "" {
			parts = append(parts, fmt.Sprintf("%q", words.OneLine(c.Text)))
		}
	}
	return strings.Join(parts, ", ")
}

// refOnly reports whether row r has text only in its ref cell, and that text is a number ("2.3",
// "1a", "P1-3"): an action numbered but never written, which is neither a heading nor a milestone
// of the action above. A title in the ref column ("Priority 2") is a heading.
func (b *builder) refOnly(r int) (string, bool) {
	rc := b.col[FieldRef]
	ref := strings.TrimSpace(b.cell(r, rc))
	if rc < 0 || ref == "" || b.covered[[2]int{r, rc}] || len(ref) > 12 ||
		strings.ContainsFunc(ref, unicode.IsSpace) || !strings.ContainsFunc(ref, unicode.IsDigit) {
		return "", false
	}
	for c, cell := range b.t.Rows[r].Cells {
		if c != rc && cell.Text != "" {
			return "", false
		}
	}
	if m, ok := b.merged[[2]int{r, rc}]; ok && m.Width > 1 {
		return "", false // one cell across the table: a heading
	}
	return ref, true
}

// isHeaderAgain reports whether row r repeats the header row, as a table that runs over pages
// does.
func (b *builder) isHeaderAgain(r int) bool {
	if r == b.hr {
		return false
	}
	row, h := b.t.Rows[r], b.t.Rows[b.hr]
	for i := range row.Cells {
		if i >= len(h.Cells) || headerKey(row.Cells[i].Text) != headerKey(h.Cells[i].Text) {
			return false
		}
	}
	return true
}

func (b *builder) startSection(title string, r int) {
	b.cur = &section{title: title, line: b.line(r), kind: kindOf(title)}
	b.sections = append(b.sections, b.cur)
	b.res.SectionTitles = append(b.res.SectionTitles, Note{Line: b.line(r), Message: words.OneLine(title)})
}

// kindOf is a section's kind from the first word of its title: "Pledge 3: ..." is a pledge. A
// title that names no kind is a priority.
func kindOf(title string) string {
	first := strings.ToLower(strings.TrimRight(strings.Fields(title + " x")[0], ":.0123456789"))
	for _, k := range plan.SectionKinds {
		if first == k || first == k+"s" || (k == "priority" && first == "priorities") {
			return k
		}
	}
	if first == "theme" || first == "section" {
		return "priority"
	}
	return "priority"
}

// walk reads every row after the header: headings and the section column start sections; a row
// with an action starts an action; the rows below it with no action (or inside its merged cell)
// are its milestones.
func (b *builder) walk() {
	ac, sc := b.col[FieldAction], b.col[FieldSection]
	if ac < 0 {
		ac = b.firstCol(FieldOutcome)
	}
	rows := b.t.Rows
	for r := b.hr + 1; r < len(rows); {
		if rowEmpty(rows[r]) || b.isHeaderAgain(r) {
			r++
			continue
		}
		if b.isTotals(r) {
			b.warn(r, fmt.Sprintf("a totals row (%s): left out", b.rowText(r)), "")
			r++
			continue
		}
		if ref, ok := b.refOnly(r); ok {
			b.warn(r, fmt.Sprintf("a row with only its ref %q and no action: left out", words.OneLine(ref)),
				"write the action in the table, or delete the row, and import again")
			r++
			continue
		}
		if title, ok := b.isHeading(r); ok {
			b.startSection(title, r)
			r++
			continue
		}
		if s := b.cell(r, sc); s != "" && (b.cur == nil || words.OneLine(s) != words.OneLine(b.cur.title)) {
			b.startSection(s, r)
		}
		if b.cell(r, ac) == "" {
			b.warn(r, "a row with no action, and no action above it that it could belong to: left out", "give the row its action, or name its columns with --map")
			r++
			continue
		}
		// The rows of this action: its merged cell's, then any below with no action of their own.
		end := r + 1
		if m, ok := b.merged[[2]int{r, ac}]; ok {
			end = min(max(end, m.Row+m.Height), len(rows))
		}
		for end < len(rows) && b.cell(end, ac) == "" && !rowEmpty(rows[end]) && !b.isHeaderAgain(end) {
			if _, ok := b.refOnly(end); ok {
				break
			}
			if _, heading := b.isHeading(end); heading {
				break
			}
			if s := b.cell(end, sc); s != "" && words.OneLine(s) != words.OneLine(b.sectionTitle()) {
				break
			}
			end++
		}
		if b.cur == nil {
			b.startSection(b.firstTitle(), r)
		}
		if a := b.group(r, end); !b.lettered(r, a) {
			b.cur.actions = append(b.cur.actions, a)
		}
		b.actionSeen = true
		r = end
	}
	// Headings after the last action are the table's notes and keys ("Note: deadlines are
	// reviewed each quarter"), not sections with no actions yet.
	for n := len(b.sections); n > 0 && len(b.sections[n-1].actions) == 0 && b.actionsBefore(n-1); n-- {
		s := b.sections[n-1]
		b.res.Warnings = append(b.res.Warnings, Note{Line: s.line,
			Message: fmt.Sprintf("%q comes after the last action: left out, not a section", words.OneLine(s.title)),
			Hint:    "if it is a section with no actions yet, add it to the plan by hand"})
		b.sections = b.sections[:n-1]
		b.res.SectionTitles = b.res.SectionTitles[:n-1]
	}
	b.cur = nil
}

// actionsBefore reports whether a section before section i has an action.
func (b *builder) actionsBefore(i int) bool {
	return slices.ContainsFunc(b.sections[:i], func(s *section) bool { return len(s.actions) > 0 })
}

// firstTitle is the title of a section for actions before any heading: the last line of text
// above the header row (a heading set above the header, or the table's title), else the table's
// name, else the plan's title.
func (b *builder) firstTitle() string {
	for r := b.hr - 1; r >= 0; r-- {
		for _, c := range b.t.Rows[r].Cells {
			if c.Text != "" {
				return c.Text
			}
		}
	}
	if b.t.Name != "" {
		return b.t.Name
	}
	return b.o.Title
}

func (b *builder) sectionTitle() string {
	if b.cur == nil {
		return ""
	}
	return b.cur.title
}

func (b *builder) firstCol(f Field) int {
	for _, c := range b.cols {
		if c.Field == f {
			return c.Index
		}
	}
	return -1
}

// group makes the action of rows [r, end): one row is an action; more are a parent with a
// lettered sub-action for each row. A cell merged over all the rows is the parent's; every other
// cell is its row's sub-action's.
func (b *builder) group(r, end int) *action {
	a := &action{line: b.line(r)}
	if end-r == 1 {
		b.fill(a, r, func(int) bool { return true })
		b.textOf(a, r, false)
		return a
	}
	spans := func(c int) bool {
		if c == b.col[FieldRef] {
			return true // the parent's number, which its sub-actions' letters follow
		}
		// A merge that began above the action (one Lead cell for several actions) is the
		// parent's too when it covers all of the action's rows.
		m, ok := b.under[[2]int{r, c}]
		return ok && m.Row+m.Height >= end
	}
	b.fill(a, r, spans)
	b.textOf(a, r, true)
	for s := r; s < end; s++ {
		if rowEmpty(b.t.Rows[s]) {
			continue // a spacer row inside the merged cell
		}
		sub := &action{line: b.line(s)}
		if rc := b.col[FieldRef]; s > r && rc >= 0 && b.cell(s, rc) != "" {
			// The parent's ref numbers the group; a milestone's own ("1.4.2") is kept.
			b.keep(s, sub, b.cols[rc].Label(), b.cell(s, rc), "")
		}
		b.fill(sub, s, func(c int) bool { return !spans(c) })
		if t := b.cell(s, b.col[FieldMilestone]); t != "" {
			sub.text = t
		} else if len(sub.outcomes) == 0 {
			// The merged action cell spans this row: the row reads as that action.
			sub.text = a.text
		}
		a.subs = append(a.subs, sub)
	}
	return a
}

// reLettered is a ref that letters a sub-action: a number-shaped ref and one letter, written
// "1a", "1A", "1.a", "1 a", "1(a)" or "1 (a)". A longer tail ("1.1.2", "P1-3") is no letter.
var reLettered = lazyre.New(`^(.*?\d)\.?\s?(?:\(([A-Za-z])\)|([A-Za-z]))$`)

// letteredRef splits a ref that letters a sub-action into the ref of its action and its letter.
func letteredRef(ref string) (base, letter string, ok bool) {
	m := reLettered.FindStringSubmatch(strings.TrimSpace(ref))
	if m == nil || !reRefPair.MatchString(m[1]) && !reRefOne.MatchString(m[1]) {
		return "", "", false
	}
	return m[1], strings.ToLower(m[2] + m[3]), true
}

// lettered makes a, read from row r, a sub-action of the action above it when its ref is that
// action's ref and the next letter ("1a" under "1", then "1b"), as a merged action cell's rows
// are; the letter is then its id's. A lettered ref that does not follow the action above is
// left to be an action of its own, with a warning.
func (b *builder) lettered(r int, a *action) bool {
	base, letter, ok := letteredRef(a.ref)
	if !ok {
		return false
	}
	var above *action
	if n := len(b.cur.actions); n > 0 {
		above = b.cur.actions[n-1]
	}
	const hint = "a lettered ref makes a sub-action of the action just above whose ref is the same without the letter (1, then 1a, 1b); fix the ref, or leave it as an action of its own"
	switch {
	case above == nil:
		b.warn(r, fmt.Sprintf("ref %q letters a sub-action, but no action of its section is above it: imported as an action of its own", words.OneLine(a.ref)), hint)
		return false
	case strings.TrimSuffix(strings.TrimSpace(above.ref), ".") != base:
		b.warn(r, fmt.Sprintf("ref %q letters a sub-action of %s, but the action above is %q: imported as an action of its own", words.OneLine(a.ref), base, words.OneLine(above.ref)), hint)
		return false
	case letter != letters(len(above.subs)):
		b.warn(r, fmt.Sprintf("ref %q is out of turn: the next sub-action of %s is %s%s: imported as an action of its own", words.OneLine(a.ref), base, base, letters(len(above.subs))), hint)
		return false
	case len(a.subs) > 0:
		b.warn(r, fmt.Sprintf("ref %q letters a sub-action, but its rows give it sub-actions of its own: imported as an action of its own", words.OneLine(a.ref)), hint)
		return false
	}
	above.subs = append(above.subs, a)
	return true
}

// textOf sets an action's text from its action cell, or its outcome when the table has only
// outcomes. A single row's milestone is its one sub-action.
func (b *builder) textOf(a *action, r int, parent bool) {
	if ac := b.col[FieldAction]; ac >= 0 {
		a.text = b.cell(r, ac)
	}
	if parent {
		return
	}
	if t := b.cell(r, b.col[FieldMilestone]); t != "" {
		a.subs = append(a.subs, &action{line: a.line, text: t})
	}
}

// fill reads row r's cells into a, for the columns mine says are a's.
func (b *builder) fill(a *action, r int, mine func(c int) bool) {
	for _, col := range b.cols {
		c := col.Index
		if !mine(c) {
			continue
		}
		text := b.cell(r, c)
		if col.Field != FieldRef {
			text = b.shown(r, c).Text
		}
		switch col.Field {
		case FieldDeadline:
			if text != "" {
				b.deadline(a, r, col, text)
			}
		case FieldLead:
			for _, cell := range splitLeads(text) {
				parts, unsure := splitCodes(cell)
				if unsure && !b.warned[-r-1] {
					b.warned[-r-1] = true // the row's lead cell, apart from its heading warning
					b.warn(r, fmt.Sprintf("lead %q mixes short codes with words: kept as one lead", words.OneLine(cell)),
						`if it is several leads, separate them with ";" in the table (as in "CLA; CSST; Family Safeguarding") and import again`)
				}
				for _, l := range parts {
					b.lead(a, r, col, l)
				}
			}
		case FieldRAG:
			b.rating(a, r, col, text)
		case FieldStatus:
			if text == "" {
				continue
			}
			if s, ok := plan.ParseStatus(text); ok {
				a.status = s
			} else if g, ok := plan.ParseRAG(text); ok && a.rag == "" {
				a.rag = g
			} else {
				b.keep(r, a, col.Label(), text, "not a status cpp reads")
			}
		case FieldProgress:
			if text != "" {
				a.updates = append(a.updates, update{date: b.progressDate[c], note: text})
			}
		case FieldMeasure:
			if text != "" {
				a.measures = append(a.measures, text)
			}
		case FieldOutcome:
			if text != "" {
				a.outcomes = append(a.outcomes, text)
			}
		case FieldRef:
			a.ref = text
		case FieldComment:
			if text != "" {
				b.keep(r, a, col.Label(), text, "")
			}
		}
	}
}

// deadline keeps a deadline cell as written when it reads as one. A cell cpp cannot place in
// time is kept whole as the deadline, never as a comment that would leave the action undated:
// as written when cpp reads it as not understood, else (a date that reads both ways in a table
// that writes dates month first, a known form written wrongly) marked "not understood:", which
// would otherwise be read wrongly or be an error in the plan. A status in the deadline column
// ("Complete") sets the status when no status column says otherwise.
func (b *builder) deadline(a *action, r int, col Column, text string) {
	_, err := deadline.Parse(text, b.o.Quarters)
	if b.monthFirst != "" && !deadline.NotUnderstood(err) {
		// The table's author typed dates month first; a date that reads both ways is not read
		// day first behind their back.
		if us, uk, ok := deadline.EitherWay(text); ok {
			b.notUnderstood(a, r, text, deadline.MarkNotUnderstood(text),
				fmt.Sprintf("the table writes dates month first (%s), so it may be %s or %s", b.monthFirst, us.Format("2 January 2006"), uk.Format("2 January 2006")),
				fmt.Sprintf("write it as %s or %s, in the table or the plan", us.Format("2006-01-02"), uk.Format("2006-01-02")))
			return
		}
	}
	if err == nil {
		a.deadline = text
		return
	}
	if iso, day, ok := monthFirstOnly(text); ok {
		// 09/30/2025 has one reading, month first, and it is what the table's author saw: the
		// action keeps its date, written so that no reader takes it day first, and the cell
		// as typed stays beside it. Kept as a comment alone, the action would be undated, and
		// "no deadline" in every answer.
		if _, err := deadline.Parse(iso, b.o.Quarters); err == nil {
			a.deadline = iso
			b.keep(r, a, col.Label(), text, fmt.Sprintf("read month first, as it can only be read: %s, written %s", day.Format("2 January 2006"), iso))
			return
		}
	}
	if s, ok := plan.ParseStatus(text); ok {
		if !b.strayStatus(a, r, col, text, s, "deadline") {
			b.keep(r, a, col.Label(), text, "a status, not a deadline: status set to "+string(s))
		}
		return
	}
	var de *deadline.Error
	if !errors.As(err, &de) {
		b.keep(r, a, col.Label(), text, err.Error())
		return
	}
	if de.NotUnderstood {
		b.notUnderstood(a, r, text, text, strings.TrimPrefix(de.Problem, "it "), de.Hint)
		return
	}
	// A known form written wrongly (31/02/2026, Q5 2025) would be an error in the plan.
	b.notUnderstood(a, r, text, deadline.MarkNotUnderstood(text), de.Problem, de.Hint)
}

// strayStatus takes a status written in a column other than the status column (a deadline's, a
// rating's; not is what the column holds): it is the action's status when the row's status
// column gives none and no other column gave another first. A status that disagrees is kept as a
// comment, and kept says so: the status column wins, and what the table said is not lost without
// a word.
func (b *builder) strayStatus(a *action, r int, col Column, text string, s plan.Status, not string) (kept bool) {
	for _, c := range b.cols {
		if st, ok := plan.ParseStatus(b.shown(r, c.Index).Text); ok && c.Field == FieldStatus {
			if st == s {
				return false
			}
			b.keep(r, a, col.Label(), text, fmt.Sprintf("a status, not a %s; the %s column says %s", not, c.Label(), st))
			return true
		}
	}
	if a.status != "" && a.status != s {
		b.keep(r, a, col.Label(), text, fmt.Sprintf("a status, not a %s; the status is %s, as another column says", not, a.status))
		return true
	}
	a.status = s
	return false
}

// notUnderstood keeps a deadline cell cpp cannot place in time whole as the action's deadline,
// written (the cell, or the cell marked "not understood:"), and warns why: an action whose
// deadline cpp cannot place is named by every answer about dates, where a comment would make it
// undated.
func (b *builder) notUnderstood(a *action, r int, text, written, why, hint string) {
	a.deadline = written
	msg := fmt.Sprintf("deadline %q is not understood (%s): kept whole as the deadline", words.OneLine(text), why)
	if written != text {
		msg += fmt.Sprintf(", written %q", words.OneLine(written))
	}
	msg += "; cpp lists the action as \"deadline not understood\" until it is a date cpp reads"
	if rest := wordsAfterDate(text, b.o.Quarters); rest != "" && !b.hasLead(r) {
		msg += fmt.Sprintf("; the row has no lead: is %q the lead?", words.OneLine(rest))
		hint = "if it is, move it to the lead column of the table (text taken from a PDF runs cells together) and import again"
	}
	b.warn(r, msg, hint)
}

// wordsAfterDate is what follows the date in a deadline cell whose first words are the whole of
// a date ("Q3 2025 Commissioning, health partners" gives "Commissioning, health partners"),
// else "".
func wordsAfterDate(text string, conv deadline.Convention) string {
	words := strings.Fields(text)
	for n := len(words) - 1; n > 0; n-- {
		p, err := deadline.Parse(strings.Join(words[:n], " "), conv)
		if err == nil && p.Kind == deadline.Dated {
			return strings.Join(words[n:], " ")
		}
	}
	return ""
}

// hasLead reports whether row r shows a lead.
func (b *builder) hasLead(r int) bool {
	for _, c := range b.cols {
		if c.Field == FieldLead && b.shown(r, c.Index).Text != "" {
			return true
		}
	}
	return false
}

func (b *builder) lead(a *action, r int, col Column, l string) {
	_, known := b.o.Registry.Canonical(l)
	if !known && personLike(l) {
		b.warn(r, fmt.Sprintf("lead %q looks like a person's name: kept as a comment, not a lead", words.OneLine(l)),
			"leads name a team or a role (Virtual School, Head of Virtual School); plans are published")
		a.comments = append(a.comments, fmt.Sprintf("%s: %s (a person's name, not written as a lead)", col.Label(), l))
		return
	}
	if !words.ContainsFold(a.leads, l) {
		a.leads = append(a.leads, l)
	}
	key := plan.Fold(l)
	if !b.leadsSeen[key] {
		b.leadsSeen[key] = true
		b.res.Leads = append(b.res.Leads, l)
		switch {
		case known:
		case initials(l):
			b.res.Initials = append(b.res.Initials, l)
		default:
			b.res.NewLeads = append(b.res.NewLeads, l)
		}
	}
}

// rating reads a RAG cell: its word or letter, else (for an empty cell) its fill colour. Blue,
// which some councils use for complete, sets the status when nothing else does.
func (b *builder) rating(a *action, r int, col Column, text string) {
	var rag plan.RAG
	var blue, ok bool
	if text != "" {
		if rag, blue, ok = ragWord(text); !ok {
			if s, sok := plan.ParseStatus(text); sok {
				b.strayStatus(a, r, col, text, s, "RAG rating")
				return
			}
			b.keep(r, a, col.Label(), text, "not a RAG rating cpp reads")
			return
		}
	} else if fill := b.shown(r, col.Index).Fill; fill != "" {
		if rag, blue, ok = fillRAG(fill); !ok {
			return
		}
		if rag != "" {
			b.res.Warnings = append(b.res.Warnings, Note{Line: b.line(r),
				Message: fmt.Sprintf("RAG %s read from the empty cell's fill colour #%s", rag, fill)})
		}
	} else {
		return
	}
	switch {
	case blue && text != "":
		b.strayStatus(a, r, col, text, plan.Complete, "RAG rating")
	case blue:
		if a.status == "" {
			a.status = plan.Complete
		}
	default:
		a.rag = rag
	}
}

var reMonthWords = lazyre.New(`(?i)\b(?:as (?:at|of)|at|in|for|to|on)\b`)

// reProgressWords are the words of a progress heading that are not its period: "June 2026
// update", "Update Dec 2025", "Q2 progress", "Progress at March 2026".
var reProgressWords = lazyre.New(`(?i)\b(?:progress|updates?|comments?|commentary|position|report|rag|status|latest)\b`)

// progressPeriod is what a progress heading says of its period, with the progress words and
// "at", "as of" and the like taken out: "June 2026 update" gives "June 2026".
func progressPeriod(header string) string {
	rest := reProgressWords.ReplaceAllString(header, " ")
	rest = reMonthWords.ReplaceAllString(rest, " ")
	return strings.Trim(strings.Join(strings.Fields(rest), " "), " :-–()")
}

var reQuarterNoYear = lazyre.New(`(?i)^(?:q|quarter )([1-4])$`)

// quarterNoYear reads "Q2" with no year, as a progress heading may give its quarter.
func quarterNoYear(s string) (int, bool) {
	m := reQuarterNoYear.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	return atoi(m[1]), true
}

// dateOfProgress is the day a progress column's notes are dated: the last day of the period its
// heading names ("Progress update March 2021" is 31 March 2021; "Progress Q3 2025" the quarter's
// last day), else the day of the import.
func (b *builder) dateOfProgress(c Column) time.Time {
	h := words.OneLine(c.Header)
	rest := progressPeriod(h)
	d, err := deadline.Parse(rest, b.o.Quarters)
	if err == nil && d.Kind == deadline.Dated && d.Unit != deadline.Years && d.Unit != deadline.Year && d.Unit != deadline.FinancialYear {
		b.res.Progress = append(b.res.Progress, fmt.Sprintf("%s: dated %s, the last day of %s", c.Name(), d.End.Format("2006-01-02"), rest))
		return d.End
	}
	if q, ok := quarterNoYear(rest); ok {
		// "Q2 progress": the last such quarter to end by the day of the import.
		for y := b.o.Today.Year() + 1; y > b.o.Today.Year()-3; y-- {
			d, err := deadline.Parse(fmt.Sprintf("Q%d %d", q, y), b.o.Quarters)
			if err == nil && !d.End.After(b.o.Today) {
				b.res.Progress = append(b.res.Progress, fmt.Sprintf("%s: dated %s, the last day of %s (%s), the last Q%d to end by the day of the import; the heading gives no year",
					c.Name(), d.End.Format("2006-01-02"), deadline.QuarterName(d), b.o.Quarters, q))
				return d.End
			}
		}
	}
	b.res.Progress = append(b.res.Progress, fmt.Sprintf("%s: dated %s, the day of the import (the heading names no month)", c.Name(), b.o.Today.Format("2006-01-02")))
	return b.o.Today
}

var (
	reRefPair = lazyre.New(`^(?:[A-Za-z]+\s*)?(\d+)\.(\d+)\.?$`)
	reRefOne  = lazyre.New(`^(?:[A-Za-z]+\s*)?(\d+)\.?$`)
)

// number gives sections and actions their numbers: from the Ref column when every action has a
// ref that gives one ("1.2": section 1, action 2; or "3": action 3 of its section) and no two
// collide, else from their order.
func (b *builder) number() {
	useRefs, why := b.refNumbers()
	for i, s := range b.sections {
		if !useRefs || s.num == 0 {
			s.num = i + 1
		}
		for j, a := range s.actions {
			if !useRefs {
				a.num = j + 1
			}
		}
	}
	switch {
	case b.col[FieldRef] < 0:
		b.res.IDsFrom = "the order of sections and actions"
	case useRefs:
		b.res.IDsFrom = "the Ref column"
	default:
		b.res.IDsFrom = "the order of sections and actions (" + why + ")"
		for _, s := range b.sections {
			for _, a := range s.actions {
				if a.ref != "" {
					a.comments = append([]string{"Ref: " + a.ref}, a.comments...)
				}
				for _, sub := range a.subs {
					if sub.ref != "" {
						sub.comments = append([]string{"Ref: " + sub.ref}, sub.comments...)
					}
				}
			}
		}
	}
}

func (b *builder) refNumbers() (bool, string) {
	if b.col[FieldRef] < 0 {
		return false, ""
	}
	secOf := map[int]*section{}
	for _, s := range b.sections {
		s.num = 0
		seen := map[int]bool{}
		for _, a := range s.actions {
			ref := strings.TrimSpace(a.ref)
			var sn, an int
			if m := reRefPair.FindStringSubmatch(ref); m != nil {
				sn, _ = strconv.Atoi(m[1])
				an, _ = strconv.Atoi(m[2])
			} else if m := reRefOne.FindStringSubmatch(ref); m != nil {
				an, _ = strconv.Atoi(m[1])
			} else {
				return false, fmt.Sprintf("ref %q at row %d is not a number such as 1.2", ref, a.line)
			}
			if sn != 0 {
				if s.num != 0 && s.num != sn {
					return false, fmt.Sprintf("ref %q at row %d is in section %d, where refs are %d.N", ref, a.line, s.num, s.num)
				}
				if other, ok := secOf[sn]; ok && other != s {
					return false, fmt.Sprintf("refs %d.N are in two sections", sn)
				}
				s.num, secOf[sn] = sn, s
			}
			if an == 0 || seen[an] {
				return false, fmt.Sprintf("ref %q at row %d repeats another or is 0", ref, a.line)
			}
			seen[an] = true
			a.num = an
		}
	}
	// Sections without refs of their own take numbers no other section has.
	next := 1
	for _, s := range b.sections {
		if s.num == 0 {
			for secOf[next] != nil {
				next++
			}
			s.num, secOf[next] = next, s
		}
	}
	return true, ""
}

// letters are the sub-actions' letters: a to z, then aa, ab.
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('a'+(i-1)%26)) + s
	}
	return s
}

// finish gives ids, works out the period, checks what the summary must say and writes the file.
func (b *builder) finish() error {
	b.number()
	id := b.o.ID
	for _, s := range b.sections {
		sid := fmt.Sprintf("%s.p%d", id, s.num)
		for _, a := range s.actions {
			a.id = fmt.Sprintf("%s.%d", sid, a.num)
			b.res.Actions++
			for k, sub := range a.subs {
				sub.id = a.id + letters(k)
				b.res.SubActions++
			}
			for _, x := range append([]*action{a}, a.subs...) {
				b.res.Updates += len(x.updates)
				for _, m := range x.measures {
					if !slices.Contains(s.measures, m) {
						s.measures = append(s.measures, m)
					}
				}
				slices.SortStableFunc(x.updates, func(p, q update) int { return p.date.Compare(q.date) })
			}
		}
		b.res.Measures += len(s.measures)
	}
	b.res.Sections = len(b.sections)
	b.res.Columns = b.cols
	b.statusFromProgress()
	for i := range b.res.Columns {
		c := &b.res.Columns[i]
		for r := b.hr + 1; r < len(b.t.Rows); r++ {
			if b.cell(r, c.Index) != "" {
				c.Cells++
			}
		}
	}
	if b.o.Map != nil {
		for _, mc := range b.o.Map.Columns {
			if !slices.ContainsFunc(b.cols, func(c Column) bool { return headerKey(c.Header) == headerKey(mc.Header) }) {
				b.res.UnusedMap = append(b.res.UnusedMap, mc)
			}
		}
	}
	b.period()
	b.res.Data = b.write()
	return nil
}

// statusFromProgress gives status in-progress to an action with a progress note and no status
// from the table: the table describes work under way, and "not started" would claim otherwise. A
// note that is itself a status word ("Not started", "Complete") is that status.
func (b *builder) statusFromProgress() {
	for _, s := range b.sections {
		for _, a := range s.actions {
			for _, x := range append([]*action{a}, a.subs...) {
				if x.status != "" || len(x.updates) == 0 {
					continue
				}
				last := x.updates[len(x.updates)-1].note
				if st, ok := plan.ParseStatus(last); ok {
					x.status = st
					continue
				}
				x.status = plan.InProgress
				b.res.InProgress++
			}
		}
	}
}

// period is the plan's: --period's, else the whole years (in the plan's convention) that the
// dated deadlines fall in, else three years from the start of this one, as cpp init's.
func (b *builder) period() {
	if !b.o.Period.Start.IsZero() {
		b.res.Period, b.res.PeriodFrom = b.o.Period, "--period"
		return
	}
	var first, last time.Time
	for _, s := range b.sections {
		for _, a := range s.actions {
			for _, x := range append([]*action{a}, a.subs...) {
				if x.deadline == "" {
					continue
				}
				d, err := deadline.Parse(x.deadline, b.o.Quarters)
				if err != nil || d.Kind != deadline.Dated {
					continue
				}
				if first.IsZero() || d.Start.Before(first) {
					first = d.Start
				}
				if d.End.After(last) {
					last = d.End
				}
			}
		}
	}
	from := "the years the table's deadlines fall in"
	if first.IsZero() {
		first, last = b.o.Today, b.o.Today.AddDate(2, 0, 0)
		from = "three years from this one: the table has no dated deadline"
	}
	b.res.Period = plan.Period{Start: yearStart(first, b.o.Quarters), End: yearStart(last, b.o.Quarters).AddDate(1, 0, -1)}
	b.res.PeriodFrom = from
}

// yearStart is the first day of the year (calendar or financial) that day falls in.
func yearStart(day time.Time, conv deadline.Convention) time.Time {
	y := day.Year()
	if conv == deadline.Financial {
		if day.Month() < time.April {
			y--
		}
		return time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
}
