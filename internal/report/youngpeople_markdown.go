package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/cpp-plans/cpp/internal/render"
)

// WriteYoungPeopleMarkdown writes the young people's report as Markdown: headings as questions,
// lists rather than tables, one short paragraph at a time. Plan text is escaped, as in the
// board report.
func WriteYoungPeopleMarkdown(w io.Writer, y *YoungPeople) error {
	var b strings.Builder
	esc, line := render.InlineMarkdown, render.MarkdownLine
	w_ := ypWords
	fmt.Fprintf(&b, "# %s\n\n", w_.Title)
	writePersonalMarkdown(&b, y.Personal)
	fmt.Fprintf(&b, "%s\n\n", w_.Intro)
	fmt.Fprintf(&b, w_.Made+"\n\n", y.AsOf.Format("2 January 2006"))
	for _, p := range y.Plans {
		fmt.Fprintf(&b, "## %s\n\n", line(p.Title))
		fmt.Fprintf(&b, w_.From+"\n\n", esc(p.Council))
		for _, part := range p.Parts {
			fmt.Fprintf(&b, "### %s\n\n", line(part.Title))
			if part.Promise != "" {
				fmt.Fprintf(&b, "#### %s\n\n%s\n\n", w_.Promise, esc(part.Promise))
			}
			if len(part.YouSaid) > 0 {
				fmt.Fprintf(&b, "#### %s\n\n", w_.YouSaid)
				for _, s := range part.YouSaid {
					fmt.Fprintf(&b, "- %s\n", line(s))
				}
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "#### %s\n\n", w_.Did)
			if len(part.Did) == 0 {
				fmt.Fprintf(&b, "%s\n\n", w_.NothingYet)
			}
			for _, a := range part.Did {
				fmt.Fprintf(&b, "- **%s** %s\n", ypDidStatus(a), line(a.Text))
				for _, n := range a.News {
					fmt.Fprintf(&b, "  - %s: %s\n", n.When, line(n.Text))
				}
			}
			if len(part.Did) > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "#### %s\n\n", w_.Next)
			if len(part.Next) == 0 {
				fmt.Fprintf(&b, "%s\n\n", w_.NothingNext)
			}
			for _, a := range part.Next {
				fmt.Fprintf(&b, "- **%s** %s *%s.*\n", fmt.Sprintf(w_.DueBy, a.When), line(a.Text), a.Status)
			}
			if len(part.Next) > 0 {
				b.WriteString("\n")
			}
			if len(part.Stopped) > 0 {
				fmt.Fprintf(&b, "#### %s\n\n", w_.StoppedHeading)
				for _, a := range part.Stopped {
					fmt.Fprintf(&b, "- %s\n", line(a.Text))
					for _, n := range a.News {
						fmt.Fprintf(&b, "  - %s: %s\n", n.When, line(n.Text))
					}
				}
				b.WriteString("\n")
			}
			if len(part.Measures) > 0 {
				fmt.Fprintf(&b, "#### %s\n\n", w_.Measures)
				for _, m := range part.Measures {
					fmt.Fprintf(&b, "- %s\n", line(m))
				}
				b.WriteString("\n")
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

// ypDidStatus is the line under a thing done: "Done in October 2025.", "Done.", "Started.".
func ypDidStatus(a YPAction) string {
	if a.Status == ypWords.Done && a.When != "" {
		return fmt.Sprintf(ypWords.DoneIn, a.When)
	}
	return a.Status + "."
}

// writePersonalMarkdown is the notice at the top of either report about personal-looking text.
func writePersonalMarkdown(b *strings.Builder, n *PersonalNotice) {
	if n == nil {
		return
	}
	if n.Redacted {
		fmt.Fprintf(b, "> %s\n\n", ypWords.Removed)
		return
	}
	fmt.Fprintf(b, "> **%s** %s\n>\n", ypWords.Found, ypWords.FoundHow)
	for _, f := range n.Found {
		fmt.Fprintf(b, "> - %s\n", render.InlineMarkdown(f.String()))
	}
	b.WriteString("\n")
}
