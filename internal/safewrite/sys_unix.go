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
