// Package flagvalue holds the typed values of cpp's flags, as gh's cmdutil holds StringEnumFlag:
// a flag's values are declared once, where the flag is bound, and that one list checks a value,
// ends the flag's help and is what completion offers. A value it refuses is a usage error.
package flagvalue

import (
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
)

// Enum is a string flag that takes one of a list of values, in any case.
type Enum struct {
	Value   *string
	Values  []string
	Aliases map[string]string // other names of a value, in lower case: "table" for "text"
	// Parse, when set, reads the other spellings of a value ("In progress", "On track" for
	// in-progress) into the value; Values is still what help and completion show.
	Parse func(string) (string, bool)
	// Refusal is the error for a value not in the list, with %q for the value (in lower case
	// unless Parse reads it): `unknown format %q`, `invalid --color %q`.
	Refusal string
	// Hint is the refusal's hint; "" is "use one of:" the values.
	Hint string
}

// read is the value s names, if it names one.
func (f *Enum) read(s string) (string, bool) {
	if f.Parse != nil {
		return f.Parse(s)
	}
	v := strings.ToLower(s)
	if a, ok := f.Aliases[v]; ok {
		v = a
	}
	return v, slices.Contains(f.Values, v)
}

// refuse is the error for a value not in the list.
func (f *Enum) refuse(s string) error {
	if f.Parse == nil {
		s = strings.ToLower(s)
	}
	hint := f.Hint
	if hint == "" {
		hint = "use one of: " + strings.Join(f.Values, ", ")
	}
	return exitcode.Usagef(hint, f.Refusal, s)
}

func (f *Enum) Set(s string) error {
	v, ok := f.read(s)
	if !ok {
		return f.refuse(s)
	}
	*f.Value = v
	return nil
}

func (f *Enum) String() string { return *f.Value }

func (f *Enum) Type() string { return "string" }

// Help is the flag's help: what it is, and its values.
func (f *Enum) Help(what string) string { return what + ": " + strings.Join(f.Values, ", ") }

// Choices are the values completion offers.
func (f *Enum) Choices() []string { return f.Values }

// EnumSlice is a list of an Enum's values, given as the flag repeated or separated by commas, as
// a pflag string slice is. The first value given replaces the default list.
type EnumSlice struct {
	Enum
	List    *[]string
	changed bool
}

func (f *EnumSlice) Set(s string) error {
	if !f.changed {
		*f.List, f.changed = nil, true
	}
	for _, x := range strings.Split(s, ",") {
		v, ok := f.read(x)
		if !ok {
			return f.refuse(x)
		}
		*f.List = append(*f.List, v)
	}
	return nil
}

// String is "" for no values, so that help shows no default.
func (f *EnumSlice) String() string {
	if len(*f.List) == 0 {
		return ""
	}
	return "[" + strings.Join(*f.List, ",") + "]"
}

// Type ends in Slice, so that completion completes the last value of a list.
func (f *EnumSlice) Type() string { return "stringSlice" }

// ParseDate reads a date given to a flag or CPP_TODAY (name, for the error): YYYY-MM-DD, in the
// years cpp accepts.
func ParseDate(name, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, exitcode.Usagef("write dates as YYYY-MM-DD, as in 2025-09-30", "invalid %s %q", name, s)
	}
	if err := deadline.CheckYear(t.Year()); err != nil {
		return t, exitcode.Usagef(deadline.YearHint, "invalid %s %q: %s", name, s, err)
	}
	return t, nil
}

// Today is the day cpp takes for today when --today is not given: CPP_TODAY (cppToday), read as
// ParseDate reads it, else the clock's day (now), as a UTC date.
func Today(cppToday string, now time.Time) (time.Time, error) {
	if cppToday == "" {
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return ParseDate("CPP_TODAY", cppToday)
}
