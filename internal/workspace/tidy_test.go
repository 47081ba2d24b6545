package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

func TestTidy(t *testing.T) {
	crlf := strings.ReplaceAll(riverside, "\n", "\r\n")
	tests := []struct {
		name    string
		text    string
		check   bool
		rules   string // the rules of the diagnostics left, in order
		after   string // the file's text after
		notices string
	}{
		{name: "tidy", text: riverside, after: riverside},
		{name: "check", text: crlf, check: true, rules: "fmt-line-ending", after: crlf},
		{name: "fix", text: crlf, after: riverside, notices: "cpp: formatted plans/riverside.yaml\n"},
		{name: "a tab is left", text: riverside + "\t# tab\n", rules: "fmt-tab-indent", after: riverside + "\t# tab\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, notices := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": tt.text}), nil)
			got, err := e.Tidy(nil, tt.check)
			if err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, d := range got.Diags {
				rules = append(rules, d.Rule)
			}
			path := filepath.Join("plans", "riverside.yaml")
			after, _ := os.ReadFile(path)
			if strings.Join(rules, " ") != tt.rules || string(after) != tt.after || got.Files != 1 || got.Sources[path] == nil {
				t.Errorf("rules %q, files %d, after %q", rules, got.Files, after)
			}
			if notices.String() != filepath.FromSlash(tt.notices) {
				t.Errorf("notices %q, want %q", notices, tt.notices)
			}
		})
	}
}

// Fixing waits for another writer's lock; checking reads without waiting.
func TestTidyLocks(t *testing.T) {
	e, _ := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": riverside}), map[string]string{"CPP_LOCK_TIMEOUT": "50ms"})
	lk, err := e.Lock([]string{"plans"})
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Release()
	if _, err := e.Tidy(nil, false); exitcode.Of(err) != exitcode.Busy {
		t.Errorf("fix: exit %d, want %d", exitcode.Of(err), exitcode.Busy)
	}
	if _, err := e.Tidy(nil, true); err != nil {
		t.Errorf("check: %v", err)
	}
	if _, err := os.Stat(filepath.Join("plans", safewrite.LockName)); err != nil {
		t.Errorf("the first writer's lock: %v", err)
	}
}

func TestTidyNoPlans(t *testing.T) {
	e, _ := envIn(t, repo(t, map[string]string{"plans/": ""}), nil)
	_, err := e.Tidy(nil, true)
	if code, msg := exitOf(err); code != exitcode.Problem || msg != "no plan files found in plans" {
		t.Errorf("exit %d %q", code, msg)
	}
}
