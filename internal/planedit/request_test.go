package planedit

import (
	"errors"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
)

// A request becomes the edit of what its id names; a field for the other kind, or nothing to
// record, is bad input naming the flag.
func TestRequestFor(t *testing.T) {
	day := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	a, m := &plan.Action{ID: "p.p1.2"}, &plan.Measure{ID: "p.p1.m1"}
	for _, tt := range []struct {
		name string
		r    Request
		a    *plan.Action
		m    *plan.Measure
		want string // the error's message, or "" for an edit
	}{
		{"action", Request{Status: plan.InProgress, Deadline: " Q1 2026 "}, a, nil, ""},
		{"measure", Request{Value: " 58 ", Source: "survey"}, nil, m, ""},
		{"status of a measure", Request{Status: plan.Complete, Value: "1"}, nil, m, "--status is for actions; p.p1.m1 is a measure"},
		{"plain of a measure", Request{Plain: "x", Value: "1"}, nil, m, "--plain is for actions; p.p1.m1 is a measure"},
		{"measure without a value", Request{Note: "n"}, nil, m, "a measure's update needs --value"},
		{"value of an action", Request{Value: "3"}, a, nil, "--value and --source are for measures; p.p1.2 is an action"},
		{"nothing", Request{Share: true}, a, nil, "nothing to record for p.p1.2"},
	} {
		e, err := tt.r.For(tt.a, tt.m, day)
		var ie *InputError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (!errors.As(err, &ie) || ie.Message != tt.want || ie.Hint == ""):
			t.Errorf("%s: got %v, want %q with a hint", tt.name, err, tt.want)
		}
		if tt.want != "" {
			continue
		}
		if tt.a != nil && (e.ID != a.ID || e.Action == nil || e.Action.Deadline != "Q1 2026" || !e.Action.Date.Equal(day) || e.Action.Status != plan.InProgress) {
			t.Errorf("%s: %+v %+v", tt.name, e, e.Action)
		}
		if tt.m != nil && (e.ID != m.ID || e.Measure == nil || e.Measure.Value != "58" || e.Measure.Source != "survey") {
			t.Errorf("%s: %+v %+v", tt.name, e, e.Measure)
		}
	}
}
