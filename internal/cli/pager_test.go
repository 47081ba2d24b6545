package cli

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pagerEnv is a terminal 100 columns wide, with the environment given.
func pagerEnv(t *testing.T, vars map[string]string, terminal bool) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return &Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string {
			if k == "COLUMNS" {
				return "100"
			}
			return vars[k]
		},
		Now:        func() time.Time { return time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC) },
		IsTerminal: func(io.Writer) bool { return terminal },
		Getwd:      func() (string, error) { return root, nil }}, &stdout, &stderr
}

// On a terminal a long answer goes through the pager, fitted to the terminal as without it;
// --no-pager, a pipe, -o FILE and PAGER=cat print it straight out.
func TestPager(t *testing.T) {
	if _, err := exec.LookPath("sed"); err != nil {
		t.Skip("no sed")
	}
	args := []string{"due", "../../plans", "--quarter", "Q3-2025", "--color", "never"}
	straight, _, errs := pagerEnv(t, nil, true)
	if code := Run(straight, append(args, "--no-pager")); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := straight.Stdout.(*bytes.Buffer).String()
	if !strings.Contains(want, "┌") || strings.Contains(want, "PAGED") {
		t.Fatalf("no table:\n%s", want)
	}

	paged, stdout, stderr := pagerEnv(t, map[string]string{"CPP_PAGER": "sed 's/^/PAGED /'", "PAGER": "cat"}, true)
	if code := Run(paged, args); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []string
	for _, line := range strings.SplitAfter(stdout.String(), "\n") {
		if line == "" {
			continue
		}
		rest, ok := strings.CutPrefix(line, "PAGED ")
		if !ok {
			t.Fatalf("a line did not go through the pager: %q", line)
		}
		got = append(got, rest)
	}
	if strings.Join(got, "") != want {
		t.Errorf("through the pager the answer differs:\n%s\nwant\n%s", strings.Join(got, ""), want)
	}

	for name, tc := range map[string]struct {
		vars     map[string]string
		terminal bool
		args     []string
	}{
		"--no-pager": {map[string]string{"CPP_PAGER": "sed 's/^/PAGED /'"}, true, []string{"--no-pager"}},
		"a pipe":     {map[string]string{"CPP_PAGER": "sed 's/^/PAGED /'"}, false, nil},
		"PAGER=cat":  {map[string]string{"PAGER": "cat"}, true, nil},
		"$PAGER":     {map[string]string{"PAGER": "sed 's/^/PAGED /'"}, true, []string{}},
		// The answer goes to the file: a pager started would only wait on nothing.
		"-o FILE": {map[string]string{"CPP_PAGER": "echo 'PAGED though written to a file'"}, true,
			[]string{"-o", filepath.Join(t.TempDir(), "due.csv")}},
	} {
		env, stdout, _ := pagerEnv(t, tc.vars, tc.terminal)
		Run(env, append(args, tc.args...))
		paged := strings.Contains(stdout.String(), "PAGED ")
		if paged != (name == "$PAGER") {
			t.Errorf("%s: paged = %v\n%s", name, paged, stdout)
		}
	}

	// A pager named that cannot start: a warning, and the answer all the same.
	env, stdout, stderr := pagerEnv(t, map[string]string{"CPP_PAGER": "/no/such/pager"}, true)
	if code := Run(env, args); code != 0 || !strings.Contains(stdout.String(), "┌") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !strings.Contains(stderr.String(), `cpp: warning: cannot start the pager "/no/such/pager"`) {
		t.Errorf("stderr %q", stderr)
	}

	// A reader who quits the pager at once (head reads one line): the command still succeeds.
	env, stdout, stderr = pagerEnv(t, map[string]string{"PAGER": "head -n 1"}, true)
	if code := Run(env, args); code != 0 || strings.Count(stdout.String(), "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
