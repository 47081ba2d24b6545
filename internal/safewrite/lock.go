package safewrite

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// LockName is the file that says a cpp is writing the plans in its folder. It is not a plan
// (plan files end .yaml or .yml), it starts with a dot so that listings and git's "untracked"
// output stay quiet, and `cpp init` writes a .gitignore that names it.
const LockName = ".cpp.lock"

// Why one lock per folder, in the folder of the file written, found through symlinks: every way
// of naming a plan (plans/, --plans elsewhere, a file given on the command line, a symlink, a
// plans/ folder that is itself a symlink) leads to the same lock, because it is decided by where
// the file really is, not by how the command was told about it. A repository keeps its plans in
// plans/, so in practice this is one lock for the repository: plans/.cpp.lock.
//
// How, after git's index.lock (lockfile.c): the lock file is created with O_CREAT|O_EXCL and
// removed when the writer is done, on every exit path and on Ctrl-C, SIGTERM and SIGHUP (see
// cleanup.go). On Unix it is also flock(2)ed, which the kernel releases when the holder dies
// however it dies (kill -9, a power cut on a network share aside): a lock file whose flock can be
// taken is stale and is taken over, so a crashed cpp never blocks the next one, and there is no
// race between two processes each removing what it thinks is a stale file. Elsewhere a lock file
// whose process (its pid is written inside) no longer runs is stale, and is removed.

// LockOptions say how long to wait for another writer.
type LockOptions struct {
	// Wait is how long to wait for another cpp to finish; 0 means DefaultWait.
	Wait time.Duration
	// Notice is how long to wait before saying so on Notify; 0 means one second.
	Notice time.Duration
	// Notify is told, once, after Notice, that cpp is waiting: for which lock file, held by which
	// process (0 when the file does not say). nil says nothing.
	Notify func(lockPath string, pid int)
}

// DefaultWait is how long a second cpp waits for the first to finish writing. Writing a plan
// takes milliseconds; ten seconds is many writers queued, or one stuck, and then the user should
// be told rather than left waiting.
const DefaultWait = 10 * time.Second

// Lock is held locks on the folders of the files a command writes.
type Lock struct {
	held []*heldLock
}

type heldLock struct {
	dir, path string
	f         *os.File
}

// BusyError says another cpp holds a lock for longer than the writer would wait.
type BusyError struct {
	Path   string        // the lock file, as named to the user
	PID    int           // the holder's process id; 0 when the lock file does not say
	Waited time.Duration // how long this cpp waits (CPP_LOCK_TIMEOUT): the time it gave up after, said as set, not as measured, so that the message is the same on a busy machine
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another cpp (%s) is writing the plans in %s: waited %s for it; nothing written",
		Holder(e.PID), filepath.Dir(e.Path), e.Waited.Round(100*time.Millisecond))
}

// Hint says what to do.
func (e *BusyError) Hint() string {
	return fmt.Sprintf("run the command again when it has finished; if no cpp is running, remove %s", e.Path)
}

// Holder names the process holding a lock, for messages.
func Holder(pid int) string {
	if pid <= 0 {
		return "process unknown"
	}
	return "process " + strconv.Itoa(pid)
}

// LockDir is the folder whose lock guards writing path: the folder the file is really in,
// through symlinks; for a folder given as a folder (dir true), that folder itself.
func LockDir(path string, dir bool) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if !dir {
		real, err := resolve(abs)
		if err != nil {
			return "", err
		}
		abs = filepath.Dir(real)
	}
	// The folder may be reached through a symlink (a plans/ folder that is one).
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	return filepath.Clean(abs), nil
}

// LockDirs takes the locks of the folders given (see LockDir), in a fixed order so that two
// commands needing the same two folders cannot each hold one and wait for the other. It waits
// for another cpp up to opts.Wait, then returns a *BusyError; any other error is the system's.
// Release the lock when the last file is written.
func LockDirs(dirs []string, opts LockOptions) (*Lock, error) {
	dirs = slices.Clone(dirs)
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	if opts.Wait <= 0 {
		opts.Wait = DefaultWait
	}
	if opts.Notice <= 0 {
		opts.Notice = time.Second
	}
	l := &Lock{}
	start := time.Now()
	for _, dir := range dirs {
		h, err := lockOne(dir, start, opts)
		if err != nil {
			l.Release()
			return nil, err
		}
		l.held = append(l.held, h)
	}
	return l, nil
}

// Covers reports whether the lock guards writing path: whether its folder is one locked.
func (l *Lock) Covers(path string) bool {
	if l == nil {
		return false
	}
	dir, err := LockDir(path, false)
	if err != nil {
		return false
	}
	for _, h := range l.held {
		if h.dir == dir {
			return true
		}
	}
	return false
}

// Release removes the lock files and lets the next writer in. It is safe to call twice.
func (l *Lock) Release() {
	if l == nil {
		return
	}
	for i := len(l.held) - 1; i >= 0; i-- {
		h := l.held[i]
		// Removed while still held, so that no other cpp can take this file over between the
		// two steps; one that opened it before will find it gone and start again.
		os.Remove(h.path)
		forget(h.path)
		h.f.Close()
	}
	l.held = nil
}

// lockOne takes one folder's lock, waiting for its holder.
func lockOne(dir string, start time.Time, opts LockOptions) (*heldLock, error) {
	path := filepath.Join(dir, LockName)
	noticed := false
	delay := time.Millisecond
	for {
		f, pid, err := tryLock(path)
		if err != nil {
			return nil, err
		}
		if f != nil {
			return &heldLock{dir: dir, path: path, f: f}, nil
		}
		waited := time.Since(start)
		if waited >= opts.Wait {
			return nil, &BusyError{Path: path, PID: pid, Waited: opts.Wait}
		}
		if !noticed && waited >= opts.Notice && opts.Notify != nil {
			noticed = true
			opts.Notify(path, pid)
		}
		// Short sleeps first: a writer holds the lock for milliseconds, so the next one should
		// not sleep much longer than that; then back off, to cost little while one is stuck.
		time.Sleep(min(delay, opts.Wait-waited))
		delay = min(delay*2, 20*time.Millisecond)
	}
}

// tryLock takes the lock file at path if no live cpp holds it: the open file, or nil and the
// holder's pid when one does.
func tryLock(path string) (*os.File, int, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	created := err == nil
	if errors.Is(err, fs.ErrExist) {
		f, err = os.OpenFile(path, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, 0, nil // its holder just removed it: try again at once
		}
	}
	if err != nil {
		return nil, 0, lockFailed(path, err)
	}
	ok, err := takeOver(f, path, created)
	if err != nil {
		f.Close()
		return nil, 0, lockFailed(path, err)
	}
	if !ok {
		pid := readPID(f)
		f.Close()
		return nil, pid, nil
	}
	remember(path)
	// The pid is for the message another cpp prints while it waits; written after the lock is
	// taken, so that a file with a pid in it is always one a process held.
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return f, 0, nil
}

func readPID(f *os.File) int {
	b, _ := io.ReadAll(io.NewSectionReader(f, 0, 32))
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}

func lockFailed(path string, err error) error {
	return &Error{Op: "lock", Path: path, Kind: Failed, Err: err}
}

// takeOverByPID is the lock where the system has no flock (or the file system refuses it): the
// file created with O_EXCL is the lock, and one left by a process that no longer runs is removed
// so that the next try creates it afresh. Two waiters may both see the same stale file; the
// second removal then removes the first one's new lock, a race flock does not have, which is
// why flock is used where it works.
func takeOverByPID(f *os.File, path string, created bool) bool {
	if created {
		return true
	}
	pid := readPID(f)
	switch {
	case pid > 0 && !alive(pid):
	case pid <= 0:
		// Created but no pid yet: its maker is between the two steps, unless that was long
		// enough ago to say it died there.
		info, err := f.Stat()
		if err != nil || time.Since(info.ModTime()) < 2*time.Second {
			return false
		}
	default:
		return false
	}
	os.Remove(path)
	return false
}
