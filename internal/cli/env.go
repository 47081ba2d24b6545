package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/iostreams"
)

// Env is everything a command may touch outside its arguments: streams, environment and clock.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// IsTerminal reports whether a stream is a terminal, for colour and table widths.
	IsTerminal func(w io.Writer) bool
	Getwd      func() (string, error)

	pager *iostreams.Pager // the pager standard output goes through, once started
}

// streams are env's standard output and error as iostreams reads them.
func (env *Env) streams() iostreams.IOStreams {
	return iostreams.IOStreams{Out: env.Stdout, ErrOut: env.Stderr, Getenv: env.Getenv, IsTerminal: env.IsTerminal}
}

// pagedCommands are the commands whose answer may run to many screens: on a terminal it goes
// through a pager, as git's and gh's do.
var pagedCommands = map[string]bool{
	"cpp list": true, "cpp due": true, "cpp overdue": true, "cpp show": true, "cpp leads": true,
	"cpp status": true, "cpp report": true, "cpp diff": true, "cpp log": true, "cpp validate": true,
	"cpp fmt": true, "cpp returns missing": true, "cpp help": true,
}

// startPager sends a paged command's standard output through the pager (iostreams.StartPager),
// unless --no-pager or -o FILE says it goes straight out. A pager the user named that cannot
// start is left out with a warning.
func startPager(env *Env, c *cobra.Command, noPager bool) {
	if noPager || !pagedCommands[c.CommandPath()] {
		return
	}
	if f := c.Flags().Lookup("output"); f != nil && f.Value.String() != "" && f.Value.String() != "-" {
		return
	}
	s, p, err := env.streams().StartPager()
	if err != nil {
		fmt.Fprintf(env.Stderr, "cpp: warning: %v; printing without it\n", err)
	}
	env.Stdout, env.Getenv, env.IsTerminal, env.pager = s.Out, s.Getenv, s.IsTerminal, p
}

// GCPercent is the garbage collector's setting the binary runs with (cmd/cpp sets it unless GOGC
// is set). cpp runs for tens of milliseconds over a few megabytes of YAML nodes: at Go's default
// (GOGC=100) the collector runs several times in that span and takes a third of the CPU of a
// command like update; letting the heap grow to five times what is live before collecting halves
// that, and a run's memory stays small.
const GCPercent = 400
