//go:build !windows

package cli

import "io"

// consoleColor: terminals outside Windows read ANSI colour as they are.
func consoleColor(io.Writer) bool { return true }
