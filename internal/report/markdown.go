package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteMarkdown writes the report as GitHub-flavoured Markdown, with a Mermaid timeline. All plan
// text goes through render's escaping, so it shows as written and cannot break a table. Ids follow
// the words they name, small, so that reviewers can find each action in the plan files.
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
	fmt.Fprintf(&b, "**%s.** %s\n\n", esc(r.Period.Words), esc(metaSentence(r)))
	if len(r.Plans) > 1 {
		b.WriteString("Plans in this report:\n\n")
		for _, p := range r.Plans {
			fmt.Fprintf(&b, "- %s: %s (%s)\n", line(p.ID), line(p.Title), line(CouncilName(p.Council)))
		}
		b.WriteString("\n")
	}
	for _, bl := range compose(r) {
		writeMarkdownBlock(&b, bl)
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// metaSentence gives the report's date and the dates its periods cover.
func metaSentence(r *Report) string {
	return fmt.Sprintf("Report as of %s. Reporting period: %s. Coming up: %s.", words.Day(r.AsOf), r.Period.Description, r.Next.Description)
}

func writeMarkdownBlock(b *strings.Builder, bl block) {
	esc, line := render.InlineMarkdown, render.MarkdownLine
	switch x := bl.(type) {
	case heading:
		fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", x.Level), line(x.Text))
	case para:
		b.WriteString(esc(x.Text) + "\n\n")
	case quote:
		fmt.Fprintf(b, "> %s\n\n", esc(x.Text))
	case figures:
		for _, h := range x.Items {
			fmt.Fprintf(b, "- **%s** %s\n", esc(h.Figure), esc(h.Words))
		}
		b.WriteString("\n")
	case table:
		var rows [][]string
		for _, row := range x.Rows {
			var cells []string
			for _, c := range row.Cells {
				cells = append(cells, markdownCell(c))
			}
			rows = append(rows, cells)
		}
		b.WriteString(render.MarkdownRawTable(x.Header, rows) + "\n")
	case list:
		for _, it := range x.Items {
			b.WriteString("- ")
			if it.Strong != "" {
				fmt.Fprintf(b, "**%s**: ", line(it.Strong))
			}
			b.WriteString(line(it.Text))
			if len(it.Refs) > 0 {
				b.WriteString(": ")
				for i, rf := range it.Refs {
					if i > 0 {
						b.WriteString("; ")
					}
					b.WriteString(line(rf.Text) + idMarkdown(rf.ID))
					if rf.Note != "" {
						b.WriteString(" – " + line(rf.Note))
					}
				}
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	case chart:
		if x.Mermaid != "" {
			b.WriteString("```mermaid\n" + x.Mermaid + "```\n\n")
		}
		if x.Note != "" {
			b.WriteString(esc(x.Note) + "\n\n")
		}
	}
}

// markdownCell is a cell as Markdown: its words, escaped, then its id small.
func markdownCell(c cell) string {
	s := render.MarkdownCell(c.Text)
	if c.After != "" {
		s += ", " + render.MarkdownCell(c.After)
	}
	return s + idMarkdown(c.ID)
}

func idMarkdown(id string) string {
	if id == "" {
		return ""
	}
	return " <sub>" + render.MarkdownCell(id) + "</sub>"
}

// partialSentence says how much of the plans a partial report leaves out.
func partialSentence(r *Report) string {
	n := len(r.LeftOut)
	return fmt.Sprintf("%s with errors %s left out, so this report does not count what %s.",
		words.Count(n, "plan file", "plan files"), words.Pick(n, "is", "are"), words.Pick(n, "it holds", "they hold"))
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
		name := words.OneLine(m.Measure.Text)
		if m.NoData {
			out = append(out, []string{name, value(m.Measure, m.Measure.Baseline, true), "no data", "-", value(m.Measure, m.Measure.Target, true), "-", "no data"})
			continue
		}
		out = append(out, []string{name, value(m.Measure, m.Measure.Baseline, true), value(m.Measure, m.Latest, true),
			value(m.Measure, m.Previous, false), value(m.Measure, m.Measure.Target, true), TravelWord(m), MeasureRAGWord(m)})
	}
	return out
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

// mermaidLabel keeps a label inside Mermaid's quotes and syntax. The chart is a code block, which
// no Markdown escaping reaches, and is read raw on a terminal as often as drawn: a character a
// terminal would act on shows as its escape (termsafe), as in the rest of the report.
func mermaidLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '"', ':', ';', '#', '%', '`', '<', '>', '{', '}', '[', ']', '\n', '\r':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(termsafe.Line(s)), " ")
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
