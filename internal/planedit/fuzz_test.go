package planedit

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// FuzzEditAction edits the last action of arbitrary plan files with arbitrary text. It must never
// panic; it fails only with the package's own errors, in one line; and what it returns reads
// back with the update asked for, every line outside the action unchanged.
//
// The seeds are the small plan files of the testscripts and the fixtures (the bundled plans are
// the property test's): mutating and minimising tens of kilobytes would run a few inputs a second.
//
//	go test ./internal/planedit -run '^$' -fuzz FuzzEditAction -fuzztime 1m
func FuzzEditAction(f *testing.F) {
	for _, e := range editables(f) {
		if len(e.data) < 8<<10 {
			f.Add(e.data, "Two mentors recruited.", "Q4 2025", uint8(1))
		}
	}
	f.Add([]byte(head+"      - {id: t.p1.1, text: \"a\n  b\", updates: []}"), "x: #y\n- z", "", uint8(7))
	f.Add([]byte(head+"      - id: t.p1.1\r\n        text: a\r\n        updates:\r\n          - date: 2025-01-01\r\n            note: |+\r\n              b\r\n\r\n"), "", "2026", uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, note, dl string, pick uint8) {
		before := planfile.Parse("fuzz.yaml", data, planfile.Options{})
		e := ActionEdit{Date: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), Note: note, Deadline: dl}
		if pick&1 != 0 {
			e.Status = plan.Statuses[int(pick>>1)%len(plan.Statuses)]
		}
		if pick&8 != 0 {
			e.RAG = plan.RAGs[int(pick>>4)%len(plan.RAGs)]
		}
		id := "none"
		if !before.HasErrors() && before.Plan != nil {
			for _, s := range before.Plan.Sections {
				for _, a := range s.Actions {
					id = a.ID
				}
			}
		}
		out, err := editAction(data, id, e)
		if err != nil {
			var nf *NotFoundError
			var ie *InputError
			var fe *FileError
			if !errors.As(err, &nf) && !errors.As(err, &ie) && !errors.As(err, &fe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error is not one line: %q", err)
			}
			if out != nil {
				t.Fatalf("bytes returned with an error")
			}
			if strings.Contains(err.Error(), "the editor failed") {
				t.Fatalf("panic: %v", err)
			}
			return
		}
		if n := len(slices.DeleteFunc(actionsOf(before), func(a *plan.Action) bool { return a.ID != id })); n != 1 {
			t.Fatalf("edited a file that writes id %s %d times", id, n)
		}
		first, last := itemLines(t, data, "action", id)
		checkOutside(t, data, out, first, last, id)
		after := planfile.Parse("fuzz.yaml", out, planfile.Options{})
		if after.HasErrors() {
			t.Fatalf("the result has errors: %v", after.Diags)
		}
		var a *plan.Action
		for _, s := range after.Plan.Sections {
			if x := s.Action(id); x != nil {
				a = x
			}
		}
		if n := strings.TrimSpace(note); n != "" || e.Status != "" || e.RAG != "" {
			u := a.Updates[len(a.Updates)-1]
			if u.Note != n || u.Status != e.Status || u.RAG != e.RAG {
				t.Fatalf("the update reads back as %+v", u)
			}
		}
		if d := strings.TrimSpace(dl); d != "" && a.Deadline.Text != d {
			t.Fatalf("the deadline reads back as %q, not %q", a.Deadline.Text, d)
		}
	})
}

func actionsOf(f *planfile.File) []*plan.Action {
	var out []*plan.Action
	if f.Plan != nil {
		for _, s := range f.Plan.Sections {
			out = append(out, s.Actions...)
		}
	}
	return out
}
