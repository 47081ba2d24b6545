package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPreCommitHooks keeps .pre-commit-hooks.yaml true: each hook runs a real cpp command that
// passes on the bundled plans when given them one by one, as pre-commit passes staged files, and
// its file pattern picks plan files.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string `yaml:"id"`
		Name     string `yaml:"name"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
		Files    string `yaml:"files"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	plans, err := filepath.Glob(filepath.Join("..", "..", "plans", "*.yaml"))
	if err != nil || len(plans) == 0 {
		t.Fatalf("no bundled plans: %v", err)
	}
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		if h.Name == "" || h.Language != "golang" {
			t.Errorf("hook %s: name %q, language %q; want a name and language golang", h.ID, h.Name, h.Language)
		}
		files := regexp.MustCompile(h.Files)
		if !files.MatchString("plans/camden-corporate-parenting.yaml") || files.MatchString("README.md") {
			t.Errorf("hook %s: files %q should match plan files only", h.ID, h.Files)
		}
		args := strings.Fields(h.Entry)
		if len(args) < 2 || args[0] != "cpp" {
			t.Errorf("hook %s: entry %q does not run cpp", h.ID, h.Entry)
			continue
		}
		var stdout, stderr bytes.Buffer
		env := benchEnv(".")
		env.Stdout, env.Stderr = &stdout, &stderr
		if code := Run(env, append(args[1:], plans...)); code != 0 {
			t.Errorf("hook %s: %s on the bundled plans exits %d\n%s%s", h.ID, h.Entry, code, stdout.String(), stderr.String())
		}
	}
	for _, want := range []string{"cpp-validate", "cpp-fmt"} {
		if !ids[want] {
			t.Errorf("no hook %s", want)
		}
	}
}
