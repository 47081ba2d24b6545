// Package planedit changes one action or one measure in a plan file's text, the way a careful
// person editing by hand would, for `cpp update` and `cpp returns import`. It owns no files and
// prints nothing: bytes in, bytes out.
//
// It edits by splicing text at the positions the YAML parser gives its nodes, never by encoding
// the file again: an encoder drops blank lines, moves comments and requotes values. Only the
// lines of the edited action (or measure) change; every other byte of the file (comments, blank
// lines, key order, quoting, block scalars, CRLF line breaks, a byte-order mark, a missing final
// line break) stays as it was.
//
// Batch is the one way in: it makes one or more edits to one file in one reading (`update` is a
// batch of one; a quarter's return is hundreds). An action's edit appends a dated entry to the
// action's `updates:` with the status, RAG, note and evidence given, sets the action's current
// `status:` and `rag:` to match, and with a deadline replaces `deadline:`. A measure's edit
// appends an observation to its `observations:`.
// Within the action:
//   - a value that is there is replaced where it is written, in its quotes, and a comment after
//     it stays; a status or RAG that already says the same is left as written;
//   - a key that is absent is added after the keys that come before it in the README's order
//     (status and RAG after deadline and leads, before `updates:`), at the keys' indentation; a
//     new `updates:` list goes at the end of the action;
//   - a new entry goes after the last one of the list, in the same style ({…} on one line, or a
//     key a line) and indentation; a list written `[]`, `[{…}]` or left empty becomes a block
//     list; a missing list is added in the style the file's other lists use;
//   - an action written as a flow mapping (`- {id: …, text: …}`) is first rewritten one key a
//     line, each value kept exactly as written (one spread over several lines is put on one,
//     text double-quoted);
//   - comment lines after the action belong to what follows them, so new lines go before them.
//
// New text is written unquoted only when it reads back as exactly that text (and not as true,
// null or a number to a YAML 1.1 reader); otherwise it is double-quoted, with escapes for line
// breaks and control characters.
//
// The result is read back with planfile before it is returned: it must have no errors, the
// edited action must hold exactly the values asked for, and everything else in the file must
// read as before. If not, the edit is refused with an error and no bytes are returned.
//
// An edit already recorded (an update or observation with the same date and words is there)
// returns the input unchanged, so importing the same return twice changes nothing the second
// time.
//
// Errors come in three types, for the command line to map to exit codes: *InputError (the edit
// is wrong: a bad status word, no date; bad usage), *NotFoundError (no such id, with the nearest
// ones) and *FileError (the file cannot be edited safely: it has errors already, it writes the id
// twice, a comment inside {…} or […] that rewriting would lose, or a result that would not read
// back as intended). Each message is one line; each has a hint.
package planedit

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/suggest"
	"github.com/cpp-plans/cpp/internal/termsafe"
)

// ActionEdit is one progress update of an action. Date is required, and at least one other
// field.
type ActionEdit struct {
	// Date is the update's date.
	Date time.Time
	// Status and RAG are the action's new current values, recorded in the update too; "" leaves
	// them as they are.
	Status plan.Status
	RAG    plan.RAG
	// Note and Evidence (a document or a URL) go in the update; "" records none.
	Note, Evidence string
	// Deadline replaces the action's deadline (or adds one); "" leaves it. It is checked in the
	// plan's quarter convention.
	Deadline string
	// Share marks the update's note as one young people may read (`share: young-people`);
	// ForYoungPeople is a short text for them instead (`for_young_people:`), which shares it too.
	Share          bool
	ForYoungPeople string
	// Plain replaces (or adds) the action's `plain:` sentence for young people; "" leaves it.
	Plain string
}

// MeasureEdit is one new figure for a measure.
type MeasureEdit struct {
	Date time.Time
	// Value is the figure as the user wrote it ("61.5"), written to the file as given.
	Value string
	// Source and Note are optional.
	Source, Note string
}

// The orders plan files write keys in (planfile's one table, the README's), to place a key that
// is absent. An action's updates go last: the list that grows stays at the end, after `parent:`
// too.
var (
	actionOrder  = append(slices.DeleteFunc(planfile.KindOf("action").Keys(), func(k string) bool { return k == "updates" }), "updates")
	measureOrder = planfile.KindOf("measure").Keys()
)

// NotFoundError says the file has no action (or measure) with the id: for the command line, a
// problem found (exit 1), with the nearest ids.
type NotFoundError struct {
	ID   string
	What string // "action" or "measure"
	// Is names what the id is instead ("measure" for an action asked for), or "".
	Is      string
	Nearest []string
	Hint    string
}

func (e *NotFoundError) Error() string {
	if e.Is != "" {
		return fmt.Sprintf("%s is %s, not %s", e.ID, article(e.Is), article(e.What))
	}
	return fmt.Sprintf("no %s %s in this file", e.What, e.ID)
}

// InputError says the edit itself is wrong (a status that is not a status, no date, a value that
// is not a number): for the command line, bad usage (exit 2).
type InputError struct {
	Field   string // the ActionEdit or MeasureEdit field: "status", "rag", "date", "value", …
	Message string
	Hint    string
}

func article(noun string) string {
	if strings.HasPrefix(noun, "a") {
		return "an " + noun
	}
	return "a " + noun
}

func (e *InputError) Error() string { return e.Message }

// FileError says the file cannot be edited safely: it already has errors, the id is written
// twice, it is laid out in a way the editor cannot change line by line, or the result would not
// read back as intended. Line and Col point into the file where known. For the command line, a
// problem found (exit 1); nothing is written.
type FileError struct {
	Line, Col int
	Message   string
	Hint      string
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Message)
	}
	return e.Message
}

func errLayout(msg string) *FileError {
	return &FileError{Message: "cannot edit the file in place: " + termsafe.Line(msg),
		Hint: "make the change by hand; if the file is valid YAML, report this as a bug"}
}

// Edited is an edit's result: the file's new text, and the plan as it read before and after, for
// showing the change without reading the file again. When the edit was already recorded, Data is
// the input and Before and After are nil.
type Edited struct {
	Data          []byte
	Before, After *plan.Plan
}

// parse reads a file's text for editing.
func parse(data []byte) *planfile.File {
	return planfile.Parse("", data, planfile.Options{KeepNodes: true})
}

// actionIn records an update of the action with the id in a file parsed with its YAML nodes.
func actionIn(f *planfile.File, id string, e ActionEdit) (Edited, error) {
	e, err := checkAction(e)
	if err != nil {
		return Edited{}, err
	}
	in, err := readFile(f)
	if err != nil {
		return Edited{}, err
	}
	p, err := planAction(in.file.Plan, id, e)
	if err != nil {
		return Edited{}, err
	}
	if p.ch == nil {
		return Edited{Data: f.Data}, nil
	}
	want := viewOf(in.file)
	p.mutate(&want)
	return apply(in, id, *p.ch, want)
}

// planned is an edit worked out against the plan as read: the change to splice, and what it does
// to the plan's view. A nil ch means the edit is already recorded.
type planned struct {
	ch     *change
	mutate func(*fileView)
}

// planAction works out a checked action edit against the plan.
func planAction(old *plan.Plan, id string, e ActionEdit) (planned, error) {
	a, err := findAction(old, id)
	if err != nil {
		return planned{}, err
	}
	ch, up, deadlineText, err := actionChange(old, a, e)
	if err != nil || ch == nil {
		return planned{}, err
	}
	return planned{ch: ch, mutate: func(want *fileView) {
		want.action(id, func(v *actionView) {
			if deadlineText != "" {
				d, err := deadline.Parse(deadlineText, old.Quarters)
				d.Text = deadlineText
				v.Deadline, v.HasDeadline, v.DeadlineErr = d, true, ""
				if err != nil {
					// A new deadline replaces the old one's reason too: one not understood
					// stays in a plan that validates.
					v.DeadlineErr = err.Error()
				}
			}
			if e.Status != "" {
				v.Status = e.Status
			}
			if e.RAG != "" {
				v.RAG = e.RAG
			}
			if up != nil {
				v.Updates = append(v.Updates, updateViewOf(*up))
			}
		})
	}}, nil
}

// measureIn records a new figure for the measure with the id in a file parsed with its YAML
// nodes.
func measureIn(f *planfile.File, id string, e MeasureEdit) (Edited, error) {
	o, num, err := checkMeasure(e)
	if err != nil {
		return Edited{}, err
	}
	in, err := readFile(f)
	if err != nil {
		return Edited{}, err
	}
	p, err := planMeasure(in.file.Plan, id, o, num)
	if err != nil {
		return Edited{}, err
	}
	if p.ch == nil {
		return Edited{Data: f.Data}, nil
	}
	want := viewOf(in.file)
	p.mutate(&want)
	return apply(in, id, *p.ch, want)
}

// checkMeasure checks what it can of a new figure without the plan: the observation to add, and
// its value as written.
func checkMeasure(e MeasureEdit) (plan.Observation, string, error) {
	if e.Date.IsZero() {
		return plan.Observation{}, "", &InputError{Field: "date", Message: "the figure needs a date", Hint: "give the date the figure is for, as YYYY-MM-DD"}
	}
	num, v, err := numberText(e.Value)
	if err != nil {
		return plan.Observation{}, "", err
	}
	src, err := cleanText("source", e.Source)
	if err != nil {
		return plan.Observation{}, "", err
	}
	note, err := cleanText("note", e.Note)
	if err != nil {
		return plan.Observation{}, "", err
	}
	return plan.Observation{Date: day(e.Date), HasDate: true, Value: v, Source: src, Note: note}, num, nil
}

// planMeasure works out a checked figure against the plan.
func planMeasure(old *plan.Plan, id string, o plan.Observation, num string) (planned, error) {
	m, err := findMeasure(old, id)
	if err != nil {
		return planned{}, err
	}
	for _, x := range m.Observations {
		if x.HasDate && x.Date.Equal(o.Date) && x.Value == o.Value && x.Source == o.Source && x.Note == o.Note {
			return planned{}, nil
		}
	}
	item := []field{{"date", value{kind: date, s: o.Date.Format(time.DateOnly)}}, {"value", value{kind: number, s: num}}}
	if o.Source != "" {
		item = append(item, field{"source", value{kind: text, s: o.Source}})
	}
	if o.Note != "" {
		item = append(item, field{"note", value{kind: text, s: o.Note}})
	}
	ch := &change{what: "measure", order: measureOrder, list: "observations", item: item}
	return planned{ch: ch, mutate: func(want *fileView) {
		want.measure(id, func(v *measureView) { v.Observations = append(v.Observations, observationViewOf(o)) })
	}}, nil
}

// input is a file about to be edited: its plan, and its YAML nodes, from one parse.
type input struct {
	file         *planfile.File
	prefix, body []byte // a byte-order mark, and the text after it
}

func readFile(f *planfile.File) (*input, error) {
	in := &input{file: f}
	in.prefix, in.body = splitBOM(f.Data)
	if d, bad := f.FirstError(); bad {
		return nil, &FileError{Line: d.Line, Col: d.Col, Message: "the file has errors; fix them before editing it: " + termsafe.Line(d.Message), Hint: d.Hint}
	}
	if f.Plan == nil {
		return nil, &FileError{Message: "the file holds no plan", Hint: "name a plan file, not a lead registry"}
	}
	if f.Root == nil {
		return nil, errLayout("the file was read without its YAML nodes")
	}
	return in, nil
}

func (in *input) root() (*yaml.Node, error) { return in.file.Root, nil }

func findAction(p *plan.Plan, id string) (*plan.Action, error) {
	var all []*plan.Action
	for _, s := range p.Sections {
		all = append(all, s.Actions...)
	}
	return findOne(p, "action", id, all, func(a *plan.Action) (string, plan.Pos) { return a.ID, a.Pos })
}

func findMeasure(p *plan.Plan, id string) (*plan.Measure, error) {
	all := slices.Clone(p.Measures)
	for _, s := range p.Sections {
		all = append(all, s.Measures...)
	}
	return findOne(p, "measure", id, all, func(m *plan.Measure) (string, plan.Pos) { return m.ID, m.Pos })
}

// findOne is the one item of all with the id: not found names the nearest ids, and an id written
// twice is refused, as the editor cannot tell which is meant.
func findOne[T any](p *plan.Plan, what, id string, all []T, idOf func(T) (string, plan.Pos)) (T, error) {
	var found []T
	var ids []string
	var at []plan.Pos
	for _, x := range all {
		xid, pos := idOf(x)
		ids = append(ids, xid)
		if xid == id {
			found = append(found, x)
			at = append(at, pos)
		}
	}
	var zero T
	if len(found) == 0 {
		return zero, notFound(p, what, id, ids)
	}
	if len(found) > 1 {
		return zero, twice(id, at[0], at[1])
	}
	return found[0], nil
}

func twice(id string, a, b plan.Pos) error {
	return &FileError{Line: b.Line, Col: b.Col, Message: fmt.Sprintf("id %s is written twice in this file (lines %d and %d), so which to edit is unclear", id, a.Line, b.Line),
		Hint: "give each action and measure its own id; cpp validate lists every repeat"}
}

func notFound(p *plan.Plan, what, id string, ids []string) error {
	e := &NotFoundError{ID: id, What: what, Nearest: suggest.Closest(id, ids, 3)}
	other := "measure"
	if what == "measure" {
		other = "action"
	}
	if (what == "action" && hasMeasure(p, id)) || (what == "measure" && hasAction(p, id)) {
		e.Is = other
		if other == "measure" {
			e.Hint = "a measure takes a figure (a value and a date), not a status, RAG or note"
		} else {
			e.Hint = "an action takes a status, RAG, note or deadline, not a figure"
		}
		return e
	}
	e.Hint = suggest.Hint(e.Nearest, "cpp list shows the ids of a plan's actions")
	return e
}

func hasMeasure(p *plan.Plan, id string) bool {
	found := slices.ContainsFunc(p.Measures, func(m *plan.Measure) bool { return m.ID == id })
	for _, s := range p.Sections {
		found = found || slices.ContainsFunc(s.Measures, func(m *plan.Measure) bool { return m.ID == id })
	}
	return found
}

func hasAction(p *plan.Plan, id string) bool {
	for _, s := range p.Sections {
		if s.Action(id) != nil {
			return true
		}
	}
	return false
}

// checkAction checks what it can of an edit without the plan, and trims its text as the plan
// reader will: bad usage is reported before any problem with the file.
func checkAction(e ActionEdit) (ActionEdit, error) {
	if e.Date.IsZero() {
		return e, &InputError{Field: "date", Message: "the update needs a date", Hint: "give the date of the update, as YYYY-MM-DD"}
	}
	if e.Status != "" && !slices.Contains(plan.Statuses, e.Status) {
		return e, &InputError{Field: "status", Message: fmt.Sprintf("%q is not a status", string(e.Status)),
			Hint: "use one of: " + joinWords(plan.Statuses)}
	}
	if e.RAG != "" && !slices.Contains(plan.RAGs, e.RAG) {
		return e, &InputError{Field: "rag", Message: fmt.Sprintf("%q is not a RAG rating", string(e.RAG)),
			Hint: "use one of: " + joinWords(plan.RAGs)}
	}
	var err error
	if e.Note, err = cleanText("note", e.Note); err != nil {
		return e, err
	}
	if e.Evidence, err = cleanText("evidence", e.Evidence); err != nil {
		return e, err
	}
	if e.Deadline, err = cleanText("deadline", e.Deadline); err != nil {
		return e, err
	}
	if e.ForYoungPeople, err = cleanText("for_young_people", e.ForYoungPeople); err != nil {
		return e, err
	}
	if e.Plain, err = cleanText("plain", e.Plain); err != nil {
		return e, err
	}
	if e.Share && e.Note == "" && e.ForYoungPeople == "" {
		return e, &InputError{Field: "share", Message: "nothing to share with young people: the update has no note",
			Hint: "give the note to share, or a text written for young people"}
	}
	if e.Status == "" && e.RAG == "" && e.Note == "" && e.Evidence == "" && e.Deadline == "" && e.ForYoungPeople == "" && e.Plain == "" {
		return e, &InputError{Message: "nothing to record: give a status, RAG, note, evidence or deadline",
			Hint: "an update says what changed, as in a note of the progress made"}
	}
	return e, nil
}

// actionChange turns a checked edit into keys to set and the update to append, checking the
// deadline in the plan's quarter convention. A nil change means there is nothing to do: the edit
// was recorded before.
func actionChange(p *plan.Plan, a *plan.Action, e ActionEdit) (*change, *plan.Update, string, error) {
	note, evidence, dl := e.Note, e.Evidence, e.Deadline
	if dl != "" {
		if _, err := deadline.Parse(dl, p.Quarters); err != nil {
			ie := &InputError{Field: "deadline", Message: err.Error(), Hint: deadline.Hint}
			if de, ok := err.(*deadline.Error); ok && de.Hint != "" {
				ie.Hint = de.Hint
			}
			return nil, nil, "", ie
		}
	}
	ch := &change{what: "action", order: actionOrder, list: "updates"}
	var up *plan.Update
	if e.Status != "" || e.RAG != "" || note != "" || evidence != "" || e.ForYoungPeople != "" {
		u := plan.Update{Date: day(e.Date), Status: e.Status, RAG: e.RAG, Note: note, Evidence: evidence, ForYoungPeople: e.ForYoungPeople}
		if e.Share {
			u.Share = plan.ShareYoungPeople
		}
		for _, x := range a.Updates {
			if x.Same(u) {
				return nil, nil, "", nil
			}
		}
		up = &u
		ch.item = []field{{"date", value{kind: date, s: u.Date.Format(time.DateOnly)}}}
		if u.Status != "" {
			ch.item = append(ch.item, field{"status", value{kind: word, s: string(u.Status)}})
		}
		if u.RAG != "" {
			ch.item = append(ch.item, field{"rag", value{kind: word, s: string(u.RAG)}})
		}
		if note != "" {
			ch.item = append(ch.item, field{"note", value{kind: text, s: note}})
		}
		if evidence != "" {
			ch.item = append(ch.item, field{"evidence", value{kind: text, s: evidence}})
		}
		if u.Share != "" {
			ch.item = append(ch.item, field{"share", value{kind: word, s: u.Share}})
		}
		if u.ForYoungPeople != "" {
			ch.item = append(ch.item, field{"for_young_people", value{kind: text, s: u.ForYoungPeople}})
		}
	}
	if dl != "" && (!a.HasDeadline || a.Deadline.Text != dl) {
		ch.set = append(ch.set, field{"deadline", value{kind: text, s: dl}})
	} else {
		dl = ""
	}
	if e.Plain != "" && e.Plain != a.Plain {
		ch.set = append(ch.set, field{"plain", value{kind: text, s: e.Plain}})
	}
	if e.Status != "" && e.Status != a.Status {
		ch.set = append(ch.set, field{"status", value{kind: word, s: string(e.Status)}})
	}
	if e.RAG != "" && e.RAG != a.RAG {
		ch.set = append(ch.set, field{"rag", value{kind: word, s: string(e.RAG)}})
	}
	if ch.item == nil && len(ch.set) == 0 {
		return nil, nil, "", nil
	}
	return ch, up, dl, nil
}

func joinWords[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// day drops the time of day: plan files hold dates.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// cleanText trims text as the plan reader does, and refuses what a plan file cannot hold.
func cleanText(name, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", &InputError{Field: name, Message: fmt.Sprintf("the %s is not valid UTF-8 text", name), Hint: "save the text as UTF-8"}
	}
	s = strings.TrimSpace(s)
	if name == "deadline" && strings.ContainsAny(s, "\r\n") {
		return "", &InputError{Field: name, Message: "the deadline has a line break in it", Hint: deadline.Hint}
	}
	return s, nil
}

// numberText checks a figure as the user wrote it: a number the plan reader reads as a number.
func numberText(s string) (string, float64, error) {
	t := strings.TrimSpace(s)
	bad := &InputError{Field: "value", Message: fmt.Sprintf("the value %q is not a number", s), Hint: "write a number such as 72.5"}
	if t == "" {
		bad.Message = "the figure needs a value"
		return "", 0, bad
	}
	if trimmed := strings.TrimSpace(strings.TrimSuffix(t, "%")); trimmed != t {
		bad.Hint = fmt.Sprintf("write %s; a unit such as %% goes in the measure's `unit:`", trimmed)
		return "", 0, bad
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		if c := strings.ReplaceAll(t, ",", ""); c != t {
			if _, err := strconv.ParseFloat(c, 64); err == nil {
				bad.Hint = fmt.Sprintf("write %s, without thousands separators", c)
			}
		}
		return "", 0, bad
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(t), &n) != nil || len(n.Content) != 1 || (n.Content[0].Tag != "!!int" && n.Content[0].Tag != "!!float") {
		bad.Hint = fmt.Sprintf("write it as %s", strconv.FormatFloat(v, 'f', -1, 64))
		return "", 0, bad
	}
	return t, v, nil
}

// apply splices the change into the file and reads the result back: it must have no errors and
// read as want.
func apply(in *input, id string, ch change, want fileView) (_ Edited, err error) {
	defer func() {
		// A slip in the editor must refuse the edit, never crash the command.
		if r := recover(); r != nil {
			err = errLayout(fmt.Sprintf("the editor failed: %v", r))
		}
	}()
	root, err := in.root()
	if err != nil {
		return Edited{}, err
	}
	out, err := splices(in.body, root, id, ch)
	if err != nil {
		return Edited{}, err
	}
	return readBack(in, out, want)
}

// readBack puts the byte-order mark back on the edited text and reads it: it must have no errors
// and read as want.
func readBack(in *input, out []byte, want fileView) (Edited, error) {
	res := make([]byte, 0, len(in.prefix)+len(out))
	res = append(append(res, in.prefix...), out...)
	f := planfile.Parse("", res, planfile.Options{})
	if d, bad := f.FirstError(); bad {
		return Edited{}, &FileError{Line: d.Line, Col: d.Col, Message: "the edit would make the file invalid: " + termsafe.Line(d.Message), Hint: d.Hint}
	}
	if got := viewOf(f); !reflect.DeepEqual(got, want) {
		return Edited{}, &FileError{Message: "the edit would not read back as intended: " + firstDiff(want, got),
			Hint: "make the change by hand; if the file is valid YAML, report this as a bug"}
	}
	return Edited{Data: res, Before: in.file.Plan, After: f.Plan}, nil
}
