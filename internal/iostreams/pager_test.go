package iostreams

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

func TestPagerCommand(t *testing.T) {
	for _, tc := range []struct {
		vars  map[string]string
		want  string
		named bool
	}{
		{nil, DefaultPager, false},
		{map[string]string{"PAGER": "more"}, "more", true},
		{map[string]string{"CPP_PAGER": "most", "PAGER": "more"}, "most", true},
		{map[string]string{"PAGER": "cat"}, "", true},
		{map[string]string{"CPP_PAGER": " cat ", "PAGER": "more"}, "", true},
		{map[string]string{"CPP_PAGER": "  "}, "", true},
	} {
		s, _ := streams(tc.vars, true)
		if got, named := s.pagerCommand(); got != tc.want || named != tc.named {
			t.Errorf("%v: pager %q (named %v), want %q (%v)", tc.vars, got, named, tc.want, tc.named)
		}
	}
}

// paging starts the pager the environment names on a terminal, skipping the test when its
// program is not installed.
func paging(t *testing.T, program string, vars map[string]string) (s, paged IOStreams, p *Pager, out *bytes.Buffer) {
	t.Helper()
	if _, err := exec.LookPath(program); err != nil {
		t.Skip("no " + program)
	}
	s, out = streams(vars, true)
	paged, p, err := s.StartPager()
	if err != nil || p == nil {
		t.Fatalf("pager %v, %v", p, err)
	}
	return s, paged, p, out
}

// The answer goes through the pager, which still counts as the terminal and keeps its width.
func TestStartPager(t *testing.T) {
	s, paged, p, out := paging(t, "sed", map[string]string{"CPP_PAGER": "sed 's/^/PAGED /'"})
	if !paged.IsTerminal(paged.Out) || paged.Getenv("COLUMNS") != "80" || paged.ColorEnabled(ColorAuto) != s.ColorEnabled(ColorAuto) {
		t.Errorf("through the pager: terminal %v, COLUMNS %q", paged.IsTerminal(paged.Out), paged.Getenv("COLUMNS"))
	}
	fmt.Fprint(paged.Out, "one\ntwo\n")
	p.Wait()
	if out.String() != "PAGED one\nPAGED two\n" {
		t.Errorf("out %q", out)
	}
}

// No pager to a pipe, or with PAGER=cat; a pager the user named that cannot start is an error,
// the default one that is missing is not.
func TestNoPager(t *testing.T) {
	for _, tc := range []struct {
		name     string
		vars     map[string]string
		terminal bool
		err      string
	}{
		{"a pipe", map[string]string{"PAGER": "sed s/^//"}, false, ""},
		{"PAGER=cat", map[string]string{"PAGER": "cat"}, true, ""},
		{"named and missing", map[string]string{"CPP_PAGER": "/no/such/pager"}, true, `cannot start the pager "/no/such/pager"`},
		{"default and missing", map[string]string{"PATH": ""}, true, ""},
	} {
		if tc.name == "default and missing" {
			t.Setenv("PATH", "")
		}
		s, _ := streams(tc.vars, tc.terminal)
		paged, p, err := s.StartPager()
		if p != nil || paged.Out != s.Out {
			t.Errorf("%s: paged", tc.name)
		}
		if (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		}
	}
}

// A reader who quits the pager at once (head reads one line): the rest is dropped, not an error.
func TestPagerQuit(t *testing.T) {
	_, paged, p, out := paging(t, "head", map[string]string{"PAGER": "head -n 1"})
	for i := range 20000 {
		if _, err := fmt.Fprintf(paged.Out, "line %d\n", i); err != nil {
			t.Fatal(err)
		}
	}
	p.Wait()
	if out.String() != "line 0\n" {
		t.Errorf("out %q", out)
	}
}
