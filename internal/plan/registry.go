package plan

import (
	"sort"
	"strings"

	"github.com/cpp-plans/cpp/internal/words"
)

// Registry folds the spellings of a lead into one canonical name, ignoring case and spacing.
type Registry struct {
	canon     map[string]string // folded spelling -> canonical name
	names     []string          // canonical names, sorted
	spellings []string          // every name and alias as written, for suggestions
	shared    map[string]bool   // canonical names of teams shared across councils
}

// NewRegistry builds a registry from lead entries. Entries with the same name merge; when one
// spelling is claimed by two different names the first wins (validate reports the conflict).
func NewRegistry(leads []*Lead) *Registry {
	r := &Registry{canon: map[string]string{}, shared: map[string]bool{}}
	seen := map[string]bool{}
	for _, l := range leads {
		if l.Shared {
			r.shared[l.Name] = true
		}
		if !seen[l.Name] {
			seen[l.Name] = true
			r.names = append(r.names, l.Name)
		}
		for _, s := range append([]string{l.Name}, l.Aliases...) {
			r.spellings = append(r.spellings, s)
			k := Fold(s)
			if _, taken := r.canon[k]; !taken {
				r.canon[k] = l.Name
			}
		}
	}
	sort.Strings(r.names)
	return r
}

// Fold is the form two spellings of a lead are compared in: lower case, single spaces, straight
// apostrophes.
func Fold(s string) string {
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(words.OneLine(s))
}

// Canonical returns the registry's name for a spelling, and whether the registry knows it.
// An unknown spelling is its own canonical name.
func (r *Registry) Canonical(name string) (string, bool) {
	if r != nil {
		if c, ok := r.canon[Fold(name)]; ok {
			return c, true
		}
	}
	return words.OneLine(name), false
}

// Names lists the canonical names, sorted.
func (r *Registry) Names() []string {
	if r == nil {
		return nil
	}
	return r.names
}

// Spellings lists every known spelling (names and aliases), for suggestions.
func (r *Registry) Spellings() []string {
	if r == nil {
		return nil
	}
	return r.spellings
}

// Team is a lead as the team of one council: Camden's Virtual School and Cambridgeshire's are two
// teams. A lead the registry marks `shared` is one team whichever council names it, with no
// council.
type Team struct {
	Lead    string // the registry's name
	Council string // "" for a shared team
}

// String names the team with its council: "Virtual School (London Borough of Camden)".
func (t Team) String() string {
	if t.Council == "" {
		return t.Lead
	}
	return t.Lead + " (" + t.Council + ")"
}

// Compare orders teams as every list of them reads: by name, whatever its case, then by council.
func (t Team) Compare(u Team) int {
	if c := strings.Compare(strings.ToLower(t.Lead), strings.ToLower(u.Lead)); c != 0 {
		return c
	}
	return strings.Compare(t.Council, u.Council)
}

// Team is the team a plan of council means by a spelling.
func (r *Registry) Team(council, spelling string) Team {
	name, _ := r.Canonical(spelling)
	if r != nil && r.shared[name] {
		return Team{Lead: name}
	}
	return Team{Lead: name, Council: council}
}
