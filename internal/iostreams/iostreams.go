// Package iostreams owns the streams a command writes to and what they are: whether standard
// output is a terminal, how wide it is, whether colour is on, and the pager a long answer goes
// through. It is cpp's form of gh's pkg/iostreams.
package iostreams

import (
	"io"
	"os"
	"strconv"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
)

// IOStreams are standard output and error as a command sees them, with the environment they are
// read in. Tests give buffers, a map for the environment and a fixed answer for IsTerminal.
type IOStreams struct {
	Out, ErrOut io.Writer
	// Getenv reads COLUMNS, NO_COLOR, TERM, CPP_PAGER, PAGER and LESS.
	Getenv func(string) string
	// IsTerminal reports whether a stream is a terminal; the package's IsTerminal in cpp.
	IsTerminal func(io.Writer) bool
}

// IsTerminal reports whether w is a terminal, a Cygwin one included.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// The --color modes.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// ColorModes are --color's values, auto first.
var ColorModes = []string{ColorAuto, ColorAlways, ColorNever}

// ColorEnabled decides colour for standard output once. An explicit --color always wins over
// NO_COLOR, the user's standing wish; auto is colour on a terminal, unless NO_COLOR is set, TERM
// is dumb, or a Windows console cannot show it.
func (s IOStreams) ColorEnabled(mode string) bool {
	switch mode {
	case ColorAlways:
		return true
	case ColorAuto:
		return s.IsTerminal(s.Out) && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb" && consoleColor(s.Out)
	}
	return false
}

// Width is the width tables fit: $COLUMNS when it is set, as ls and most tools read it, else the
// terminal's. Output that is not to a terminal is not fitted (0): a row stays on one line whole,
// for grep, files and pagers (less -S), unless COLUMNS asks for a width.
func (s IOStreams) Width() int {
	if c, err := strconv.Atoi(s.Getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	if !s.IsTerminal(s.Out) {
		return 0
	}
	if f, ok := s.Out.(*os.File); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 20 {
			return w
		}
	}
	return 80
}
