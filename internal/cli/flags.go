package cli

import (
	"slices"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/flagvalue"
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

// statusFlag, ragFlag and quartersFlag read plan words: flagvalue's Status, RAG and Quarters.
func statusFlag(p *string, refusal string) *enumFlag { return &enumFlag{flagvalue.Status(p, refusal)} }

func ragFlag(p *string, refusal string) *enumFlag { return &enumFlag{flagvalue.RAG(p, refusal)} }

func quartersFlag(p *string) *enumFlag { return &enumFlag{flagvalue.Quarters(p)} }

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

// quarterFlag is a quarter given to a flag: Q3-2025 (read in each plan's convention) or
// Q3-2025/26 (financial). Empty is not given.
type quarterFlag struct {
	name   string // the flag's name, for the error
	given  string
	window query.Window
}

// Set reads a quarter; "" is none.
func (q *quarterFlag) Set(s string) (err error) {
	var w query.Window
	if s != "" {
		if w, err = query.ParseQuarter(s); err != nil {
			return exitcode.Usagef("", "invalid --%s %s", q.name, strings.TrimPrefix(err.Error(), "invalid quarter "))
		}
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

// Set reads a date; "" is none.
func (d *dateFlag) Set(s string) (err error) {
	var t time.Time
	if s != "" {
		if t, err = flagvalue.ParseDate("--"+d.name, s); err != nil {
			return err
		}
	}
	d.given, d.value = s, t
	return nil
}

func (d *dateFlag) String() string { return d.given }

func (d *dateFlag) Type() string { return "string" }
