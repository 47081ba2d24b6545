package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/planfile"
	"github.com/cpp-plans/cpp/internal/safewrite"
)

// Given is what `cpp import` is asked for, as written: Options checks it, and names each field by
// its flag in errors.
type Given struct {
	File, ID, Title, Council string
	Quarters                 deadline.Convention
	// Period is the plan's period as a deadline is written ("2025-2028"); "" for the years the
	// table's deadlines fall in. MapFile is the --map file; "" for none.
	Period, MapFile, Sheet string
}

// UsageError is something given that import cannot take, with how to give it: for the command
// line, bad usage.
type UsageError struct{ Message, Hint string }

func (e *UsageError) Error() string { return e.Message }

// maxMapSize is the largest map file read: a map names a few columns.
const maxMapSize = 1 << 20

// Options checks what was given and makes the importer's options, dated today: the id, title
// and council given, each on one line, the id as ids are written, the period read as the years it
// spans, and the map file read. A problem is a *UsageError, or the map's *MapError.
func (g Given) Options(today time.Time) (Options, error) {
	for _, f := range []struct{ flag, val, eg string }{
		{"--id", g.ID, "--id riverside-ap"},
		{"--title", g.Title, `--title "Corporate Parenting Action Plan 2025-2028"`},
		{"--council", g.Council, `--council "Riverside Council"`},
	} {
		if strings.TrimSpace(f.val) == "" {
			return Options{}, &UsageError{fmt.Sprintf("cpp import needs %s", f.flag), "as in " + f.eg}
		}
		if strings.ContainsFunc(f.val, func(r rune) bool { return r < ' ' || r == 0x7f }) {
			return Options{}, &UsageError{fmt.Sprintf("invalid %s %q", f.flag, f.val), "write it on one line, without control characters"}
		}
	}
	if !planfile.IDPattern.MatchString(g.ID) {
		return Options{}, &UsageError{fmt.Sprintf("invalid --id %q", g.ID), "ids use lower-case letters, digits, '-' and '.', as in --id riverside-ap"}
	}
	o := Options{File: g.File, ID: g.ID, Title: strings.TrimSpace(g.Title), Council: strings.TrimSpace(g.Council),
		Quarters: g.Quarters, Sheet: g.Sheet, Today: today}
	if g.Period != "" {
		d, err := deadline.Parse(g.Period, g.Quarters)
		if err != nil || d.Kind != deadline.Dated {
			return o, &UsageError{fmt.Sprintf("invalid --period %q", g.Period), "give the years the plan covers, as in --period 2025-2028 or --period 2025/26"}
		}
		o.Period = plan.Period{Start: d.Start, End: d.End}
	}
	if g.MapFile != "" {
		data, err := safewrite.ReadFile(g.MapFile, maxMapSize)
		if err != nil {
			return o, &UsageError{fmt.Sprintf("cannot read --map %s: cannot read it: %s", g.MapFile, safewrite.Reason(err)), "give a map file that exists, or leave out --map"}
		}
		if o.Map, err = ParseMap(g.MapFile, data); err != nil {
			return o, err
		}
	}
	return o, nil
}
