package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cpp-plans/cpp/internal/synth"
)

// BenchmarkUpdate300Process times cpp update on a plan of 300 actions as a lead officer runs it: the
// built binary as a whole process (start-up, loading the plans folder, the edit, the check, the
// diff and the write), not the command called in-process. The file is put back between runs, so
// that each run records the same update.
func BenchmarkUpdate300Process(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "cpp")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
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
