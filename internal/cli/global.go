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
	Today string
	Color string
}

func addGlobalFlags(root *cobra.Command, g *globalOptions) {
	root.PersistentFlags().StringVar(&g.Today, "today", "", "the date to treat as today, YYYY-MM-DD (default $CPP_TODAY, else the clock)")
	root.PersistentFlags().StringVar(&g.Color, "color", "auto", "colour: auto (on a terminal, unless NO_COLOR is set), always or never")
}

// today resolves --today, then CPP_TODAY, then the clock, as a UTC date.
func (g *globalOptions) today(env *Env) (time.Time, error) {
	s, from := g.Today, "--today"
	if s == "" {
		s, from = env.Getenv("CPP_TODAY"), "CPP_TODAY"
	}
	if s == "" {
		now := env.Now()
		return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	return parseFlagDate(from, s)
}

// style decides colour and width once, for the table printer.
func (g *globalOptions) style(env *Env) (render.Style, error) {
	var color bool
	switch g.Color {
	case "always": // an explicit flag wins over NO_COLOR, the user's standing wish
		color = true
	case "never":
		color = false
	case "auto":
		color = env.IsTerminal(env.Stdout) && env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb"
	default:
		return render.Style{}, usageErrorf("use one of: auto, always, never", "invalid --color %q", g.Color)
	}
	return render.Style{Color: color, Width: terminalWidth(env)}, nil
}

func terminalWidth(env *Env) int {
	if f, ok := env.Stdout.(*os.File); ok && env.IsTerminal(env.Stdout) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
			return w
		}
	}
	if c, err := strconv.Atoi(env.Getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	return 120
}

// printer returns the printer for a people-facing format.
func printer(format string, st render.Style) render.Printer {
	if format == "markdown" {
		return render.MarkdownPrinter{}
	}
	return render.TablePrinter{Style: st}
}
