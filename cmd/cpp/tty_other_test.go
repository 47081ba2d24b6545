//go:build !linux

package main

import (
	"fmt"
	"os"
)

func ttyCPP([]string) int {
	fmt.Fprintln(os.Stderr, "ttycpp: runs only on Linux")
	return 1
}
