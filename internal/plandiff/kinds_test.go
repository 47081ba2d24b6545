package plandiff

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

func TestParseFailKinds(t *testing.T) {
	useOf := "use one or more of: " + strings.Join(FailKinds, ", ")
	for _, tc := range []struct {
		given     []string
		set       bool
		want      []string
		msg, hint string
	}{
		{nil, false, nil, "", ""},
		{[]string{"slip", " Removed ", "", "ANY"}, true, []string{"slip", "removed", "any"}, "", ""},
		{[]string{""}, true, nil, "--fail-on names no kind of change", useOf},
		{nil, true, nil, "--fail-on names no kind of change", useOf},
		{[]string{"slip", "slipp"}, true, nil, `unknown --fail-on kind "slipp"`, "did you mean slip? " + useOf},
		{[]string{"zzzzzzzz"}, true, nil, `unknown --fail-on kind "zzzzzzzz"`, useOf},
	} {
		got, err := ParseFailKinds(tc.given, tc.set)
		var ee *exitcode.Error
		switch {
		case tc.msg == "" && (err != nil || !reflect.DeepEqual(got, tc.want)):
			t.Errorf("ParseFailKinds(%q) = %q, %v; want %q", tc.given, got, err, tc.want)
		case tc.msg != "" && (!errors.As(err, &ee) || ee.Code != exitcode.Usage || ee.Msg != tc.msg || ee.Hint != tc.hint):
			t.Errorf("ParseFailKinds(%q): %#v; want %q, hint %q", tc.given, err, tc.msg, tc.hint)
		}
	}
}
