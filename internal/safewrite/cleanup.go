package safewrite

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Files to remove should cpp be stopped (Ctrl-C, SIGTERM, SIGHUP) while it writes: temporary
// files and lock files, as git's tempfile.c keeps them. Without this a stopped cpp would leave a
// .NAME.cpp-* file beside the plan, and a lock the next cpp would have to wait out or take over.
// kill -9 cannot be caught: then the temporary file stays (git ignores it in a repository made by
// cpp init, and cpp never reads it as a plan) and the lock is taken over (see lock.go).
var cleanup struct {
	sync.Mutex
	paths    map[string]bool
	watching bool
}

// remember puts path on the list to remove when cpp is stopped.
func remember(path string) {
	cleanup.Lock()
	defer cleanup.Unlock()
	if cleanup.paths == nil {
		cleanup.paths = map[string]bool{}
	}
	cleanup.paths[path] = true
	if !cleanup.watching {
		cleanup.watching = true
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		go stopped(c)
	}
}

// forget takes path off the list: it was renamed into place, or removed.
func forget(path string) {
	cleanup.Lock()
	delete(cleanup.paths, path)
	cleanup.Unlock()
}

// stopped removes what is on the list when a signal comes, then lets the signal do what it
// would have done (end cpp, with the status a shell shows for it). The list stays locked, so
// that no write goes on to rename a file meanwhile.
func stopped(c chan os.Signal) {
	sig := <-c
	cleanup.Lock()
	for path := range cleanup.paths {
		os.Remove(path)
	}
	signal.Reset(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	raise(sig)
	// The signal is delivered on its way; should it not end cpp, end with the status a shell
	// gives a process it ended.
	time.Sleep(time.Second)
	os.Exit(128 + signum(sig))
}
