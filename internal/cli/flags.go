package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/flagvalue"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/query"
)

// The typed flags of cpp's commands: flagvalue's values, declared once where a flag is bound.

// textFormat is the people-facing format of every command: tables in a listing, prose in a diff.
// "table", its name in the listings once, is read as it.
const textFormat = "text"

// listingFormats are the formats of a listing; actionFormats those of a listing of actions, which
// makes a calendar too.
var (
	listingFormats = []string{textFormat, "markdown", "csv", "json", "xlsx"}
	actionFormats  = append(slices.Clone(listingFormats), "ics")
)

// enumFlag is a flag that takes one of a list of values.
type enumFlag struct{ flagvalue.Enum }

// help is the flag's help: what it is, and its values.
func (f *enumFlag) help(what string) string { return f.Help(what) }

// enumOf is a flag of these values; refusal is the error for another, with %q for it.
func enumOf(p *string, refusal string, values ...string) *enumFlag {
	return &enumFlag{flagvalue.Enum{Value: p, Values: values, Refusal: refusal}}
}

// formatFlag is a --format of these values; def is its default ("" for one decided later).
func formatFlag(p *string, def string, values ...string) *enumFlag {
	*p = def
	f := enumOf(p, "unknown format %q", values...)
	f.Aliases = map[string]string{"table": textFormat}
	return f
}

// statusFlag and ragFlag read a status and a RAG rating in every spelling plan.ParseStatus and
// plan.ParseRAG read; refusal is their error for any other word.
func statusFlag(p *string, refusal string) *enumFlag {
	return &enumFlag{flagvalue.Enum{Value: p, Values: stringsOf(plan.Statuses), Refusal: refusal, Hint: "use one of: " + plan.StatusWords,
		Parse: func(s string) (string, bool) { st, ok := plan.ParseStatus(s); return string(st), ok }}}
}

func ragFlag(p *string, refusal string) *enumFlag {
	return &enumFlag{flagvalue.Enum{Value: p, Values: stringsOf(plan.RAGs), Refusal: refusal, Hint: "use one of: " + plan.RAGWords,
		Parse: func(s string) (string, bool) { r, ok := plan.ParseRAG(s); return string(r), ok }}}
}

// quartersFlag is how plans read "Q3 2025": calendar (the default) or financial.
func quartersFlag(p *string) *enumFlag {
	*p = deadline.Calendar.String()
	f := enumOf(p, "invalid --quarters %q", deadline.Calendar.String(), deadline.Financial.String())
	f.Parse = func(s string) (string, bool) { c, ok := deadline.ParseConvention(s); return c.String(), ok }
	return f
}

// sortFlag is a --sort of these orders, def the first unless given.
func sortFlag(p *string, def string, values []string) *enumFlag {
	*p = def
	return enumOf(p, "unknown sort key %q", values...)
}

// enumSliceFlag is a flag that takes a list of an enumFlag's values.
type enumSliceFlag struct{ flagvalue.EnumSlice }

func (f *enumSliceFlag) help(what string) string { return f.Help(what) }

// sliceOf is the flag as a list.
func sliceOf(list *[]string, f *enumFlag) *enumSliceFlag {
	return &enumSliceFlag{flagvalue.EnumSlice{Enum: f.Enum, List: list}}
}

func stringsOf[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
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
	t, err := flagvalue.ParseDate("--"+d.name, s)
	if err != nil {
		return err
	}
	d.given, d.value = s, t
	return nil
}

func (d *dateFlag) String() string { return d.given }

func (d *dateFlag) Type() string { return "string" }
