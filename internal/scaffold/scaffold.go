// Package scaffold holds the files cpp gives a plan repository: the GitHub Actions workflow that
// validates every push and describes each pull request's plan changes. The README shows the same
// text, and a test keeps the two equal.
package scaffold

import _ "embed"

// Workflow is .github/workflows/plans.yml for a plan repository.
//
//go:embed plans-workflow.yml
var Workflow string
