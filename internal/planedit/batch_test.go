package planedit

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// TestBatchMatchesOneByOne: for every plan file and a batch of random edits to distinct actions
// and measures, the batch reads back exactly as the same edits made one at a time, every line
// outside the edited items is byte-identical, and the same batch again changes nothing.
func TestBatchMatchesOneByOne(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a property test of random batches on every plan")
	}
	rounds := 2
	values := []string{"0", "12", "61.5", "-3", "1e3", ".5", "100.0"}
	for _, e := range editables(t) {
		t.Run(e.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(len(e.data)), 11))
			for range rounds {
				var edits []Edit
				for _, a := range e.actions {
					if r.IntN(3) == 0 {
						ae := randomActionEdit(r)
						edits = append(edits, Edit{ID: a.ID, Action: &ae})
					}
				}
				for _, m := range e.measures {
					if r.IntN(3) == 0 {
						me := MeasureEdit{Date: time.Date(2025+r.IntN(3), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC),
							Value: values[r.IntN(len(values))], Source: randomText(r), Note: randomText(r)}
						edits = append(edits, Edit{ID: m.ID, Measure: &me})
					}
				}
				r.Shuffle(len(edits), func(i, j int) { edits[i], edits[j] = edits[j], edits[i] })
				// Enough to put edits side by side; making them one by one to compare is slow.
				edits = edits[:min(len(edits), 12)]
				checkBatch(t, e.data, edits)
			}
		})
	}
}

func checkBatch(t *testing.T, data []byte, edits []Edit) {
	t.Helper()
	var ranges [][2]int
	for _, e := range edits {
		what := "action"
		if e.Measure != nil {
			what = "measure"
		}
		first, last := itemLines(t, data, what, e.ID)
		ranges = append(ranges, [2]int{first, last})
	}
	got, done, err := batch(parse(data), edits)
	if err != nil || !done {
		t.Fatalf("%d edits: %v (made in one pass: %v)", len(edits), err, done)
	}
	want, err := oneByOne(data, edits)
	if err != nil {
		t.Fatalf("one by one: %v", err)
	}
	gv, wv := viewOf(planfile.Parse("", got.Data, planfile.Options{})), viewOf(planfile.Parse("", want.Data, planfile.Options{}))
	if !reflect.DeepEqual(gv, wv) {
		t.Fatalf("the batch reads back otherwise than the edits one by one:\n%s", firstDiff(wv, gv))
	}
	if (got.After == nil) != (want.After == nil) {
		t.Fatalf("After: batch %v, one by one %v", got.After != nil, want.After != nil)
	}
	checkOutsideAll(t, data, got.Data, ranges)
	again, err := Batch(got.Data, edits, Options{})
	if err != nil || string(again.Data) != string(got.Data) || again.After != nil {
		t.Fatalf("the same batch again changed the file (%v)", err)
	}
}

// checkOutsideAll fails unless out is data with only the given line ranges (1-based) replaced:
// the lines between them appear in order, the first at the start and the last at the end.
func checkOutsideAll(t *testing.T, data, out []byte, ranges [][2]int) {
	t.Helper()
	slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
	a, b := lines(data), lines(out)
	var kept [][]string
	at := 0
	for _, r := range ranges {
		kept = append(kept, a[at:r[0]-1])
		at = r[1]
	}
	kept = append(kept, a[at:])
	pos := 0
	for i, seg := range kept {
		switch {
		case i == 0:
			if len(b) < len(seg) || !slices.Equal(b[:len(seg)], seg) {
				t.Fatalf("lines before the first edited item changed:\n%s", unified(a, b))
			}
			pos = len(seg)
		case i == len(kept)-1:
			if len(b)-len(seg) < pos || !slices.Equal(b[len(b)-len(seg):], seg) {
				t.Fatalf("lines after the last edited item changed:\n%s", unified(a, b))
			}
		default:
			found := -1
			for j := pos; j+len(seg) <= len(b); j++ {
				if slices.Equal(b[j:j+len(seg)], seg) {
					found = j
					break
				}
			}
			if found < 0 {
				t.Fatalf("lines between edited items changed: %q", seg)
			}
			pos = found + len(seg)
		}
	}
}

func TestBatchErrors(t *testing.T) {
	good := head + `      - id: t.p1.1
        text: Recruit mentors.
      - id: t.p1.2
        text: Another.
    measures:
      - {id: t.p1.m1, text: Mentors}
`
	note := func(s string) *ActionEdit { return &ActionEdit{Date: oct1, Note: s} }
	tests := []struct {
		name  string
		file  string
		edits []Edit
		want  map[int]string // edit index → what its error says
		file_ string         // a whole-file error instead
	}{
		{name: "every bad edit named", file: good, edits: []Edit{
			{ID: "t.p1.1", Action: note("fine")},
			{ID: "t.p1.9", Action: note("x")},
			{ID: "t.p1.2", Action: &ActionEdit{Date: oct1, Deadline: "Q5 2025"}},
			{ID: "t.p1.m1", Measure: &MeasureEdit{Date: oct1, Value: "3"}},
		}, want: map[int]string{1: "no action t.p1.9", 2: "Q5 2025"}},
		{name: "bad usage before the file is read", file: "id: [", edits: []Edit{
			{ID: "t.p1.1", Action: &ActionEdit{Date: oct1, Status: "done"}},
		}, want: map[int]string{0: `"done" is not a status`}},
		{name: "one id twice", file: good, edits: []Edit{
			{ID: "t.p1.1", Action: note("a")}, {ID: "t.p1.1", Action: note("b")},
		}, want: map[int]string{1: "edited twice in one batch (edits 1 and 2)"}},
		{name: "an item that cannot be changed line by line is named", file: head[:len(head)-1] + " [{id: t.p1.1, text: A.}]\n  - id: t.p2\n    kind: priority\n    title: P2\n    actions:\n      - id: t.p2.1\n        text: B.\n",
			edits: []Edit{{ID: "t.p2.1", Action: note("fine")}, {ID: "t.p1.1", Action: note("x")}},
			want:  map[int]string{1: "inside a flow list"}},
		{name: "the file has errors", file: good + "      - id: t.p1.9\n", edits: []Edit{{ID: "t.p1.1", Action: note("x")}}, file_: "the file has errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, done, err := batch(parse([]byte(tt.file)), tt.edits)
			if !done {
				t.Fatalf("not done in one pass: %v", err)
			}
			if err == nil {
				t.Fatalf("no error; got\n%s", ed.Data)
			}
			if ed.Data != nil {
				t.Errorf("bytes returned with an error")
			}
			if tt.file_ != "" {
				var fe *FileError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.file_) {
					t.Fatalf("err = %v, want a FileError saying %q", err, tt.file_)
				}
				return
			}
			var be BatchError
			if !errors.As(err, &be) {
				t.Fatalf("err = %T %v, want a BatchError", err, err)
			}
			got := map[int]string{}
			for _, x := range be {
				got[x.Index] = x.Err.Error()
			}
			if len(got) != len(tt.want) {
				t.Fatalf("errors %v, want %v", got, tt.want)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("edit %d: %q does not say %q", i, got[i], w)
				}
			}
		})
	}
}

// BenchmarkBatch300 records an update on every action of a 300-action plan, as a quarter's
// return does.
func BenchmarkBatch300(b *testing.B) {
	data := synth.Plan(7, synth.Corpus{Plans: 1, ActionsPerPlan: 300, SectionsPerPlan: 6}, 0)
	f := planfile.Parse("", data, planfile.Options{})
	var edits []Edit
	for _, s := range f.Plan.Sections {
		for _, a := range s.Actions {
			edits = append(edits, Edit{ID: a.ID, Action: &ActionEdit{Date: oct1, Status: "in-progress", RAG: "amber", Note: "On track; two mentors recruited."}})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Batch(data, edits, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The slow path, for a result that would not read back as intended, names the edit that fails
// and makes none.
func TestOneByOneNamesTheEdit(t *testing.T) {
	file := head + "      - id: t.p1.1\n        text: A.\n      - {id: t.p1.2,  # a comment\n         text: B.}\n"
	ed, err := oneByOne([]byte(file), []Edit{{ID: "t.p1.1", Action: &ActionEdit{Date: oct1, Note: "x"}}, {ID: "t.p1.2", Action: &ActionEdit{Date: oct1, Note: "y"}}})
	var be BatchError
	if !errors.As(err, &be) || len(be) != 1 || be[0].Index != 1 || !strings.Contains(be[0].Error(), "comments inside its braces") || ed.Data != nil {
		t.Fatalf("err = %v, data %q", err, ed.Data)
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Errorf("a BatchError does not unwrap to its edits' errors")
	}
}

// editAction and editMeasure are batches of one, for the tests written an edit at a time: the
// file's text after the edit, and the edit's own error.
func editAction(data []byte, id string, e ActionEdit) ([]byte, error) {
	return one(Batch(data, []Edit{{ID: id, Action: &e}}, Options{}))
}

func editMeasure(data []byte, id string, e MeasureEdit) ([]byte, error) {
	return one(Batch(data, []Edit{{ID: id, Measure: &e}}, Options{}))
}

func one(ed Edited, err error) ([]byte, error) {
	var be BatchError
	if errors.As(err, &be) && len(be) == 1 {
		err = be[0].Err
	}
	return ed.Data, err
}
