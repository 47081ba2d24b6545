package complete

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
)

// source is two plans: north leads its actions by name and alias, south by a section's teams.
func source() *Source {
	north := &plan.Plan{ID: "north", Title: "North's plan", Measures: []*plan.Measure{{ID: "m-care", Text: "Children in care"}}}
	north.Sections = []*plan.Section{{ID: "homes", Title: "Homes", Plan: north,
		Actions: []*plan.Action{
			{ID: "h1", Text: "Find homes", Leads: []string{"virtual school"}},
			{ID: "H2", Outcomes: []string{"More homes\nnear by"}, Leads: []string{"VS"}},
		},
		Measures: []*plan.Measure{{ID: "m-homes", Text: "Homes found"}}}}
	south := &plan.Plan{ID: "south", Title: "South's plan"}
	south.Sections = []*plan.Section{{ID: "health", Title: "Health", Plan: south, DeliveredBy: []string{"Health Team", "leaving care"},
		Actions: []*plan.Action{{ID: "s1", Text: "Check health"}}}}
	for _, p := range []*plan.Plan{north, south} {
		for _, s := range p.Sections {
			for _, a := range s.Actions {
				a.Section = s
			}
		}
	}
	reg := plan.NewRegistry([]*plan.Lead{{Name: "Virtual School", Aliases: []string{"VS"}}, {Name: "Fostering"}})
	return &Source{Plans: []*plan.Plan{north, south}, Registry: reg}
}

func (s *Source) selecting(ids ...string) *Source {
	sel := *s
	sel.Selected = ids
	return &sel
}

func values(cs []Candidate) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Value)
	}
	return out
}

func TestSource(t *testing.T) {
	s := source()
	for _, tc := range []struct {
		name string
		got  []Candidate
		want []string
	}{
		{"actions", s.IDs(true, false), []string{"h1", "H2", "s1"}},
		{"measures", s.IDs(false, true), []string{"m-care", "m-homes"}},
		{"both, in the plans' order", s.IDs(true, true), []string{"m-care", "h1", "H2", "m-homes", "s1"}},
		{"plans", s.PlanIDs(), []string{"north", "south"}},
		{"sections", s.Sections(), []string{"homes", "health"}},
		{"sections of a plan", s.selecting("SOUTH").Sections(), []string{"health"}},
		{"leads, registry's and written", s.Leads(), []string{"Fostering", "Health Team", "leaving care", "Virtual School"}},
		{"leads of a plan", s.selecting("north").Leads(), []string{"Virtual School"}},
		{"leads of every plan named", s.selecting("north", "south").Leads(), []string{"Fostering", "Health Team", "leaving care", "Virtual School"}},
	} {
		if got := values(tc.got); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	ids := s.IDs(true, true)
	if ids[0].Desc != "measure: Children in care" || ids[2].Desc != "More homes\nnear by" {
		t.Errorf("descriptions %q", ids)
	}
}

func TestMatch(t *testing.T) {
	long := "An action whose text runs on well past what a shell shows beside a candidate"
	cands := []Candidate{{"h1", "Find\thomes"}, {"H2", "More homes\nnear by"}, {"s1", ""}, {"h3", long}, {"x", "\x1b[31mred\u009b"}, {"y", "Publish the \u202eyrtsiger\u202c register"}}
	for _, tc := range []struct {
		typed string
		list  bool
		want  []Candidate
	}{
		{"", false, []Candidate{{"h1", "Find homes"}, {"H2", "More homes near by"}, {"s1", ""},
			{"h3", "An action whose text runs on well past what a shell shows b…"}, {"x", "[31mred"},
			{"y", "Publish the yrtsiger register"}}},
		{"h", false, []Candidate{{"h1", "Find homes"}, {"H2", "More homes near by"}, {"h3", "An action whose text runs on well past what a shell shows b…"}}},
		{"S1", false, []Candidate{{"s1", ""}}},
		{"s1,h", false, nil},
		{"s1,H2,h", true, []Candidate{{"s1,H2,h1", "Find homes"}, {"s1,H2,H2", "More homes near by"}, {"s1,H2,h3", "An action whose text runs on well past what a shell shows b…"}}},
		{"zz", true, nil},
	} {
		if got := Match(cands, tc.typed, tc.list); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q (list %v): %q, want %q", tc.typed, tc.list, got, tc.want)
		}
	}
	if got := Match(Values([]string{"csv", "json"}), "J", false); !reflect.DeepEqual(got, []Candidate{{"json", ""}}) {
		t.Errorf("values: %q", got)
	}
	// A lead's name is free text: the shell lists it on the terminal, so its controls show as
	// escapes.
	if got := Match(Values([]string{"Virtual\x1b[2K School"}), "vir", false); !reflect.DeepEqual(got, []Candidate{{`Virtual\x1b[2K School`, ""}}) {
		t.Errorf("a value holding a control: %q", got)
	}
}

func TestLoad(t *testing.T) {
	s := Load([]string{filepath.Join("..", "..", "plans")})
	if s == nil || len(s.Plans) == 0 || len(s.IDs(true, false)) == 0 {
		t.Fatalf("the repository's plans: %v", s)
	}
	if Load([]string{filepath.Join(t.TempDir(), "none")}) != nil || Load([]string{t.TempDir()}) != nil {
		t.Error("a missing or empty folder gives plans")
	}
}

func TestQuarters(t *testing.T) {
	qs := Quarters(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	if len(qs) != 24 {
		t.Fatalf("%d quarters", len(qs))
	}
	for i, want := range map[int]string{
		0:  "Q1-2024 1 Jan 2024 – 31 Mar 2024 (calendar, or each plan's)",
		11: "Q4-2026 1 Oct 2026 – 31 Dec 2026 (calendar, or each plan's)",
		12: "Q4-2023/24 1 Jan 2024 – 31 Mar 2024 (financial)",
		13: "Q1-2024/25 1 Apr 2024 – 30 Jun 2024 (financial)",
	} {
		if got := fmt.Sprintf("%s %s", qs[i].Value, qs[i].Desc); got != want {
			t.Errorf("%d: %q, want %q", i, got, want)
		}
	}
}

func TestToday(t *testing.T) {
	now := time.Date(2025, 10, 1, 23, 30, 0, 0, time.FixedZone("BST", 3600))
	for _, tc := range []struct{ cppToday, want string }{
		{"2024-02-29", "2024-02-29"},
		{"", "2025-10-01"},
		{"29/02/2024", "2025-10-01"},
		{" 2024-02-29\n", "2024-02-29"}, // as the commands read it
		{"1066-10-14", "2025-10-01"},    // a year the commands refuse
	} {
		if got := Today(tc.cppToday, now); got.Format(time.RFC3339) != tc.want+"T00:00:00Z" {
			t.Errorf("%q: %v, want %s", tc.cppToday, got, tc.want)
		}
	}
}
