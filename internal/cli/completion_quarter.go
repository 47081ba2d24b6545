package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/deadline"
)

// quarterFlags completes --quarter (and report's --period, which is a quarter) with quarter
// names, never file names: last year's to next year's, as Q3-2025 (read in the plans' own
// convention) and Q2-2025/26 (financial), with the dates each covers.
func quarterFlags(c *cobra.Command, env *Env) {
	names := []string{"quarter"}
	if c.CommandPath() == "cpp report" {
		names = append(names, "period")
	}
	for _, name := range names {
		if c.LocalNonPersistentFlags().Lookup(name) == nil {
			continue
		}
		_ = c.RegisterFlagCompletionFunc(name, func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var out []cobra.Completion
			for _, q := range quarterCandidates(completionToday(env)) {
				if hasPrefixFold(q.value, toComplete) {
					out = append(out, withDesc(q.value, q.desc))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
		})
	}
}

// completionToday is $CPP_TODAY when it reads as a date, else the clock: completion never fails.
func completionToday(env *Env) time.Time {
	if d, err := time.Parse("2006-01-02", env.Getenv("CPP_TODAY")); err == nil {
		return d
	}
	now := env.Now()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// quarterCandidates are the calendar quarters of last year, this year and next, then the
// financial quarters of the same span, in order.
func quarterCandidates(today time.Time) []candidate {
	var out []candidate
	for _, conv := range []deadline.Convention{deadline.Calendar, deadline.Financial} {
		q := deadline.QuarterContaining(time.Date(today.Year()-1, time.January, 1, 0, 0, 0, 0, time.UTC), conv)
		for range 12 {
			name := fmt.Sprintf("Q%d-%d", int(q.Start.Month()-1)/3+1, q.Start.Year())
			how := "calendar, or each plan's"
			if conv == deadline.Financial {
				name = dashed(deadline.QuarterName(q))
				how = "financial"
			}
			out = append(out, candidate{name, q.Start.Format("2 Jan 2006") + " – " + q.End.Format("2 Jan 2006") + " (" + how + ")"})
			q = deadline.NextQuarter(q, conv)
		}
	}
	return out
}

// dashed writes "Q2 2025/26" as the flag's "Q2-2025/26".
func dashed(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == ' ' {
			b[i] = '-'
			break
		}
	}
	return string(b)
}
