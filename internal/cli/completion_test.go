package cli

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/flagvalue"
)

// Every --format is a typed flag, declared once with its values, and completion offers exactly
// those values: the list that checks a value and ends the help is the list completed.
func TestFormatsAreDeclaredOnce(t *testing.T) {
	root := NewRoot(&Env{})
	checked := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		f := c.LocalNonPersistentFlags().Lookup("format")
		if f == nil {
			return
		}
		e, ok := f.Value.(*flagvalue.Enum)
		if !ok {
			t.Errorf("%s --format is a %T, not a typed flag", c.CommandPath(), f.Value)
			return
		}
		if !strings.HasSuffix(f.Usage, strings.Join(e.Values, ", ")) && !strings.Contains(f.Usage, strings.Join(e.Values, ", ")+" (") {
			t.Errorf("%s --format help %q does not list %q", c.CommandPath(), f.Usage, e.Values)
		}
		path := append(strings.Fields(c.CommandPath())[1:], "--format", "")
		out, _, _ := run(t, append([]string{"__complete"}, path...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if offered := lines[:len(lines)-1]; !slices.Equal(offered, e.Values) {
			t.Errorf("%s --format completes %q; it accepts %q", c.CommandPath(), offered, e.Values)
		}
		for _, v := range e.Values {
			if err := e.Set(strings.ToUpper(v)); err != nil {
				t.Errorf("%s --format %s: %v", c.CommandPath(), strings.ToUpper(v), err)
			}
		}
		checked++
	}
	walk(root)
	if checked < 15 {
		t.Errorf("only %d commands with --format checked", checked)
	}
}

// A bad value is refused by the flag itself, with the values it takes; "table", the listings'
// old name for the people-facing format, is read as "text".
func TestEnumFlag(t *testing.T) {
	var v string
	f := formatFlag(&v, textFormat, listingFormats...)
	if err := f.Set("Table"); err != nil || v != "text" {
		t.Errorf("table: %q, %v", v, err)
	}
	err := f.Set("XML")
	var ee *exitcode.Error
	if !errors.As(err, &ee) || ee.Code != exitcode.Usage || ee.Msg != `unknown format "xml"` || ee.Hint != "use one of: text, markdown, csv, json, xlsx" {
		t.Errorf("xml: %#v", err)
	}
}

// cpp help completes the manual's topics, with their titles, and the commands, with what they
// do: help takes either.
func TestHelpCompletesTopicsAndCommands(t *testing.T) {
	out, _, code := run(t, "__complete", "help", "f")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if v, desc, ok := strings.Cut(line, "\t"); ok && desc != "" {
			got = append(got, v)
		}
	}
	if !slices.Contains(got, "file-format") || !slices.Contains(got, "fmt") {
		t.Errorf("help f<Tab> offers %q, want the topic file-format and the command fmt", got)
	}
	if out, _, _ := run(t, "__complete", "help", "fmt", ""); strings.Contains(out, "file-format") {
		t.Errorf("after the topic, help offers more: %q", out)
	}
}
