package scaffold_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/cli"
	"github.com/cpp-plans/cpp/internal/plandiff"
	"github.com/cpp-plans/cpp/internal/scaffold"
)

// TestReadmeShowsTheWorkflow keeps the workflow the README documents the same as the one cpp ships.
func TestReadmeShowsTheWorkflow(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```yaml\n"+scaffold.Workflow+"```\n") {
		t.Errorf("README.md does not show internal/scaffold/plans-workflow.yml as it is; copy the file into the README's yaml block")
	}
}

// TestWorkflowRunsCpp checks the workflow parses, and that every cpp line in it is a command
// cpp has, with flags it takes and --fail-on kinds it knows.
func TestWorkflowRunsCpp(t *testing.T) {
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(scaffold.Workflow), &wf); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			for _, line := range strings.Split(s.Run, "\n") {
				f := strings.Fields(strings.Split(line, ">")[0])
				if len(f) < 2 || f[0] != "cpp" {
					continue
				}
				names = append(names, f[1])
				args := make([]string, 0, len(f))
				for _, a := range f[1:] {
					args = append(args, strings.Trim(a, `"`))
				}
				root := cli.NewRoot(&cli.Env{Getenv: func(string) string { return "" }})
				cmd, rest, err := root.Find(args)
				if err != nil || cmd == root {
					t.Errorf("%q: no such cpp command: %v", line, err)
					continue
				}
				if err := cmd.ParseFlags(rest); err != nil {
					t.Errorf("%q: %v", line, err)
				}
				if kinds, err := cmd.Flags().GetStringSlice("fail-on"); err == nil {
					for _, k := range kinds {
						if !slices.Contains(plandiff.FailKinds, k) {
							t.Errorf("%q: unknown --fail-on kind %q", line, k)
						}
					}
				}
			}
		}
	}
	if strings.Join(names, " ") != "validate diff diff" {
		t.Errorf("cpp commands in the workflow = %v, want validate, diff, diff", names)
	}
}

// TestActionlint lints the workflow with actionlint when it is installed (.ci/run installs it).
func TestActionlint(t *testing.T) {
	path, err := exec.LookPath("actionlint")
	if err != nil {
		if os.Getenv("CPP_REQUIRE_ACTIONLINT") == "1" {
			t.Fatal("actionlint is not installed")
		}
		t.Skip("actionlint is not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, ".github", "workflows", "plans.yml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(scaffold.Workflow), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "-shellcheck=", "-pyflakes=", file)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}
