package cli

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// BenchmarkInit makes a plan repository (without git, whose speed is git's): the issue asks
// for under a second.
func BenchmarkInit(b *testing.B) {
	dir := b.TempDir()
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard,
		Getenv:     func(string) string { return "" },
		Now:        func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return false }, Getwd: os.Getwd}
	for i := 0; b.Loop(); i++ {
		target := filepath.Join(dir, strconv.Itoa(i))
		if code := Run(env, []string{"init", target, "--council", "Riverside Council", "--no-git"}); code != exitcode.OK {
			b.Fatalf("exit %d", code)
		}
	}
}
