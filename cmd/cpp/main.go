// Command cpp keeps councils' corporate parenting plans as YAML and answers questions about them.
package main

import (
	"os"

	"github.com/cpp-plans/cpp/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
