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

// enumOf is a flag of these values; refusal is the error for another, with %q for it.
func enumOf(p *string, refusal string, values ...string) *flagvalue.Enum {
	return &flagvalue.Enum{Value: p, Values: values, Refusal: refusal}
}

// formatFlag is a --format of these values; def is its default ("" for one decided later).
func formatFlag(p *string, def string, values ...string) *flagvalue.Enum {
	*p = def
	f := enumOf(p, "unknown format %q", values...)
	f.Aliases = map[string]string{"table": textFormat}
	return f
}

// sortFlag is a --sort of these orders, def the first unless given.
func sortFlag(p *string, def string, values []string) *flagvalue.Enum {
	*p = def
	return enumOf(p, "unknown sort key %q", values...)
}

// sliceOf is the flag as a list.
func sliceOf(list *[]string, f *flagvalue.Enum) *flagvalue.EnumSlice {
	return &flagvalue.EnumSlice{Enum: *f, List: list}
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
