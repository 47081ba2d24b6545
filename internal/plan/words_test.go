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
