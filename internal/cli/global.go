package cli

import (
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/render"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	Today   dateFlag
	Color   string
	Wide    bool
	NoPager bool
}

func addGlobalFlags(root *cobra.Command, g *globalOptions) {
	g.Today.name = "today"
	root.PersistentFlags().Var(&g.Today, "today", "the date to treat as today, YYYY-MM-DD (default $CPP_TODAY, else the clock)")
	color := &enumFlag{value: &g.Color, values: []string{"auto", "always", "never"}, refusal: "invalid --color %q"}
	g.Color = "auto"
	root.PersistentFlags().Var(color, "color", color.help("colour")+" (auto: on a terminal, unless NO_COLOR is set)")
	root.PersistentFlags().BoolVar(&g.NoPager, "no-pager", false, "on a terminal, print long answers straight out instead of through $CPP_PAGER, $PAGER or less -FRX")
	root.PersistentFlags().BoolVar(&g.Wide, "wide", false, "tables: every column and every cell whole, however wide the lines (for copying); as when not to a terminal")
}

// today resolves --today, then CPP_TODAY, then the clock, as a UTC date.
func (g *globalOptions) today(env *Env) (time.Time, error) {
	if g.Today.given != "" {
		return g.Today.value, nil
	}
	s := env.Getenv("CPP_TODAY")
	if s == "" {
		now := env.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return parseFlagDate("CPP_TODAY", s)
}

// style decides colour and width once, for the table printer.
func (g *globalOptions) style(env *Env) (render.Style, error) {
	// An explicit --color always wins over NO_COLOR, the user's standing wish.
	color := g.Color == "always" ||
		(g.Color == "auto" && env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb" && consoleColor(env.Stdout))
	width := terminalWidth(env)
	if g.Wide {
		width = 0
	}
	return render.Style{Color: color, Width: width}, nil
}

// terminalWidth is the width tables fit: $COLUMNS when it is set, as ls and most tools read it,
// else the terminal's. Output that is not to a terminal is not fitted (0): a row stays on one
// line whole, for grep, files and pagers (less -S), unless COLUMNS asks for a width.
func terminalWidth(env *Env) int {
	if c, err := strconv.Atoi(env.Getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	if env.IsTerminal(env.Stdout) {
		if f, ok := env.Stdout.(*os.File); ok {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
				return w
			}
		}
		return 80
	}
	return 0
}
