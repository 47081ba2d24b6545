package returns

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/query"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
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

// hostileCSV is a return of n rows that are all wrong: half with an id no plan has, half with a
// status that is not one, as a broken export or a hostile sender might make.
func hostileCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("ID,New status,Progress note\n")
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&b, "council-001.p1.%d,In progress,note %d\n", i+1000, i)
		} else {
			fmt.Fprintf(&b, "x%d,Finished,note %d\n", i, i)
		}
	}
	return b.Bytes()
}

// BenchmarkImportHostile reads a hostile return and turns it into updates of a 300-action plan:
// what `cpp returns import` does before it refuses. 600,000 rows are past the limit of every
// table cpp reads and are refused as one problem; 80,000 (the most within it) give 80,000
// problems, of which the first MaxListed are kept and the rest counted.
func BenchmarkImportHostile(b *testing.B) {
	plans, _ := benchPlan(b)
	for _, rows := range []int{600_000, 80_000} {
		data := hostileCSV(rows)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			var total int
			for b.Loop() {
				f, probs := Read("hostile.csv", data)
				_, ps := Updates(plans, []*Filled{f}, UpdateOptions{Date: day("2025-09-30")})
				probs = append(probs, ps...)
				var err error
				if total, err = WriteProblems(io.Discard, probs, []*Filled{f}); err != nil || total == 0 {
					b.Fatalf("%d problems, %v", total, err)
				}
			}
			b.ReportMetric(float64(len(data))/(1<<20), "MB-file")
			b.ReportMetric(float64(total), "problems")
		})
	}
}
