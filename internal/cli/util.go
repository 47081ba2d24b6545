package cli

import (
	"fmt"
	"strings"
)

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
