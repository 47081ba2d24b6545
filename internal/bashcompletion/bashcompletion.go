// Package bashcompletion mends the bash completion script cobra writes: given several
// candidates, bash inserts the part they share as it is, unquoted, so --lead Vir<Tab>, with
// Virtual School and Virtual School Headteacher to offer, would write `--lead Virtual School`,
// two words. The mended script inserts the shared part quoted (Virtual\ School) instead, and the
// next Tab lists the candidates. (zsh and fish quote what they insert themselves.)
package bashcompletion

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"
)

// quotedPrefix wraps cobra's function that completes the usual case.
const quotedPrefix = `
# cpp: insert the part several candidates share quoted, as bash would not.
__cpp_handle_standard_completion_case() {
    local tab=$'\t' c v quoted prefix="" n=0
    for c in "${completions[@]}"; do
        v=${c%%$tab*}
        [[ -z $v ]] && continue
        printf -v quoted "%q" "$v"
        [[ $quoted == "$cur"* ]] || continue
        if (( n == 0 )); then
            prefix=$v
        else
            while [[ ${v:0:${#prefix}} != "$prefix" ]]; do prefix=${prefix:0:${#prefix}-1}; done
        fi
        n=$((n+1))
    done
    if (( n > 1 )) && [[ -n $prefix ]]; then
        printf -v quoted "%q" "$prefix"
        if [[ $quoted != "$prefix" && ${#quoted} -gt ${#cur} ]]; then
            COMPREPLY=("$quoted")
            return 0
        fi
    fi
    __cpp_handle_standard_completion_case_cobra
}
`

// Script is cobra's bash completion script for the program name, mended: cobra's function is
// renamed, and the wrapper that calls it added.
func Script(script, name string) string {
	fn := "__" + name + "_handle_standard_completion_case"
	script = strings.Replace(script, fn+"() {", fn+"_cobra() {", 1)
	return script + strings.ReplaceAll(quotedPrefix, "__cpp_", "__"+name+"_")
}

// Install adds cobra's completion command to root, its bash command writing the mended script.
func Install(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	bash, _, err := root.Find([]string{"completion", "bash"})
	if err != nil || bash.Name() != "bash" {
		return
	}
	bash.Run = nil
	bash.RunE = func(c *cobra.Command, args []string) error {
		noDesc, _ := c.Flags().GetBool("no-descriptions")
		var b bytes.Buffer
		if err := c.Root().GenBashCompletionV2(&b, !noDesc); err != nil {
			return err
		}
		_, err := c.OutOrStdout().Write([]byte(Script(b.String(), c.Root().Name())))
		return err
	}
}
