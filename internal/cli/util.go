package cli

import (
	"strings"
)

func badFormat(got string, valid []string) error {
	return usageErrorf("use one of: "+strings.Join(valid, ", "), "unknown format %q", got)
}

func joinPaths(paths []string) string {
	return strings.Join(paths, ", ")
}
