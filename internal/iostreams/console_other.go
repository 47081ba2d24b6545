//go:build !windows

package iostreams

import "io"

// consoleColor: terminals outside Windows read ANSI colour as they are.
func consoleColor(io.Writer) bool { return true }
