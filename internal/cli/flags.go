package cli

import (
	"slices"
	"strings"
	"time"

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
	// refusal starts the error for a value not in the list: `unknown format`, `invalid --color`.
	refusal string
}

// formatFlag is a --format of these values; def is its default ("" for one decided later).
func formatFlag(p *string, def string, values ...string) *enumFlag {
	*p = def
	return &enumFlag{value: p, values: values, aliases: formatAliases, refusal: "unknown format"}
}

func (f *enumFlag) Set(s string) error {
	v := strings.ToLower(s)
	if a, ok := f.aliases[v]; ok {
		v = a
	}
	if !slices.Contains(f.values, v) {
		return usageErrorf("use one of: "+strings.Join(f.values, ", "), "%s %q", f.refusal, v)
	}
	*f.value = v
	return nil
}

func (f *enumFlag) String() string { return *f.value }

func (f *enumFlag) Type() string { return "string" }

// help is the flag's help: what it is, and its values.
func (f *enumFlag) help(what string) string { return what + ": " + strings.Join(f.values, ", ") }

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
		return usageErrorf("", "invalid --%s %s", q.name, strings.TrimPrefix(err.Error(), "invalid quarter "))
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
