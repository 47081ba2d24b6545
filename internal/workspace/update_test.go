package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/planedit"
)

var day = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)

func TestUpdate(t *testing.T) {
	twice := strings.Replace(riverside, "riverside.p1.m1", "riverside.p1.1", 1)
	tests := []struct {
		name    string
		plan    string
		id      string
		req     planedit.Request
		code    int
		msg     string
		wrote   string // a line the new text has
		notices string
	}{
		{name: "a note", id: "riverside.p1.1", req: planedit.Request{Note: "Scoped"}, wrote: "note: Scoped"},
		{name: "a figure", id: "riverside.p1.m1", req: planedit.Request{Value: "58"}, wrote: "value: 58"},
		{name: "a slip with no note", id: "riverside.p1.1", req: planedit.Request{Deadline: "Q4 2025"}, wrote: "deadline: Q4 2025",
			notices: "cpp: warning: the deadline of riverside.p1.1 moves later (30 Sep 2025 → 31 Mar 2026) with no reason given\n" +
				"  hint: add --note saying why, so that the board and the plan's history can see it\n"},
		{name: "a slip with a note", id: "riverside.p1.1", req: planedit.Request{Deadline: "Q4 2025", Note: "Delayed"}, wrote: "deadline: Q4 2025"},
		{name: "unknown id", id: "riverside.p1.9", code: exitcode.Problem, msg: `no action or measure has id "riverside.p1.9"`},
		{name: "a flag for the other kind", id: "riverside.p1.m1", req: planedit.Request{Note: "x", Deadline: "Q4 2025"},
			code: exitcode.Usage, msg: "--deadline is for actions; riverside.p1.m1 is a measure"},
		{name: "defined twice", plan: twice, id: "riverside.p1.1", req: planedit.Request{Note: "Scoped"}, code: exitcode.Problem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.plan == "" {
				tt.plan = riverside
			}
			e, notices := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": tt.plan}), nil)
			c, err := e.StartChange("", true)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Lock.Release()
			up, err := c.Update(tt.id, tt.req, day)
			if code, msg := exitOf(err); code != tt.code || tt.msg != "" && msg != tt.msg {
				t.Fatalf("exit %d %q, want %d %q", code, msg, tt.code, tt.msg)
			}
			if notices.String() != tt.notices {
				t.Errorf("notices %q, want %q", notices, tt.notices)
			}
			if err != nil {
				return
			}
			if !strings.Contains(string(up.Write.Data), tt.wrote) || len(up.Diff.Actions)+len(up.Diff.Measures) != 1 {
				t.Errorf("wrote %s, diff %+v", up.Write.Data, up.Diff)
			}
			// Written, the same update again is already recorded.
			if err := e.WritePlans(c.Lock, []PlanWrite{up.Write}); err != nil {
				t.Fatal(err)
			}
			notices.Reset()
			if again, err := c.Update(tt.id, tt.req, day); again != nil || err != nil ||
				notices.String() != filepath.FromSlash("cpp: plans/riverside.yaml: nothing to change; this update is already recorded\n") {
				t.Errorf("again: %v, %v, notices %q", again, err, notices)
			}
		})
	}
}

func TestEditFailed(t *testing.T) {
	tests := []struct {
		err  error
		code int
		msg  string
		hint string
	}{
		{&planedit.InputError{Field: "value", Message: "a measure's update needs --value", Hint: "give the figure"},
			exitcode.Usage, "a measure's update needs --value", "give the figure"},
		{planedit.BatchError{{Index: 0, Err: &planedit.InputError{Message: "bad date", Hint: "YYYY-MM-DD"}}},
			exitcode.Usage, "bad date", "YYYY-MM-DD"},
		{&planedit.FileError{Line: 3, Col: 5, Message: "updates is not a list", Hint: "make it a list"},
			exitcode.Problem, "p.yaml:3:5: updates is not a list; nothing written", "make it a list"},
		{&planedit.NotFoundError{ID: "p.1", What: "action", Hint: "run cpp list"},
			exitcode.Problem, "p.yaml: " + (&planedit.NotFoundError{ID: "p.1", What: "action"}).Error(), "run cpp list"},
		{errors.New("out of memory"), exitcode.Failure, "p.yaml: out of memory; nothing written", ""},
	}
	for _, tt := range tests {
		var ee *exitcode.Error
		if !errors.As(editFailed("p.yaml", tt.err), &ee) || ee.Code != tt.code || ee.Msg != tt.msg || ee.Hint != tt.hint {
			t.Errorf("%v: got %+v, want exit %d %q hint %q", tt.err, ee, tt.code, tt.msg, tt.hint)
		}
	}
}

// A plan file gone between loading and editing is the write's error, and nothing is made.
func TestUpdateFileGone(t *testing.T) {
	e, _ := envIn(t, repo(t, map[string]string{"plans/riverside.yaml": riverside}), nil)
	c, err := e.StartChange("", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join("plans", "riverside.yaml")); err != nil {
		t.Fatal(err)
	}
	if up, err := c.Update("riverside.p1.1", planedit.Request{Note: "x"}, day); up != nil || exitcode.Of(err) != exitcode.Failure {
		t.Errorf("got %v, %v", up, err)
	}
}
