package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cpp-plans/cpp/internal/returns"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// importEnv runs cpp in dir, on 1 October 2025.
func importEnv(dir string, stdout io.Writer, stderr *strings.Builder) *Env {
	return &Env{Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return false },
		Getwd:      func() (string, error) { return dir, nil }}
}

// fillAll answers every action row of every lead's sheet, and every measure, as a lead would in a
// spreadsheet: an action with two leads gets the same answer on both sheets. It returns how many
// rows it filled.
func fillAll(t testing.TB, path string, note func(id string) string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, sh := range f.GetSheetList() {
		if sh == returns.SheetInstructions || sh == returns.SheetMeta {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		col := func(name string) int { return slices.Index(rows[0], name) + 1 }
		for r := 1; r < len(rows); r++ {
			id := rows[r][0]
			set := func(name string, v any) {
				cell, _ := excelize.CoordinatesToCellName(col(name), r+1)
				if err := f.SetCellValue(sh, cell, v); err != nil {
					t.Fatal(err)
				}
			}
			if sh == returns.SheetMeasures {
				set(returns.ColNewValue, float64(len(id)))
				set(returns.ColSource, "Q3 figures")
			} else {
				set(returns.ColNewStatus, "In progress")
				set(returns.ColNewRAG, []string{"Green", "Amber", "R"}[len(id)%3])
				set(returns.ColProgressNote, note(id))
			}
			n++
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return n
}

// The quarter without opening a YAML file: export the bundled plans' return, fill in every row
// with excelize, import it, and the plans show the updates; the chasing list is empty for the
// quarter's actions, and the same return imported again changes nothing.
func TestReturnsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	plans := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plans, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir("../../plans")
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../plans", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(plans, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, string) {
		t.Helper()
		var out, errb strings.Builder
		if code := Run(importEnv(dir, &out, &errb), args); code != 0 {
			t.Fatalf("cpp %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
		return out.String(), errb.String()
	}
	ret := filepath.Join(dir, "q3.xlsx")
	var errb strings.Builder
	if code := Run(importEnv(dir, io.Discard, &errb), []string{"returns", "export", "--quarter", "Q3-2025", "-o", ret, plans}); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errb.String())
	}
	rows := fillAll(t, ret, func(id string) string { return "Quarter reviewed: " + id })
	if rows < 700 {
		t.Fatalf("filled only %d rows", rows)
	}

	out, stderr := run("returns", "import", ret, "--plans", plans)
	if !strings.Contains(out, "Plan changes from the plans to "+ret) || strings.Count(stderr, "cpp: updated ") != 4 {
		t.Fatalf("import printed:\n%.300s\n%s", out, stderr)
	}
	out, _ = run("show", "camden-cp.p1.2", plans)
	if !strings.Contains(out, "Quarter reviewed: camden-cp.p1.2") || !strings.Contains(out, "in progress") {
		t.Errorf("show after the import:\n%s", out)
	}
	out, _ = run("returns", "missing", "--quarter", "Q3-2025", "--format", "json", plans)
	if !strings.Contains(out, `"actions_missing": 0`) || !strings.Contains(out, `"measures_missing": 0`) {
		t.Errorf("missing after the import:\n%.400s", out)
	}
	before := snapshot(t, plans)
	out, stderr = run("returns", "import", ret, "--plans", plans)
	if out != "" || !strings.Contains(stderr, "nothing to change") {
		t.Errorf("the second import printed %q, %q", out, stderr)
	}
	if diff := compareSnapshots(before, snapshot(t, plans)); diff != "" {
		t.Errorf("the second import changed the plans: %s", diff)
	}
}

// BenchmarkReturnsImport1000 times returns import of a return with more than a thousand filled
// rows, against a synthetic repository of four 300-action plans: load the plans, read the
// workbook, check every row, edit each plan file once, print the change and write. The plans are
// put back between runs, so every run writes. The target is under 2 s.
func BenchmarkReturnsImport1000(b *testing.B) {
	dir := b.TempDir()
	plans, err := synth.Write(dir, synth.Corpus{Plans: 4, ActionsPerPlan: 300, SectionsPerPlan: 6})
	if err != nil {
		b.Fatal(err)
	}
	ret := filepath.Join(dir, "q3.xlsx")
	var errb strings.Builder
	if code := Run(importEnv(dir, io.Discard, &errb), []string{"returns", "export", "--quarter", "Q3-2025", "-o", ret, plans}); code != 0 {
		b.Fatalf("export: exit %d: %s", code, errb.String())
	}
	rows := fillAll(b, ret, func(id string) string { return fmt.Sprintf("Progress on %s: on track.", id) })
	if rows < 1000 {
		b.Fatalf("the return has %d rows, want 1000 or more", rows)
	}
	originals := map[string][]byte{}
	files, _ := filepath.Glob(filepath.Join(plans, "*.yaml"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		originals[f] = data
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		for f, data := range originals {
			if err := os.WriteFile(f, data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		var stderr strings.Builder
		env := importEnv(dir, io.Discard, &stderr)
		b.StartTimer()
		if code := Run(env, []string{"returns", "import", ret, "--plans", plans}); code != 0 {
			b.Fatalf("import: exit %d: %s", code, stderr.String())
		}
		if n := strings.Count(stderr.String(), "cpp: updated "); n != len(files) {
			b.Fatalf("updated %d files of %d: %s", n, len(files), stderr.String())
		}
	}
	b.ReportMetric(float64(rows), "rows")
}
