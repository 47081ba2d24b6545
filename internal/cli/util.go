package cli

import "strings"

func joinPaths(paths []string) string {
	return strings.Join(paths, ", ")
}
