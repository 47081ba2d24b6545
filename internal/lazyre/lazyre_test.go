package lazyre

import (
	"reflect"
	"regexp"
	"sync"
	"testing"
)

// A lazy pattern answers as the compiled one does, compiles once however many goroutines ask
// first, and a bad pattern panics on use, not on declaration.
func TestLikeRegexp(t *testing.T) {
	const expr = `^(\d{4})-(\d{2})$`
	lazy, eager := New(expr), regexp.MustCompile(expr)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); lazy.MatchString("2025-09") }()
	}
	wg.Wait()
	for _, s := range []string{"2025-09", "2025-9", "x2025-09"} {
		if got, want := lazy.FindStringSubmatch(s), eager.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
		if lazy.MatchString(s) != eager.MatchString(s) {
			t.Errorf("%q: MatchString differs", s)
		}
	}
	const text = "2025-09 and 2026-10"
	all := New(`(\d{4})-(\d{2})`)
	allEager := regexp.MustCompile(`(\d{4})-(\d{2})`)
	if got, want := all.FindAllStringIndex(text, -1), allEager.FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Errorf("FindAllStringIndex = %v, want %v", got, want)
	}
	if got, want := all.FindAllStringSubmatchIndex(text, -1), allEager.FindAllStringSubmatchIndex(text, -1); !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Errorf("FindAllStringSubmatchIndex = %v, want %v", got, want)
	}
	if got, want := all.FindAllStringSubmatch(text, -1), allEager.FindAllStringSubmatch(text, -1); !reflect.DeepEqual(got, want) || len(got) != 2 {
		t.Errorf("FindAllStringSubmatch = %q, want %q", got, want)
	}
	if got := all.ReplaceAllString(text, "$2/$1"); got != "09/2025 and 10/2026" {
		t.Errorf("ReplaceAllString = %q", got)
	}
	if got := all.ReplaceAllStringFunc(text, func(m string) string { return "<" + m + ">" }); got != "<2025-09> and <2026-10>" {
		t.Errorf("ReplaceAllStringFunc = %q", got)
	}
	if got := New(` and `).Split(text, -1); !reflect.DeepEqual(got, []string{"2025-09", "2026-10"}) {
		t.Errorf("Split = %q", got)
	}
	if first := lazy.get(); lazy.get() != first {
		t.Error("compiled twice")
	}
	bad := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("a bad pattern did not panic on use")
		}
	}()
	bad.MatchString("x")
}
