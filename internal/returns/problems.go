package returns

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cpp-plans/cpp/internal/termsafe"
	"github.com/cpp-plans/cpp/internal/words"
)

// MaxListed is how many problems are listed; the rest are counted. A return of a hundred
// thousand bad rows is refused as quickly as one of ten, in memory that does not grow with it,
// and its first problems are the ones to fix first.
const MaxListed = 20

// Problem is what is wrong with a row of a return, or with the return. A problem with More and no
// Message stands for More problems at its sheet that were counted and not kept.
type Problem struct {
	At      Place
	Message string
	More    int
}

func (p Problem) String() string { return p.At.String() + ": " + p.Message }

// collector keeps the first MaxListed problems of each sheet of each return, as they are found
// (down the sheet), and counts the rest: the first MaxListed of all, sorted, are among those kept.
// A problem with the return as a whole is kept once.
type collector struct {
	list []Problem
	kept map[Place]int // by file and sheet
	more map[Place]int
}

func newCollector() *collector {
	return &collector{kept: map[Place]int{}, more: map[Place]int{}}
}

func (c *collector) add(probs ...Problem) {
	for _, p := range probs {
		if p.At.Row == 0 && slices.Contains(c.list, p) {
			continue // a CSV without a date is one problem, not one a row
		}
		k := Place{File: p.At.File, Sheet: p.At.Sheet}
		if c.kept[k] >= MaxListed {
			c.more[k]++
			continue
		}
		c.kept[k]++
		c.list = append(c.list, p)
	}
}

// full reports whether problems at the place are counted and no longer kept: what they would say
// need not be worked out.
func (c *collector) full(at Place) bool {
	return c.kept[Place{File: at.File, Sheet: at.Sheet}] >= MaxListed
}

func (c *collector) empty() bool { return len(c.list) == 0 }

func (c *collector) problems() []Problem {
	out := c.list
	for k, n := range c.more {
		out = append(out, Problem{At: k, More: n})
	}
	return out
}

// WriteProblems writes the problems, one a line, as a reader goes through the returns (see
// SortProblems): the first MaxListed, then a line counting the rest. It returns how many problems
// there are in all.
func WriteProblems(w io.Writer, probs []Problem, filled []*Filled) (int, error) {
	SortProblems(probs, filled)
	total, listed := 0, 0
	for _, p := range probs {
		if p.Message == "" {
			total += p.More
			continue
		}
		total++
		if listed == MaxListed {
			continue
		}
		listed++
		if _, err := fmt.Fprintln(w, termsafe.Line(p.String())); err != nil {
			return total, err
		}
	}
	if rest := total - listed; rest > 0 {
		if _, err := fmt.Fprintf(w, "… and %d more %s, not listed: correct those above and import again to see them\n", rest, words.Pick(rest, "problem", "problems")); err != nil {
			return total, err
		}
	}
	return total, nil
}

// SortProblems orders problems as a reader goes through the returns: by file in the order given,
// then sheet in the workbook's order, then row; problems in plan files come last.
func SortProblems(probs []Problem, filled []*Filled) {
	rank := func(at Place) (int, int) {
		for i, f := range filled {
			if f.File == at.File {
				return i, slices.Index(f.Sheets, at.Sheet)
			}
		}
		return len(filled), 0
	}
	slices.SortStableFunc(probs, func(a, b Problem) int {
		fa, sa := rank(a.At)
		fb, sb := rank(b.At)
		switch {
		case fa != fb:
			return fa - fb
		case a.At.File != b.At.File:
			return strings.Compare(a.At.File, b.At.File)
		case sa != sb:
			return sa - sb
		}
		return a.At.Row - b.At.Row
	})
}
