package importer

import (
	"fmt"
	"io"
	"strings"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/words"
)

// WriteSummary tells the user (on stderr, for the command line) what was made of the table read
// from file: sections and actions, what each column was taken for, what was kept as comments,
// warnings (those of the map file, and ds, validate's of the plan made), and the leads to add to
// the registry.
func (res *Result) WriteSummary(w io.Writer, file, mapFile string, ds []diag.Diagnostic) {
	place := func(line int) string { return Place(file, res.Table, line) }
	table := file
	if res.Table != "" {
		table += ": " + res.Table
	}
	fmt.Fprintf(w, "cpp import: %s, header row %d", table, res.HeaderLine)
	if res.Chosen != "" {
		fmt.Fprintf(w, " (%s of %d tables: %s; --sheet chooses)", res.Table, res.Tables, res.Chosen)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %s, %s (%s), %s, %s\n", words.Count(res.Sections, "section", "sections"),
		words.Count(res.Actions, "action", "actions"), words.Count(res.SubActions, "sub-action", "sub-actions"),
		words.Count(res.Measures, "measure", "measures"), words.Count(res.Updates, "update", "updates"))
	for _, n := range res.SectionTitles {
		fmt.Fprintf(w, "    section from row %d: %s\n", n.Line, n.Message)
	}
	fmt.Fprintf(w, "  period %s to %s: %s\n", res.Period.Start.Format("2006-01-02"), res.Period.End.Format("2006-01-02"), res.PeriodFrom)
	fmt.Fprintf(w, "  ids: %s\n", res.IDsFrom)
	var used, kept, ignored []string
	for _, c := range res.Columns {
		why := ""
		if c.Why != "" {
			why = " (" + c.Why + ")"
		}
		switch c.Field {
		case FieldIgnore:
			if c.Header != "" || c.Cells > 0 {
				ignored = append(ignored, c.Name()+why)
			}
		case FieldComment:
			kept = append(kept, fmt.Sprintf("%s%s", c.Name(), why))
		default:
			used = append(used, fmt.Sprintf("%s → %s%s", c.Name(), c.Field, why))
		}
	}
	fmt.Fprintf(w, "  columns used: %s\n", listOrNone(used))
	if len(kept) > 0 {
		fmt.Fprintf(w, "  columns kept as comments: %s\n", strings.Join(kept, ", "))
	}
	if len(ignored) > 0 {
		fmt.Fprintf(w, "  columns ignored: %s\n", strings.Join(ignored, ", "))
	}
	for _, p := range res.Progress {
		fmt.Fprintf(w, "  progress %s\n", p)
	}
	if res.InProgress > 0 {
		fmt.Fprintf(w, "  status in-progress for %s with a progress note and no status in the table\n", words.Count(res.InProgress, "action", "actions"))
	}
	for _, m := range res.UnusedMap {
		fmt.Fprintf(w, "  warning: %s:%d: no column is headed %q\n", mapFile, m.Line, m.Header)
	}
	if len(res.Kept) > 0 {
		fmt.Fprintf(w, "  %s beside %s action:\n", words.Count(len(res.Kept), "cell kept as a comment", "cells kept as comments"),
			words.Pick(len(res.Kept), "its", "their"))
		for _, n := range res.Kept {
			fmt.Fprintf(w, "    %s: %s\n", place(n.Line), n.Message)
		}
	}
	for _, other := range res.Others {
		fmt.Fprintf(w, "  warning: %s also has a column of actions: not imported; import it with --sheet %q\n", other, other)
	}
	for _, n := range res.Warnings {
		fmt.Fprintf(w, "  warning: %s: %s\n", place(n.Line), n.Message)
		if n.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", n.Hint)
		}
	}
	unknownLeads := 0
	for _, d := range ds {
		// A deadline not understood is warned about above, by its row in the table.
		if d.Severity == diag.Warning && d.Rule != "unknown-lead" && d.Rule != "deadline" {
			fmt.Fprintf(w, "  warning: %s\n", d.OneLine())
		}
		if d.Rule == "unknown-lead" {
			unknownLeads++
		}
	}
	if len(res.Initials) > 0 {
		fmt.Fprintf(w, "  %s officers' initials (%s): people, not teams; add each to plans/leads.yaml as the role it stands for, once named:\n",
			words.Count(len(res.Initials), "lead is", "leads are"), strings.Join(res.Initials, ", "))
		fmt.Fprintln(w, "    leads:")
		for _, l := range res.Initials {
			fmt.Fprintf(w, "      - name: ROLE  # the role %s holds, as in Head of Virtual School\n        aliases: [%s]\n", l, Scalar(l))
		}
	}
	if len(res.NewLeads) > 0 {
		fmt.Fprintf(w, "  %s the lead registry does not know (cpp validate warns %s); add them to plans/leads.yaml:\n",
			words.Count(len(res.NewLeads), "lead", "leads"), words.Count(unknownLeads, "time", "times"))
		fmt.Fprintln(w, "    leads:")
		for _, l := range res.NewLeads {
			fmt.Fprintf(w, "      - name: %s\n", Scalar(l))
		}
	}
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}
