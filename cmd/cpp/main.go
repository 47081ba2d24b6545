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
	// A GOGC the user sets wins over cpp's own setting.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(cli.GCPercent)
	}
	return cli.Main(args, stdin, stdout, stderr)
}
