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
