// Package synth writes synthetic plan repositories for benchmarks: a national corpus of many
// councils' plans, with realistic deadlines, leads, statuses and progress updates.
package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Corpus describes a synthetic repository.
type Corpus struct {
	Plans, ActionsPerPlan, SectionsPerPlan int
}

// National is about the size of every English council's plans: 150 plans × 300 actions.
var National = Corpus{Plans: 150, ActionsPerPlan: 300, SectionsPerPlan: 6}

var (
	deadlines = []string{"Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025", "Q1 2026", "September 2025", "April 2026",
		"2025-2028", "Reviewed annually", "monthly", "Q3 2025/26", "30/09/2025", "2026-03-31", "by 2027"}
	statuses = []string{"not-started", "in-progress", "in-progress", "complete", "not-started", "dropped"}
	rags     = []string{"green", "amber", "red", "green", ""}
	words    = strings.Fields("improve support for care leavers through joint work with health housing education and employment partners so that every young person has a trusted adult stable home and the chance to succeed")
)

// Write creates the corpus under dir/plans and returns the plans folder.
func Write(dir string, c Corpus) (string, error) {
	plans := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plans, 0o755); err != nil {
		return "", err
	}
	for p := 0; p < c.Plans; p++ {
		if err := os.WriteFile(filepath.Join(plans, fmt.Sprintf("council-%03d.yaml", p)), Plan(p, c, 0), 0o644); err != nil {
			return "", err
		}
	}
	return plans, nil
}

// Plan is the text of plan number p. Revision rev > 0 changes about 2% of actions (statuses,
// deadlines moved a quarter on), as a quarter's worth of edits would.
func Plan(p int, c Corpus, rev int) []byte {
	var b strings.Builder
	id := fmt.Sprintf("council-%03d", p)
	conv := "calendar"
	if p%5 == 0 {
		conv = "financial"
	}
	fmt.Fprintf(&b, "# Synthetic plan %d for benchmarks.\nid: %s\ntitle: Corporate Parenting Plan %d\ncouncil: Council %d\n", p, id, p, p)
	fmt.Fprintf(&b, "period: {start: 2025-01-01, end: 2028-12-31}\nowner: Corporate Parenting Board\nquarters: %s\nsections:\n", conv)
	perSection := c.ActionsPerPlan / c.SectionsPerPlan
	n := 0
	for s := 0; s < c.SectionsPerPlan; s++ {
		fmt.Fprintf(&b, "  - id: %s.p%d\n    kind: priority\n    title: Priority %d\n", id, s+1, s+1)
		fmt.Fprintf(&b, "    promise: We promise to %s.\n", sentence(p+s, 14))
		fmt.Fprintf(&b, "    measures:\n      - id: %s.p%d.m1\n        text: Care leavers in education, employment or training\n", id, s+1)
		fmt.Fprintf(&b, "        unit: \"%%\"\n        direction: higher\n        target: {value: 70}\n        observations:\n          - {date: 2025-03-31, value: %d, source: SSDA903}\n", 50+(p+s)%30)
		b.WriteString("    actions:\n")
		for a := 0; a < perSection; a++ {
			changed := rev > 0 && (n*7+rev*13)%50 == 0
			d := deadlines[(n+p)%len(deadlines)]
			st := statuses[(n+p)%len(statuses)]
			if changed {
				d = deadlines[(n+p+1)%len(deadlines)]
				st = "complete"
			}
			fmt.Fprintf(&b, "      - id: %s.p%d.%d\n        text: %s.\n        deadline: %s\n", id, s+1, a+1, sentence(n+p, 12), d)
			fmt.Fprintf(&b, "        leads: [Team %d, Team %d]\n        status: %s\n", (n+p)%40, (n*3+p)%40, st)
			if r := rags[(n+p)%len(rags)]; r != "" {
				fmt.Fprintf(&b, "        rag: %s\n", r)
			}
			if n%4 == 0 {
				fmt.Fprintf(&b, "        updates:\n          - {date: 2025-06-30, status: in-progress, note: %s.}\n", sentence(n, 8))
			}
			n++
		}
	}
	b.WriteString("leads:\n")
	for t := 0; t < 40; t++ {
		fmt.Fprintf(&b, "  - name: Team %d\n", t)
	}
	return []byte(b.String())
}

func sentence(seed, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[(seed*7+i*3)%len(words)]
	}
	out[0] = strings.ToUpper(out[0][:1]) + out[0][1:]
	return strings.Join(out, " ")
}
