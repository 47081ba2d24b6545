package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestImportWorkbook imports a workbook as councils keep them, until the testscripts can build
// one: a contents sheet before the actions, a title row, an action cell merged over its
// milestone rows with a lead merged beside it, and RAG given by an empty cell's fill colour.
func TestImportWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Contents"))
	must(f.SetSheetRow("Contents", "A1", &[]any{"Page", "Title"}))
	_, err := f.NewSheet("Actions")
	must(err)
	rows := [][]any{
		{"Riverside action plan 2025-2027"},
		{"Action", "Milestones", "By when", "Lead", "RAG"},
		{"Priority 1: a home"},
		{"Co-design the local offer", "Consult carers", "Q3 2025", "Virtual School", ""},
		{nil, "Publish the offer", "Q1 2026", nil, "Red"},
		{"Recruit mentors", "", "Q4 2025", "Fostering", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("Actions", cell, &r))
	}
	must(f.MergeCell("Actions", "A3", "E3"))
	must(f.MergeCell("Actions", "A4", "A5"))
	must(f.MergeCell("Actions", "D4", "D5"))
	amber, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC000"}}})
	must(err)
	must(f.SetCellStyle("Actions", "E4", "E4", amber))
	must(f.SaveAs(path))

	var stdout, stderr bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" },
		Now: func() time.Time { return time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC) }, IsTerminal: func(io.Writer) bool { return false },
		Getwd: func() (string, error) { return dir, nil }}
	code := Run(env, []string{"import", path, "--id", "riverside-ap", "--title", "Action Plan", "--council", "Riverside Council", "--dry-run"})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		"  - id: riverside-ap.p1 # row 3\n    kind: priority\n    title: 'Priority 1: a home'\n",
		"      - id: riverside-ap.p1.1 # row 4\n        text: Co-design the local offer\n        leads: [Virtual School]\n",
		"      - id: riverside-ap.p1.1a # row 4\n        parent: riverside-ap.p1.1\n        text: Consult carers\n        deadline: Q3 2025\n        rag: amber\n",
		"      - id: riverside-ap.p1.1b # row 5\n        parent: riverside-ap.p1.1\n        text: Publish the offer\n        deadline: Q1 2026\n        rag: red\n",
		"      - id: riverside-ap.p1.2 # row 6\n        text: Recruit mentors\n        deadline: Q4 2025\n        leads: [Fostering]\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("no\n%s\nin\n%s", want, stdout.String())
		}
	}
	for _, want := range []string{"Actions of 2 tables: the first with a column of actions; 1 table before it has none",
		"plan.xlsx: Actions, row 4: RAG amber read from the empty cell's fill colour #FFC000"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr has no %q:\n%s", want, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "plans")); err == nil {
		t.Error("a dry run made plans/")
	}
}
