package workspace

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
)

const broken = "id: [\n"

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		keep    bool
		plans   int
		broken  int
		notices string
		code    int // of the load, else of Finish
		msg     string
	}{
		{name: "all good", files: map[string]string{"plans/riverside.yaml": riverside}, plans: 1},
		{name: "kept for editing", files: map[string]string{"plans/riverside.yaml": riverside}, keep: true, plans: 1},
		{name: "one broken", files: map[string]string{"plans/riverside.yaml": riverside, "plans/typo.yaml": broken},
			plans: 1, broken: 1, code: exitcode.Partial,
			notices: filepath.FromSlash("cpp: skipped plans/typo.yaml: plans/typo.yaml:2:1: error: did not find expected node content [syntax]\n") +
				"cpp: the answer leaves out 1 file with errors; run 'cpp validate' for details\n"},
		{name: "no plan files", files: map[string]string{"plans/": ""}, code: exitcode.Problem, msg: "no plan files found in plans"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, notices := envIn(t, repo(t, tt.files), nil)
			l, err := e.Load(nil, planfile.Options{KeepNodes: tt.keep})
			if err == nil {
				err = l.Finish()
			}
			if code, msg := exitOf(err); code != tt.code || msg != tt.msg && tt.msg != "" {
				t.Fatalf("exit %d %q, want %d %q", code, msg, tt.code, tt.msg)
			}
			if notices.String() != tt.notices {
				t.Errorf("notices %q, want %q", notices, tt.notices)
			}
			if l == nil {
				return
			}
			if len(l.Plans) != tt.plans || len(l.Broken) != tt.broken || len(l.Files) != tt.plans+tt.broken {
				t.Errorf("%d plans, %d broken, files %q", len(l.Plans), len(l.Broken), l.Files)
			}
			if f := l.Parsed[filepath.Join("plans", "riverside.yaml")]; (f != nil) != tt.keep || tt.keep && f.Root == nil {
				t.Errorf("parsed %v, want kept %v", l.Parsed, tt.keep)
			}
			if l.Registry == nil || len(l.Leads) != tt.plans {
				t.Errorf("leads %v", l.Leads)
			}
		})
	}
}

func TestLoadMissingPath(t *testing.T) {
	e, _ := envIn(t, t.TempDir(), nil)
	_, err := e.Load([]string{"nowhere.yaml"}, planfile.Options{})
	if code, msg := exitOf(err); code != exitcode.Problem || !strings.Contains(msg, "nowhere.yaml") {
		t.Errorf("exit %d %q", code, msg)
	}
}

func TestPlansNamed(t *testing.T) {
	e, notices := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": riverside}), nil)
	l, err := e.Load(nil, planfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		names   []string
		plans   int
		msg     string
		notices string
	}{
		{names: nil, plans: 1},
		{names: []string{"riverside"}, plans: 1},
		{names: []string{"riverside", "riversid"}, msg: "no plan matches --plan riversid",
			notices: "cpp: no plan has id \"riversid\"; nearest: \"riverside\"\n"},
	}
	for _, tt := range tests {
		notices.Reset()
		plans, err := e.PlansNamed(l, tt.names)
		if _, msg := exitOf(err); msg != tt.msg || len(plans) != tt.plans || notices.String() != tt.notices {
			t.Errorf("%q: %d plans, %q, notices %q", tt.names, len(plans), msg, notices)
		}
	}
}

func TestExplainUnmatched(t *testing.T) {
	e, notices := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": riverside}), nil)
	l, err := e.Load(nil, planfile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e.ExplainUnmatched(l, query.Filter{Plans: []string{"riverside"}})
	if notices.Len() != 0 {
		t.Errorf("a plan that matches: notices %q", notices)
	}
	e.ExplainUnmatched(l, query.Filter{Plans: []string{"riversid"}})
	if want := "cpp: no plan has id \"riversid\"; nearest: \"riverside\"\n"; notices.String() != want {
		t.Errorf("notices %q, want %q", notices, want)
	}
}
