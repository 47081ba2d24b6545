package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/flagvalue"
	"github.com/cpp-plans/cpp/internal/iostreams"
	"github.com/cpp-plans/cpp/internal/render"
)

// globalOptions are the flags every command shares.
type globalOptions struct {
	Today   dateFlag
	Color   string
	Wide    bool
	NoPager bool
}

func addGlobalFlags(root *cobra.Command) *globalOptions {
	g := &globalOptions{Color: iostreams.ColorAuto}
	g.Today.name = "today"
	fl := root.PersistentFlags()
	fl.Var(&g.Today, "today", "the date to treat as today, YYYY-MM-DD (default $CPP_TODAY, else the clock)")
	color := enumOf(&g.Color, "invalid --color %q", iostreams.ColorModes...)
	fl.Var(color, "color", color.Help("colour")+" (auto: on a terminal, unless NO_COLOR is set)")
	fl.BoolVar(&g.NoPager, "no-pager", false, "on a terminal, print long answers straight out instead of through $CPP_PAGER, $PAGER or less -FRX")
	fl.BoolVar(&g.Wide, "wide", false, "tables: every column and every cell whole, however wide the lines (for copying); as when not to a terminal")
	return g
}

// today resolves --today, then CPP_TODAY, then the clock, as a UTC date.
func (g *globalOptions) today(env *Env) (time.Time, error) {
	if g.Today.given != "" {
		return g.Today.value, nil
	}
	return flagvalue.Today(env.Getenv("CPP_TODAY"), env.Now())
}

// style decides colour and width once, for the table printer.
func (g *globalOptions) style(env *Env) render.Style {
	s := env.streams()
	style := render.Style{Color: s.ColorEnabled(g.Color), Width: s.Width()}
	if g.Wide {
		style.Width = 0
	}
	return style
}
