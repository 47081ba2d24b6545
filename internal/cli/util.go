package cli

import (
	"fmt"
	"strings"
)

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func badFormat(got string, valid []string) error {
	return usageErrorf("use one of: "+strings.Join(valid, ", "), "unknown format %q", got)
}

func joinPaths(paths []string) string {
	return strings.Join(paths, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
