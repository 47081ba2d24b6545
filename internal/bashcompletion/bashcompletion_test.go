package bashcompletion

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// cobra's function is renamed once, and the wrapper named for the program calls it.
func TestScript(t *testing.T) {
	cobra := "__app_handle_standard_completion_case() {\n    echo cobra\n}\n"
	got := Script(cobra, "app")
	if !strings.HasPrefix(got, "__app_handle_standard_completion_case_cobra() {") ||
		!strings.Contains(got, "\n__app_handle_standard_completion_case() {") ||
		!strings.Contains(got, "    __app_handle_standard_completion_case_cobra\n}") || strings.Contains(got, "__cpp_") {
		t.Errorf("script:\n%s", got)
	}
}

// In bash, the part several candidates share is inserted quoted; one candidate, or a shared part
// that needs no quoting, is left to cobra's function.
func TestSharedPartQuoted(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	cobra := "__cpp_handle_standard_completion_case() {\n    COMPREPLY=(cobra)\n}\n"
	for _, tc := range []struct {
		cur         string
		completions []string
		want        string
	}{
		{"Vir", []string{"Virtual School\tleads", "Virtual School Headteacher"}, `Virtual\ School`},
		{"Vir", []string{"Virtual School"}, "cobra"},
		{"h", []string{"h1\tFind homes", "h2\tMore homes"}, "cobra"},
		{"Vir", []string{"Fostering", "Health Team"}, "cobra"},
	} {
		quoted := make([]string, len(tc.completions))
		for i, c := range tc.completions {
			quoted[i] = "$'" + strings.ReplaceAll(c, "\t", `\t`) + "'"
		}
		prog := Script(cobra, "cpp") + "\ncur=" + tc.cur + "\ncompletions=(" + strings.Join(quoted, " ") +
			")\n__cpp_handle_standard_completion_case\nprintf '%s' \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command("bash", "-c", prog).CombinedOutput()
		if err != nil || string(out) != tc.want {
			t.Errorf("%s %q: %q (%v), want %q", tc.cur, tc.completions, out, err, tc.want)
		}
	}
}

// `completion bash` writes the mended script; zsh's is cobra's own.
func TestInstall(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__app_handle_standard_completion_case_cobra() {", "zsh": "#compdef app"} {
		root := &cobra.Command{Use: "app"}
		root.AddCommand(&cobra.Command{Use: "list", Run: func(*cobra.Command, []string) {}})
		var out bytes.Buffer
		root.SetOut(&out) // before Install: cobra's zsh command keeps the stream it had then
		Install(root)
		root.SetArgs([]string{"completion", shell})
		if err := root.Execute(); err != nil || !strings.Contains(out.String(), want) {
			t.Errorf("%s: %v, no %q", shell, err, want)
		}
	}
}
