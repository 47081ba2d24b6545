package suggest

import (
	"fmt"
	"slices"
	"strings"
)

// KeyProblem is what is wrong with a key of a YAML mapping: the rule it breaks, the hint to give
// and the message, worded alike for every file cpp reads with positions (plans, cpp.yaml).
type KeyProblem struct {
	Rule, Hint, Message string
}

// Key checks a mapping's key against those seen before it in the same mapping and those allowed
// there (what names the mapping in the message, "section camden-cp.p1"). A repeated key is a
// duplicate-key; a key not allowed is an unknown-field, with the nearest allowed key as the hint
// ("did you mean `leads`?") or else the list of them. It returns nil when the key is fine.
func Key(key, what string, seen, allowed []string) *KeyProblem {
	if slices.Contains(seen, key) {
		return &KeyProblem{"duplicate-key", "delete one of them", fmt.Sprintf("key `%s` appears twice in %s", key, what)}
	}
	if slices.Contains(allowed, key) {
		return nil
	}
	hint := "the keys allowed here are: " + strings.Join(allowed, ", ")
	if near := Closest(key, allowed, 1); len(near) > 0 {
		hint = fmt.Sprintf("did you mean `%s`?", near[0])
	}
	return &KeyProblem{"unknown-field", hint, fmt.Sprintf("unknown field `%s` in %s", key, what)}
}

// Keys checks the keys of one mapping as they are read, each with Key against those before it
// (a slice, not a map: a mapping in a plan has a dozen keys at most).
// Every key but a repeat is remembered, so that a key written three times is a duplicate twice.
type Keys struct {
	what          string
	allowed, seen []string
}

// NewKeys checks the keys of a mapping of up to n keys (what and allowed are Key's).
func NewKeys(what string, allowed []string, n int) Keys {
	return Keys{what: what, allowed: allowed, seen: make([]string, 0, n)}
}

// Check is Key for the mapping's next key.
func (k *Keys) Check(key string) *KeyProblem {
	p := Key(key, k.what, k.seen, k.allowed)
	if p == nil || p.Rule != "duplicate-key" {
		k.seen = append(k.seen, key)
	}
	return p
}

// Hint is the hint for a name that matched nothing: "did you mean a, b?" with the nearest names,
// or otherwise (where to find the names) when none is near.
func Hint(near []string, otherwise string) string {
	if len(near) == 0 {
		return otherwise
	}
	return "did you mean " + strings.Join(near, ", ") + "?"
}
