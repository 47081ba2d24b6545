package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// Typed flags, as gh's cmdutil.StringEnumFlag does them: a flag's values are declared once, where
// the flag is bound, and that one list checks a value, ends the flag's help and is what
// completion offers.

// textFormat is the people-facing format of every command: tables in a listing, prose in a diff.
// "table", its name in the listings once, is read as it.
const textFormat = "text"

var formatAliases = map[string]string{"table": textFormat}

// listingFormats are the formats of a listing; actionFormats those of a listing of actions, which
// makes a calendar too.
var (
	listingFormats = []string{textFormat, "markdown", "csv", "json", "xlsx"}
	actionFormats  = append(slices.Clone(listingFormats), "ics")
)

// enumFlag is a string flag that takes one of a list of values, in any case.
type enumFlag struct {
	value   *string
	values  []string
	aliases map[string]string
	// parse, when set, reads the other spellings of a value ("In progress", "On track" for
	// in-progress) into the value; the list is still what help and completion show.
	parse func(string) (string, bool)
	// refusal is the error for a value not in the list, with %q for the value (in lower case
	// unless parse reads it): `unknown format %q`, `invalid --color %q`.
	refusal string
	// hint is the refusal's hint; "" is "use one of:" the values.
	hint string
}

// formatFlag is a --format of these values; def is its default ("" for one decided later).
func formatFlag(p *string, def string, values ...string) *enumFlag {
	*p = def
	return &enumFlag{value: p, values: values, aliases: formatAliases, refusal: "unknown format %q"}
}

// statusFlag and ragFlag read a status and a RAG rating in every spelling plan.ParseStatus and
// plan.ParseRAG read; refusal is their error for any other word.
func statusFlag(p *string, refusal string) *enumFlag {
	return &enumFlag{value: p, values: stringsOf(plan.Statuses), refusal: refusal, hint: "use one of: " + plan.StatusWords,
		parse: func(s string) (string, bool) { st, ok := plan.ParseStatus(s); return string(st), ok }}
}

func ragFlag(p *string, refusal string) *enumFlag {
	return &enumFlag{value: p, values: stringsOf(plan.RAGs), refusal: refusal, hint: "use one of: " + plan.RAGWords,
		parse: func(s string) (string, bool) { r, ok := plan.ParseRAG(s); return string(r), ok }}
}

// quartersFlag is how plans read "Q3 2025": calendar (the default) or financial.
func quartersFlag(p *string) *enumFlag {
	*p = deadline.Calendar.String()
	return &enumFlag{value: p, values: []string{deadline.Calendar.String(), deadline.Financial.String()}, refusal: "invalid --quarters %q",
		parse: func(s string) (string, bool) { c, ok := deadline.ParseConvention(s); return c.String(), ok }}
}

// sortFlag is a --sort of these orders, def the first unless given.
func sortFlag(p *string, def string, values []string) *enumFlag {
	*p = def
	return &enumFlag{value: p, values: values, refusal: "unknown sort key %q"}
}

func stringsOf[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// read is the value s names, if it names one.
func (f *enumFlag) read(s string) (string, bool) {
	if f.parse != nil {
		return f.parse(s)
	}
	v := strings.ToLower(s)
	if a, ok := f.aliases[v]; ok {
		v = a
	}
	return v, slices.Contains(f.values, v)
}

// refuse is the error for a value not in the list.
func (f *enumFlag) refuse(s string) error {
	if f.parse == nil {
		s = strings.ToLower(s)
	}
	hint := f.hint
	if hint == "" {
		hint = "use one of: " + strings.Join(f.values, ", ")
	}
	return exitcode.Usagef(hint, f.refusal, s)
}

func (f *enumFlag) Set(s string) error {
	v, ok := f.read(s)
	if !ok {
		return f.refuse(s)
	}
	*f.value = v
	return nil
}

func (f *enumFlag) String() string { return *f.value }

func (f *enumFlag) Type() string { return "string" }

// help is the flag's help: what it is, and its values.
func (f *enumFlag) help(what string) string { return what + ": " + strings.Join(f.values, ", ") }

// enumSliceFlag is a list of an enumFlag's values, given as the flag repeated or separated by
// commas, as a pflag string slice is.
type enumSliceFlag struct {
	enumFlag
	list    *[]string
	changed bool
}

func (f *enumSliceFlag) Set(s string) error {
	if !f.changed {
		*f.list, f.changed = nil, true
	}
	for _, x := range strings.Split(s, ",") {
		v, ok := f.read(x)
		if !ok {
			return f.refuse(x)
		}
		*f.list = append(*f.list, v)
	}
	return nil
}

// String is "" for no values, so that help shows no default.
func (f *enumSliceFlag) String() string {
	if len(*f.list) == 0 {
		return ""
	}
	return "[" + strings.Join(*f.list, ",") + "]"
}

// Type ends in Slice, so that completion completes the last value of a list.
func (f *enumSliceFlag) Type() string { return "stringSlice" }

// sliceOf is the flag as a list.
func sliceOf(list *[]string, f *enumFlag) *enumSliceFlag {
	return &enumSliceFlag{enumFlag: *f, list: list}
}

// quarterFlag is a quarter given to a flag: Q3-2025 (read in each plan's convention) or
// Q3-2025/26 (financial). Empty is not given.
type quarterFlag struct {
	name   string // the flag's name, for the error
	given  string
	window query.Window
}

func (q *quarterFlag) Set(s string) error {
	if s == "" {
		*q = quarterFlag{name: q.name}
		return nil
	}
	w, err := query.ParseQuarter(s)
	if err != nil {
		return exitcode.Usagef("", "invalid --%s %s", q.name, strings.TrimPrefix(err.Error(), "invalid quarter "))
	}
	q.given, q.window = s, w
	return nil
}

func (q *quarterFlag) String() string { return q.given }

func (q *quarterFlag) Type() string { return "string" }

// dateFlag is a date given to a flag: YYYY-MM-DD, in the years cpp accepts. Empty is not given.
type dateFlag struct {
	name  string
	given string
	value time.Time
}

func (d *dateFlag) Set(s string) error {
	if s == "" {
		*d = dateFlag{name: d.name}
		return nil
	}
	t, err := parseFlagDate("--"+d.name, s)
	if err != nil {
		return err
	}
	d.given, d.value = s, t
	return nil
}

func (d *dateFlag) String() string { return d.given }

func (d *dateFlag) Type() string { return "string" }

// parseFlagDate reads a date given to a flag or CPP_TODAY: YYYY-MM-DD, in the years cpp accepts.
func parseFlagDate(name, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, exitcode.Usagef("write dates as YYYY-MM-DD, as in 2025-09-30", "invalid %s %q", name, s)
	}
	if err := deadline.CheckYear(t.Year()); err != nil {
		return t, exitcode.Usagef(deadline.YearHint, "invalid %s %q: %s", name, s, err)
	}
	return t, nil
}
