package docs

import (
	"strings"
	"testing"
)

func TestTopicList(t *testing.T) {
	list := TopicList()
	lines := strings.Split(strings.TrimSuffix(list, "\n"), "\n")
	if len(lines) != len(Topics()) || !strings.HasPrefix(lines[0], "  file-format          ") {
		t.Errorf("topic list:\n%s", list)
	}
}

func TestNearest(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"file-fromat", "file-format"},
		{"dedlines", "deadlines"},
		{"config", "config"},
		{"Import", "import"},
		{"overdeu", "overdue"},
		{"xyzzy", ""},
	} {
		if got := Nearest(tc.name, []string{"list", "due", "overdue"}); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.name, got, tc.want)
		}
	}
}
