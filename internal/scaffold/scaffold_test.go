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
	readme, err := os.ReadFile(filepath.Join("..", "..", "docs", "review-and-ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```yaml\n"+scaffold.Workflow+"```\n") {
		t.Errorf("docs/review-and-ci.md does not show internal/scaffold/plans-workflow.yml as it is; copy the file into its yaml block")
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

// The workflow and pre-commit run the release of cpp that made them; a development build pins
// nothing: the workflow takes the latest release, pre-commit the cpp on the PATH.
func TestPinnedToTheRelease(t *testing.T) {
	files := func(rev string) map[string]string {
		out := map[string]string{}
		for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside", Rev: rev}) {
			out[f.Path] = string(f.Data)
		}
		return out
	}
	rel, dev := files("v1.4.2"), files("")
	if wf := rel[".github/workflows/plans.yml"]; !strings.Contains(wf, "\n  CPP_VERSION: v1.4.2\n") || strings.Contains(wf, "CPP_VERSION: latest") {
		t.Errorf("the release's workflow does not pin v1.4.2:\n%s", wf)
	}
	if !strings.Contains(rel[".pre-commit-config.yaml"], "    rev: v1.4.2\n") {
		t.Errorf("the release's pre-commit config does not pin v1.4.2:\n%s", rel[".pre-commit-config.yaml"])
	}
	if wf := dev[".github/workflows/plans.yml"]; wf != scaffold.Workflow || !strings.Contains(wf, "\n  CPP_VERSION: latest\n") {
		t.Errorf("a development build's workflow is not the unpinned one")
	}
	if pc := dev[".pre-commit-config.yaml"]; strings.Contains(pc, "rev:") && !strings.Contains(pc, "#   - repo") || !strings.Contains(pc, "repo: local") || !strings.Contains(pc, "language: system") {
		t.Errorf("a development build's pre-commit config should run the cpp on the PATH:\n%s", pc)
	}
	// The workflow installs the version it names, and re-runs when the board-approved label
	// changes.
	var wf struct {
		On struct {
			PullRequest struct {
				Types []string `yaml:"types"`
			} `yaml:"pull_request"`
		} `yaml:"on"`
		Env map[string]string `yaml:"env"`
	}
	if err := yaml.Unmarshal([]byte(rel[".github/workflows/plans.yml"]), &wf); err != nil {
		t.Fatal(err)
	}
	for _, ty := range []string{"opened", "synchronize", "reopened", "labeled", "unlabeled"} {
		if !slices.Contains(wf.On.PullRequest.Types, ty) {
			t.Errorf("pull_request types %v lack %s", wf.On.PullRequest.Types, ty)
		}
	}
	if wf.Env["CPP_VERSION"] != "v1.4.2" || !strings.Contains(scaffold.Workflow, `go install "github.com/cpp-plans/cpp/cmd/cpp@$CPP_VERSION"`) {
		t.Errorf("the workflow does not install CPP_VERSION (%q)", wf.Env["CPP_VERSION"])
	}
	if !strings.Contains(rel["README.md"], "gh label create board-approved") {
		t.Error("the new repository's README does not say how to make the board-approved label")
	}
}

// TestPreCommitValidateConfig runs pre-commit's own check on both forms of the config, when
// pre-commit is installed (.ci/run installs it, and CPP_REQUIRE_PRECOMMIT=1 makes it required).
func TestPreCommitValidateConfig(t *testing.T) {
	path, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CPP_REQUIRE_PRECOMMIT") == "1" {
			t.Fatal("pre-commit is not installed")
		}
		t.Skip("pre-commit is not installed")
	}
	for _, rev := range []string{"v1.4.2", ""} {
		dir := t.TempDir()
		for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside", Rev: rev}) {
			if f.Path == ".pre-commit-config.yaml" {
				if err := os.WriteFile(filepath.Join(dir, f.Path), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		cmd := exec.Command(path, "validate-config", ".pre-commit-config.yaml")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(dir, ".cache"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("rev %q: pre-commit validate-config: %v\n%s", rev, err, out)
		}
	}
}
