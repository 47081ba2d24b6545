package cli

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"
)

// bashQuotedPrefix wraps cobra's bash completion. Given several candidates, bash inserts the part
// they share as it is, unquoted: --lead Vir<Tab>, with Virtual School and Virtual School
// Headteacher to offer, would write `--lead Virtual School`, two words. The wrapper inserts the
// shared part quoted (Virtual\ School) instead, and the next Tab lists the candidates. (zsh and
// fish quote what they insert themselves.)
const bashQuotedPrefix = `
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

// quoteBashCompletion replaces the bash script cobra's completion command writes with the one
// above wrapped around it.
func quoteBashCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, comp := range root.Commands() {
		if comp.Name() != "completion" {
			continue
		}
		for _, sh := range comp.Commands() {
			if sh.Name() != "bash" {
				continue
			}
			sh.Run = nil
			sh.RunE = func(c *cobra.Command, args []string) error {
				noDesc, _ := c.Flags().GetBool("no-descriptions")
				var b bytes.Buffer
				if err := c.Root().GenBashCompletionV2(&b, !noDesc); err != nil {
					return err
				}
				_, err := c.OutOrStdout().Write([]byte(bashScript(b.String(), c.Root().Name())))
				return err
			}
		}
	}
}

// bashScript renames cobra's function and adds the wrapper that calls it.
func bashScript(script, name string) string {
	fn := "__" + name + "_handle_standard_completion_case"
	script = strings.Replace(script, fn+"() {", fn+"_cobra() {", 1)
	return script + strings.ReplaceAll(bashQuotedPrefix, "__cpp_", "__"+name+"_")
}
