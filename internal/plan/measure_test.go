package plan

import "testing"

func TestStanding(t *testing.T) {
	// Observations a quarter apart from 1 January 2025.
	obs := func(vals ...float64) []Observation {
		var out []Observation
		for i, v := range vals {
			out = append(out, Observation{Date: day("2025-01-01").AddDate(0, 3*i, 0), HasDate: true, Value: v})
		}
		return out
	}
	target := func(v float64) *Observation { return &Observation{Value: v} }
	tests := []struct {
		name   string
		m      Measure
		asOf   string // default 2025-12-31
		rag    RAG
		travel Travel
		latest float64
	}{
		{"on target", Measure{Direction: "higher", Target: target(70), Observations: obs(60, 71)}, "", Green, Better, 71},
		{"within 10%", Measure{Direction: "higher", Target: target(70), Observations: obs(66, 64)}, "", Green, Worse, 64},
		{"off but improving", Measure{Direction: "higher", Target: target(70), Observations: obs(50, 55)}, "", Amber, Better, 55},
		{"off and worse", Measure{Direction: "higher", Target: target(70), Observations: obs(55, 50)}, "", Red, Worse, 50},
		{"off and same", Measure{Direction: "higher", Target: target(70), Observations: obs(50, 50)}, "", Red, Same, 50},
		{"lower is better", Measure{Direction: "lower", Target: target(8), Observations: obs(11.2, 10.1)}, "", Amber, Better, 10.1},
		{"lower on target", Measure{Direction: "lower", Target: target(8), Observations: obs(9, 7)}, "", Green, Better, 7},
		{"no data", Measure{Direction: "higher", Target: target(70)}, "", "", "", 0},
		{"no target", Measure{Direction: "higher", Observations: obs(1, 2)}, "", "", Better, 2},
		{"context", Measure{Direction: "context", Observations: obs(706, 690)}, "", "", Down, 690},
		{"context with a target", Measure{Direction: "context", Target: target(700), Observations: obs(706, 690)}, "", "", Down, 690},
		{"one observation, baseline", Measure{Direction: "higher", Baseline: &Observation{Value: 40}, Target: target(70), Observations: obs(45)}, "", Amber, Better, 45},

		// A target of 0 is a target: met at 0 (or beyond it), and no tolerance can be a fraction of it.
		{"target 0 met", Measure{Direction: "lower", Target: target(0), Observations: obs(3, 0)}, "", Green, Better, 0},
		{"target 0 missed, improving", Measure{Direction: "lower", Target: target(0), Observations: obs(5, 3)}, "", Amber, Better, 3},
		{"target 0 missed, worse", Measure{Direction: "lower", Target: target(0), Observations: obs(0.1, 0.5)}, "", Red, Worse, 0.5},
		{"target 0, higher is better", Measure{Direction: "higher", Target: target(0), Observations: obs(-3, 0)}, "", Green, Better, 0},

		// Observations after the report date are not yet known on it.
		{"later observation ignored", Measure{Direction: "higher", Target: target(70), Observations: obs(50, 55, 71)}, "2025-06-30", Amber, Better, 55},
		{"later observation ignored for travel", Measure{Direction: "higher", Target: target(70), Observations: obs(72, 60, 40)}, "2025-05-01", Red, Worse, 60},
		{"every observation later", Measure{Direction: "higher", Target: target(70), Observations: obs(50, 55)}, "2024-12-31", "", "", 0},
		{"observation on the report date counts", Measure{Direction: "higher", Target: target(70), Observations: obs(50, 55)}, "2025-04-01", Amber, Better, 55},

		// With a target but no direction, the way from baseline to target is the direction.
		{"no direction, target above baseline", Measure{Baseline: &Observation{Value: 40}, Target: target(70), Observations: obs(45, 50)}, "", Amber, Better, 50},
		{"no direction, target below baseline", Measure{Baseline: &Observation{Value: 12}, Target: target(8), Observations: obs(9, 8.5)}, "", Green, Better, 8.5},
		{"no direction, moving away", Measure{Baseline: &Observation{Value: 12}, Target: target(8), Observations: obs(9, 11)}, "", Red, Worse, 11},
		{"no direction, no baseline", Measure{Target: target(70), Observations: obs(60, 65)}, "", "", Up, 65},
		{"no direction, baseline is the target", Measure{Baseline: &Observation{Value: 70}, Target: target(70), Observations: obs(60, 65)}, "", "", Up, 65},
		{"no direction, no target", Measure{Observations: obs(60, 65)}, "", "", Up, 65},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asOf := day("2025-12-31")
			if tt.asOf != "" {
				asOf = day(tt.asOf)
			}
			got := tt.m.Standing(asOf, 0.10)
			if got.RAG != tt.rag || got.Travel != tt.travel {
				t.Errorf("got RAG %q travel %q; want %q %q", got.RAG, got.Travel, tt.rag, tt.travel)
			}
			if got.NoData != (got.Latest == nil) {
				t.Errorf("no data %v with latest %v", got.NoData, got.Latest)
			}
			if got.Latest != nil && got.Latest.Value != tt.latest {
				t.Errorf("latest %v, want %v", got.Latest.Value, tt.latest)
			}
		})
	}
}

func TestTravelWords(t *testing.T) {
	for tr, want := range map[Travel]string{
		Better: "better than the figure before",
		Worse:  "worse than the figure before",
		Same:   "the same as the figure before",
		Up:     "up on the figure before",
		Down:   "down on the figure before",
	} {
		if got := tr.Words(); got != want {
			t.Errorf("%s.Words() = %q, want %q", tr, got, want)
		}
	}
}
