package iostreams

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// DefaultPager quits at once when the answer fits the screen (-F), shows colour (-R) and leaves
// the answer on the screen when it quits (-X).
const DefaultPager = "less -FRX"

// Pager is a running pager that standard output is piped into.
type Pager struct {
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

// pagerCommand is the pager the environment names: $CPP_PAGER, else $PAGER, else less -FRX;
// named says the user named it. It is "" when paging is off: a pager of "cat" or blank.
func (s IOStreams) pagerCommand() (command string, named bool) {
	command, named = s.Getenv("CPP_PAGER"), true
	if command == "" {
		command = s.Getenv("PAGER")
	}
	if command == "" {
		command, named = DefaultPager, false
	}
	if t := strings.TrimSpace(command); t == "" || t == "cat" {
		return "", named
	}
	return command, named
}

// StartPager sends standard output through the pager when it is a terminal. It returns the
// streams the command then writes to: standard output is the pipe, still a terminal for colour,
// with COLUMNS the terminal's width, so that a table is fitted as it would be without the pager.
// With no pager to run, it returns s as it is and a nil Pager; when the pager the user named
// cannot start, an error too, for a warning.
func (s IOStreams) StartPager() (IOStreams, *Pager, error) {
	command, named := s.pagerCommand()
	if command == "" || !s.IsTerminal(s.Out) {
		return s, nil, nil
	}
	cmd, pipe, err := s.startPager(command)
	if err != nil {
		if !named {
			err = nil
		}
		return s, nil, err
	}
	width, in, paged := s.Width(), &pagerInput{w: pipe}, s
	paged.Out = in
	paged.IsTerminal = func(w io.Writer) bool { return w == in || s.IsTerminal(w) }
	paged.Getenv = func(k string) string {
		if k == "COLUMNS" && s.Getenv(k) == "" && width > 0 {
			return strconv.Itoa(width)
		}
		return s.Getenv(k)
	}
	return paged, &Pager{cmd: cmd, in: in}, nil
}

// startPager starts the pager's process, writing where standard output and error go.
func (s IOStreams) startPager(command string) (*exec.Cmd, io.WriteCloser, error) {
	// The pager's program must be there: sh would start, fail to find it, and drop the answer.
	if _, err := exec.LookPath(strings.Fields(command)[0]); err != nil {
		return nil, nil, fmt.Errorf("cannot start the pager %q: %w", command, err)
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		f := strings.Fields(command)
		cmd = exec.Command(f[0], f[1:]...)
	} else {
		cmd = exec.Command("sh", "-c", command)
	}
	cmd.Stdout, cmd.Stderr = s.Out, s.ErrOut
	cmd.Env = os.Environ()
	if s.Getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX") // as git does, for a PAGER of plain less
	}
	pipe, err := cmd.StdinPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot start the pager %q: %w", command, err)
	}
	return cmd, pipe, nil
}

// Wait closes the pager's input and waits for the reader to quit it.
func (p *Pager) Wait() {
	p.in.w.Close()
	_ = p.cmd.Wait()
}
