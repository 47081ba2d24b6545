package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/diag"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/tabular"
	"github.com/cpp-plans/cpp/internal/tidy"
	"github.com/cpp-plans/cpp/internal/validate"
)

// table builds a table from rows of cells written "a | b | c"; row i is line i+1.
func table(name string, rows ...string) tabular.Table {
	t := tabular.Table{Name: name}
	width := 0
	for _, r := range rows {
		width = max(width, len(strings.Split(r, "|")))
	}
	for i, r := range rows {
		row := tabular.Row{Line: i + 1, Cells: make([]tabular.Cell, width)}
		for j, c := range strings.Split(r, "|") {
			row.Cells[j].Text = strings.ReplaceAll(strings.TrimSpace(c), `\n`, "\n")
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func opts() Options {
	return Options{File: "plan.csv", ID: "test-ap", Title: "Action Plan", Council: "Test Council",
		Today: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Quarters: deadline.Calendar,
		Registry: plan.NewRegistry([]*plan.Lead{{Name: "Virtual School"}})}
}

// load imports the tables and reads the plan back as cpp validate would: it must have no errors
// and be tidy for cpp fmt.
func load(t *testing.T, o Options, tables ...tabular.Table) (*Result, *plan.Plan) {
	t.Helper()
	res, err := Import(tables, o)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	f := planfile.Parse("plans/test-ap.yaml", res.Data, planfile.Options{})
	ds := validate.Run(validate.NewRepo([]*planfile.File{f}))
	for _, d := range ds {
		if d.Severity == diag.Error {
			t.Errorf("%s\n%s", d.OneLine(), res.Data)
		}
	}
	if ds := tidy.Check("x.yaml", res.Data); len(ds) > 0 {
		t.Errorf("not tidy: %s", ds[0].OneLine())
	}
	if f.Plan == nil {
		t.Fatalf("no plan:\n%s", res.Data)
	}
	return res, f.Plan
}

func actions(p *plan.Plan) map[string]*plan.Action {
	m := map[string]*plan.Action{}
	for _, s := range p.Sections {
		for _, a := range s.Actions {
			m[a.ID] = a
		}
	}
	return m
}
