package scaffold_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/cli"
	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/scaffold"
	"github.com/cpp-plans/cpp/internal/validate"
	"github.com/cpp-plans/cpp/internal/yaml11"
)

// TestStarterPlanValidates makes a repository for councils whose names need care in YAML or in
// an id, on days that fall in every quarter of both conventions, and checks that its plan files
// validate with no diagnostic at all and keep the council's name as given.
func TestStarterPlanValidates(t *testing.T) {
	councils := []string{
		"Riverside Council", "London Borough of Camden", "St. Helens: Borough Council",
		`The "Best" Council`, "Council", "Ynys Môn", "#1 Council", "- Dash", "Brighton & Hove City Council",
		"東京", "Yes", "null", "2025", "No", "on", "Y",
	}
	days := []string{"2025-01-01", "2025-03-31", "2025-04-01", "2025-09-30", "2025-12-31", "2028-02-29"}
	for _, council := range councils {
		for _, day := range days {
			for _, conv := range []deadline.Convention{deadline.Calendar, deadline.Financial} {
				today, _ := time.Parse("2006-01-02", day)
				files := scaffold.Repo(scaffold.Options{Council: council, Quarters: conv, Today: today, Rev: "v0.1.0"})
				var loaded []*planfile.File
				for _, f := range files {
					if strings.HasPrefix(f.Path, "plans/") && planfile.IsPlanName(f.Path) {
						loaded = append(loaded, planfile.Parse(f.Path, f.Data, planfile.Options{}))
					}
				}
				for _, d := range validate.Run(validate.NewRepo(loaded)) {
					t.Errorf("%q on %s (%s): %s", council, day, conv, d.OneLine())
				}
				notText11(t, council, files)
				p := loaded[0].Plan
				if p == nil || p.Council != council {
					t.Errorf("%q on %s: the plan's council is not the name given", council, day)
					continue
				}
				if !strings.HasPrefix(p.ID, scaffold.Slug(council)) || p.Quarters != conv {
					t.Errorf("%q on %s: plan id %q, quarters %s", council, day, p.ID, p.Quarters)
				}
				if d := p.Sections[0].Actions[0].Deadline; today.Before(d.Start) || today.After(d.End) {
					t.Errorf("%q on %s: the starter action's deadline %q is not this quarter", council, day, d.Text)
				}
			}
		}
	}
}

// notText11 fails when the council is written plain in the starter plan or cpp.yaml where a
// YAML 1.1 reader (PyYAML, an editor's plugin) would read it as other than the name: "Yes" is a
// name to cpp and true to them.
func notText11(t *testing.T, council string, files []scaffold.File) {
	t.Helper()
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".yaml") || strings.HasPrefix(f.Path, ".") {
			continue
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(f.Data, &doc); err != nil || len(doc.Content) == 0 {
			continue
		}
		top := doc.Content[0]
		for i := 0; i+1 < len(top.Content); i += 2 {
			if v := top.Content[i+1]; top.Content[i].Value == "council" && v.Style == 0 && yaml11.NotText(v.Value) {
				t.Errorf("%q: %s writes `council: %s` plain, which a YAML 1.1 reader takes for other than text", council, f.Path, v.Value)
			}
		}
	}
}

func TestSlug(t *testing.T) {
	for name, want := range map[string]string{
		"Riverside Council":                       "riverside",
		"London Borough of Camden":                "camden",
		"Royal Borough of Kensington and Chelsea": "kensington-chelsea",
		"City of York Council":                    "york",
		"Cambridgeshire County Council":           "cambridgeshire",
		"St. Helens":                              "st-helens",
		"Council":                                 "council",
		"東京":                                      "plan",
		"Ynys Môn":                                "ynys-m-n",
	} {
		if got := scaffold.Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestRepoCommandsExist checks every cpp command line the plan repository's README and starter
// plan show is a command cpp has, with flags it takes: the README tells officers what to type.
func TestRepoCommandsExist(t *testing.T) {
	today := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside Council", Today: today, Rev: "v0.1.0"}) {
		if f.Path != "README.md" && !strings.HasPrefix(f.Path, "plans/") {
			continue
		}
		for _, line := range strings.Split(string(f.Data), "\n") {
			_, after, ok := strings.Cut(line, "cpp ")
			if !ok || strings.HasPrefix(strings.TrimSpace(line), "|") || !strings.HasPrefix(strings.TrimLeft(line, " #("), "cpp ") {
				continue
			}
			after = strings.TrimSuffix(strings.TrimSpace(after), ")")
			// The examples leave the officer's own words as "..."; a note is still needed.
			after = strings.ReplaceAll(strings.ReplaceAll(after, `"..."`, "x"), "...", "x")
			args := strings.Fields(strings.ReplaceAll(after, `"`, ""))
			root := cli.NewRoot(&cli.Env{Getenv: func(string) string { return "" }})
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == root {
				t.Errorf("%s: %q: no such cpp command", f.Path, line)
				continue
			}
			if err := cmd.ParseFlags(rest); err != nil {
				t.Errorf("%s: %q: %v", f.Path, line, err)
			}
			n++
		}
	}
	if n < 8 {
		t.Errorf("found %d cpp command lines, want the README's cycle and the plan's examples", n)
	}
}

// TestPreCommitHooksExist checks the hooks the new repository's pre-commit configuration names
// are ones this repository's .pre-commit-hooks.yaml offers.
func TestPreCommitHooksExist(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var offered []struct{ ID string }
	if err := yaml.Unmarshal(data, &offered); err != nil {
		t.Fatal(err)
	}
	var config struct {
		Repos []struct {
			Hooks []struct{ ID string }
		}
	}
	for _, f := range scaffold.Repo(scaffold.Options{Council: "Riverside", Rev: "v0.1.0"}) {
		if f.Path == ".pre-commit-config.yaml" {
			if err := yaml.Unmarshal(f.Data, &config); err != nil {
				t.Fatal(err)
			}
		}
	}
	var used []string
	for _, r := range config.Repos {
		for _, h := range r.Hooks {
			used = append(used, h.ID)
			if !slices.ContainsFunc(offered, func(o struct{ ID string }) bool { return o.ID == h.ID }) {
				t.Errorf("hook %q is not in .pre-commit-hooks.yaml", h.ID)
			}
		}
	}
	if len(used) != 2 {
		t.Errorf("hooks used = %v, want cpp-validate and cpp-fmt", used)
	}
}
