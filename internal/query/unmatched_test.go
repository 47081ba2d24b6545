package query

import (
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/plan"
)

// A lead or plan that matches nothing is named with the nearest names; one that matches, in any
// case, is not.
func TestUnmatched(t *testing.T) {
	reg := plan.NewRegistry([]*plan.Lead{{Name: "Virtual School"}, {Name: "Housing"}})
	plans := []*plan.Plan{{ID: "camden-cp"}, {ID: "riverside-ap"}}
	got := Unmatched(plans, reg, Filter{Leads: []string{"Virtal School", "housing"}, Plans: []string{"CAMDEN-CP", "camden-pc", "zzzzzzzzzzzz"}})
	want := []string{
		`no lead matches "Virtal School"; nearest: "Virtual School" (see 'cpp leads')`,
		`no plan has id "camden-pc"; nearest: "camden-cp"`,
		`no plan has id "zzzzzzzzzzzz"; plans: "camden-cp", "riverside-ap"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
