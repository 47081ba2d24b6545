package planedit

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/testutil/synth"
)

// corpus is every plan file the repository ships or tests with: the bundled plans, the report
// fixture, the plans inside the testscripts (where flow-style actions live), a synthetic plan,
// and CRLF and byte-order-mark copies of the bundled plans.
func corpus(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	paths, _ := filepath.Glob("../../plans/*.yaml")
	fixtures, _ := filepath.Glob("../../testdata/report/fixture/*.yaml")
	for _, p := range append(paths, fixtures...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
		if strings.HasPrefix(p, "../../plans/") {
			files[p+" (CRLF)"] = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			files[p+" (BOM)"] = append([]byte("\xef\xbb\xbf"), data...)
		}
	}
	scripts, _ := filepath.Glob("../../testdata/script/*.txtar")
	for _, s := range scripts {
		ar, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if planfile.IsPlanFile(f.Name) {
				files[s+":"+f.Name] = f.Data
			}
		}
	}
	files["synth"] = synth.Plan(1, synth.Corpus{Plans: 1, ActionsPerPlan: 60, SectionsPerPlan: 3}, 0)
	if len(paths) < 5 {
		t.Fatalf("found %d bundled plans", len(paths))
	}
	return files
}

// editable is a plan file without errors, with its actions and measures.
type editable struct {
	name     string
	data     []byte
	actions  []*plan.Action
	measures []*plan.Measure
}

func editables(t testing.TB) []editable {
	var out []editable
	files := corpus(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f := planfile.Parse(n, files[n], planfile.Options{})
		if f.HasErrors() || f.Plan == nil {
			continue
		}
		e := editable{name: n, data: files[n], measures: f.Plan.Measures}
		for _, s := range f.Plan.Sections {
			e.actions = append(e.actions, s.Actions...)
			e.measures = append(e.measures, s.Measures...)
		}
		if len(e.actions) > 0 && !repeated(e) {
			out = append(out, e)
		}
	}
	return out
}

// repeated reports a file that writes an id twice, which the editor refuses (tested apart).
func repeated(e editable) bool {
	seen := map[string]bool{}
	for _, a := range e.actions {
		if seen[a.ID] {
			return true
		}
		seen[a.ID] = true
	}
	return false
}

// Nasty text for notes: what YAML reads as something else, line breaks, control characters and
// characters from beyond ASCII, in random mixtures.
var pieces = []string{"Done", ": ", " #", "#", "-", "- ", "*", "&", "!", "'", `"`, "yes", "no", "null", "~", "\n", "\r\n",
	"\t", " ", "é", "日本", "🎉", "\x00", "\x07", "\x7f", "\u0085", "\u2028", "\ufeff", "{", "}", "[", "]", ",", "|", ">",
	"%", "@", "`", "?", "\\", "2025", "1.5", "https://example.org/a?b=1#c", "Two mentors recruited; training in October."}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

var deadlines = []string{"", "", "", "Q3 2025", "Q1 2026", "September 2026", "2026-03-31", "2027", "2025-2028", "Ongoing",
	"Reviewed annually", "monthly", "Q4 2025/26", "by 2027", "30/09/2026"}

func randomActionEdit(r *rand.Rand) ActionEdit {
	e := ActionEdit{Date: time.Date(2025+r.IntN(3), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)}
	if r.IntN(3) > 0 {
		e.Status = plan.Statuses[r.IntN(len(plan.Statuses))]
	}
	if r.IntN(2) == 0 {
		e.RAG = plan.RAGs[r.IntN(len(plan.RAGs))]
	}
	if r.IntN(4) > 0 {
		e.Note = randomText(r)
	}
	if r.IntN(4) == 0 {
		e.Evidence = randomText(r)
	}
	e.Deadline = deadlines[r.IntN(len(deadlines))]
	if e.Status == "" && e.RAG == "" && strings.TrimSpace(e.Note) == "" && strings.TrimSpace(e.Evidence) == "" && e.Deadline == "" {
		e.Note = "Progress made."
	}
	return e
}

// lines splits a file into lines, each with its own line break, where the YAML parser breaks
// them: CRLF, CR, LF, NEL, LS and PS.
func lines(data []byte) []string {
	var out []string
	s := string(data)
	for {
		i := strings.IndexAny(s, "\r\n\u0085\u2028\u2029")
		if i < 0 {
			return append(out, s)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if strings.HasPrefix(s[i:], "\r\n") {
			size = 2
		}
		out = append(out, s[:i+size])
		s = s[i+size:]
	}
}

// itemLines is where an action or measure is written in a file: from the line of its first key
// to its last line that is neither blank nor only a comment, before the next thing in the file.
// It is worked out from the parser's nodes here, apart from the editor's own reckoning.
func itemLines(t testing.TB, data []byte, what, id string) (first, last int) {
	var root yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(data, bom), &root); err != nil {
		t.Fatal(err)
	}
	tg, ok := locate(&root, what, id)
	if !ok {
		t.Fatalf("%s %s not found", what, id)
	}
	inside := map[*yaml.Node]bool{}
	maxLine := 0
	var mark func(n *yaml.Node)
	mark = func(n *yaml.Node) {
		inside[n] = true
		maxLine = max(maxLine, n.Line)
		for _, c := range n.Content {
			mark(c)
		}
	}
	mark(tg.node)
	next := len(lines(data)) + 1
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if !inside[n] && n.Line > maxLine && n.Line < next {
			next = n.Line
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	ls := lines(data)
	last = next - 1
	for last > maxLine {
		s := strings.TrimSpace(ls[last-1])
		if s != "" && !strings.HasPrefix(s, "#") && s != "-" {
			break
		}
		last--
	}
	// The empty lines after a kept block scalar (|+) are part of its value.
	if n := lastNode(tg.node); n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.Contains(ls[n.Line-1], "+") {
		for last < next-1 && strings.TrimSpace(ls[last]) == "" && strings.ContainsAny(ls[last], "\r\n\u0085\u2028\u2029") {
			last++
		}
	}
	return tg.node.Line, last
}

func lastNode(n *yaml.Node) *yaml.Node {
	for len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n
}

// checkOutside fails unless out is data with only the lines first..last (1-based) replaced.
func checkOutside(t testing.TB, data, out []byte, first, last int, what string) {
	t.Helper()
	a, b := lines(data), lines(out)
	before, after := a[:first-1], a[last:]
	if len(b) < len(before)+len(after) ||
		!reflect.DeepEqual(b[:len(before)], before) || !reflect.DeepEqual(b[len(b)-len(after):], after) {
		t.Fatalf("%s: lines outside %d-%d changed:\n%s", what, first, last, unified(a, b))
	}
}

func unified(a, b []string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	j := 0
	for j < len(a)-i && j < len(b)-i && a[len(a)-1-j] == b[len(b)-1-j] {
		j++
	}
	return fmt.Sprintf("from line %d:\n- %q\n+ %q", i+1, a[i:len(a)-j], b[i:len(b)-j])
}

// TestEveryPlanRandomEdits: for every plan file and random edits to random actions and measures,
// every line outside the edited item is byte-identical, and the file reads back with exactly
// the change asked for and nothing else.
func TestEveryPlanRandomEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a property test of 20 random edits to every plan")
	}
	n := 20
	for _, e := range editables(t) {
		t.Run(e.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(len(e.data)), 10))
			data := e.data
			for i := 0; i < n; i++ {
				if len(e.measures) > 0 && r.IntN(5) == 0 {
					m := e.measures[r.IntN(len(e.measures))]
					data = editMeasureChecked(t, data, m.ID, r)
					continue
				}
				a := e.actions[r.IntN(len(e.actions))]
				data = editActionChecked(t, data, a.ID, randomActionEdit(r))
			}
		})
	}
}

func editActionChecked(t testing.TB, data []byte, id string, e ActionEdit) []byte {
	t.Helper()
	first, last := itemLines(t, data, "action", id)
	before := planfile.Parse("before", data, planfile.Options{})
	out, err := editAction(data, id, e)
	if err != nil {
		t.Fatalf("%s %+v: %v", id, e, err)
	}
	checkOutside(t, data, out, first, last, id)
	after := planfile.Parse("after", out, planfile.Options{})
	if after.HasErrors() {
		t.Fatalf("%s: the result has errors: %v", id, after.Diags)
	}
	// What the action should say now, worked out from the edit alone.
	want := viewOf(before)
	note, evidence, dl := strings.TrimSpace(e.Note), strings.TrimSpace(e.Evidence), strings.TrimSpace(e.Deadline)
	u := plan.Update{Date: e.Date, Status: e.Status, RAG: e.RAG, Note: note, Evidence: evidence}
	recorded := false
	for _, s := range before.Plan.Sections {
		if a := s.Action(id); a != nil {
			recorded = slices.ContainsFunc(a.Updates, u.Same)
		}
	}
	want.action(id, func(a *actionView) {
		if recorded {
			return
		}
		if e.Status != "" {
			a.Status = e.Status
		}
		if e.RAG != "" {
			a.RAG = e.RAG
		}
		if dl != "" {
			a.Deadline.Text, a.HasDeadline, a.DeadlineErr = dl, true, ""
			// The old deadline's reason goes with it: one not understood is in a plan that
			// validates, and the new one may read.
			if _, err := deadline.Parse(dl, before.Plan.Quarters); err != nil {
				a.DeadlineErr = err.Error()
			}
		}
		if e.Status != "" || e.RAG != "" || note != "" || evidence != "" {
			a.Updates = append(a.Updates, updateViewOf(u))
		}
	})
	got := viewOf(after)
	// The deadline's meaning is the deadline package's business; its text is the editor's.
	got.action(id, func(a *actionView) { a.Deadline = deadlineText(a.Deadline.Text) })
	want.action(id, func(a *actionView) { a.Deadline = deadlineText(a.Deadline.Text) })
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s %+v: reads back as\n%s", id, e, firstDiff(want, got))
	}
	if recorded && !bytes.Equal(out, data) {
		t.Fatalf("%s: an update already recorded changed the file", id)
	}
	return out
}

func editMeasureChecked(t testing.TB, data []byte, id string, r *rand.Rand) []byte {
	t.Helper()
	values := []string{"0", "12", "61.5", "-3", "1e3", ".5", "100.0"}
	e := MeasureEdit{Date: time.Date(2025+r.IntN(3), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC),
		Value: values[r.IntN(len(values))], Source: randomText(r), Note: randomText(r)}
	first, last := itemLines(t, data, "measure", id)
	out, err := editMeasure(data, id, e)
	if err != nil {
		t.Fatalf("%s %+v: %v", id, e, err)
	}
	checkOutside(t, data, out, first, last, id)
	after := planfile.Parse("after", out, planfile.Options{})
	if after.HasErrors() {
		t.Fatalf("%s: the result has errors: %v", id, after.Diags)
	}
	var m *plan.Measure
	all := after.Plan.Measures
	for _, s := range after.Plan.Sections {
		all = append(all, s.Measures...)
	}
	for _, x := range all {
		if x.ID == id {
			m = x
		}
	}
	o := m.Observations[len(m.Observations)-1]
	if !o.Date.Equal(e.Date) || fmt.Sprint(o.Value) != fmt.Sprint(mustFloat(e.Value)) || o.Source != strings.TrimSpace(e.Source) || o.Note != strings.TrimSpace(e.Note) {
		t.Fatalf("%s: the new figure reads back as %+v, not %+v", id, o, e)
	}
	return out
}

func mustFloat(s string) float64 {
	_, v, _ := numberText(s)
	return v
}

func deadlineText(s string) deadline.Deadline { return deadline.Deadline{Text: s} }
