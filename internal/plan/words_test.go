package plan

import "testing"

func TestParseWords(t *testing.T) {
	for _, tc := range []struct {
		in  string
		st  Status
		rag RAG
	}{
		{"in-progress", InProgress, ""},
		{"In progress", InProgress, ""},
		{"  IN_PROGRESS ", InProgress, ""},
		{"On track", InProgress, ""},
		{"Not started", NotStarted, ""},
		{"Completed", Complete, ""},
		{"complete", Complete, ""},
		{"Dropped", Dropped, ""},
		{"Amber", "", Amber},
		{"A", "", Amber},
		{"g", "", Green},
		{"RED", "", Red},
		{"", "", ""},
		{"blue", "", ""},
		{"progress", "", ""},
		{" IN  PROGRESS ", InProgress, ""},
		{"in progres", "", ""},
		{"C", "", ""},
		{" G ", "", Green},
		{"B", "", ""},
		{"gr", "", ""},
	} {
		st, _ := ParseStatus(tc.in)
		rag, _ := ParseRAG(tc.in)
		if st != tc.st || rag != tc.rag {
			t.Errorf("%q: status %q, RAG %q; want %q, %q", tc.in, st, rag, tc.st, tc.rag)
		}
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		s    Status
		want string
	}{
		{NotStarted, "not started"},
		{InProgress, "in progress"},
		{Complete, "complete"},
		{Dropped, "dropped"},
		{"", ""},
	} {
		if got := tc.s.Word(); got != tc.want {
			t.Errorf("%q.Word() = %q, want %q", tc.s, got, tc.want)
		}
	}
	for _, tc := range []struct {
		r    RAG
		want string
	}{
		{Red, "Red"},
		{Amber, "Amber"},
		{Green, "Green"},
		{"", "Not rated"},
	} {
		if got := tc.r.Word(); got != tc.want {
			t.Errorf("%q.Word() = %q, want %q", tc.r, got, tc.want)
		}
	}
}

// Every key, every word a status or rating is printed as, and every spelling listed for the
// schema reads back; no spelling means two things.
func TestSpellingsReadBack(t *testing.T) {
	for _, s := range Statuses {
		for _, w := range []string{string(s), s.Word()} {
			if got, ok := ParseStatus(w); !ok || got != s {
				t.Errorf("ParseStatus(%q) = %q, %v; want %q", w, got, ok, s)
			}
		}
	}
	for _, r := range RAGs {
		for _, w := range []string{string(r), r.Word(), string(r[:1])} {
			if got, ok := ParseRAG(w); !ok || got != r {
				t.Errorf("ParseRAG(%q) = %q, %v; want %q", w, got, ok, r)
			}
		}
	}
	seen := map[string]bool{}
	for _, w := range StatusSpellings() {
		if _, ok := ParseStatus(w); !ok || Spelling(w) != w || seen[w] {
			t.Errorf("status spelling %q: reads %v, is its own spelling %v, listed before %v", w, ok, Spelling(w) == w, seen[w])
		}
		seen[w] = true
	}
	for _, w := range RAGSpellings() {
		if _, ok := ParseRAG(w); !ok || Spelling(w) != w || seen[w] {
			t.Errorf("RAG spelling %q: reads %v, is its own spelling %v, listed before %v", w, ok, Spelling(w) == w, seen[w])
		}
		seen[w] = true
	}
	if n := len(StatusSpellings()); n < len(Statuses) {
		t.Errorf("%d status spellings for %d statuses", n, len(Statuses))
	}
	if n := len(RAGSpellings()); n < len(RAGs) {
		t.Errorf("%d RAG spellings for %d ratings", n, len(RAGs))
	}
}

func TestSpelling(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"In progress", "in-progress"},
		{"in_progress", "in-progress"},
		{"  Not\tYet -- Started ", "not-yet-started"},
		{"Financial", "financial"},
		{"", ""},
		{" - _ ", ""},
	} {
		if got := Spelling(tc.in); got != tc.want {
			t.Errorf("Spelling(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSpellingOnlyASCII: a letter that lower-cases to an ASCII one (the Kelvin sign to k) is
// not that letter, as the editor's schema ([kK]) reads it.
func TestSpellingOnlyASCII(t *testing.T) {
	if s, ok := ParseStatus("on trac\u212a"); ok {
		t.Errorf("ParseStatus(on trac + Kelvin sign) = %q, want not a status", s)
	}
	if s, ok := ParseStatus("ON TRACK"); !ok || s != InProgress {
		t.Errorf("ParseStatus(ON TRACK) = %q, %v", s, ok)
	}
}
