package returns

import (
	"bytes"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/synth"
)

// benchPlan is one synthetic council's plan of 300 actions, each led by two of 40 teams.
func benchPlan(b *testing.B) ([]*plan.Plan, *plan.Registry) {
	b.Helper()
	f := planfile.Parse("council-001.yaml", synth.Plan(1, synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}, 0), planfile.Options{})
	if f.HasErrors() {
		b.Fatal(f.Diags)
	}
	return []*plan.Plan{f.Plan}, plan.NewRegistry(f.Leads)
}

// BenchmarkExportXLSX builds the return for a 300-action plan and writes its workbook: what
// `cpp returns export` does after loading the plan.
func BenchmarkExportXLSX(b *testing.B) {
	plans, reg := benchPlan(b)
	q, _ := query.ParseQuarter("Q3-2025")
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		r := Build(plans, reg, Options{Today: day("2025-10-01"), Quarter: q})
		if err := WriteXLSX(&buf, r); err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(r.ActionCount()), "rows")
			b.ReportMetric(float64(len(r.Leads)), "sheets")
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}

// BenchmarkExportCSV is the same return as CSV.
func BenchmarkExportCSV(b *testing.B) {
	plans, reg := benchPlan(b)
	q, _ := query.ParseQuarter("Q3-2025")
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := WriteCSV(&buf, Build(plans, reg, Options{Today: day("2025-10-01"), Quarter: q})); err != nil {
			b.Fatal(err)
		}
	}
}
