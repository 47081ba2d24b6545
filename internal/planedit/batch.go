package planedit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
)

// Edit is one edit of a batch: of the action with the id (Action set) or of the measure with the
// id (Measure set).
type Edit struct {
	ID      string
	Action  *ActionEdit
	Measure *MeasureEdit
}

// EditError is the error of one edit of a batch: Index is its place in the edits given.
type EditError struct {
	Index int
	Err   error
}

func (e EditError) Error() string { return e.Err.Error() }

func (e EditError) Unwrap() error { return e.Err }

// BatchError lists every edit of a batch that cannot be made, in the order given.
type BatchError []EditError

func (e BatchError) Unwrap() []error {
	errs := make([]error, len(e))
	for i, x := range e {
		errs[i] = x.Err
	}
	return errs
}

func (e BatchError) Error() string {
	msgs := make([]string, len(e))
	for i, x := range e {
		msgs[i] = fmt.Sprintf("edit %d: %v", x.Index+1, x.Err)
	}
	return strings.Join(msgs, "; ")
}

// Options are a batch's options.
type Options struct {
	// Parsed is the file as the caller has read it already, with planfile.Options{KeepNodes:
	// true}: the batch edits it instead of parsing the text a second time, when its text is data.
	Parsed *planfile.File
}

// Batch makes one or more edits to one file, each of a different action or measure, as if made
// one after another: only the lines of the edited items change, an edit
// already recorded changes nothing, and the result is read back and checked, whole. It reads the
// file and checks the result once, not once an edit: a quarter's return is hundreds of edits to
// a few files, and each reading of a large plan takes milliseconds.
//
// A new list (an action's first `updates:`) takes the style the file's lists have before the
// batch, so every new list of one batch looks alike.
//
// Either every edit is made or none is. A problem with the file itself (it has errors, it holds
// no plan) is returned as it is; problems with edits as a BatchError naming every edit that
// cannot be made. A problem found only in the result (it would not read back as intended) is
// traced to its edit by making the edits one at a time, which is slow, and rare.
func Batch(data []byte, edits []Edit, opts Options) (Edited, error) {
	f := opts.Parsed
	if f == nil || f.Root == nil || !bytes.Equal(f.Data, data) {
		f = parse(data)
	}
	if ed, done, err := batch(f, edits); done {
		return ed, err
	}
	return oneByOne(data, edits)
}

// batch is Batch in one pass; done is false when the result is not as intended, for oneByOne to
// find out why.
func batch(f *planfile.File, edits []Edit) (_ Edited, done bool, _ error) {
	var bad BatchError
	checked := make([]checkedEdit, len(edits))
	seen := map[string]int{}
	for i, e := range edits {
		c, err := checkEdit(e)
		if err == nil {
			if j, ok := seen[e.ID]; ok {
				err = &InputError{Message: fmt.Sprintf("%s is edited twice in one batch (edits %d and %d)", e.ID, j+1, i+1),
					Hint: "make one edit of each action or measure"}
			}
			seen[e.ID] = i
		}
		if err != nil {
			bad = append(bad, EditError{Index: i, Err: err})
		}
		checked[i] = c
	}
	if bad != nil {
		return Edited{}, true, bad
	}
	in, err := readFile(f)
	if err != nil {
		return Edited{}, true, err
	}
	var jobs []job
	var of []int // the edit each job makes
	var mutates []func(*fileView)
	for i, e := range checked {
		var p planned
		if e.action != nil {
			p, err = planAction(in.file.Plan, e.id, *e.action)
		} else {
			p, err = planMeasure(in.file.Plan, e.id, e.obs, e.num)
		}
		switch {
		case err != nil:
			bad = append(bad, EditError{Index: i, Err: err})
		case p.ch != nil:
			jobs = append(jobs, job{id: e.id, ch: *p.ch})
			of = append(of, i)
			mutates = append(mutates, p.mutate)
		}
	}
	if bad != nil {
		return Edited{}, true, bad
	}
	if len(jobs) == 0 {
		return Edited{Data: f.Data}, true, nil
	}
	want := viewOf(in.file)
	for _, m := range mutates {
		m(&want)
	}
	ed, err := applyAll(in, jobs, want)
	if be, ok := err.(BatchError); ok {
		for k := range be {
			be[k].Index = of[be[k].Index]
		}
		return Edited{}, true, be
	}
	return ed, err == nil, nil
}

// checkedEdit is an edit as checked before reading the file: an action's edit trimmed, or a
// measure's observation and its value as written.
type checkedEdit struct {
	id     string
	action *ActionEdit
	obs    plan.Observation
	num    string
}

// checkEdit checks an edit before reading the file, so that bad usage
// is named before any problem with the file.
func checkEdit(e Edit) (checkedEdit, error) {
	c := checkedEdit{id: e.ID}
	switch {
	case (e.Action == nil) == (e.Measure == nil):
		return c, &InputError{Message: fmt.Sprintf("the edit of %s is of neither an action nor a measure, or of both", e.ID),
			Hint: "report this as a bug"}
	case e.Action != nil:
		a, err := checkAction(*e.Action)
		c.action = &a
		return c, err
	default:
		var err error
		c.obs, c.num, err = checkMeasure(*e.Measure)
		return c, err
	}
}

func applyAll(in *input, jobs []job, want fileView) (_ Edited, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errLayout(fmt.Sprintf("the editor failed: %v", r))
		}
	}()
	root, err := in.root()
	if err != nil {
		return Edited{}, err
	}
	out, err := spliceAll(in.body, root, jobs)
	if err != nil {
		return Edited{}, err
	}
	return readBack(in, out, want)
}

// oneByOne makes the edits one after another, to name the edit that goes wrong.
func oneByOne(data []byte, edits []Edit) (Edited, error) {
	var bad BatchError
	var res Edited
	cur := data
	for i, e := range edits {
		var ed Edited
		var err error
		if e.Action != nil {
			ed, err = actionIn(parse(cur), e.ID, *e.Action)
		} else {
			ed, err = measureIn(parse(cur), e.ID, *e.Measure)
		}
		if err != nil {
			bad = append(bad, EditError{Index: i, Err: err})
			continue
		}
		if ed.After == nil {
			continue
		}
		if res.Before == nil {
			res.Before = ed.Before
		}
		res.After, cur = ed.After, ed.Data
	}
	if bad != nil {
		return Edited{}, bad
	}
	res.Data = cur
	return res, nil
}
