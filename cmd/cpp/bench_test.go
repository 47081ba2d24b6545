package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/testutil/synth"
	"github.com/cpp-plans/cpp/internal/testutil/tabtest"
)

// buildCpp builds the binary once for a benchmark that runs it as a user does.
func buildCpp(b *testing.B, dir string) string {
	bin := filepath.Join(dir, "cpp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkUpdate300Process times cpp update on a plan of 300 actions as a lead officer runs it: the
// built binary as a whole process (start-up, loading the plans folder, the edit, the check, the
// diff and the write), not the command called in-process. The file is put back between runs, so
// that each run records the same update.
func BenchmarkUpdate300Process(b *testing.B) {
	dir := b.TempDir()
	bin := buildCpp(b, dir)
	plans := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plans, 0o755); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(plans, "council-000.yaml")
	orig := synth.Plan(0, synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}, 0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(file, orig, 0o644); err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(bin, "update", "council-000.p3.17", "--status", "in-progress", "--note", "Progress note.", "--plans", plans)
		cmd.Env = append(os.Environ(), "CPP_TODAY=2025-10-01", "NO_COLOR=1")
		b.StartTimer()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("cpp update: %v\n%s", err, out)
		}
	}
}

// BenchmarkImportXLSX1000Process times cpp import of a council's workbook of 1,000 rows, as the
// built binary: a heading row merged across the sheet every 50 rows, an action merged down over
// three milestones in each section, an amber fill on every fifth RAG cell, deadlines, leads to
// split and a progress column. Each run writes a new plan file.
func BenchmarkImportXLSX1000Process(b *testing.B) {
	dir := b.TempDir()
	bin := buildCpp(b, dir)
	var spec strings.Builder
	spec.WriteString("Ref | Action | Milestone | Timescale | Lead officer(s) | RAG | Progress update March 2026\n")
	for r := 2; r <= 1000; r++ {
		switch {
		case r%50 == 2:
			fmt.Fprintf(&spec, "Priority %d: keeping children safe and well\nmerge A%d:G%d\n", r/50+1, r, r)
			continue
		case r%50 == 3:
			fmt.Fprintf(&spec, "merge B%d:B%d\n", r, r+2)
		}
		if r%5 == 0 {
			fmt.Fprintf(&spec, "fill F%d FFC000\n", r)
		}
		fmt.Fprintf(&spec, "%d.%d | Improve the health assessments of children in care, row %d | Milestone %d | Q%d 2026 | Virtual School / Designated Nurse | | Work has started on row %d.\n",
			r/50+1, r%50, r, r, r%4+1, r)
	}
	book := filepath.Join(dir, "plan.xlsx")
	if err := tabtest.WriteXLSX(book, spec.String()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out := filepath.Join(dir, fmt.Sprintf("import-%d.yaml", i))
		cmd := exec.Command(bin, "import", book, "--id", "bench", "--title", "Bench plan", "--council", "Bench Council", "-o", out)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CPP_TODAY=2026-04-01", "NO_COLOR=1")
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("cpp import: %v\n%s", err, msg)
		}
	}
}
