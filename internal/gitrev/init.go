package gitrev

import (
	"fmt"
	"os/exec"
	"strings"
)

// CanCommit checks, before anything is written, that git is there and knows who is committing in
// dir. The errors say that nothing was written, as a command that checks first has written
// nothing yet.
func CanCommit(dir string) error {
	if _, err := exec.LookPath("git"); err != nil {
		return &Error{Msg: "git is not installed; nothing was written",
			Hint: "install git, or run cpp init --no-git to write the files without a repository"}
	}
	for _, v := range []string{"GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"} {
		if out, err := gitIn(dir, "var", v); err != nil {
			return &Error{
				Msg:  "git does not know who is committing, so cpp init cannot make the first commit; nothing was written: " + initLine(out),
				Hint: `tell git once: git config --global user.name "Your Name" && git config --global user.email you@example.org; or run cpp init --no-git`}
		}
	}
	return nil
}

// InitCommit makes dir a repository (or keeps the one it is) and commits the paths, and only
// them: in a folder that was a repository already, whatever else is staged stays staged.
func InitCommit(dir, message string, paths []string) error {
	steps := [][]string{
		{"init", "-q"},
		append([]string{"add", "--"}, paths...),
		append([]string{"commit", "-q", "--no-verify", "-m", message, "--"}, paths...),
	}
	for _, args := range steps {
		if out, err := gitIn(dir, args...); err != nil {
			return &Error{Msg: fmt.Sprintf("git %s failed: %s", args[0], initLine(out)),
				Hint: "the files are written; commit them yourself with git add and git commit"}
		}
	}
	return nil
}

func gitIn(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// initLine is the line of git's output that says what went wrong: not git's banners and hints.
func initLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "***") && !strings.HasPrefix(line, "hint:") {
			return line
		}
	}
	return strings.TrimSpace(s)
}
