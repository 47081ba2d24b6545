package gitrev

import (
	"reflect"
	"testing"
	"time"
)

func TestParseRange(t *testing.T) {
	tests := []struct {
		args []string
		want Range
		err  bool
	}{
		{nil, Range{From: "HEAD"}, false},
		{[]string{"v1"}, Range{From: "v1"}, false},
		{[]string{"HEAD~1", "HEAD"}, Range{From: "HEAD~1", To: "HEAD"}, false},
		{[]string{"a..b"}, Range{From: "a", To: "b"}, false},
		{[]string{"a.."}, Range{From: "a", To: "HEAD"}, false},
		{[]string{"..b"}, Range{From: "HEAD", To: "b"}, false},
		{[]string{"main...HEAD"}, Range{From: "main", To: "HEAD", MergeBase: true}, false},
		{[]string{"main..."}, Range{From: "main", To: "HEAD", MergeBase: true}, false},
		{[]string{"a..b", "c"}, Range{}, true},
		{[]string{"a", "b", "c"}, Range{}, true},
	}
	for _, tt := range tests {
		got, err := ParseRange(tt.args)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseRange(%q) = %+v, %v; want %+v, error %v", tt.args, got, err, tt.want, tt.err)
		}
	}
}

func TestParseLog(t *testing.T) {
	zero := "0000000000000000000000000000000000000000"
	out := "\x1eaaaa\x1fAda Analyst\x1f2025-10-01T09:00:00Z\x1fMove one; rename \"two\"\x00\n" +
		":100644 100644 1111 2222 M\x00plans/a.yaml\x00" +
		":100644 000000 3333 " + zero + " D\x00plans/old.yaml\x00" +
		":000000 100644 " + zero + " 4444 A\x00plans/new.yml\x00" +
		":100644 100644 5555 6666 M\x00plans/notes.md\x00" +
		"\x1ebbbb\x1fBo\x1f2025-04-01T09:00:00+01:00\x1fRoot commit\x00\n" +
		":000000 100644 " + zero + " 1111 A\x00plans/a.yaml\x00" +
		"\x1ecccc\x1fBo\x1f2025-03-01T09:00:00Z\x1fEmpty\x00\n"
	got, err := parseLog([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []Commit{
		{Hash: "aaaa", Author: "Ada Analyst", Date: time.Date(2025, 10, 1, 9, 0, 0, 0, time.UTC), Subject: `Move one; rename "two"`,
			Changes: []Change{{"plans/a.yaml", "1111", "2222"}, {"plans/old.yaml", "3333", ""}, {"plans/new.yml", "", "4444"}}},
		{Hash: "bbbb", Author: "Bo", Date: time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC), Subject: "Root commit",
			Changes: []Change{{"plans/a.yaml", "", "1111"}}},
		{Hash: "cccc", Author: "Bo", Date: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), Subject: "Empty"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d commits, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !got[i].Date.Equal(want[i].Date) {
			t.Errorf("commit %d date %v, want %v", i, got[i].Date, want[i].Date)
		}
		got[i].Date, want[i].Date = time.Time{}, time.Time{}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("commit %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// git log -m shows a merge once per parent: the second record is the merge's changes against
	// its second parent.
	merge := "\x1emmmm\x1fAda\x1f2025-10-01T09:00:00Z\x1fMerge\x00\n:100644 100644 1111 2222 M\x00plans/a.yaml\x00" +
		"\x1emmmm\x1fAda\x1f2025-10-01T09:00:00Z\x1fMerge\x00\n:100644 100644 3333 2222 M\x00plans/a.yaml\x00"
	got, err = parseLog([]byte(merge))
	if err != nil || len(got) != 1 || len(got[0].Others) != 1 || got[0].Changes[0].Old != "1111" || got[0].Others[0][0].Old != "3333" {
		t.Errorf("merge = %+v, %v; want one commit with changes against each parent", got, err)
	}
	if _, err := parseLog([]byte("\x1ebad header\x00\n")); err == nil {
		t.Errorf("a header without its fields parsed")
	}
}
