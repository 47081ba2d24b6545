package plan

import (
	"math"
	"sort"
	"time"
)

// DefaultTolerance is the usual indicator tolerance: within 10% of target is green.
const DefaultTolerance = 0.10

// Travel is the direction of travel against the previous observation.
type Travel string

const (
	Better Travel = "better"
	Same   Travel = "same"
	Worse  Travel = "worse"
	Up     Travel = "up" // for context measures, where neither way is better
	Down   Travel = "down"
)

// Words is the direction of travel as a sentence says it, against the figure before: "better
// than the figure before", "the same as the figure before", "up on the figure before".
func (t Travel) Words() string {
	switch t {
	case Same:
		return "the same as the figure before"
	case Up, Down:
		return string(t) + " on the figure before"
	}
	return string(t) + " than the figure before"
}

// Standing is how a measure stands on a day.
type Standing struct {
	Latest   *Observation
	Previous *Observation
	Travel   Travel // "" with fewer than two observations
	RAG      RAG    // "" when there is no target, no direction or no data
	// Gap is latest against target, as a fraction of target (positive = short of it); for a
	// target of 0, of which no fraction means anything, in the measure's own units.
	Gap float64
	// Direction is the way the measure should move: as the plan says, or Inferred from the way
	// its target lies from its baseline when the plan gives none.
	Direction string
	Inferred  bool
	NoData    bool
}

// Standing rates the measure as it stood on asOf: direction of travel against the previous
// observation, and a RAG against target: green on target or within tol of it; amber further off
// but improving; red further off and not improving. An observation dated after asOf was not
// known on that date, so it counts for nothing. The report and show both ask this.
func (m *Measure) Standing(asOf time.Time, tol float64) Standing {
	var ms Standing
	var obs []Observation
	for _, o := range m.Observations {
		if !o.Date.After(asOf) {
			obs = append(obs, o)
		}
	}
	sort.SliceStable(obs, func(i, j int) bool { return obs[i].Date.Before(obs[j].Date) })
	if len(obs) == 0 {
		ms.NoData = true
		return ms
	}
	ms.Latest = &obs[len(obs)-1]
	if len(obs) > 1 {
		ms.Previous = &obs[len(obs)-2]
	} else if b := m.Baseline; b != nil && !(b.HasDate && b.Date.After(asOf)) {
		ms.Previous = b
	}
	ms.Direction, ms.Inferred = direction(m)
	if ms.Previous != nil {
		ms.Travel = travel(ms.Direction, ms.Previous.Value, ms.Latest.Value)
	}
	if m.Target == nil || (ms.Direction != "higher" && ms.Direction != "lower") {
		return ms
	}
	target := m.Target.Value
	short := target - ms.Latest.Value // positive: below target
	if ms.Direction == "lower" {
		short = -short
	}
	// Within a fraction of a target of 0 is on it exactly, so a zero target is met or not.
	met := short <= 0
	if target != 0 {
		short /= math.Abs(target)
		met = short <= tol+1e-9
	}
	ms.Gap = short
	switch {
	case met:
		ms.RAG = Green
	case ms.Travel == Better:
		ms.RAG = Amber
	default:
		ms.RAG = Red
	}
	return ms
}

// direction is the way a measure should move: as the plan says or, where it says nothing, the
// way its target lies from its baseline (inferred). "" when neither tells.
func direction(m *Measure) (dir string, inferred bool) {
	switch {
	case m.Direction != "":
		return m.Direction, false
	case m.Target == nil || m.Baseline == nil || m.Target.Value == m.Baseline.Value:
		return "", false
	case m.Target.Value > m.Baseline.Value:
		return "higher", true
	}
	return "lower", true
}

func travel(direction string, prev, latest float64) Travel {
	switch {
	case latest == prev:
		return Same
	case direction == "higher":
		if latest > prev {
			return Better
		}
		return Worse
	case direction == "lower":
		if latest < prev {
			return Better
		}
		return Worse
	case latest > prev:
		return Up
	}
	return Down
}
