// Package golden compares test output with files under testdata/, and rewrites those files when
// CPP_UPDATE_GOLDEN=1 is set, so that a change in output is reviewed as a diff.
package golden

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Update reports whether golden files should be rewritten.
func Update() bool { return os.Getenv("CPP_UPDATE_GOLDEN") == "1" }

// Check compares got with the golden file at path.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with CPP_UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("output differs from %s (run with CPP_UPDATE_GOLDEN=1 to update, then review the diff)\n%s",
			path, diff(string(want), string(got)))
	}
}

// diff shows the first lines that differ, enough to see what changed.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
