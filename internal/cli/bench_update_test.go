package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// BenchmarkUpdate300 times cpp update on a plan of 300 actions (about 80 KB), as a lead officer's
// edit runs: load the plans folder, find the action, splice the update in, read the result back,
// print the change and write the file. Each run records a new note, so each writes.
func BenchmarkUpdate300(b *testing.B) {
	dir := b.TempDir()
	plans := filepath.Join(dir, "plans")
	if err := os.MkdirAll(plans, 0o755); err != nil {
		b.Fatal(err)
	}
	c := synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}
	if err := os.WriteFile(filepath.Join(plans, "council-000.yaml"), synth.Plan(0, c, 0), 0o644); err != nil {
		b.Fatal(err)
	}
	var stderr strings.Builder
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return false },
		Getwd:      func() (string, error) { return dir, nil }}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args := []string{"update", "council-000.p3.17", "--status", "in-progress", "--note", fmt.Sprintf("Progress note %d.", i), "--plans", plans}
		if code := Run(env, args); code != 0 {
			b.Fatalf("cpp %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
	}
}
