package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cpp-plans/cpp/internal/cli"
)

// Every command a user can run, subcommands too, gets a page that names it and documents each
// of its flags, dated from SOURCE_DATE_EPOCH.
func TestWriteGivesEveryCommandAPage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1759276800") // 2025-10-01
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	root := cli.NewRoot(&cli.Env{Getenv: func(string) string { return "" }})
	n := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Parent() != nil && (!c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand()) {
			return
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("no man page for %q: %v", c.CommandPath(), err)
			return
		}
		n++
		page := string(data)
		if !strings.Contains(page, `.TH "CPP" "1" "Oct 2025"`) {
			t.Errorf("%s: header not dated from SOURCE_DATE_EPOCH", name)
		}
		c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && !strings.Contains(page, `\fB--`+f.Name+`\fP`) {
				t.Errorf("%s does not document --%s", name, f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 15 {
		t.Errorf("checked %d pages, want one per command", n)
	}
}
