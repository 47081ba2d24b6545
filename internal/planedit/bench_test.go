package planedit

import (
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// BenchmarkEditAction edits an action in the middle of a 300-action plan: read, splice, read
// back and compare. `cpp update` must answer in under 50 ms as a whole process.
func BenchmarkEditAction(b *testing.B) {
	data := synth.Plan(7, synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}, 0)
	e := ActionEdit{Date: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Status: "in-progress", RAG: "amber",
		Note: "Two mentors recruited; training delayed to October.", Deadline: "Q1 2026"}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := editAction(data, "council-007.p3.25", e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEditMeasure adds a figure to a measure of the same plan.
func BenchmarkEditMeasure(b *testing.B) {
	data := synth.Plan(7, synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}, 0)
	e := MeasureEdit{Date: time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), Value: "61.5", Source: "SSDA903"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := editMeasure(data, "council-007.p3.m1", e); err != nil {
			b.Fatal(err)
		}
	}
}
