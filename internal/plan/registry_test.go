package plan

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Virtual School", "virtual school"},
		{"  VIRTUAL\tschool ", "virtual school"},
		{"Children’s Services", "children's services"},
		{"Children's  Services", "children's services"},
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRegistry(t *testing.T) {
	r := NewRegistry([]*Lead{
		{Name: "Virtual School", Aliases: []string{"VS", "Virtual School Head"}},
		{Name: "Integrated Care Board", Aliases: []string{"ICB"}, Shared: true},
		{Name: "Housing", Aliases: []string{"vs"}}, // "vs" is the Virtual School's already: the first wins
		{Name: "Virtual School", Aliases: []string{"VSH"}},
		{Name: "Children’s Services"},
	})
	for _, tc := range []struct {
		spelling, want string
		known          bool
	}{
		{"Virtual School", "Virtual School", true},
		{"virtual  school", "Virtual School", true},
		{"VS", "Virtual School", true},
		{"vs", "Virtual School", true},
		{"VSH", "Virtual School", true}, // entries with one name merge
		{"icb", "Integrated Care Board", true},
		{"Children's Services", "Children’s Services", true},
		{"  Youth   Offending ", "Youth Offending", false}, // unknown: itself, with its spacing tidied
		{"", "", false},
	} {
		got, known := r.Canonical(tc.spelling)
		if got != tc.want || known != tc.known {
			t.Errorf("Canonical(%q) = %q, %v; want %q, %v", tc.spelling, got, known, tc.want, tc.known)
		}
	}
	if want := []string{"Children’s Services", "Housing", "Integrated Care Board", "Virtual School"}; !reflect.DeepEqual(r.Names(), want) {
		t.Errorf("Names = %q, want %q", r.Names(), want)
	}
	want := []string{"Virtual School", "VS", "Virtual School Head", "Integrated Care Board", "ICB", "Housing", "vs", "Virtual School", "VSH", "Children’s Services"}
	if !reflect.DeepEqual(r.Spellings(), want) {
		t.Errorf("Spellings = %q, want %q", r.Spellings(), want)
	}
}

func TestNilRegistry(t *testing.T) {
	var r *Registry
	if got, known := r.Canonical(" Virtual  School "); got != "Virtual School" || known {
		t.Errorf("Canonical = %q, %v; want the spelling tidied, unknown", got, known)
	}
	if r.Names() != nil || r.Spellings() != nil {
		t.Errorf("a nil registry has names %q or spellings %q", r.Names(), r.Spellings())
	}
	if got := r.Team("Camden", "VS"); got != (Team{Lead: "VS", Council: "Camden"}) {
		t.Errorf("Team = %+v", got)
	}
}

func TestTeam(t *testing.T) {
	r := NewRegistry([]*Lead{
		{Name: "Virtual School", Aliases: []string{"VS"}},
		{Name: "Integrated Care Board", Aliases: []string{"ICB"}, Shared: true},
	})
	for _, tc := range []struct {
		council, spelling string
		want              Team
		words             string
	}{
		{"Camden", "VS", Team{"Virtual School", "Camden"}, "Virtual School (Camden)"},
		{"Cambridgeshire", "virtual school", Team{"Virtual School", "Cambridgeshire"}, "Virtual School (Cambridgeshire)"},
		{"Camden", "ICB", Team{"Integrated Care Board", ""}, "Integrated Care Board"},
		{"Camden", "Youth  Offending", Team{"Youth Offending", "Camden"}, "Youth Offending (Camden)"},
	} {
		got := r.Team(tc.council, tc.spelling)
		if got != tc.want {
			t.Errorf("Team(%q, %q) = %+v, want %+v", tc.council, tc.spelling, got, tc.want)
		}
		if got.String() != tc.words {
			t.Errorf("Team(%q, %q) reads %q, want %q", tc.council, tc.spelling, got.String(), tc.words)
		}
	}
}

// Teams read by name whatever its case, then by council; a shared team, with no council, before
// a council's team of the same name.
func TestTeamCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b Team
		want int
	}{
		{Team{"housing", "Camden"}, Team{"Virtual School", "Barnet"}, -1},
		{Team{"Virtual School", "Camden"}, Team{"virtual school", "Barnet"}, 1},
		{Team{"ICB", ""}, Team{"ICB", "Barnet"}, -1},
		{Team{"ICB", "Barnet"}, Team{"icb", "Barnet"}, 0},
	} {
		if got := tc.a.Compare(tc.b); got != tc.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
