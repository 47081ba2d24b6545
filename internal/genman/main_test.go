package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cpp-plans/cpp/internal/cli"
)

// Every command a user can run, subcommands too, gets a page that names it and documents each
// of its flags, dated from SOURCE_DATE_EPOCH.
func TestWriteGivesEveryCommandAPage(t *testing.T) {
	dir := t.TempDir()
	d, err := pageDate("1759276800", time.Now()) // 2025-10-01
	if err != nil {
		t.Fatal(err)
	}
	if err := write(dir, d); err != nil {
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
			t.Errorf("%s: header not dated from the date given", name)
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

// A release's pages are dated from its commit; a date that does not read stops the build, where
// it once dated the pages today, unseen, and the same source gave different archives.
func TestPageDate(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("BST", 3600))
	for _, tc := range []struct{ epoch, want string }{
		{"", "2026-01-02T02:04:05Z"},
		{"1759276800", "2025-10-01T00:00:00Z"},
	} {
		if got, err := pageDate(tc.epoch, now); err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("%q: %v, %v, want %s", tc.epoch, got, err, tc.want)
		}
	}
	for _, bad := range []string{"2025-10-01", "soon", "1759276800.5"} {
		if _, err := pageDate(bad, now); err == nil || !strings.Contains(err.Error(), "invalid date") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
