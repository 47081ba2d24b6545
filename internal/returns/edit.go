package returns

import (
	"errors"
	"fmt"

	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planedit"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// Change is what the updates do to the plans: each file's new text with the stamp of the text it
// was made from, and the edited plans before and after.
type Change struct {
	Files         []FileEdit
	Before, After []*plan.Plan
}

// FileEdit is a plan file's new text, and the stamp of the text it was made from, so that the
// write can refuse a file that changed meanwhile.
type FileEdit struct {
	Path  string
	Data  []byte
	Stamp safewrite.Stamp
}

// Edit makes the updates to each plan file together, on the file as read now, as one
// planedit.Batch, so each file is checked whole. A problem (a file that cannot be read or
// edited, an update the file refuses) is named at the row that asked for it, or in the file.
func Edit(ups []*Update) (Change, []Problem) {
	var ch Change
	var probs []Problem
	files, byFile := byPlanFile(ups)
	for _, path := range files {
		data, stamp, err := safewrite.Read(path, planfile.MaxSize)
		if err != nil {
			probs = append(probs, Problem{At: Place{File: path}, Message: "cannot read it: " + safewrite.Reason(err)})
			continue
		}
		list := byFile[path]
		edits := make([]planedit.Edit, len(list))
		for i, u := range list {
			edits[i] = u.Edit
		}
		ed, err := planedit.Batch(data, edits, planedit.Options{})
		var be planedit.BatchError
		switch {
		case errors.As(err, &be):
			for _, x := range be {
				probs = append(probs, list[x.Index].EditProblem(x.Err))
			}
		case err != nil:
			probs = append(probs, fileProblem(path, err))
		case ed.After != nil:
			ch.Files = append(ch.Files, FileEdit{Path: path, Data: ed.Data, Stamp: stamp})
			ch.Before, ch.After = append(ch.Before, ed.Before), append(ch.After, ed.After)
		}
	}
	return ch, probs
}

// byPlanFile groups the updates by the file of their plan, the files in the order first named.
func byPlanFile(ups []*Update) ([]string, map[string][]*Update) {
	var files []string
	byFile := map[string][]*Update{}
	for _, u := range ups {
		path := u.Found.Plan.File
		if byFile[path] == nil {
			files = append(files, path)
		}
		byFile[path] = append(byFile[path], u)
	}
	return files, byFile
}

// fileProblem is a problem with the plan file itself, at its line and column when known.
func fileProblem(path string, err error) Problem {
	at, msg := Place{File: path}, err.Error()
	var fe *planedit.FileError
	if errors.As(err, &fe) && fe.Line > 0 {
		at.File, msg = fmt.Sprintf("%s:%d:%d", path, fe.Line, fe.Col), fe.Message
	}
	return Problem{At: at, Message: msg}
}
