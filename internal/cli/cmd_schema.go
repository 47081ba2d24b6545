package cli

import (
	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/schema"
)

func newSchemaCmd(env *Env) *cobra.Command {
	var cfg bool
	c := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of a plan file, for editors' completion and checks as you type",
		Long: `Prints the JSON Schema (draft 2020-12) of a plan file: every key with the manual's description,
the words status, rag, kind, direction and quarters take, which keys each mapping requires, and
that no other keys are allowed. An editor that reads JSON Schema (VS Code's YAML extension, and
others built on yaml-language-server) completes keys and values and marks a misspelt key as it is
typed. cpp init writes it to .cpp/plan.schema.json and points each plan at it.

The schema checks one file's structure. cpp validate stays the authority: it alone checks what
spans files (ids unique across the repository, links, leads in the registry) and what a pattern
cannot say (that a deadline reads as a period, that a date exists).

With --config, prints the schema of the repository's settings file, cpp.yaml, instead; cpp init
writes it to .cpp/config.schema.json.`,
		Example: `  cpp schema > .cpp/plan.schema.json
  cpp schema --config > .cpp/config.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			out := schema.Schema()
			if cfg {
				out = schema.ConfigSchema()
			}
			_, err := env.Stdout.Write(out)
			return err
		},
	}
	c.Flags().BoolVar(&cfg, "config", false, "the schema of cpp.yaml, the repository's settings, instead of a plan file's")
	return c
}
