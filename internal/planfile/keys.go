package planfile

import "slices"

// Keys is the keys each kind of mapping allows, by kind (plan, period, section, action, update,
// measure, observation, benchmark, lead, practice), in the order the README documents them. cpp
// schema describes the same keys, and its test compares the two, so that a key the loader learns
// is not missing from what editors are told.
func Keys() map[string][]string {
	return map[string][]string{
		"plan":        slices.Clone(planKeys),
		"period":      slices.Clone(periodKeys),
		"section":     slices.Clone(sectionKeys),
		"action":      slices.Clone(actionKeys),
		"update":      slices.Clone(updateKeys),
		"measure":     slices.Clone(measureKeys),
		"observation": slices.Clone(observationKeys),
		"benchmark":   slices.Clone(benchmarkKeys),
		"lead":        slices.Clone(leadKeys),
		"practice":    slices.Clone(practiceKeys),
	}
}
