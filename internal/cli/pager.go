package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// pagedCommands are the commands whose answer may run to many screens: on a terminal it goes
// through a pager, as git's and gh's do.
var pagedCommands = map[string]bool{
	"cpp list": true, "cpp due": true, "cpp overdue": true, "cpp show": true, "cpp leads": true,
	"cpp status": true, "cpp report": true, "cpp diff": true, "cpp log": true, "cpp validate": true,
	"cpp fmt": true, "cpp returns missing": true, "cpp help": true,
}

// defaultPager quits at once when the answer fits the screen (-F), shows colour (-R) and leaves
// the answer on the screen when it quits (-X).
const defaultPager = "less -FRX"

// pager is a running pager that the command's standard output is piped into.
type pager struct {
	cmd *exec.Cmd
	in  *pagerInput
}

// pagerInput is the pipe into the pager. The reader may quit the pager (q in less) before the
// answer is all written: what is left has nowhere to go, and is not an error.
type pagerInput struct {
	w    io.WriteCloser
	gone bool
}

func (p *pagerInput) Write(b []byte) (int, error) {
	if !p.gone {
		if _, err := p.w.Write(b); err != nil {
			p.gone = true
		}
	}
	return len(b), nil
}

// startPager sends standard output through $CPP_PAGER, else $PAGER, else less -FRX, when it is a
// terminal and the command is one that pages; never when it is piped or sent to a file, with
// --no-pager, or when the pager is "cat" or empty. The table is still fitted to the terminal:
// its width is found before standard output becomes the pipe, and colour decided as for the
// terminal. A pager that cannot be started is left out, with a warning when the user named it.
func startPager(env *Env, c *cobra.Command, noPager bool) {
	if noPager || !pagedCommands[c.CommandPath()] || !env.IsTerminal(env.Stdout) {
		return
	}
	if f := c.Flags().Lookup("output"); f != nil && f.Value.String() != "" && f.Value.String() != "-" {
		return
	}
	command, named := env.Getenv("CPP_PAGER"), true
	if command == "" {
		command = env.Getenv("PAGER")
	}
	if command == "" {
		command, named = defaultPager, false
	}
	if strings.TrimSpace(command) == "" || strings.TrimSpace(command) == "cat" {
		return
	}
	// The pager's program must be there: sh would start, fail to find it, and drop the answer.
	var err error
	if _, err = exec.LookPath(strings.Fields(command)[0]); err != nil {
		if named {
			fmt.Fprintf(env.Stderr, "cpp: warning: cannot start the pager %q: %v; printing without it\n", command, err)
		}
		return
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		f := strings.Fields(command)
		cmd = exec.Command(f[0], f[1:]...)
	} else {
		cmd = exec.Command("sh", "-c", command)
	}
	cmd.Stdout, cmd.Stderr = env.Stdout, env.Stderr
	cmd.Env = os.Environ()
	if env.Getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX") // as git does, for a PAGER of plain less
	}
	pipe, err := cmd.StdinPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		if named {
			fmt.Fprintf(env.Stderr, "cpp: warning: cannot start the pager %q: %v; printing without it\n", command, err)
		}
		return
	}
	width := terminalWidth(env)
	isTerminal, getenv := env.IsTerminal, env.Getenv
	in := &pagerInput{w: pipe}
	env.IsTerminal = func(w io.Writer) bool { return w == in || isTerminal(w) }
	env.Getenv = func(k string) string {
		if k == "COLUMNS" && getenv(k) == "" && width > 0 {
			return strconv.Itoa(width)
		}
		return getenv(k)
	}
	env.Stdout = in
	env.pager = &pager{cmd: cmd, in: in}
}

// wait closes the pager's input and waits for the reader to quit it.
func (p *pager) wait() {
	p.in.w.Close()
	_ = p.cmd.Wait()
}
