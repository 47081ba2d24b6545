package gitrev

import (
	"context"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/words"
)

// Describe names a commit as people know it, for a report's "Changes since": the tag that points
// at it (rev itself when rev is that tag), or its date and subject ("3 Nov 2025 (commit 1a2b3c4,
// “Quarter 2 update”)"), never a relative name such as HEAD~2, which means another commit
// tomorrow.
func (r *Repo) Describe(rev, commit string) (string, error) {
	ctx := context.Background()
	out, err := run(ctx, r.Top, nil, "tag", "--points-at", commit, "--sort=-creatordate")
	if err != nil {
		return "", &Error{Msg: "git tag failed: " + firstLine(err.Error())}
	}
	tags := strings.Fields(string(out))
	for _, t := range tags {
		if t == rev {
			return rev, nil
		}
	}
	if len(tags) > 0 {
		return tags[0], nil
	}
	out, err = run(ctx, r.Top, nil, "show", "-s", "--format=%h%x1f%cI%x1f%s", commit)
	if err != nil {
		return "", &Error{Msg: "git show failed: " + firstLine(err.Error())}
	}
	f := strings.SplitN(strings.TrimRight(string(out), "\n"), "\x1f", 3)
	if len(f) != 3 {
		return "", &Error{Msg: "git show gave no date and subject for " + commit}
	}
	when, err := time.Parse(time.RFC3339, f[1])
	if err != nil {
		return "", &Error{Msg: "git show gave an unreadable date: " + f[1]}
	}
	return words.Day(when) + " (commit " + f[0] + ", “" + f[2] + "”)", nil
}
