package workspace

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/testutil/tree"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

const riverside = `id: riverside
title: Riverside Corporate Parenting Plan
council: Riverside Council
period: {start: 2025-04-01, end: 2028-03-31}
quarters: financial

sections:
  - id: riverside.p1
    kind: priority
    title: Homes
    actions:
      - id: riverside.p1.1
        text: Publish a sufficiency strategy.
        deadline: Q2 2025
        leads: [Fostering]
    measures:
      - id: riverside.p1.m1
        text: Children in family homes
        unit: "%"
        target: {value: 80, date: 2028-03-31}

leads:
  - name: Fostering
`

// repo writes files (path: text; a path ending / is a folder) into a new folder and returns it.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	tree.Write(t, dir, files)
	return dir
}

// envIn is a workspace whose working folder is wd (the test's too, as paths found are relative
// to it), with the environment variables vars, and the notices it gives.
func envIn(t *testing.T, wd string, vars map[string]string) (Env, *strings.Builder) {
	t.Chdir(wd)
	var notices strings.Builder
	return Env{Getwd: func() (string, error) { return wd, nil }, Getenv: func(k string) string { return vars[k] },
		Notices: &notices}, &notices
}

// exitOf is the code and message of an error, for comparing.
func exitOf(err error) (int, string) {
	var ee *exitcode.Error
	if errors.As(err, &ee) {
		return ee.Code, ee.Msg
	}
	if err != nil {
		return exitcode.Of(err), err.Error()
	}
	return exitcode.OK, ""
}

func TestPlanPaths(t *testing.T) {
	inRepo := repo(t, map[string]string{"plans/riverside.yaml": riverside, "docs/": ""})
	plansFile := repo(t, map[string]string{"plans": "not a folder"})
	tests := []struct {
		name, wd string
		args     []string
		want     []string
		code     int
		msg      string
	}{
		{name: "given", wd: inRepo, args: []string{"a.yaml", "b"}, want: []string{"a.yaml", "b"}},
		{name: "found here", wd: inRepo, want: []string{"plans"}},
		{name: "found above", wd: filepath.Join(inRepo, "docs"), want: []string{filepath.Join("..", "plans")}},
		{name: "none", wd: t.TempDir(), code: exitcode.Usage, msg: "no plans/ folder here or in any parent folder"},
		{name: "a file", wd: plansFile, code: exitcode.Usage, msg: "plans is a file here, not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := envIn(t, tt.wd, nil)
			got, err := e.PlanPaths(tt.args)
			if code, msg := exitOf(err); code != tt.code || msg != tt.msg || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, exit %d %q; want %q, exit %d %q", got, code, msg, tt.want, tt.code, tt.msg)
			}
		})
	}
}

func TestNoWorkingFolder(t *testing.T) {
	e := Env{Getwd: func() (string, error) { return "", errors.New("gone") }}
	for name, f := range map[string]func() error{
		"PlanPaths": func() error { _, err := e.PlanPaths(nil); return err },
		"Config":    func() error { _, err := e.Config(); return err },
	} {
		if code, msg := exitOf(f()); code != exitcode.Failure || msg != "cannot find the working directory: gone" {
			t.Errorf("%s: exit %d %q", name, code, msg)
		}
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name, yaml string
		council    string
		code       int
		hint       string
	}{
		{name: "none"},
		{name: "good", yaml: "council: Riverside Council\n", council: "Riverside Council"},
		{name: "bad", yaml: "quartres: financial\n", code: exitcode.Problem,
			hint: "did you mean `quarters`?; run 'cpp validate' to see every problem in it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"plans/": ""}
			if tt.yaml != "" {
				files["cpp.yaml"] = tt.yaml
			}
			e, _ := envIn(t, repo(t, files), nil)
			cfg, err := e.Config()
			var ee *exitcode.Error
			if errors.As(err, &ee) {
				if ee.Code != tt.code || ee.Hint != tt.hint {
					t.Errorf("exit %d %q hint %q; want exit %d hint %q", ee.Code, ee.Msg, ee.Hint, tt.code, tt.hint)
				}
				return
			}
			if err != nil || tt.code != 0 || cfg.Council != tt.council {
				t.Errorf("got %+v, %v; want council %q, exit %d", cfg, err, tt.council, tt.code)
			}
		})
	}
}
