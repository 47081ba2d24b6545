package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hugeTextPlan writes a plan whose one action's text is about size bytes of ordinary words, as a
// pasted document would be, and returns its path.
func hugeTextPlan(b *testing.B, size int) string {
	words := []string{"children", "in", "care", "and", "care", "leavers", "will", "have", "a", "say", "in", "the", "services", "they", "receive"}
	var text strings.Builder
	for i := 0; text.Len() < size; i++ {
		text.WriteString(words[i%len(words)])
		text.WriteByte(' ')
	}
	plan := fmt.Sprintf(`id: huge
title: A plan with one very long action
council: Test Council
period: {start: 2025-01-01, end: 2028-12-31}
sections:
  - id: huge.p1
    kind: priority
    title: One
    actions:
      - id: huge.p1.1
        text: %q
        deadline: Q3 2025
`, strings.TrimSpace(text.String()))
	path := filepath.Join(b.TempDir(), "huge.yaml")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkListHugeText times `cpp list` as a table over one action of 320 KB and of 1 MB of
// text: wrapping must take time in proportion to the text, not its square.
func BenchmarkListHugeText(b *testing.B) {
	for _, size := range []int{320 << 10, 1 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			path := hugeTextPlan(b, size)
			env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
				Getenv: func(string) string { return "" }, Now: time.Now,
				IsTerminal: func(io.Writer) bool { return false }, Getwd: os.Getwd}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if code := Run(env, []string{"list", "--today", "2025-10-01", path}); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
