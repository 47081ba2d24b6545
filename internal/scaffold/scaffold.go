// Package scaffold holds the files cpp gives a plan repository: the GitHub Actions workflow that
// validates every push and describes each pull request's plan changes. The README shows the same
// text, and a test keeps the two equal.
package scaffold

import (
	_ "embed"
	"strings"
)

// Workflow is .github/workflows/plans.yml for a plan repository, as the README shows it: it
// installs the latest release of cpp. WorkflowFor pins one.
//
//go:embed plans-workflow.yml
var Workflow string

// unpinned is the workflow's line that names the release it installs.
const unpinned = "  CPP_VERSION: latest\n"

// WorkflowFor is the workflow pinned to the cpp release rev (v1.2.3); with rev "" it installs
// the latest release, as a development build of cpp, which is no release, must leave it.
func WorkflowFor(rev string) string {
	if rev == "" {
		return Workflow
	}
	return strings.Replace(Workflow, unpinned, "  CPP_VERSION: "+rev+"\n", 1)
}
