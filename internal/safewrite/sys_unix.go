//go:build unix

package safewrite

import (
	"io/fs"
	"os"
	"syscall"
)

// openReadFlags: O_NONBLOCK keeps an open of a named pipe from waiting for a writer, should one
// replace the file between the Stat and the open; it changes nothing for a regular file.
const openReadFlags = os.O_RDONLY | syscall.O_NONBLOCK

// writable asks the kernel whether this user may write the file, as open(2) would decide.
func writable(path string) bool {
	return syscall.Access(path, 0x2 /* W_OK */) == nil
}

// keepOwner gives the new file the old one's owner and group, when this user may (root, or a
// group the user is in); otherwise the new file is the user's, as any file they create.
func keepOwner(f *os.File, info fs.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid() {
		f.Chown(int(st.Uid), int(st.Gid))
	}
}

// raise sends the signal again, now that cpp no longer catches it.
func raise(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		syscall.Kill(os.Getpid(), s)
	}
}

func signum(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return int(s)
	}
	return 2
}

// links is how many names (hard links) a file has.
func links(info fs.FileInfo) int {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int(st.Nlink)
	}
	return 1
}
