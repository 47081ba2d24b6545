package gitrev

import (
	"errors"
	"strings"
)

// Range is what the revision arguments of `cpp diff` name: From against To, where To "" is the
// working tree, and MergeBase means From is to be replaced by the merge base of From and To.
type Range struct {
	From, To  string
	MergeBase bool
}

// ErrMixedRange is a range given together with a second revision.
var ErrMixedRange = errors.New("cannot mix a range with a second revision")

// ParseRange reads diff's revision arguments as git does: none is HEAD against the working tree;
// REV is REV against the working tree; A B and A..B are A against B; A...B is from the merge base
// of A and B to B. An empty side of a range is HEAD.
func ParseRange(args []string) (Range, error) {
	switch {
	case len(args) == 0:
		return Range{From: "HEAD"}, nil
	case len(args) == 2:
		if strings.Contains(args[0], "..") || strings.Contains(args[1], "..") {
			return Range{}, ErrMixedRange
		}
		return Range{From: args[0], To: args[1]}, nil
	case len(args) > 2:
		return Range{}, errors.New("give at most two revisions")
	}
	arg := args[0]
	if from, to, ok := strings.Cut(arg, "..."); ok {
		return Range{From: orHead(from), To: orHead(to), MergeBase: true}, nil
	}
	if from, to, ok := strings.Cut(arg, ".."); ok {
		return Range{From: orHead(from), To: orHead(to)}, nil
	}
	return Range{From: arg}, nil
}

func orHead(rev string) string {
	if rev == "" {
		return "HEAD"
	}
	return rev
}
