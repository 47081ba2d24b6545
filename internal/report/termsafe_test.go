package report

import (
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// Control characters YAML allows in a plan (an ESC sequence, a bell, a right-to-left override)
// reach no report, for the board or for young people, in Markdown (read raw on a terminal as
// often as rendered) or HTML, the timeline's Mermaid among it: they show as escapes, as in every
// other output.
func TestReportsHoldNoControlCharacters(t *testing.T) {
	const hostile = "\x1b[31mred\x1b[0m \a bell \u202eevil"
	p := &plan.Plan{ID: "x", Title: "Plan " + hostile, Council: "C " + hostile}
	s := &plan.Section{ID: "x.s", Title: "Section " + hostile, Promise: "We promise " + hostile, Plain: "Plain " + hostile,
		YouSaid: []string{"You said " + hostile}, Plan: p, DeliveredBy: []string{"Team " + hostile}}
	a := &plan.Action{ID: "x.1", Text: "Action " + hostile, Plain: "Plain action " + hostile, Status: plan.InProgress, RAG: plan.Red, Section: s,
		Leads: []string{"Lead " + hostile}, HasDeadline: true,
		Updates: []plan.Update{{Date: date("2025-11-01"), Note: "Note " + hostile, Share: plan.ShareYoungPeople}}}
	a.Deadline.Text = "Q4 2025 " + hostile
	a.Deadline.Start, a.Deadline.End = date("2025-10-01"), date("2025-12-31")
	s.Measures = []*plan.Measure{{ID: "x.m", Text: "Measure " + hostile, Unit: "days " + hostile,
		Observations: []plan.Observation{{Date: date("2025-06-30"), Value: 3, HasDate: true, Note: "Obs " + hostile}}}}
	s.Actions = []*plan.Action{a}
	p.Sections = []*plan.Section{s}
	q, _ := query.ParseQuarter("Q4-2025")
	for _, po := range []PublishOptions{{For: ForBoard, Format: "markdown"}, {For: ForBoard, Format: "html"},
		{For: ForYoungPeople, Format: "markdown"}, {For: ForYoungPeople, Format: "html"}} {
		for _, detail := range []Detail{Board, Full} {
			doc, _, err := Publish([]*plan.Plan{p}, plan.NewRegistry(nil),
				Options{AsOf: date("2026-01-15"), Period: q, Detail: detail, Tolerance: DefaultTolerance}, po)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(doc), "Section") {
				t.Fatalf("%s %s: the section is not in the report", po.For, po.Format)
			}
			if i := strings.IndexAny(string(doc), "\x1b\a\u202e"); i >= 0 {
				t.Errorf("%s %s %s: a control character reached the report: %q", po.For, po.Format, detail, string(doc)[max(0, i-60):min(len(doc), i+20)])
			}
		}
	}
}
