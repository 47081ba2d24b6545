//go:build unix

package scaffold_test

import (
	"bytes"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/exitcode"
	"github.com/cpp-plans/cpp/internal/scaffold"
	"github.com/cpp-plans/cpp/internal/testutil/exittest"
)

// A cpp.yaml that is a named pipe is refused, saying why, as every reader of a user's file
// refuses one: reading it would wait for a writer that never comes.
func TestMakeRefusesAConfigThatIsAPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, scaffold.ConfigPath), 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := scaffold.Make(scaffold.Request{Dir: dir, Council: "Riverside Council", NoGit: true,
			Today: today, Lock: lock, Warn: &bytes.Buffer{}})
		done <- err
	}()
	select {
	case err := <-done:
		exittest.Check(t, err, exitcode.Problem, "cannot read the settings: it is a named pipe (FIFO), not a regular file [config]; nothing was written")
	case <-time.After(10 * time.Second):
		t.Fatal("cpp init is still reading a named pipe after 10s")
	}
}
