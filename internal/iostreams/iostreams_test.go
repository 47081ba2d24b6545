package iostreams

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// streams are a buffer, a terminal or not, in the environment given.
func streams(vars map[string]string, terminal bool) (IOStreams, *bytes.Buffer) {
	var out bytes.Buffer
	return IOStreams{Out: &out, ErrOut: io.Discard,
		Getenv:     func(k string) string { return vars[k] },
		IsTerminal: func(io.Writer) bool { return terminal }}, &out
}

func TestColorEnabled(t *testing.T) {
	for _, tc := range []struct {
		name     string
		mode     string
		vars     map[string]string
		terminal bool
		want     bool
	}{
		{"auto on a terminal", ColorAuto, nil, true, true},
		{"auto to a pipe", ColorAuto, nil, false, false},
		{"auto with NO_COLOR", ColorAuto, map[string]string{"NO_COLOR": "1"}, true, false},
		{"auto on a dumb terminal", ColorAuto, map[string]string{"TERM": "dumb"}, true, false},
		{"always wins over NO_COLOR", ColorAlways, map[string]string{"NO_COLOR": "1"}, false, true},
		{"never on a terminal", ColorNever, nil, true, false},
	} {
		s, _ := streams(tc.vars, tc.terminal)
		if got := s.ColorEnabled(tc.mode); got != tc.want {
			t.Errorf("%s: colour %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		name     string
		columns  string
		terminal bool
		want     int
	}{
		{"COLUMNS wins", "132", false, 132},
		{"COLUMNS on a terminal", "100", true, 100},
		{"COLUMNS too narrow is not read", "20", true, 80},
		{"COLUMNS not a number", "wide", false, 0},
		{"a terminal of unknown size", "", true, 80},
		{"not a terminal", "", false, 0},
	} {
		s, _ := streams(map[string]string{"COLUMNS": tc.columns}, tc.terminal)
		if got := s.Width(); got != tc.want {
			t.Errorf("%s: width %d, want %d", tc.name, got, tc.want)
		}
	}
}

// A file that is not a terminal is not one; a buffer is never one.
func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) || IsTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer is taken for a terminal")
	}
}
