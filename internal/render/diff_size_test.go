package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// largeDiff is a quarter's edits to 40 synthetic councils' plans, and one plan removed: far more
// than fits in a GitHub comment.
func largeDiff(t *testing.T) *plandiff.Diff {
	t.Helper()
	c := synth.Corpus{Plans: 40, ActionsPerPlan: 300, SectionsPerPlan: 6}
	var old, new []*plan.Plan
	oldLeads, newLeads := plan.NewRegistry(nil), plan.NewRegistry(nil)
	for p := 0; p < c.Plans; p++ {
		for rev, list := range []*[]*plan.Plan{&old, &new} {
			if rev == 1 && p == 7 {
				continue // removed
			}
			f := planfile.Parse(fmt.Sprintf("council-%03d.yaml", p), synth.Plan(p, c, rev), planfile.Options{})
			if f.HasErrors() {
				d, _ := f.FirstError()
				t.Fatal(d.OneLine())
			}
			*list = append(*list, f.Plan)
			if p == 0 {
				if rev == 0 {
					oldLeads = plan.NewRegistry(f.Leads)
				} else {
					newLeads = plan.NewRegistry(f.Leads)
				}
			}
		}
	}
	return plandiff.Compare(old, new, plandiff.Options{OldLeads: oldLeads, NewLeads: newLeads})
}

var tableRow = regexp.MustCompile(`(?m)^\| .* \|$`)

// rows counts the body rows of every table (each table's header and separator are not rows).
func rows(md string) int {
	n := len(tableRow.FindAllString(md, -1))
	return n - 2*strings.Count(md, "\n| --- |")
}

// A diff too large for one GitHub comment (65,536 characters) keeps within MarkdownLimit: the
// summary, then slips and removals, then the rest folded, and a last line saying how many rows
// were left out, which are exactly the ones missing.
func TestDiffMarkdownFitsAComment(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: compares 40 synthetic plans of 300 actions")
	}
	d := largeDiff(t)
	from, to := Side{Rev: "main", Commit: "0123456789abcdef"}, Side{Rev: "feature", Commit: "fedcba9876543210"}
	var full, out bytes.Buffer
	if err := diffMarkdown(&full, d, from, to, 1<<30); err != nil {
		t.Fatal(err)
	}
	if full.Len() <= 65536 {
		t.Fatalf("the test diff is %d bytes, which fits in a comment anyway", full.Len())
	}
	if err := DiffMarkdown(&out, d, from, to); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	if len(md) > MarkdownLimit {
		t.Fatalf("%d bytes, over the %d limit", len(md), MarkdownLimit)
	}
	if !strings.Contains(md, "**"+InlineMarkdown(d.Count().Headline())+"**") {
		t.Error("the summary is missing")
	}
	moved, removed, details := strings.Index(md, "#### Deadlines slipped"), strings.Index(md, "#### Actions removed"), strings.Index(md, "<details>")
	if moved < 0 || removed < moved || (details >= 0 && details < removed) {
		t.Errorf("slips (at %d) and removals (at %d) should come first, before anything folded (at %d)", moved, removed, details)
	}
	if strings.Count(md, "<details>") != strings.Count(md, "</details>") {
		t.Error("unbalanced <details>")
	}
	m := regexp.MustCompile(`\n\*\*(\d+) more changes left out\*\* to keep this comment under GitHub's limit \(.*\); run .*cpp diff.* locally to see them all\.\n$`).FindStringSubmatch(md)
	if m == nil {
		t.Fatalf("no closing note of what was left out:\n%s", md[max(0, len(md)-500):])
	}
	n, _ := strconv.Atoi(m[1])
	if want := rows(full.String()) - rows(md); n != want || n == 0 {
		t.Errorf("the note says %d left out; %d rows are missing", n, want)
	}
	checkTables(t, md)
}

// A diff that fits is shown whole, with no note.
func TestDiffMarkdownSmallIsWhole(t *testing.T) {
	d, _ := hostileDiff(t)
	var full, out bytes.Buffer
	from, to := Side{Rev: "a"}, Side{Rev: "b"}
	diffMarkdown(&full, d, from, to, 1<<30)
	DiffMarkdown(&out, d, from, to)
	if full.String() != out.String() || strings.Contains(out.String(), "left out") {
		t.Errorf("a small diff was cut:\n%s", out.String())
	}
}

// checkTables asserts that every table row has as many cells as its header.
func checkTables(t *testing.T, md string) {
	t.Helper()
	cells := func(line string) int {
		return strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
	}
	want := 0
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = 0
			continue
		}
		if want == 0 {
			want = cells(line)
		} else if got := cells(line); got != want {
			t.Errorf("%d cells, want %d: %s", got, want, line)
		}
	}
}
