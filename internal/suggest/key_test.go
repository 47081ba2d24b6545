package suggest

import "testing"

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
