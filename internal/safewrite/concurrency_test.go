//go:build unix

package safewrite

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteVerifiesAfterTheSwap: another program saving in the last gap, after cpp's last look
// and before its rename, by rename or in place, keeps its save; cpp writes nothing and says so.
func TestWriteVerifiesAfterTheSwap(t *testing.T) {
	if exchange("/nonexistent-a", "/nonexistent-b") == errNoExchange {
		t.Skip("this system cannot swap two names in one step; the Stamp check is the last look")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	for name, save := range map[string]func(){
		"by rename": func() {
			writeFile(t, path+".new", "id: theirs\n", 0o644)
			os.Rename(path+".new", path)
		},
		"in place": func() {
			f, _ := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			f.WriteString("id: theirs\n")
			f.Close()
		},
		"in place, same size and time": func() {
			info, _ := os.Stat(path)
			f, _ := os.OpenFile(path, os.O_WRONLY, 0)
			f.WriteString("id: THEIRS")
			f.Close()
			os.Chtimes(path, info.ModTime(), info.ModTime())
		},
	} {
		t.Run(name, func(t *testing.T) {
			writeFile(t, path, "id: theirs \n", 0o644)
			os.Chtimes(path, time.Now().Add(-time.Minute), time.Now().Add(-time.Minute))
			_, stamp, err := Read(path, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			beforeSwap = func(string) { save() }
			err = Write(path, []byte("id: ours\n"), Options{Policy: MustExist, Expect: &stamp})
			beforeSwap = nil
			if kindOf(t, err) != Changed || !strings.Contains(err.Error(), "changed while cpp was writing; nothing was written") {
				t.Fatalf("Write = %v, want it to refuse: changed while cpp was writing", err)
			}
			if got := content(t, path); !strings.Contains(strings.ToLower(got), "theirs") {
				t.Errorf("file = %q, want their save", got)
			}
			noTemp(t, dir)
		})
	}
}

// TestReadNeverTakesHalfAFile: a file another program writes in place (truncate, then write) is
// never taken half-way: a change while it is read, or a change within the moment after it was
// last modified, makes Read look again; a file that never stops changing is refused.
func TestReadNeverTakesHalfAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	whole := strings.Repeat("- a line of the plan\n", 400)
	old := time.Now().Add(-time.Minute)
	finish := func() {
		f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		f.WriteString(whole[len(whole)/2:])
		f.Close()
	}
	defer func() { whileReading, whileSettling = nil, nil }()

	// Changed while read (an old modification time, so only the change tells).
	writeFile(t, path, whole[:len(whole)/2], 0o644)
	os.Chtimes(path, old, old)
	whileReading = func(try int) {
		if try == 0 {
			finish()
		}
	}
	if data, err := ReadFile(path, 1<<20); err != nil || string(data) != whole {
		t.Errorf("changed while read: got %d bytes, %v; want the whole file", len(data), err)
	}
	whileReading = nil

	// Modified just before cpp read it, and finished within the moment.
	writeFile(t, path, whole[:len(whole)/2], 0o644)
	whileSettling = finish
	if data, err := ReadFile(path, 1<<20); err != nil || string(data) != whole {
		t.Errorf("modified just before: got %d bytes, %v; want the whole file", len(data), err)
	}
	whileSettling = nil

	// Never still.
	writeFile(t, path, whole, 0o644)
	whileReading = func(int) {
		f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		f.WriteString("x")
		f.Close()
	}
	_, err := ReadFile(path, 1<<20)
	var se *Error
	if !errors.As(err, &se) || se.Kind != Unstable || !strings.Contains(err.Error(), "kept changing while cpp read it") {
		t.Errorf("a file always changing: %v, want it refused", err)
	}
	whileReading = nil

	// Still, and old: read at once, with no wait.
	writeFile(t, path, whole, 0o644)
	os.Chtimes(path, old, old)
	start := time.Now()
	if data, err := ReadFile(path, 1<<20); err != nil || string(data) != whole {
		t.Errorf("still file: %d bytes, %v", len(data), err)
	}
	if d := time.Since(start); d >= Settle {
		t.Logf("reading a still file took %v (a loaded machine?)", d)
	}
}

func TestWriteRefusesToSplitHardLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.yaml")
	other := filepath.Join(dir, "copy.yaml")
	writeFile(t, path, "id: a  \n", 0o644)
	if err := os.Link(path, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	_, stamp, _ := Read(path, 1<<20)
	err := Write(path, []byte("id: a\n"), Options{Policy: MustExist, Expect: &stamp})
	if kindOf(t, err) != HardLinked || !strings.Contains(err.Error(), "2 hard links") {
		t.Fatalf("Write = %v, want a refusal naming 2 hard links", err)
	}
	var se *Error
	errors.As(err, &se)
	if !strings.Contains(se.Hint(), "ln -sf") {
		t.Errorf("hint %q does not say how to keep the names together", se.Hint())
	}
	if content(t, path) != "id: a  \n" || content(t, other) != "id: a  \n" {
		t.Error("a refused write changed the file")
	}
	noTemp(t, dir)
	// A symbolic link is written through, as before.
	os.Remove(other)
	os.Symlink("plan.yaml", other)
	_, stamp, _ = Read(other, 1<<20)
	if err := Write(other, []byte("id: a\n"), Options{Policy: MustExist, Expect: &stamp}); err != nil {
		t.Fatal(err)
	}
	if content(t, path) != "id: a\n" {
		t.Error("the write did not go through the symlink")
	}
}

func TestWriteRefusesMoreThanReadersRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	err := Write(path, make([]byte, 101), Options{Limit: 100})
	if kindOf(t, err) != TooLarge || !strings.Contains(err.Error(), "the new text would be 101 bytes, more than the 100 bytes cpp reads; nothing was written") {
		t.Fatalf("Write = %v, want TooLarge", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the file was written")
	}
	if err := Write(path, make([]byte, 100), Options{Limit: 100}); err != nil {
		t.Fatal(err)
	}
}

func TestLockWaitsThenRefuses(t *testing.T) {
	dir := t.TempDir()
	first, err := LockDirs([]string{dir}, LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, LockName)); strings.TrimSpace(string(data)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("lock file holds %q, want this pid", data)
	}
	var notes []string
	start := time.Now()
	_, err = LockDirs([]string{dir}, LockOptions{Wait: 300 * time.Millisecond, Notice: 100 * time.Millisecond,
		Notify: func(lock string, pid int) { notes = append(notes, fmt.Sprintf("%s held by %s", lock, Holder(pid))) }})
	var be *BusyError
	if !errors.As(err, &be) || be.PID != os.Getpid() {
		t.Fatalf("second lock = %v, want BusyError naming pid %d", err, os.Getpid())
	}
	if waited := time.Since(start); waited < 300*time.Millisecond || waited > 3*time.Second {
		t.Errorf("waited %v, want about 300ms", waited)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], fmt.Sprintf("process %d", os.Getpid())) {
		t.Errorf("notices = %q, want one naming the holder", notes)
	}
	if !strings.Contains(be.Error(), "nothing written") || !strings.Contains(be.Hint(), LockName) {
		t.Errorf("message %q / hint %q", be.Error(), be.Hint())
	}
	// Released, the next writer gets in at once, and the lock file is gone.
	done := make(chan error)
	go func() {
		l, err := LockDirs([]string{dir}, LockOptions{Wait: 5 * time.Second})
		l.Release()
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	first.Release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after release: %v", err)
	}
}

// TestLockTakesOverAStaleLock: a lock file left by a cpp that was killed (no one holds it) does
// not block the next.
func TestLockTakesOverAStaleLock(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, LockName), "999999999\n", 0o644)
	l, err := LockDirs([]string{dir}, LockOptions{Wait: 2 * time.Second})
	if err != nil {
		t.Fatalf("a stale lock blocked: %v", err)
	}
	l.Release()
}

func TestLockCoversTheFolderThroughSymlinks(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "real-plans")
	os.Mkdir(real, 0o755)
	os.Symlink("real-plans", filepath.Join(root, "plans"))
	writeFile(t, filepath.Join(real, "a.yaml"), "id: a\n", 0o644)
	os.Symlink(filepath.Join(real, "a.yaml"), filepath.Join(root, "link.yaml"))
	d1, _ := LockDir(filepath.Join(root, "plans"), true)
	d2, _ := LockDir(filepath.Join(root, "plans", "a.yaml"), false)
	d3, _ := LockDir(filepath.Join(root, "link.yaml"), false)
	if d1 != d2 || d2 != d3 {
		t.Fatalf("lock folders differ: %s, %s, %s", d1, d2, d3)
	}
	l, err := LockDirs([]string{d1}, LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if !l.Covers(filepath.Join(root, "link.yaml")) || l.Covers(filepath.Join(root, "other.yaml")) {
		t.Error("Covers is wrong")
	}
}

// TestInterruptLeavesNothing: cpp stopped by Ctrl-C, SIGTERM or SIGHUP while it writes removes
// its temporary file and its lock, and the plan is as it was.
func TestInterruptLeavesNothing(t *testing.T) {
	if os.Getenv("SAFEWRITE_HELPER") != "" {
		helper()
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.yaml")
			writeFile(t, path, "id: a  \n", 0o644)
			cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptLeavesNothing$")
			cmd.Env = append(os.Environ(), "SAFEWRITE_HELPER="+path)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ready := path + ".writing"
			for i := 0; ; i++ {
				if _, err := os.Stat(ready); err == nil {
					break
				}
				if i == 500 {
					cmd.Process.Kill()
					t.Fatal("the helper never got to its write")
				}
				time.Sleep(10 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("helper ended with %v, want it stopped by %v", err, sig)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("helper ended with %v, want it stopped by %v", err, sig)
			}
			os.Remove(ready)
			noTemp(t, dir)
			if _, err := os.Stat(filepath.Join(dir, LockName)); err == nil {
				t.Error("lock file left behind")
			}
			if got := content(t, path); got != "id: a  \n" {
				t.Errorf("plan = %q, want it as it was", got)
			}
		})
	}
}

// helper takes the lock and writes the plan, stopping mid-write until it is signalled.
func helper() {
	path := os.Getenv("SAFEWRITE_HELPER")
	l, err := LockDirs([]string{filepath.Dir(path)}, LockOptions{})
	if err != nil {
		os.Exit(7)
	}
	defer l.Release()
	_, stamp, _ := Read(path, 1<<20)
	whileWriting = func(string) {
		os.WriteFile(path+".writing", nil, 0o644)
		time.Sleep(20 * time.Second)
	}
	Write(path, []byte("id: a\n"), Options{Policy: MustExist, Expect: &stamp})
	os.Exit(8)
}
