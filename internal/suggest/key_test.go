package suggest

import (
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	allowed := []string{"id", "leads", "deadline"}
	for _, tt := range []struct {
		key  string
		seen []string
		want *KeyProblem
	}{
		{"leads", []string{"id"}, nil},
		{"leads", []string{"id", "leads"}, &KeyProblem{"duplicate-key", "delete one of them", "key `leads` appears twice in action x"}},
		{"lead", nil, &KeyProblem{"unknown-field", "did you mean `leads`?", "unknown field `lead` in action x"}},
		{"zzzzzzzz", nil, &KeyProblem{"unknown-field", "the keys allowed here are: id, leads, deadline", "unknown field `zzzzzzzz` in action x"}},
	} {
		got := Key(tt.key, "action x", tt.seen, allowed)
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("Key(%q, seen %q) = %+v, want %+v", tt.key, tt.seen, got, tt.want)
		}
	}
}

// A mapping's keys in order: a key written again is a duplicate of the first, however many times
// it comes, and a misspelt one too once it has been reported unknown.
func TestKeys(t *testing.T) {
	keys := NewKeys("action x", []string{"id", "leads", "deadline"}, 4)
	var rules []string
	for _, key := range []string{"id", "lead", "leads", "leads", "lead", "leads", "deadline"} {
		rule := "ok"
		if p := keys.Check(key); p != nil {
			rule = p.Rule
		}
		rules = append(rules, key+":"+rule)
	}
	want := "id:ok lead:unknown-field leads:ok leads:duplicate-key lead:duplicate-key leads:duplicate-key deadline:ok"
	if got := strings.Join(rules, " "); got != want {
		t.Errorf("Check gives %s\nwant %s", got, want)
	}
}

func TestHint(t *testing.T) {
	if got := Hint([]string{"a.p1.1", "a.p1.2"}, "run cpp list"); got != "did you mean a.p1.1, a.p1.2?" {
		t.Errorf("Hint with names = %q", got)
	}
	if got := Hint(nil, "run cpp list"); got != "run cpp list" {
		t.Errorf("Hint with none = %q", got)
	}
}
