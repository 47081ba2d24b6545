package validate_test

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/exittest"
	"github.com/cpp-plans/cpp/internal/testutil/tree"
	"github.com/cpp-plans/cpp/internal/validate"
)

// planText is a plan that validates on its own, with one section and one action.
func planText(id string) string {
	return "id: " + id + "\ntitle: A plan\ncouncil: Riverside Council\nperiod: {start: 2025-01-01, end: 2026-12-31}\n" +
		"sections:\n  - id: " + id + ".p1\n    kind: priority\n    title: Homes\n" +
		"    promise: We will find you a home near the people who matter to you.\n" +
		"    actions:\n      - id: " + id + ".p1.1\n        text: Agree plan " + id + ".\n        deadline: Q3 2025\n        status: not-started\n"
}

// TestCheck runs cpp validate's checks in a repository in a temp folder: the plans folder
// with cpp.yaml when no path is named, files named one by one among the rest of their
// repository, a cpp.yaml named, and a plan on standard input standing in for its file.
func TestCheck(t *testing.T) {
	repo := map[string]string{"plans/a.yaml": planText("a"), "plans/b.yaml": planText("b"), "plans/a-copy.yaml": planText("a"),
		"cpp.yaml": "council: Riverside Council\n", "empty/README.md": "no plans here\n"}
	tests := []struct {
		name      string
		req       validate.Request
		files     int      // the summary's files
		errors    int      // the summary's errors
		in        []string // files the diagnostics are in
		sources   []string // files the sources hold
		plain     bool
		code      int // the exit code of the error; 0 for none
		msg       string
		getwdFail bool
	}{
		{name: "the repository with its cpp.yaml", req: validate.Request{Repo: []string{"plans"}},
			files: 4, errors: 6, in: []string{"plans/a-copy.yaml", "plans/a.yaml"}, sources: []string{"cpp.yaml", "plans/a.yaml", "plans/b.yaml"}},
		{name: "one file, among the rest of its repository", req: validate.Request{Paths: []string{"plans/a.yaml"}},
			files: 1, errors: 3, in: []string{"plans/a.yaml"}, sources: []string{"plans/a.yaml"}},
		{name: "a file with no problem", req: validate.Request{Paths: []string{"plans/b.yaml"}}, files: 1},
		{name: "cpp.yaml named alone", req: validate.Request{Paths: []string{"cpp.yaml"}}, files: 1, sources: []string{"cpp.yaml"}},
		{name: "a cpp.yaml that is not there", req: validate.Request{Paths: []string{"nowhere/cpp.yaml"}},
			files: 1, errors: 1, in: []string{"nowhere/cpp.yaml"}},
		{name: "a folder with no plans", req: validate.Request{Paths: []string{"empty"}}, code: exitcode.Problem, msg: "no plan files found in empty"},
		{name: "--plain-english", req: validate.Request{Paths: []string{"plans/b.yaml"}, Check: validate.Options{PlainEnglish: true}}, files: 1, plain: true},
		{name: "stdin stands in for the file with its id", req: validate.Request{Paths: []string{"-"}, Stdin: strings.NewReader(planText("a"))},
			files: 1, sources: []string{validate.StdinName}},
		{name: "stdin with ids another plan has", req: validate.Request{Paths: []string{"-"}, Stdin: strings.NewReader(strings.Replace(planText("b"), "id: b", "id: c", 1))},
			files: 1, errors: 2, in: []string{validate.StdinName}, sources: []string{validate.StdinName}},
		{name: "stdin outside a repository", req: validate.Request{Paths: []string{"-"}, Stdin: strings.NewReader(planText("a"))},
			files: 1, getwdFail: true},
		{name: "stdin with a path", req: validate.Request{Paths: []string{"-", "plans"}}, code: exitcode.Usage, msg: "give no other PATH with it"},
		{name: "stdin too large", req: validate.Request{Paths: []string{"-"}, Stdin: strings.NewReader(strings.Repeat("#", planfile.MaxSize+1))},
			code: exitcode.Problem, msg: "standard input is larger than"},
		{name: "no working directory", req: validate.Request{}, getwdFail: true, code: exitcode.Failure, msg: "cannot find the working directory: gone"},
	}
	dir := t.TempDir()
	tree.Write(t, dir, repo)
	t.Chdir(dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			req.Getwd = func() (string, error) { return dir, nil }
			if tt.getwdFail {
				req.Getwd = func() (string, error) { return "", errors.New("gone") }
			}
			rep, err := validate.Check(req)
			if tt.code != 0 {
				exittest.Check(t, err, tt.code, tt.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rep.Summary.Files != tt.files || rep.Summary.Errors != tt.errors {
				t.Errorf("summary %s, want %d files and %d errors", rep.Summary, tt.files, tt.errors)
			}
			in := map[string]bool{}
			for _, d := range rep.Diags {
				in[d.File] = true
			}
			for _, f := range tt.in {
				if !in[f] {
					t.Errorf("no diagnostic in %s: %v", f, rep.Diags)
				}
			}
			if len(in) != len(tt.in) {
				t.Errorf("diagnostics in %v, want only in %v", in, tt.in)
			}
			for _, f := range tt.sources {
				if _, ok := rep.Sources[f]; !ok {
					t.Errorf("no source of %s in %v", f, slices.Collect(maps.Keys(rep.Sources)))
				}
			}
			if rep.PlainEnglish != tt.plain || (len(rep.Ages) > 0) != tt.plain {
				t.Errorf("plain English %v with %d reading ages, want %v", rep.PlainEnglish, len(rep.Ages), tt.plain)
			}
		})
	}
}

// TestCheckSettings: cpp.yaml turns the plain-English check on, and its glossary with it, unless
// --plain-english was given (as false).
func TestCheckSettings(t *testing.T) {
	dir := t.TempDir()
	tree.Write(t, dir, map[string]string{"plans/a.yaml": strings.Replace(planText("a"), "Agree plan", "Agree the PEP", 1)})
	t.Chdir(dir)
	getwd := func() (string, error) { return dir, nil }
	acronym := func(rep *validate.Report) bool {
		for _, d := range rep.Diags {
			if strings.Contains(d.Message, "PEP") {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name          string
		req           validate.Request
		glossary      string
		plain, warned bool
	}{
		{"on by cpp.yaml", validate.Request{Repo: []string{"plans"}}, "", true, true},
		{"off by the flag", validate.Request{Repo: []string{"plans"}, PlainGiven: true}, "", false, false},
		{"the glossary spells it out", validate.Request{Repo: []string{"plans"}}, "glossary:\n  - {term: PEP, meaning: Personal Education Plan}\n", true, false},
		{"on stdin too", validate.Request{Paths: []string{"-"}, Stdin: strings.NewReader(strings.Replace(planText("a"), "Agree plan", "Agree the PEP", 1))}, "", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree.Write(t, dir, map[string]string{"cpp.yaml": "plain_english: true\n" + tt.glossary})
			req := tt.req
			req.Getwd = getwd
			rep, err := validate.Check(req)
			if err != nil {
				t.Fatal(err)
			}
			if rep.PlainEnglish != tt.plain || acronym(rep) != tt.warned {
				t.Errorf("plain English %v, warned of PEP %v; want %v, %v: %v", rep.PlainEnglish, acronym(rep), tt.plain, tt.warned, rep.Diags)
			}
		})
	}
}

func TestFails(t *testing.T) {
	tests := []struct {
		errors, warnings int
		strict, want     bool
	}{
		{0, 0, false, false}, {0, 0, true, false},
		{0, 2, false, false}, {0, 2, true, true},
		{1, 0, false, true}, {1, 0, true, true},
	}
	for _, tt := range tests {
		rep := &validate.Report{Summary: diag.Summary{Errors: tt.errors, Warnings: tt.warnings}}
		if got := rep.Fails(tt.strict); got != tt.want {
			t.Errorf("%d errors, %d warnings, strict %v: fails %v, want %v", tt.errors, tt.warnings, tt.strict, got, tt.want)
		}
	}
}
