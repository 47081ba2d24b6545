package returns

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

const tiny = `id: tiny
title: Tiny Plan
council: Tiny Council
period: {start: 2025-01-01, end: 2027-12-31}
sections:
  - id: tiny.p1
    kind: priority
    title: Priority 1
    actions:
      - id: tiny.p1.1
        text: One.
      - id: tiny.p1.2
        text: Two.
`

// other defines tiny.p1.2 a second time, in another file.
const other = `id: other
title: Other Plan
council: Tiny Council
period: {start: 2025-01-01, end: 2027-12-31}
sections:
  - id: other.p1
    kind: priority
    title: Priority 1
    actions:
      - id: tiny.p1.2
        text: Two again.
`

// Prepare makes the updates the returns ask for, and refuses, at each row that asks, an update
// of an id two files define.
func TestPrepareAmbiguous(t *testing.T) {
	dir := t.TempDir()
	var plans []*plan.Plan
	for name, text := range map[string]string{"tiny.yaml": tiny, "other.yaml": other} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		f := planfile.Parse(path, []byte(text), planfile.Options{})
		if f.Plan == nil {
			t.Fatalf("%s: %v", name, f.Diags)
		}
		plans = append(plans, f.Plan)
	}
	at := func(row int) Place { return Place{File: "q3.xlsx", Sheet: "Virtual School", Row: row} }
	f := &Filled{File: "q3.xlsx", Exported: day("2025-09-30"), Actions: []ActionAnswer{
		{At: at(2), ID: "tiny.p1.1", Status: plan.InProgress, Note: "Going well."},
		{At: at(3), ID: "tiny.p1.2", Status: plan.Complete},
	}}
	im := Prepare(plans, []*Filled{f}, UpdateOptions{})
	if len(im.Problems) != 1 || im.Problems[0].At != at(3) ||
		!strings.Contains(im.Problems[0].Message, `id "tiny.p1.2" is defined more than once`) {
		t.Errorf("problems: %v", im.Problems)
	}
	if len(im.Updates) != 1 || im.Updates[0].Edit.ID != "tiny.p1.1" || im.Answered() != 1 {
		t.Fatalf("updates: %+v", im.Updates)
	}
	if len(im.Change.Files) != 1 || !strings.HasSuffix(im.Change.Files[0].Path, "tiny.yaml") ||
		!strings.Contains(string(im.Change.Files[0].Data), "Going well.") {
		t.Errorf("change: %+v", im.Change.Files)
	}
}

// A return that cannot be read is a problem in its place among the returns; a return with
// answers and no day it was made (a CSV) is undated.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "q3.csv")
	text := "ID,Action,New status,New RAG,Progress note\ntiny.p1.1,One.,In progress,,Going well.\n"
	if err := os.WriteFile(csvPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.xlsx")
	filled, probs := ReadFiles([]string{missing, csvPath})
	if len(filled) != 2 || filled[0].File != missing || filled[1].File != csvPath {
		t.Fatalf("filled: %+v", filled)
	}
	if len(probs) != 1 || probs[0].At.File != missing || !strings.HasPrefix(probs[0].Message, "cannot read it: ") {
		t.Errorf("problems: %v", probs)
	}
	if got := Undated(filled); got != csvPath {
		t.Errorf("undated: %q, want %q", got, csvPath)
	}
	if got := Undated(filled[:1]); got != "" {
		t.Errorf("undated without answers: %q", got)
	}
}
