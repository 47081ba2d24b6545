package returns

import (
	"fmt"
	"slices"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/safewrite"
	"github.com/cpp-plans/cpp/internal/validate"
)

// ReadFiles reads the filled returns named (see Read) through the safe reader. A file that cannot
// be read is a problem at the file, and keeps its place among the returns, so that its problem is
// listed where the file was named.
func ReadFiles(names []string) ([]*Filled, []Problem) {
	var filled []*Filled
	var probs []Problem
	for _, name := range names {
		data, err := safewrite.ReadFile(name, MaxSize)
		if err != nil {
			probs = append(probs, Problem{At: Place{File: name}, Message: "cannot read it: " + safewrite.Reason(err)})
			filled = append(filled, &Filled{File: name})
			continue
		}
		f, ps := Read(name, data)
		probs = append(probs, ps...)
		filled = append(filled, f)
	}
	return filled, probs
}

// Undated is the first return with answers that does not say which day it was made (a CSV has no
// record of it), whose updates cannot be dated unless a day is given; "" when there is none.
func Undated(filled []*Filled) string {
	for _, f := range filled {
		if f.Exported.IsZero() && len(f.Actions)+len(f.Measures) > 0 {
			return f.File
		}
	}
	return ""
}

// Import is what filled returns do to the plans: the updates they ask for, the change those
// make to the plan files, and every problem found on the way. The change is to be written only
// when there is no problem: a return is recorded all or nothing.
type Import struct {
	Updates  []*Update
	Change   Change
	Problems []Problem
}

// Prepare turns filled returns into the change they make to the plans (see Updates and Edit). An
// update of an id that two places define is a problem at each row that asks for it, and is not
// made: which definition it means cannot be told.
func Prepare(plans []*plan.Plan, filled []*Filled, opts UpdateOptions) *Import {
	ups, probs := Updates(plans, filled, opts)
	ups = slices.DeleteFunc(ups, func(u *Update) bool {
		where := validate.Ambiguous(plans, u.Found.ID())
		for _, at := range u.At {
			if where != "" {
				probs = append(probs, Problem{At: at, Message: fmt.Sprintf(
					"id %q is defined more than once, so cpp cannot tell which to update: %s; rename one of them (cpp validate names them)", u.Found.ID(), where)})
			}
		}
		return where != ""
	})
	change, ps := Edit(ups)
	return &Import{Updates: ups, Change: change, Problems: append(probs, ps...)}
}

// Answered counts the rows that answered for the updates: an action on two leads' sheets may be
// answered on both.
func (im *Import) Answered() int {
	n := 0
	for _, u := range im.Updates {
		n += len(u.At)
	}
	return n
}
