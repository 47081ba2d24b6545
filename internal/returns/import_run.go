package returns

import (
	"io"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/render"
	"github.com/cpp-plans/cpp/internal/words"
)

// ImportOptions say how `returns import` records filled returns.
type ImportOptions struct {
	// Date is the day of the updates; zero is the day each return was made, within its quarter.
	Date time.Time
	// Broken says plan files with errors were left unread, which a refusal mentions.
	Broken bool
	// Problems is where the problems of refused returns are listed (stderr).
	Problems io.Writer
}

// ImportFiles reads the filled returns named and prepares the change they make to the plans, all
// or nothing: a return that does not say which day it was made (a CSV), when no Date is given, is
// bad usage; any problem in any return is listed on opts.Problems and refuses them all.
func ImportFiles(names []string, plans []*plan.Plan, opts ImportOptions) (*Import, error) {
	filled, probs := ReadFiles(names)
	if name := Undated(filled); name != "" && opts.Date.IsZero() {
		return nil, exitcode.Usagef("give the day the updates are for, as in --date 2025-09-30", "%s does not say which day the return was made (a CSV has no record of it): give --date", name)
	}
	im := Prepare(plans, filled, UpdateOptions{Date: opts.Date})
	if probs = append(probs, im.Problems...); len(probs) > 0 {
		return nil, refused(opts, probs, filled)
	}
	return im, nil
}

// refused lists the problems of the returns: nothing is written.
func refused(opts ImportOptions, probs []Problem, filled []*Filled) error {
	n, err := WriteProblems(opts.Problems, probs, filled)
	if err != nil {
		return err
	}
	hint := "correct the rows named (or ask their leads to) and import again"
	if opts.Broken {
		hint += "; plan files with errors were not read (see above)"
	}
	return exitcode.Problemf(hint, "returns import: %s; nothing written", words.Count(n, "problem", "problems"))
}

// Unchanged says that the returns change nothing, every answer being recorded already; "" when
// they change something.
func (im *Import) Unchanged() string {
	if len(im.Change.Files) > 0 {
		return ""
	}
	return "nothing to change: " + words.Count(im.Answered(), "answered row", "answered rows") + ", all already recorded"
}

// ImportSide names the returns as the new side of the change they make: the one file, or how
// many; a dry run says nothing is written.
func ImportSide(names []string, dryRun bool) render.Side {
	to := render.Side{Rev: names[0]}
	if len(names) > 1 {
		to.Rev = words.Count(len(names), "return", "returns")
	}
	if dryRun {
		to.Rev += " (dry run: nothing written)"
	}
	return to
}
