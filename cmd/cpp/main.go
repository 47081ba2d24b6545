// Command cpp keeps councils' corporate parenting plans as YAML and answers questions about them.
package main

import (
	"io"
	"os"
	"runtime/debug"

	"github.com/cpp-plans/cpp/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is all the binary does. The end-to-end tests run their test binary as cpp through it, so
// what they run collects garbage as the real one does.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// cpp runs for tens of milliseconds over a few megabytes of YAML nodes. At Go's default
	// (GOGC=100) the collector runs several times in that span and takes a third of the CPU of
	// a command like update; letting the heap grow to five times what is live before collecting
	// halves that, and a run's memory stays small (tens of megabytes for the national corpus).
	// A GOGC the user sets still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	return cli.Main(args, stdin, stdout, stderr)
}
