package flagvalue

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
)

// usage is the message and hint of a usage error, "" for none.
func usage(t *testing.T, err error) (msg, hint string) {
	t.Helper()
	if err == nil {
		return "", ""
	}
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Usage {
		t.Fatalf("%v is not a usage error", err)
	}
	return ee.Msg, ee.Hint
}

func TestEnum(t *testing.T) {
	digits := func(s string) (string, bool) {
		return map[string]string{"1": "one", "one": "one", "2": "two", "two": "two"}[s], s == "1" || s == "2" || s == "one" || s == "two"
	}
	for _, tc := range []struct {
		name, in, want, msg, hint string
		parse                     func(string) (string, bool)
	}{
		{"a value", "json", "json", "", "", nil},
		{"in any case", "JSON", "json", "", "", nil},
		{"an alias", "Table", "text", "", "", nil},
		{"refused in lower case", "XML", "", `unknown format "xml"`, "use one of: text, json", nil},
		{"read by Parse", "2", "two", "", "", digits},
		{"refused as written when Parse reads", "Three", "", `unknown format "Three"`, "use one of: text, json", digits},
	} {
		var v string
		f := &Enum{Value: &v, Values: []string{"text", "json"}, Aliases: map[string]string{"table": "text"}, Refusal: "unknown format %q", Parse: tc.parse}
		msg, hint := usage(t, f.Set(tc.in))
		if v != tc.want || msg != tc.msg || hint != tc.hint {
			t.Errorf("%s: %q, %q (%q), want %q, %q (%q)", tc.name, v, msg, hint, tc.want, tc.msg, tc.hint)
		}
	}
	v := "text"
	f := &Enum{Value: &v, Values: []string{"text", "json"}, Refusal: "bad %q", Hint: "say text or json"}
	if _, hint := usage(t, f.Set("x")); hint != "say text or json" {
		t.Errorf("hint %q", hint)
	}
	if f.Help("output format") != "output format: text, json" || f.String() != "text" || f.Type() != "string" || len(f.Choices()) != 2 {
		t.Errorf("help %q, string %q, type %q", f.Help("output format"), f.String(), f.Type())
	}
}

// A list replaces its default when first given, then grows with each value, given repeated or
// separated by commas; one bad value refuses the lot.
func TestEnumSlice(t *testing.T) {
	list := []string{"red"}
	f := &EnumSlice{Enum: Enum{Values: []string{"red", "amber", "green"}, Refusal: "unknown RAG rating %q"}, List: &list}
	if err := f.Set("Green,amber"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set("red"); err != nil {
		t.Fatal(err)
	}
	if strings.Join(list, " ") != "green amber red" || f.String() != "[green,amber,red]" || f.Type() != "stringSlice" {
		t.Errorf("list %q, string %q, type %q", list, f.String(), f.Type())
	}
	if msg, _ := usage(t, f.Set("red,blue")); msg != `unknown RAG rating "blue"` {
		t.Errorf("blue: %q", msg)
	}
	empty := &EnumSlice{List: new([]string)}
	if empty.String() != "" {
		t.Errorf("no values: %q", empty.String())
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"2025-09-30", ""},
		{" 2025-09-30 ", ""},
		{"30/09/2025", `invalid --today "30/09/2025"`},
		{"2025-02-30", `invalid --today "2025-02-30"`},
		{"1066-10-14", `invalid --today "1066-10-14": `},
	} {
		d, err := ParseDate("--today", tc.in)
		msg, _ := usage(t, err)
		if !strings.HasPrefix(msg, tc.msg) || (tc.msg == "") != (msg == "") {
			t.Errorf("%q: %q, want %q", tc.in, msg, tc.msg)
		}
		if tc.msg == "" && d.Format("2006-01-02") != "2025-09-30" {
			t.Errorf("%q: %v", tc.in, d)
		}
	}
}

// Today is CPP_TODAY as a date flag reads it, else the clock's own day (not UTC's), and a
// CPP_TODAY that is not a date is refused, naming it.
func TestToday(t *testing.T) {
	now := time.Date(2025, 10, 1, 23, 30, 0, 0, time.FixedZone("BST", 3600))
	for _, tc := range []struct{ cppToday, want string }{
		{"", "2025-10-01"},
		{"2024-02-29", "2024-02-29"},
		{" 2024-02-29 ", "2024-02-29"},
	} {
		if got, err := Today(tc.cppToday, now); err != nil || got.Format(time.RFC3339) != tc.want+"T00:00:00Z" {
			t.Errorf("%q: %v, %v, want %s", tc.cppToday, got, err, tc.want)
		}
	}
	for _, bad := range []string{"29/02/2024", "2025-02-30", "1066-10-14"} {
		if _, err := Today(bad, now); err == nil {
			t.Errorf("%q: no error", bad)
		} else if msg, _ := usage(t, err); !strings.HasPrefix(msg, "invalid CPP_TODAY ") {
			t.Errorf("%q: %q", bad, msg)
		}
	}
}
