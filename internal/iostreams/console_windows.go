package iostreams

import (
	"io"
	"os"

	"github.com/muesli/termenv"
)

// consoleColor readies a Windows console for colour: the console shows ANSI colour only with
// virtual terminal processing on (Windows Terminal has it on; the older console host needs it
// asked for). When it cannot be turned on (a console older than Windows 10), colour is off, so
// that the table is never strewn with escape codes. The mode is left on for the console, as it
// is harmless and other programs expect it.
func consoleColor(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return true
	}
	_, err := termenv.EnableVirtualTerminalProcessing(termenv.NewOutput(f))
	return err == nil
}
